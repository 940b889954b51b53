"""The Participants menu of the main window. The dialogs it opens (and the roster import's
readers) are imported when first opened, not with the window at start-up."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction

from facilitator.domain import model as m
from facilitator.i18n import _
from facilitator.ui.document_signals import DocumentSignals


class ParticipantsMenu(QObject):
    """The Participants menu of the main window; it retranslates itself with the window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.menu = window.menuBar().addMenu("")
        self.menu.setObjectName("participantsMenu")
        self.manage = QAction(self)
        self.manage.setObjectName("manageParticipants")
        self.manage.triggered.connect(self.open_participants)
        self.roster = QAction(self)
        self.roster.setObjectName("importRosterAction")
        self.roster.triggered.connect(self.open_import)
        self.menu.addActions([self.manage, self.roster])
        window.series_actions.extend([self.manage, self.roster])
        self.menu.aboutToShow.connect(self._enable)
        window.installEventFilter(self)
        self.retranslate_ui()

    def _context(self) -> tuple[DocumentSignals, str, m.Session | None] | None:
        signals, series = self.window.signals, getattr(self.window, "series", None)
        if signals.doc is None or series is None:
            return None
        content = self.window.session_view.content
        return signals, series.series.id, content.session if content else None

    def _enable(self) -> None:
        ready = self._context() is not None
        self.manage.setEnabled(ready)
        self.roster.setEnabled(ready)

    def open_participants(self) -> None:
        context = self._context()
        if context is not None:
            from facilitator.ui.participants.dialog import ParticipantsDialog

            dialog = ParticipantsDialog(*context, parent=self.window)
            dialog.exec()
            dialog.deleteLater()  # it listens to the window's signals: not one per opening

    def open_import(self) -> None:
        context = self._context()
        if context is not None:
            from facilitator.ui.participants.roster_import import RosterImportDialog

            dialog = RosterImportDialog(*context, parent=self.window)
            dialog.exec()
            dialog.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False

    def retranslate_ui(self) -> None:
        self.menu.setTitle(_("Parti&cipants"))
        self.manage.setText(_("Participants and &attendance…"))
        self.roster.setText(_("&Import a registration list (CSV, Excel)…"))


def install_participants_menu(window) -> ParticipantsMenu:
    """One call at the end of MainWindow._build_menus."""
    return ParticipantsMenu(window)
