"""The moderator's screen, driven by the keyboard as a moderator would, with a fake clock."""

from __future__ import annotations

import datetime as dt
import sqlite3
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QListWidget, QWidget
from timer_fixtures import make_file
from timer_window import window_on_timer

from facilitator.domain import model as m
from facilitator.domain import timer as t
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage import timer_store as ts
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.timer.clock_jump import ClockJumpDialog
from facilitator.ui.timer.page import TimerPage


class TextPage(QWidget):
    """Another tab with a text field, as the notes tab has."""

    def __init__(self) -> None:
        super().__init__()
        self.edit = QLineEdit(self)
        self.check = QCheckBox(self)
        self.check.move(0, 40)

    def set_session(self, db, content) -> None:
        pass

    def page_title(self) -> str:
        return "Text"


def has_focus(page: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is page or (focused is not None and page.isAncestorOf(focused))


def open_window(qtbot, path) -> tuple[MainWindow, TimerPage]:
    win, page = window_on_timer(qtbot, path)
    win.activateWindow()
    qtbot.waitUntil(lambda: has_focus(page))
    return win, page


@pytest.fixture
def window(qtbot, tmp_path, clock):
    win, page = open_window(qtbot, make_file(tmp_path))
    yield win, page
    page.close_stage()
    apply_language("en")


def text(page: TimerPage, name: str) -> str:
    return plain(page.findChild(QWidget, name).text())


def plain(value: str) -> str:
    """Text without the bidi isolates that keep readings in order in a mirrored screen."""
    return value.translate(dict.fromkeys([0x202A, 0x202C, 0x2066, 0x2068, 0x2069]))


def key(qtbot, page, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or page, k, modifier)


def logged(page: TimerPage) -> list[str]:
    conn = sqlite3.connect(page.doc.path)
    try:
        return [r[0] for r in conn.execute("SELECT action FROM timer_event ORDER BY rowid")]
    finally:
        conn.close()


def test_keyboard_shortcuts_drive_the_timer(window, qtbot, clock):
    win, page = window
    assert text(page, "timerWords") == "Not started"
    key(qtbot, page, Qt.Key.Key_Space)
    assert logged(page) == ["start"]  # on disk before the screen says it runs
    assert text(page, "currentItem") == "Item 1" and text(page, "itemClock") == "05:00"
    assert page.actions.toggle.text() == "Pause"
    clock.advance(30)
    page.refresh()
    assert text(page, "itemClock") == "04:30"
    key(qtbot, page, Qt.Key.Key_PageDown)
    assert text(page, "currentItem") == "Item 2" and text(page, "itemClock") == "15:00"
    key(qtbot, page, Qt.Key.Key_Right)
    key(qtbot, page, Qt.Key.Key_Left)
    key(qtbot, page, Qt.Key.Key_PageUp)
    assert text(page, "currentItem") == "Item 1" and text(page, "itemClock") == "04:30"
    key(qtbot, page, Qt.Key.Key_Plus)
    assert text(page, "itemClock") == "05:30"
    key(qtbot, page, Qt.Key.Key_Minus)
    key(qtbot, page, Qt.Key.Key_Minus)
    assert text(page, "itemClock") == "03:30"
    key(qtbot, page, Qt.Key.Key_Space)
    clock.advance(100)
    page.refresh()
    assert text(page, "itemClock") == "03:30" and text(page, "timerWords").startswith("Paused")
    assert logged(page) == ["start", "next", "next", "back", "back", "adjust"] + [
        "adjust",
        "adjust",
        "pause",
    ]
    assert "Space" in page.actions.toggle.toolTip()


def test_shortcuts_leave_text_fields_alone(window, qtbot):
    win, page = window
    picker = page.queue.picker.lineEdit()
    picker.setFocus()
    qtbot.keyClicks(picker, "Jo -")
    qtbot.keyClick(picker, Qt.Key.Key_Left)
    assert picker.text() == "Jo -" and page.session.state().phase == t.IDLE
    other = TextPage()
    win.session_view.add_page(other)
    win.session_view.tabs.setCurrentWidget(other)
    other.edit.setFocus()
    qtbot.keyClick(other.edit, Qt.Key.Key_Space)
    qtbot.keyClick(other.edit, Qt.Key.Key_Right)
    qtbot.keyClick(other.edit, Qt.Key.Key_PageDown)
    assert other.edit.text() == " " and logged(page) == []
    other.check.setFocus()
    qtbot.keyClick(other.check, Qt.Key.Key_Space)
    assert other.check.isChecked() and logged(page) == []


def test_amber_then_red_in_colour_and_in_words(window, qtbot, clock):
    win, page = window
    key(qtbot, page, Qt.Key.Key_Space)
    clock.advance(179)
    page.refresh()
    assert page.panel.property("level") == t.NORMAL and text(page, "timerWords") == "Running"
    clock.advance(2)
    page.refresh()
    assert text(page, "itemClock") == "01:59"
    assert page.panel.property("level") == t.WARNING and "#FFC107" in page.panel.styleSheet()
    assert "Ending soon: 2 minutes or less left" in text(page, "timerWords")
    clock.advance(124)
    page.refresh()
    assert text(page, "itemClock") == "+00:05" and page.panel.property("level") == t.OVERRUN
    assert "Over time by" in text(page, "timerWords")
    label = page.findChild(QWidget, "itemClock")
    assert "Over time" in label.accessibleDescription()
    assert label.accessibleName() == "Time left on the current item: \u202a+00:05\u202c"


def test_the_warning_threshold_is_set_per_session(window, qtbot, clock):
    win, page = window
    page.warning.setValue(4)
    page.warning.editingFinished.emit()
    assert repo.get(win.db, m.Session, page.session.session.id).warning_seconds == 240
    key(qtbot, page, Qt.Key.Key_Space)
    clock.advance(61)
    page.refresh()
    assert page.panel.property("level") == t.WARNING


def test_the_speakers_queue_gives_and_ends_the_floor(window, qtbot, clock):
    win, page = window
    picker = page.queue.picker.lineEdit()
    picker.setFocus()
    qtbot.keyClicks(picker, "Amina Diallo")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    page.queue.picker.setEditText("Civil society")
    page.queue.country.setText("Kenya")
    page.queue.add_speaker()
    queue = page.findChild(QListWidget, "speakersQueue")
    assert [queue.item(n).text().split(" · ")[0] for n in range(2)] == [
        "1. \u2068Amina Diallo (Member State, Mali)\u2069",
        "2. \u2068Civil society, Kenya\u2069",
    ]
    page.setFocus()
    key(qtbot, page, Qt.Key.Key_Space)
    key(qtbot, page, Qt.Key.Key_F8)
    assert text(page, "currentSpeaker") == "Amina Diallo" and text(page, "speakerClock") == "03:00"
    assert queue.count() == 1
    clock.advance(200)
    page.refresh()
    assert (
        text(page, "speakerClock") == "+00:20" and page.queue.panel.property("level") == "overrun"
    )
    key(qtbot, page, Qt.Key.Key_F9)
    assert text(page, "speakerClock") == "00:40"
    key(qtbot, page, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert text(page, "currentSpeaker") == "Nobody has the floor"
    (row,) = repo.find(win.db, m.Intervention, session_id=page.session.session.id)
    assert row.participant_id is not None and row.ended_at is not None


def test_agenda_items_are_reordered_and_replanned_live(window, qtbot, clock):
    win, page = window
    key(qtbot, page, Qt.Key.Key_Space)
    page.table.selectRow(1)
    page.setFocus()
    key(qtbot, page, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    titles = [i.title for i in page.session.content.agenda]
    assert titles[:2] == ["Item 2", "Item 1"]
    model = page.model
    assert model.data(model.index(1, 0)) == "▶ 2"  # the current item keeps its highlight
    assert model.setData(model.index(1, 2), 8)
    assert text(page, "itemClock") == "08:00"
    db = open_file(page.doc.path, device="check", readonly=True)
    try:
        stored = repo.find(db, m.AgendaItem, session_id=page.session.session.id)
    finally:
        db.close()
    assert [(i.title, i.planned_minutes) for i in stored][:2] == [("Item 2", 15), ("Item 1", 8)]


def test_a_moved_item_stays_selected_right_to_left(window, qtbot, clock):
    win, page = window
    apply_language("ar")
    try:
        cell = page.table.visualRect(page.model.index(2, 1)).center()
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        page.setFocus()
        for _ in range(2):  # up, and up again: the item moved is still the one selected
            key(qtbot, page, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        assert [i.title for i in page.session.content.agenda][:3] == ["Item 3", "Item 1", "Item 2"]
    finally:
        apply_language("en")


def test_the_timer_survives_closing_and_reopening_the_window(qtbot, tmp_path, clock):
    path = make_file(tmp_path)
    win, page = open_window(qtbot, path)
    key(qtbot, page, Qt.Key.Key_Space)
    clock.advance(20)
    key(qtbot, page, Qt.Key.Key_PageDown)
    clock.advance(50)
    key(qtbot, page, Qt.Key.Key_Plus)
    clock.advance(10)
    page.refresh()
    before = (text(page, "currentItem"), text(page, "itemClock"), text(page, "timerTotals"))
    win.close()
    clock.advance(30)
    again, page = open_window(qtbot, path)
    clock.advance(0.5)
    page.refresh()
    assert before[:2] == ("Item 2", "15:00")
    # the timer ran on while the window was closed: 30.5 s later
    assert (text(page, "currentItem"), text(page, "itemClock")) == ("Item 2", "14:30")
    assert "Elapsed 01:50" in text(page, "timerTotals")


def test_a_clock_jump_is_asked_and_answered(qtbot, tmp_path, clock):
    path = make_file(tmp_path)
    win, page = open_window(qtbot, path)
    key(qtbot, page, Qt.Key.Key_Space)
    clock.advance(60)
    page.refresh()
    win.close()
    clock.advance(3600)  # the lid was closed for an hour
    asked = []
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    page = win.findChild(TimerPage)
    page.ask_clock_jump = lambda jump: asked.append(jump) or t.PAUSE_AT_HEARTBEAT
    assert win.open_path(path)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked[0].gap == pytest.approx(3600) and not asked[0].backwards
    assert page.session.state().phase == t.PAUSED
    assert text(page, "itemClock") == "04:00"


def test_the_clock_jump_dialog_offers_clear_choices(qtbot):
    make_app()
    forward = ClockJumpDialog(t.ClockJump(1_700_000_000, 1_700_000_000 + 1800))
    qtbot.addWidget(forward)
    assert set(forward.buttons) == {t.COUNT_GAP, t.PAUSE_AT_HEARTBEAT, t.CONTINUE}
    assert "30 minutes" in forward.message.text()
    assert forward.choice == t.COUNT_GAP  # closing the dialog counts the sleep as time
    qtbot.mouseClick(forward.buttons[t.CONTINUE], Qt.MouseButton.LeftButton)
    assert forward.choice == t.CONTINUE and forward.result() == forward.DialogCode.Accepted
    backward = ClockJumpDialog(t.ClockJump(1_700_000_000, 1_700_000_000 - 7200))
    qtbot.addWidget(backward)
    assert set(backward.buttons) == {t.PAUSE_AT_HEARTBEAT, t.CONTINUE}
    assert "earlier" in backward.message.text() and backward.choice == t.PAUSE_AT_HEARTBEAT


def test_the_real_dialog_is_shown_and_its_answer_kept(qtbot, window, clock):
    win, page = window
    key(qtbot, page, Qt.Key.Key_Space)
    page.session.beat(force=True)
    clock.advance(-600)  # the clock was set back ten minutes

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ClockJumpDialog)
        dialog.buttons[t.CONTINUE].click()

    QTimer.singleShot(50, answer)
    page.refresh()
    assert logged(page) == ["start", "pause", "resume"]
    clock.advance(10)
    page.refresh()
    assert text(page, "itemClock") == "04:50"
    assert ts.read_heartbeat(win.db, page.session.session.id) is not None


def test_arrows_follow_the_reading_direction_in_arabic(window, qtbot, clock):
    win, page = window
    apply_language("ar")
    key(qtbot, page, Qt.Key.Key_Space)
    key(qtbot, page, Qt.Key.Key_Left)  # forward, in a right-to-left screen
    assert page.session.state().current_index == 1
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert text(page, "itemClock") == "15:00"  # Latin digits: CLDR's default for Arabic


def test_projected_end_in_the_session_zone_and_the_laptops(window, qtbot, clock, monkeypatch):
    win, page = window
    monkeypatch.setattr("facilitator.ui.timer.display.local_zone", lambda: dt.UTC)
    key(qtbot, page, Qt.Key.Key_Space)
    projected = text(page, "projectedEnd")
    assert "15:30" in projected and "(Europe/Zurich)" in projected and "14:30" in projected
    assert "on plan" in text(page, "timerTotals")
    monkeypatch.setattr("facilitator.ui.timer.display.local_zone", lambda: ZoneInfo("Europe/Paris"))
    page.refresh()
    assert "computer" not in text(page, "projectedEnd")


def test_after_the_session_the_table_is_planned_versus_actual(window, qtbot, clock):
    win, page = window
    key(qtbot, page, Qt.Key.Key_Space)
    clock.advance(360)
    key(qtbot, page, Qt.Key.Key_PageDown)
    clock.advance(600)
    page.confirm = lambda title, question: True  # "End the session?" answered Yes
    page.actions.stop.trigger()
    model = page.model
    rows = [[model.data(model.index(r, c)) or "" for c in range(5)] for r in range(2)]
    clean = [[plain(cell) for cell in row] for row in rows]
    assert clean[0][2:] == ["5 minutes", "06:00", "+01:00"]
    assert clean[1][2:] == ["15 minutes", "10:00", "-05:00"]
    assert text(page, "timerWords") == "Session ended"
