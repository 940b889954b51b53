"""The main window: a series, its sessions, and the selected session's agenda and questions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator import settings
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.errors import FacilitatorError
from facilitator.i18n import LANGUAGES, N_, _, format_date, get_language, language_name
from facilitator.ui.application import apply_language
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.errors import show_error
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.files.backup_dialog import install_backups
from facilitator.ui.files.export_menu import install_export_menu
from facilitator.ui.help import install_help_menu
from facilitator.ui.merge.menu import install_merge_menu
from facilitator.ui.notes.banner import RecoveryBar
from facilitator.ui.notes.page import NotesPage
from facilitator.ui.participants.menu import install_participants_menu
from facilitator.ui.prepare.calendar_menu import install_calendar_action
from facilitator.ui.prepare.lazy_page import LazyPage
from facilitator.ui.prepare.menu import install_prepare_menu
from facilitator.ui.prepare.session_view import SessionView
from facilitator.ui.recent_files import RecentMenu, restore_window_state, save_window_state
from facilitator.ui.start_page import StartPage
from facilitator.ui.timer.page import TimerPage
from facilitator.ui.timer.stage_window import install_stage_action


def file_filter() -> str:
    return _("Facilitator files (*.facilitator *.fac *.sqlite)") + ";;" + _("All files (*)")


class MainWindow(Retranslating, QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.doc: Document | None = None
        self.signals = DocumentSignals(self)
        self.signals.file_lost.connect(lambda lost: self.say(lambda: str(lost)))
        self.signals.changed.connect(self._document_changed)
        # A line longer than the window is cut at its edge: hovering shows it whole.
        self.statusBar().messageChanged.connect(lambda line: self.statusBar().setToolTip(line))
        self.series: m.SeriesContent | None = None
        # Menu entries added by feature modules retranslate through these callables.
        self.extra_retranslations: list = []
        # Menu entries that need an open file, or an open file with a series in it; the
        # feature modules add theirs, update_file_actions enables them.
        self.file_actions: list[QAction] = []
        self.series_actions: list[QAction] = []
        self.resize(1100, 720)

        self.sessions = QListWidget()
        self.sessions.setObjectName("sessionList")
        self.sessions.setWordWrap(True)
        self.sessions.currentRowChanged.connect(self._show_session)
        self.series_title = QLabel()
        self.series_title.setObjectName("seriesTitle")
        self.series_title.setWordWrap(True)
        self.series_title.setStyleSheet("font-weight: bold;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.series_title)
        left_layout.addWidget(self.sessions)
        self.session_view = SessionView(self.signals)
        self._add_session_pages()
        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.session_view)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 800])
        self.splitter = splitter

        self.stack = QStackedWidget()
        self.stack.addWidget(splitter)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.recovery)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        # Page 0 while no file (or no series) is open: the File menu's ways in, as buttons.
        self.empty = StartPage(self)
        self.stack.insertWidget(0, self.empty)
        self.stack.setCurrentIndex(0)
        restore_window_state(self)
        self.retranslate_ui()

    def _add_session_pages(self) -> None:
        """The tabs of a session beyond its overview (timer, notes, summary, ...)."""
        self.session_view.add_page(TimerPage(self.signals, self))
        notes = NotesPage(self.signals)
        self.session_view.add_page(notes)
        # The Notes page is told at once (its recovery banner speaks for every tab); the two
        # pages after it are made (their modules imported) and told when first shown.
        for kind, title in (
            ("facilitator.ui.questions.page:QuestionsPage", lambda: _("Guiding questions")),
            ("facilitator.ui.summary.page:SummaryPage", lambda: _("Summary")),
        ):
            self.session_view.add_page(LazyPage(kind, title, self.signals), defer=True)
        # Drafts left by a crash are offered on the Notes tab; this bar says so on any tab.
        self.recovery = RecoveryBar()
        tabs = self.session_view.tabs

        def update(count: int | None = None) -> None:
            waiting = len(notes.banner.drafts) if count is None else count
            self.recovery.set_waiting(waiting, tabs.currentWidget() is notes)

        notes.banner.pending.connect(update)
        tabs.currentChanged.connect(lambda _n: update())
        self.recovery.show_requested.connect(lambda: tabs.setCurrentWidget(notes))

    # --- menus -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.open_action = QAction(self, shortcut=QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_file)
        self.new_action = QAction(self, shortcut=QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_file)
        self.demo_action = QAction(self)
        self.demo_action.triggered.connect(self.open_demo)
        self.quit_action = QAction(self, shortcut=QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.recent_menu = RecentMenu(self)
        self.file_menu.addAction(self.open_action)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addActions([self.new_action, self.demo_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        self.undo_action = QAction(self, shortcut=QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.triggered.connect(self._undo)
        self.redo_action = QAction(self)
        self.redo_action.setObjectName("redoAction")
        # Ctrl+Shift+Z everywhere, and the platform's own redo key (Ctrl+Y on Windows) too.
        redo_keys = [QKeySequence("Ctrl+Shift+Z")]
        redo_keys += [
            k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in redo_keys
        ]
        self.redo_action.setShortcuts(redo_keys)
        self.redo_action.triggered.connect(self._redo)
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.signals.history_changed.connect(self._update_undo_actions)

        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            # Each language is named in its own language and script, so anyone can find theirs.
            action = QAction(language_name(code), self, checkable=True)
            action.setObjectName(f"language-{code}")
            action.setData(code)
            action.triggered.connect(
                lambda _checked=False, c=code: apply_language(c, remember=True)
            )
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        install_calendar_action(self)
        install_backups(self)
        install_merge_menu(self)
        install_participants_menu(self)
        install_stage_action(self)
        install_export_menu(self)
        install_prepare_menu(self)
        install_help_menu(self)  # last, after every feature's menu
        self.signals.opened.connect(self.update_file_actions)
        self.signals.changed.connect(self.update_file_actions)  # a merge can bring a series
        self.update_file_actions()

    def update_file_actions(self, *_args) -> None:
        """Entries that act on the open file are greyed out while none is open (a menu entry
        that does nothing when chosen tells nobody why)."""
        has_file, has_series = self.doc is not None, self.series is not None
        for action in self.file_actions:
            action.setEnabled(has_file)
        for action in self.series_actions:
            action.setEnabled(has_file and has_series)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self._window_title())
        self.sessions.setAccessibleName(_("Sessions"))  # else a screen reader hears a bare list
        self.file_menu.setTitle(_("&File"))
        self.open_action.setText(_("&Open…"))
        self.new_action.setText(_("&New from template…"))
        self.demo_action.setText(_("Open the &demo series"))
        self.quit_action.setText(_("&Quit"))
        self.edit_menu.setTitle(_("&Edit"))
        self._update_undo_actions()
        self.view_menu.setTitle(_("&View"))
        self.language_menu.setTitle(_("&Language"))
        self.recent_menu.retranslate_ui()
        if get_language() in self.language_actions:  # not in the pseudo-locale of the tests
            self.language_actions[get_language()].setChecked(True)
        self.series_title.setText(self.series.series.title if self.series else "")
        for retranslate in self.extra_retranslations:
            retranslate()
        said = getattr(self, "_said", None)
        if said is not None and self.statusBar().currentMessage() == self._said_text:
            self.say(said, self._said_timeout)  # still shown: now in the new language
        self._fill_sessions()

    def _window_title(self) -> str:
        if self.doc is None:
            return _("Facilitator")
        return _("{name} — Facilitator").format(name=self.doc.path.name)

    @property
    def db(self):
        """The open file's database, for tests that check what was written; the window's own
        code goes through self.doc and self.signals."""
        return self.doc.db if self.doc is not None else None

    # --- undo --------------------------------------------------------------------------------

    def _update_undo_actions(self) -> None:
        history = self.doc.history if self.doc is not None else None
        can_undo = bool(history and history.can_undo())
        can_redo = bool(history and history.can_redo())
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setText(
            _("&Undo {what}").format(what=history.undo_label()) if can_undo else _("&Undo")
        )
        self.redo_action.setText(
            _("&Redo {what}").format(what=history.redo_label()) if can_redo else _("&Redo")
        )

    def _undo(self) -> None:
        self._undo_or_redo(self.signals.undo, N_("Undone: {what}"), self.doc.history.undo_label)

    def _redo(self) -> None:
        self._undo_or_redo(self.signals.redo, N_("Redone: {what}"), self.doc.history.redo_label)

    def _undo_or_redo(self, step, done_text: str, label) -> None:
        if self.doc is None:
            return
        what = label()
        try:
            step()
        except (FacilitatorError, OSError) as error:
            show_error(self, error)
            return
        except Exception as error:  # sqlite3 errors: a full disk, a file gone read-only
            show_error(self, FacilitatorError(str(error)))
            return
        if what:
            # Said again after a language switch: the template and the step's label both
            # follow (the label of the step just undone is now the redo label, and back).
            again = (
                self.doc.history.redo_label
                if label == self.doc.history.undo_label
                else (self.doc.history.undo_label)
            )
            self.say(lambda: _(done_text).format(what=again() or what), 5000)

    def say(self, text: Callable[[], str] | str, timeout: int = 0) -> None:
        """The one way to put a line in the status bar. Given as a callable, the line is said
        again in a new language (with its timeout); a plain string (a line made elsewhere, in
        the language of its time) is isolated, so that in the other direction its full stop
        stays at its end."""
        if isinstance(text, str):
            text = (lambda line: lambda: line)(isolate(text))
        self._said, self._said_timeout, self._said_text = text, timeout, text()
        self.statusBar().showMessage(self._said_text, timeout)

    def _document_changed(self, changes: ChangeSet) -> None:
        """Sessions, their details, agenda or questions changed: show the file as it is now."""
        if self.doc is None or not changes.touches(
            "series", "session", "agenda_item", "guiding_question", "topic"
        ):
            return
        try:
            self.series = self.doc.load_outline()
        except FacilitatorError as error:
            # Not a dialog: this runs on a change seen in the file, not on something clicked.
            self.say(str(error))
            return
        self.series_title.setText(self.series.series.title if self.series else "")
        self._fill_sessions()

    # --- files -------------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Open a Facilitator file"), "", file_filter()
        )
        if name:
            self.open_path(Path(name))

    def open_demo(self) -> None:
        # file_ops (templates, JSON, exports) is imported when a file is made, not at start-up.
        from facilitator.app import file_ops

        self.open_path(file_ops.ensure_demo_file())

    def new_file(self) -> None:
        from facilitator.app import bundled, file_ops

        names = list(bundled.TEMPLATES)
        labels = [_(bundled.TEMPLATES[n]) for n in names]
        choice, ok = QInputDialog.getItem(self, _("New file"), _("Start from:"), labels, 0, False)
        if not ok:
            return
        target, _filter = QFileDialog.getSaveFileName(
            self, _("Create a Facilitator file"), "", file_filter()
        )
        if not target:
            return
        path = file_ops.with_file_suffix(target)
        try:
            file_ops.new_from_template(path, names[labels.index(choice)])
        except FacilitatorError as error:
            show_error(self, error)
            return
        self.open_path(path)

    def open_path(self, path: Path) -> bool:
        reopening = self.doc is not None and self.doc.same_file(path)
        if reopening:  # after a restore, say: let go of our own lock before taking it again
            self.close_document()
        try:
            doc = Document.open(path)
        except FacilitatorError as error:
            show_error(self, error)
            return False
        if doc.locked_out:
            show_error(
                self,
                FacilitatorError(
                    _(
                        "{path} is already open in another Facilitator window; it is opened read-only here."
                    ).format(path=Path(path).name)
                ),
            )
        try:
            content = doc.load_outline()
        except FacilitatorError as error:
            doc.close()
            show_error(self, error)
            return False
        self.close_document()
        self.doc, self.series = doc, content
        self.signals.set_document(doc)
        self.backups.watch(doc)
        self.stack.setCurrentIndex(1 if content else 0)
        self.sessions.blockSignals(True)
        self.sessions.clear()  # so the list below starts at the first session, shown once
        self.sessions.blockSignals(False)
        self.retranslate_ui()
        self.say(lambda: isolate(str(path)))
        self.merge_tools.after_open(Path(path))
        settings.remember_recent(path)
        return True

    def commit_edits(self) -> None:
        """The field being typed in saves itself when it is left: leave it now, while its file
        is still open (a close, or another file opened, would otherwise lose what was typed)."""
        widget = QApplication.focusWidget()
        if widget is not None and self.isAncestorOf(widget):
            widget.clearFocus()

    def close_document(self) -> None:
        if self.doc is None:
            return
        self.commit_edits()
        self.backups.watch(None)
        self.signals.set_document(None)
        self.doc.close()
        self.doc = None
        self.update_file_actions()

    def _fill_sessions(self) -> None:
        current = max(self.sessions.currentRow(), 0)
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for sc in self.series.sessions if self.series else []:
            s = sc.session
            when = format_date(dt.date.fromisoformat(s.date), fmt="medium") if s.date else ""
            item = QListWidgetItem(f"{s.title}\n{when}" if when else s.title)
            item.setToolTip(s.title)
            self.sessions.addItem(item)
        if self.sessions.count():
            # Still blocked: the row's signal would show the session a second time.
            self.sessions.setCurrentRow(min(current, self.sessions.count() - 1))
        self.sessions.blockSignals(False)
        if self.sessions.count():
            self._show_session(self.sessions.currentRow())

    def _show_session(self, row: int) -> None:
        if self.series is None or not 0 <= row < len(self.series.sessions):
            self.session_view.show_session(None)
            return
        self.session_view.show_session(self.series.sessions[row], self.doc)

    def closeEvent(self, event) -> None:  # noqa: N802
        save_window_state(self)
        self.backups.watch(None)
        self.backups.wait()
        self.close_document()
        super().closeEvent(event)
