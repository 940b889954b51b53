"""View > Calendar of the series. The dialog (and the calendar's reads) is imported when first
opened, not with the window at start-up."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from facilitator.i18n import _

SHORTCUT = "Ctrl+Shift+L"


def install_calendar_action(window) -> None:
    """View > Calendar of the series (Ctrl+Shift+L): one dialog per window, opened on demand."""
    action = QAction(window, shortcut=QKeySequence(SHORTCUT))
    action.setObjectName("calendarAction")

    def open_calendar() -> None:
        dialog = getattr(window, "calendar_dialog", None)
        if dialog is None:
            from facilitator.ui.prepare.calendar_view import CalendarDialog

            dialog = window.calendar_dialog = CalendarDialog(window)
        else:
            dialog.reload()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.table.setFocus()

    action.triggered.connect(open_calendar)
    window.view_menu.addAction(action)
    window.calendar_action = action
    window.extra_retranslations.append(lambda: action.setText(_("&Calendar of the series")))
