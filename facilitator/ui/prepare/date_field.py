"""The session's date: typed as year-month-day (2023-03-23; 2023/3/23 is tidied to it when
the field is left), or picked from a calendar (the arrow at the field's end, or Alt+Down);
empty until it is set. It replaces a QDateEdit, which could not be typed into while empty
("—2023-03-23", then "—" again), opened its calendar on January 1900, and turned 2023-03-23
typed over a date into 2023-12-03 (the year moved on to the month, and the hyphen skipped it).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLineEdit, QStyle

from facilitator.i18n import _
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.keys import key_text
from facilitator.ui.common.retranslate import Retranslating

ISO = "yyyy-MM-dd"
_LOOSE = re.compile(r"\s*(\d{4})\s*[-./ ]\s*(\d{1,2})\s*[-./ ]\s*(\d{1,2})\s*")


def tidy(text: str) -> str:
    """'2023/3/5' -> '2023-03-05'; any other text as typed, trimmed (the rule judges it)."""
    match = _LOOSE.fullmatch(text)
    if match is None:
        return text.strip()
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


class DateField(Retranslating, QLineEdit):
    committed = Signal()  # left after typing, or a day picked from the calendar

    def __init__(self) -> None:
        super().__init__()
        # ISO dates read left to right in every language, Arabic included.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setPlaceholderText("2023-03-23")
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        self.calendar_action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.editingFinished.connect(self._finish)
        self.calendar: QCalendarWidget | None = None
        self.retranslate_ui()

    def date(self) -> QDate:
        """The date shown (invalid when empty or not a date)."""
        return QDate.fromString(tidy(self.text()), ISO)

    def _finish(self) -> None:
        if self.calendar is not None and self.calendar.isVisible():
            return  # the focus went to the calendar: the field is not left yet
        tidied = tidy(self.text())
        if tidied != self.text():
            self.setText(tidied)
        self.committed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        alt_down = event.key() == Qt.Key.Key_Down and bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:  # as a drop-down opens its list
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setObjectName("dateCalendar")
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setLayoutDirection(QApplication.layoutDirection())  # the field itself is LTR
        shown = self.date()
        # The month of the date shown, else this month (not January 1900).
        calendar.setSelectedDate(shown if shown.isValid() else QDate.currentDate())
        calendar.setAccessibleName(_("Calendar: choose the session's date"))
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)
        calendar.adjustSize()
        below = self.mapToGlobal(QPoint(0, self.height()))
        if calendar.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            below.setX(below.x() + self.width() - calendar.width())
        calendar.move(below)
        calendar.destroyed.connect(self._forget_calendar)  # closed by a click elsewhere
        calendar.show()
        calendar.setFocus()
        self.calendar = calendar

    def _forget_calendar(self) -> None:
        self.calendar = None

    def _picked(self, day: QDate) -> None:
        self.setText(day.toString(ISO))
        calendar, self.calendar = self.calendar, None
        if calendar is not None:
            # Not deleted now: this runs inside the calendar's own key or mouse event.
            calendar.hide()
            calendar.deleteLater()
        self.setFocus()
        self.committed.emit()

    def retranslate_ui(self) -> None:
        hint = _("Year-month-day, for example 2023-03-23; a calendar: {key}").format(
            key=isolate(key_text("Alt+Down"))
        )
        self.setToolTip(hint)
        # Its text names the arrow button for screen readers.
        self.calendar_action.setText(_("Calendar: choose the session's date"))
        self.calendar_action.setToolTip(hint)
        self.setAccessibleDescription(hint)
