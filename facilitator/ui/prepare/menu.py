"""File > New series… and the Session menu (add, duplicate, move up/down, delete), every change
undoable. Ctrl+Up / Ctrl+Down in the list of sessions move the selected session too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.i18n import _
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.errors import show_error

if TYPE_CHECKING:
    from facilitator.app import prepare


def _prepare():
    """facilitator.app.prepare (templates, pasted agendas, new files): imported when a menu
    entry is first used, not with the window at start-up."""
    from facilitator.app import prepare

    return prepare


class PrepareMenu(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.new_series_action = QAction(window)
        self.new_series_action.setObjectName("newSeriesAction")
        self.new_series_action.triggered.connect(self.new_series)
        window.file_menu.insertAction(window.new_action, self.new_series_action)
        # File, Edit, Session, View, ...: the session menu sits with the editing menus.
        self.menu = window.menuBar().insertMenu(window.view_menu.menuAction(), QMenu(window))
        self.session_menu = self.menu.menu()
        self.actions: dict[str, QAction] = {}
        for name, slot in (
            ("addSessionAction", self.add_session),
            ("duplicateSessionAction", self.duplicate_session),
            ("moveSessionUpAction", lambda: self.move_session(-1)),
            ("moveSessionDownAction", lambda: self.move_session(1)),
            ("deleteSessionAction", self.delete_session),
            ("seriesDetailsAction", self.series_details),
        ):
            action = QAction(window)
            action.setObjectName(name)
            action.triggered.connect(slot)
            self.session_menu.addAction(action)
            self.actions[name] = action
        window.series_actions.extend(self.actions.values())
        for keys, by in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), window.sessions)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda by=by: self.move_session(by))
        window.extra_retranslations.append(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_series_action.setText(_("New &series…"))
        self.session_menu.setTitle(_("Sess&ion"))
        self.actions["addSessionAction"].setText(_("&Add a session"))
        self.actions["duplicateSessionAction"].setText(_("&Duplicate this session"))
        self.actions["moveSessionUpAction"].setText(_("Move this session &up"))
        self.actions["moveSessionDownAction"].setText(_("Move this session do&wn"))
        self.actions["deleteSessionAction"].setText(_("De&lete this session…"))
        self.actions["seriesDetailsAction"].setText(_("Se&ries details…"))

    # --- helpers ------------------------------------------------------------------------------

    def _current(self) -> m.Session | None:
        content = self.window.session_view.content
        return content.session if content is not None and self.window.doc is not None else None

    def _run(self, step: prepare.Step) -> bool:
        try:
            self.window.signals.run(step.apply, undo=step)
        except FacilitatorError as error:
            show_error(self.window, error)
            return False
        return True

    def _select(self, session_id: str | None) -> None:
        sessions = self.window.series.sessions if self.window.series else []
        for row, content in enumerate(sessions):
            if content.session.id == session_id:
                self.window.sessions.setCurrentRow(row)

    # --- actions ------------------------------------------------------------------------------

    def new_series(self) -> None:
        from facilitator.app import bundled

        names: list[str | None] = [None, *bundled.TEMPLATES]
        labels = [_("An empty series (one session, no agenda)")] + [
            _(bundled.TEMPLATES[n]) for n in bundled.TEMPLATES
        ]
        choice, ok = QInputDialog.getItem(
            self.window, _("New series"), _("Start from:"), labels, 0, False
        )
        if not ok:
            return
        from facilitator.ui.main_window import file_filter  # (main_window imports this module)

        target, _filter = QFileDialog.getSaveFileName(
            self.window, _("Create a Facilitator file"), "", file_filter()
        )
        if not target:
            return
        from facilitator.app.file_ops import with_file_suffix

        path = with_file_suffix(target)
        try:
            _prepare().new_series(path, names[labels.index(choice)])
        except (FacilitatorError, OSError) as error:
            show_error(self.window, error)
            return
        self.window.open_path(path)

    def add_session(self) -> None:
        if self.window.doc is None or self.window.series is None:
            return
        step = _prepare().add_session(
            self.window.doc, self.window.series.series.id, _("New session")
        )
        if self._run(step):
            self._select(step.added_id)

    def duplicate_session(self) -> None:
        session = self._current()
        if session is None:
            return
        step = _prepare().duplicate_session(self.window.doc, session.id)
        if self._run(step):
            self._select(step.added_id)

    def move_session(self, by: int) -> None:
        """Move the selected session `by` places in the series (-1 earlier, +1 later)."""
        session = self._current()
        if session is None or self.window.doc.readonly:
            return
        ids = [sc.session.id for sc in self.window.series.sessions]
        prepare = _prepare()
        ordered = prepare.move(ids, session.id, by)
        if ordered is not None and self._run(
            prepare.reorder_sessions(self.window.doc, session.series_id, ordered)
        ):
            self._select(session.id)

    def delete_session(self) -> None:
        session = self._current()
        if session is None:
            return
        prepare = _prepare()
        if prepare.has_notes(self.window.doc, session.id):
            answer = QMessageBox.question(
                self.window,
                _("Delete this session"),
                _(
                    "“{title}” holds notes or timer records. Delete it anyway? "
                    "Edit > Undo brings it back."
                ).format(title=isolate(session.title)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(prepare.delete_session(self.window.doc, session.id))

    def series_details(self) -> None:
        if self.window.doc is None:
            return
        from facilitator.ui.prepare.series_dialog import SeriesDialog

        dialog = SeriesDialog(self.window.signals, self.window)
        dialog.exec()
        dialog.deleteLater()


def install_prepare_menu(window) -> PrepareMenu:
    window.prepare_menu = PrepareMenu(window)
    return window.prepare_menu
