"""The stage view: the moderator's numbers, very large, on a window of its own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from timer_fixtures import make_file
from timer_window import window_on_timer

from facilitator.domain import timer as t
from facilitator.domain.speakers import QueueEntry
from facilitator.i18n import gettext_in
from facilitator.ui.application import apply_language
from facilitator.ui.timer.page import TimerPage


def plain(value: str) -> str:
    return value.translate(dict.fromkeys([0x202A, 0x202C, 0x2066, 0x2068, 0x2069]))


@pytest.fixture
def page(qtbot, tmp_path, clock):
    win, page = window_on_timer(qtbot, make_file(tmp_path))
    page.open_stage()
    qtbot.addWidget(page.stage)
    yield page
    page.close_stage()
    apply_language("en")


def readings(page: TimerPage) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(what the moderator sees, what the room sees): item, clock, words, speaker clock."""
    moderator = tuple(
        plain(page.findChild(QWidget, name).text())
        for name in ("currentItem", "itemClock", "timerWords", "speakerClock")
    )
    stage = page.stage
    room = (
        plain(stage.title.text()),
        plain(stage.item_clock.text()),
        plain(stage.words.text()),
        plain(stage.speaker_clock.text()),
    )
    return moderator, room


def test_the_stage_shows_the_moderators_numbers(page, clock):
    page.run(lambda s: s.enqueue(QueueEntry(group="member_state", limit=60)))
    page.run(lambda s: s.start())
    page.run(lambda s: s.give_floor())
    for step in (0, 30, 45, 250, 3):
        clock.advance(step)
        page.refresh()
        moderator, room = readings(page)
        assert moderator == room
        assert page.stage.item_panel.property("level") == page.panel.property("level")
        assert page.stage.speaker_panel.property("level") == page.queue.panel.property("level")
    assert room[1] == "+00:28" and room[3] == "+04:28" and "Over time" in room[2]
    assert page.stage.item_panel.property("level") == t.OVERRUN
    page.run(lambda s: s.end_floor())
    assert page.stage.speaker_panel.isHidden()


def test_the_digits_grow_with_the_window(page, qtbot):
    stage = page.stage
    stage.resize(640, 360)
    qtbot.wait(10)
    small = stage.item_clock.font().pixelSize()
    stage.resize(1920, 1080)
    qtbot.wait(10)
    large = stage.item_clock.font().pixelSize()
    assert large > 2.5 * small and large > 200
    width = stage.item_clock.fontMetrics().horizontalAdvance(stage.item_clock.text())
    assert width <= stage.item_clock.width()  # the reading always fits


def test_full_screen_on_a_chosen_screen_and_without_a_frame(page):
    stage = page.stage
    stage.full_screen_on(0)
    assert stage.isFullScreen() and stage.screen() == QApplication.screens()[0]
    stage.leave_action.trigger()
    assert not stage.isFullScreen()
    stage.frameless_action.setChecked(True)
    assert stage.windowFlags() & Qt.WindowType.FramelessWindowHint and stage.isVisible()
    menu = stage.screen_menu()
    assert "Full screen on screen 1" in menu.actions()[0].text()


def test_the_stage_follows_the_language_and_keeps_readings_left_to_right(page, clock):
    page.run(lambda s: s.start())
    apply_language("ar")
    page.refresh()
    stage = page.stage
    assert stage.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert stage.item_clock.text() == "\u202a05:00\u202c"  # Latin digits, kept left to right
    assert gettext_in("ar", "Running") in stage.words.text()
    name = gettext_in("ar", "Time left on the current item")
    assert stage.item_clock.accessibleName().startswith(name)
    assert "05:00" in stage.item_clock.accessibleName()  # the reading itself, after the label
    apply_language("ru")
    page.refresh()
    assert stage.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_view_menu_opens_the_stage_and_lists_the_timer_shortcuts(qtbot, page):
    win = page.window()
    page.close_stage()
    win.stage_view_action.trigger()
    assert page.stage.isVisible()
    timer_menu = next(
        a.menu()
        for a in win.view_menu.actions()
        if a.menu() and a.menu().objectName() == "timerMenu"
    )
    # the keys are shown after a tab; the page's actions alone take them (see test_timer_keys)
    entries = dict((a.text() + "\t").split("\t")[:2] for a in timer_menu.actions())
    assert entries["Start"] == "Space" and entries["Next item"].startswith("PgDown")
    assert entries["Give the floor"] == "F8"
    assert not any(a.shortcuts() for a in timer_menu.actions())
    win.close()
    assert not page.stage.isVisible()


def test_every_text_of_the_timer_windows_is_translated(page, clock, qtbot):
    from test_pseudo_sweep import leaks

    from facilitator.i18n.catalog import PSEUDO
    from facilitator.ui import windows
    from facilitator.ui.timer.clock_jump import ClockJumpDialog

    page.run(lambda s: s.enqueue(QueueEntry(group="youth")))
    page.run(lambda s: s.start())
    page.run(lambda s: s.give_floor())
    clock.advance(200)
    apply_language(PSEUDO)
    page.refresh()
    dialog = ClockJumpDialog(t.ClockJump(t.parse_at("2024-02-01T13:00:00Z"), clock.now + 900))
    qtbot.addWidget(dialog)
    dialog.show()
    found = []
    for root in (page.window(), page.stage, dialog, page.stage.screen_menu()):
        found += leaks(windows.visible_texts(root))
    found += leaks(("stage", w.text()) for w in (page.stage.item_clock, page.stage.words))
    # the file's own texts (titles, names) and the system's screen names are not ours to mark
    data = ("Regional consultation", "Test series", "Item ", "Amina", "Jo Smith", "screen")
    assert [f for f in found if not any(d.lower() in f.lower() for d in data)] == []
