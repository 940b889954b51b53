"""Editing the agenda on the Overview while the moderator's timer runs: the Timer tab shows the
new minutes and order at once, the running item stays the running item, and the log the report
replays still names that item."""

from __future__ import annotations

from prepare_helpers import agenda_editor, type_line
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QSpinBox, QWidget
from timer_fixtures import make_file
from timer_window import window_on_timer

from facilitator.domain import model as m
from facilitator.storage import repository as repo


def plain(value: str) -> str:
    return value.translate(dict.fromkeys([0x202A, 0x202C, 0x2066, 0x2068, 0x2069]))


def test_minutes_title_and_order_edited_on_the_overview_reach_the_running_timer(
    qtbot, tmp_path, clock
):
    win, page = window_on_timer(qtbot, make_file(tmp_path))
    win.activateWindow()
    qtbot.waitUntil(lambda: page.isAncestorOf(QApplication.focusWidget()) or page.hasFocus())
    qtbot.keyClick(QApplication.focusWidget() or page, Qt.Key.Key_Space)  # start item 1
    clock.advance(60)
    running = page.session.content.agenda[0].id

    win.session_view.tabs.setCurrentIndex(0)  # the Overview
    editor = agenda_editor(win)
    editor.select(running)
    type_line(qtbot, win.findChild(QSpinBox, "itemMinutes"), "3")
    type_line(qtbot, win.findChild(QLineEdit, "itemTitle"), "Welcome")
    editor.select(running)
    editor.move(1)  # the running item becomes the second

    win.session_view.tabs.setCurrentWidget(page)
    page.refresh()
    assert plain(page.findChild(QWidget, "currentItem").text()) == "Welcome"
    assert plain(page.findChild(QWidget, "itemClock").text()) == "02:00"  # 3 min, 1 gone
    assert [i.title for i in page.session.content.agenda][:2] == ["Item 2", "Welcome"]
    events = repo.find(win.db, m.TimerEvent, session_id=page.session.session.id)
    assert {e.agenda_item_id for e in events if e.agenda_item_id} == {running}
