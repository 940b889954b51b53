"""The session's date in the Overview, as an organiser enters it on a new file: typed as
year-month-day into the empty field, tidied when loosely typed, refused with one line when it
is not a date, picked from a calendar that opens on this month (Alt+Down), and cleared."""

from __future__ import annotations

import pytest
from prepare_helpers import field, focus, type_line
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLabel

from facilitator.domain import model as m
from facilitator.i18n import gettext_in
from facilitator.storage import repository as repo
from facilitator.ui.application import apply_language


@pytest.fixture(params=["en", "ar"])
def window(request, template_window):
    apply_language(request.param)
    yield template_window, request.param
    apply_language("en")


def saved_date(win) -> str:
    return repo.get(win.db, m.Session, win.session_view.content.session.id).date


def error_line(win) -> QLabel:
    return field(win, "date").parentWidget().findChild(QLabel, "fieldError")


def test_a_date_typed_into_the_empty_field_is_saved(window, qtbot):
    win, _lang = window
    date = field(win, "date")
    assert date.text() == "" and saved_date(win) == ""
    type_line(qtbot, date, "2023-03-23")
    assert saved_date(win) == "2023-03-23" and date.text() == "2023-03-23"
    assert date.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_loosely_typed_date_is_tidied(window, qtbot):
    win, _lang = window
    type_line(qtbot, field(win, "date"), "2023/3/5")
    assert saved_date(win) == "2023-03-05" and field(win, "date").text() == "2023-03-05"


def test_a_text_that_is_no_date_is_refused_in_one_line(window, qtbot):
    win, lang = window
    type_line(qtbot, field(win, "date"), "2023-02-30")
    assert saved_date(win) == ""
    line = error_line(win)
    assert line.isVisible()
    assert line.text() == gettext_in(lang, "Date: type it as YYYY-MM-DD, for example 2023-03-23.")
    assert field(win, "date").text() == "2023-02-30"  # kept, to be corrected
    type_line(qtbot, field(win, "date"), "2023-03-23")
    assert saved_date(win) == "2023-03-23" and not line.isVisible()


def test_the_calendar_opens_on_this_month_and_a_day_is_picked_by_keys(window, qtbot):
    win, _lang = window
    date = field(win, "date")
    focus(qtbot, date)
    before = QDate.currentDate()
    qtbot.keyClick(date, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = date.calendar
    assert isinstance(calendar, QCalendarWidget) and calendar.isVisible()
    after = QDate.currentDate()
    shown = (calendar.yearShown(), calendar.monthShown())
    assert shown in {(before.year(), before.month()), (after.year(), after.month())}
    picked = calendar.selectedDate()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert saved_date(win) == picked.toString("yyyy-MM-dd")
    assert date.calendar is None and date.hasFocus()  # closed, back in the field


def test_the_calendar_shows_the_date_and_moves_by_day(window, qtbot):
    win, _lang = window
    date = field(win, "date")
    type_line(qtbot, date, "2023-03-23")
    focus(qtbot, date)
    qtbot.keyClick(date, Qt.Key.Key_F4)
    calendar = date.calendar
    assert calendar.selectedDate() == QDate(2023, 3, 23)
    right = Qt.Key.Key_Left if calendar.isRightToLeft() else Qt.Key.Key_Right  # the next day
    qtbot.keyClick(QApplication.focusWidget(), right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert saved_date(win) == "2023-03-24" and date.text() == "2023-03-24"


def test_a_cleared_date_is_saved_empty(window, qtbot):
    win, _lang = window
    date = field(win, "date")
    type_line(qtbot, date, "2023-03-23")
    focus(qtbot, date)
    qtbot.keyClick(date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(date, Qt.Key.Key_Delete)
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    assert saved_date(win) == ""
