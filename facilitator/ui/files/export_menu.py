"""File > Export… of the main window. The dialog (and the exports behind it) is imported when
first opened, not with the window at start-up."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from facilitator.i18n import _


def install_export_menu(window) -> None:
    """File > Export… in the main window (before Quit), retranslated with the window."""
    action = QAction(window, shortcut=QKeySequence("Ctrl+E"))
    action.setObjectName("exportAction")

    def open_dialog() -> None:
        if window.doc is None or window.series is None:
            QMessageBox.information(window, _("Export"), _("Open a file first."))
            return
        row = window.sessions.currentRow()
        sessions = window.series.sessions
        session_id = sessions[row].session.id if 0 <= row < len(sessions) else None
        from facilitator.ui.files.export_dialog import ExportDialog

        ExportDialog(window, window.doc, session_id).open()

    action.triggered.connect(open_dialog)
    separator = next((a for a in window.file_menu.actions() if a.isSeparator()), None)
    window.file_menu.insertAction(separator, action)
    window.export_action = action
    window.series_actions.append(action)
    window.extra_retranslations.append(lambda: action.setText(_("&Export…")))
    action.setText(_("&Export…"))
