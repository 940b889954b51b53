"""View > Calendar of the series in a real main window: the demo's six sessions with their
dates and states, sorting by date, Return on a row opens that session's Overview, and a note
saved on the Notes tab turns "Not held" into "Notes taken" without reopening anything."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.ui.application import apply_language
from facilitator.ui.notes.page import NotesPage
from facilitator.ui.prepare import calendar_view as cv

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(demo_window):
    return demo_window


def open_calendar(qtbot, win) -> cv.CalendarDialog:
    """Ctrl+Shift+L, as a user would press it in the main window."""
    qtbot.keyClick(win, Qt.Key.Key_L, CTRL | SHIFT)
    dialog = win.findChild(cv.CalendarDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def column(dialog: cv.CalendarDialog, col: int) -> list[str]:
    proxy = dialog.proxy
    return [proxy.index(r, col).data() for r in range(proxy.rowCount())]


def row_of(dialog: cv.CalendarDialog, title: str) -> int:
    return column(dialog, cv.TITLE).index(title)


def test_the_demo_shows_its_six_sessions_with_their_dates_and_states(qtbot, window):
    dialog = open_calendar(qtbot, window)
    assert window.calendar_action.text() == "&Calendar of the series"
    assert column(dialog, cv.DATE) == [
        "23 Mar 2023",
        "29 Jan 2024",
        "29 Jan 2024",
        "1 Feb 2024",
        "1 Feb 2024",
        "2 Feb 2024",
    ]
    assert column(dialog, cv.TIME)[0] == "\u206815:00\u2069 \u2068CET\u2069"
    states = dict(zip(column(dialog, cv.TITLE), column(dialog, cv.STATE), strict=True))
    # The demo's first session under its published title (seed 003); its short label is
    # "Introductory GCM Talk".
    published = (
        "Actionable recommendations on missing migrants and providing humanitarian assistance "
        "to migrants in distress"
    )
    assert states.pop(published) == "Notes taken"
    assert len(states) == 5 and set(states.values()) == {"Not held"}
    africa = row_of(dialog, "Regional consultation: Africa")
    assert dialog.proxy.index(africa, cv.LANGUAGES).data() == "French, English"
    assert dialog.proxy.index(africa, cv.AUDIENCE).data() == "Open to all"
    assert dialog.proxy.index(africa, cv.FORMAT).data() == "Online"
    assert dialog.table.accessibleName() == "Calendar of the series"


def test_sorting_by_date_sorts_dates_not_their_text(qtbot, window):
    dialog = open_calendar(qtbot, window)
    header = dialog.table.horizontalHeader()
    # As text "29 Jan 2024" would come after "23 Mar 2023" and "2 Feb 2024" before "29 Jan".
    dialog.table.sortByColumn(cv.DATE, Qt.SortOrder.DescendingOrder)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert column(dialog, cv.DATE)[0] == "2 Feb 2024"
    assert column(dialog, cv.DATE)[-1] == "23 Mar 2023"
    # Same day: the later start comes first when descending.
    assert column(dialog, cv.TITLE)[1] == "Regional consultation: Arab States"
    dialog.table.sortByColumn(cv.DATE, Qt.SortOrder.AscendingOrder)
    assert column(dialog, cv.DATE)[0] == "23 Mar 2023"
    assert column(dialog, cv.TITLE)[1:3] == [
        "Regional consultation: Africa",
        "Regional consultation: Latin America and the Caribbean",
    ]


def test_return_on_a_row_opens_that_session_on_its_overview(qtbot, window):
    notes = window.findChild(NotesPage)
    window.session_view.tabs.setCurrentWidget(notes)
    dialog = open_calendar(qtbot, window)
    europe = row_of(dialog, "Regional consultation: Europe")
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.proxy.index(0, 0))
    for _ in range(europe):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert window.session_view.content.session.title == "Regional consultation: Europe"
    assert window.sessions.currentRow() == 5
    assert window.session_view.tabs.currentIndex() == 0


def test_a_saved_intervention_turns_not_held_into_notes_taken_at_once(qtbot, window):
    dialog = open_calendar(qtbot, window)
    africa = "Regional consultation: Africa"
    assert dialog.proxy.index(row_of(dialog, africa), cv.STATE).data() == "Not held"
    window.sessions.setCurrentRow(1)
    page = window.findChild(NotesPage)
    window.session_view.tabs.setCurrentWidget(page)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(page.form, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(page.form.notes, "The first intervention of the Africa consultation")
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    assert "Saved" in page.form.status.text()
    assert dialog.proxy.index(row_of(dialog, africa), cv.STATE).data() == "Notes taken"
    # Edit > Undo takes the note back, and the calendar hears of that too.
    window.undo_action.trigger()
    assert dialog.proxy.index(row_of(dialog, africa), cv.STATE).data() == "Not held"


def test_the_calendar_is_mirrored_and_translated_in_arabic(qtbot, window):
    dialog = open_calendar(qtbot, window)
    apply_language("ar")
    assert dialog.isRightToLeft()
    assert dialog.windowTitle() != "Calendar of the series"
    assert dialog.model.headerData(cv.STATE, Qt.Orientation.Horizontal) != "Record"
    assert "Not held" not in column(dialog, cv.STATE)


def test_a_report_exported_from_the_app_shows_in_the_calendar(qtbot, window, tmp_path):
    """Ctrl+E, Word report of this session: the calendar says "Report exported" with the day,
    and the file keeps it (a colleague's calendar shows it after a merge)."""
    from facilitator.ui.files.export_dialog import ExportDialog

    window.sessions.setCurrentRow(1)  # the Africa consultation, not held
    dialog = open_calendar(qtbot, window)
    africa = "Regional consultation: Africa"
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    export = window.findChild(ExportDialog)
    export.format_box.setCurrentIndex(export.format_box.findData("md"))
    export.path_edit.setText(str(tmp_path / "africa.md"))
    with qtbot.waitSignal(export.finished_export, timeout=20000):
        qtbot.keyClick(export.path_edit, Qt.Key.Key_Return)
    state = dialog.proxy.index(row_of(dialog, africa), cv.STATE).data()
    assert state.startswith("Report exported, ")
    others = [
        s
        for t, s in zip(column(dialog, cv.TITLE), column(dialog, cv.STATE), strict=True)
        if t != africa
    ]
    assert not any(s.startswith("Report exported") for s in others)
