"""The stage view for the room: before the start, paused, over time, after the end; it follows
the running session; options, the moderator's message, the speaker; big digits at any
aspect ratio; screenshots in English and Arabic (saved under $FACILITATOR_SHOTS/timer when set)."""

from __future__ import annotations

from collections import Counter

import pytest
from palettes import contrast
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from shots import shots_dir
from timer_fixtures import make_file, series
from timer_window import window_on_timer

from facilitator.app import file_ops
from facilitator.domain import model as m
from facilitator.domain import timer as t
from facilitator.domain.speakers import QueueEntry
from facilitator.ui.application import apply_language
from facilitator.ui.timer.page import TimerPage

SHOTS = shots_dir("timer")
LONG = (
    "Setting the scene: missing migrants, humanitarian assistance and the cross-cutting "
    "questions of the regional review, with the key discussants of the three sub-regions"
)


def plain(value: str) -> str:
    return value.translate(dict.fromkeys([0x202A, 0x202C, 0x2066, 0x2068, 0x2069]))


def open_page(qtbot, path) -> TimerPage:
    win, page = window_on_timer(qtbot, path)
    page.open_stage()
    qtbot.addWidget(page.stage)
    return page


@pytest.fixture
def page(qtbot, tmp_path, clock):
    page = open_page(qtbot, make_file(tmp_path))
    yield page
    page.close_stage()
    apply_language("en")


def ink_contrast(widget) -> float:
    """The contrast of the most contrasting colour drawn on the widget with its background
    (the commonest colour), as the room sees it."""
    image = widget.grab().toImage()
    counts = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
    )
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    inks = [QColor.fromRgb(p) for p, n in counts.items() if n >= 20]
    return max(contrast(ink, background) for ink in inks)


def shot(page: TimerPage, name: str) -> None:
    QApplication.processEvents()  # the layout's pending request, as the event loop would
    if SHOTS.is_dir():
        page.stage.grab().save(str(SHOTS / f"stage-{name}.png"))


def test_before_the_start_the_first_item_or_the_scheduled_start(page, clock):
    stage = page.stage
    page.refresh()
    assert plain(stage.banner.text()) == "Not started" and plain(stage.title.text()) == "Item 1"
    assert plain(stage.item_clock.text()) == "05:00"  # the first item's planned time, not 00:01
    clock.advance(-600)  # ten minutes before 14:00 in Geneva
    page.refresh()
    assert plain(stage.banner.text()) == "Starts at 14:00 CET"
    assert plain(stage.item_clock.text()) == "10:00"
    shot(page, "en-before-start")


def test_after_the_end_no_stale_digits(page, clock):
    page.run(lambda s: s.start())
    for _ in range(8):  # refreshed as the app does (a gap of 5 minutes would be a clock jump)
        clock.advance(100)
        page.refresh()
    page.run(lambda s: s.stop())
    stage = page.stage
    assert plain(stage.banner.text()) == "Session ended"
    assert stage.item_clock.text() == "" and stage.item_clock.isHidden()
    assert stage.banner.height() > stage.height() * 0.25  # large
    shot(page, "en-ended")


def test_paused_is_unmistakable_and_the_overrun_may_flash(page, clock):
    page.run(lambda s: s.start())
    page.refresh()
    running = page.stage.item_panel.property("level")
    page.run(lambda s: s.toggle())
    assert plain(page.stage.banner.text()) == "Paused" and page.stage.banner.isVisible()
    assert page.stage.item_panel.property("level") == "paused" != running
    QApplication.processEvents()
    assert ink_contrast(page.stage.item_panel) >= 4.5  # dimmed digits still read from afar
    shot(page, "en-paused")
    page.run(lambda s: s.toggle())
    for _ in range(4):
        clock.advance(80)
        page.refresh()
    assert page.stage.item_panel.property("level") == t.OVERRUN  # no flash by default
    shot(page, "en-overrun")
    page.stage_options.flash.setChecked(True)
    seen = set()
    for _ in range(2):
        clock.advance(1)
        page.refresh()
        seen.add(page.stage.item_panel.property("level"))
    assert seen == {t.OVERRUN, "flash"}


def test_options_message_and_speaker(page, qtbot, clock):
    stage = page.stage
    page.run(lambda s: s.enqueue(QueueEntry(group="civil_society", country="Kenya")))
    page.run(lambda s: s.start())
    page.run(lambda s: s.give_floor())
    assert plain(stage.next_item.text()) == "Next: Item 2"
    assert "15:" in stage.time_of_day.text() or "14:" in stage.time_of_day.text()
    assert stage.projected.text() == ""  # off until ticked
    page.stage_options.projected.setChecked(True)
    page.stage_options.next.setChecked(False)
    page.refresh()
    assert "Projected end" in stage.projected.text() and stage.next_item.text() == ""
    assert "Civil society" in plain(stage.speaker_caption.text())
    page.message_field.setText("Please conclude")
    qtbot.keyClick(page.message_field, Qt.Key.Key_Return)
    assert plain(stage.banner.text()) == "Please conclude"
    shot(page, "en-message")
    page.message_clear.click()
    assert stage.banner.isHidden()


def test_under_the_chatham_house_rule_the_stage_shows_the_group_only(qtbot, tmp_path, clock):
    content = series()
    content.sessions[0].session.chatham_house = True
    path = tmp_path / "chatham.facilitator"
    file_ops.write_new_file(path, content)
    page = open_page(qtbot, path)
    amina = next(p for p in content.participants if p.name == "Amina Diallo")
    page.run(lambda s: s.enqueue(QueueEntry(amina.name, amina.id)))
    page.run(lambda s: s.start())
    page.run(lambda s: s.give_floor())
    assert plain(page.stage.speaker_caption.text()) == "Member State"
    content = series()
    page.close_stage()


def test_the_stage_follows_the_running_session(qtbot, tmp_path, clock):
    content = series()
    first = content.sessions[0].session
    other = m.Session(first.series_id, "Second consultation", position=1)
    agenda = [m.AgendaItem(other.id, "Other opening", 7, position=0)]
    content.sessions.append(m.SessionContent(other, agenda))
    path = tmp_path / "two.facilitator"
    file_ops.write_new_file(path, content)
    page = open_page(qtbot, path)
    win = page.window()
    page.run(lambda s: s.start())
    win.sessions.setCurrentRow(1)  # the moderator looks at the next session
    qtbot.waitUntil(lambda: page.session.session.id == other.id)
    clock.advance(10)
    page.refresh()
    assert plain(page.stage.title.text()) == "Item 1"
    assert plain(page.stage.item_clock.text()) == "04:50"
    page.stage.activateWindow()
    qtbot.waitUntil(lambda: page.stage.isActiveWindow())
    qtbot.keyClick(page.stage, Qt.Key.Key_PageDown)  # the clicker, aimed at the room's screen
    assert plain(page.stage.title.text()) == "Item 2"
    assert page.session.timer.phase == t.IDLE  # the session looked at is untouched


@pytest.mark.parametrize(
    "size", [(1024, 768), (1280, 800), (1920, 1080), (2560, 1080), (720, 1280), (540, 960)]
)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_big_digits_at_every_aspect_ratio_and_long_titles_elide(page, qtbot, clock, size, lang):
    page.session.content.agenda[0].title = LONG
    page.run(lambda s: s.enqueue(QueueEntry(group="youth")))
    page.run(lambda s: s.start())
    page.run(lambda s: s.give_floor())
    apply_language(lang)
    stage = page.stage
    stage.resize(*size)
    qtbot.waitUntil(lambda: stage.size().width() == size[0])
    page.refresh()
    qtbot.wait(20)  # the layout request the resize posted
    image = stage.grab()  # paints: the title is elided, its whole text in the tooltip
    clock = stage.item_clock
    lines = clock.lines()  # portrait: the minutes above the seconds, two lines
    assert len(lines) == (2 if size[1] > size[0] else 1)
    assert len(lines) * clock.font().pixelSize() >= 0.4 * size[1]
    metrics = clock.fontMetrics()
    assert all(metrics.horizontalAdvance(line) <= clock.width() for line in lines)
    # the digits' ink, line gaps included, is within the clock's own room
    ink = metrics.capHeight() * (len(lines) + (0.3 if len(lines) == 2 else 0))
    assert ink <= clock.height()
    if len(lines) == 2:
        head, _colon, tail = plain(clock.text()).rpartition(":")
        assert [plain(line) for line in lines] == [head, tail]
    assert stage.title.height() <= 0.1 * size[1] and plain(stage.title.toolTip()) == LONG
    if SHOTS.is_dir():
        image.save(str(SHOTS / f"stage-{lang}-{size[0]}x{size[1]}.png"))


def test_screens_in_arabic(page, clock):
    apply_language("ar")
    clock.advance(-600)
    page.refresh()
    shot(page, "ar-before-start")
    clock.advance(600)
    page.run(lambda s: s.start())
    shot(page, "ar-running")
    page.run(lambda s: s.toggle())
    shot(page, "ar-paused")
    page.run(lambda s: s.toggle())
    for _ in range(4):
        clock.advance(80)
        page.refresh()
    shot(page, "ar-overrun")
    page.run(lambda s: s.stop())
    assert page.stage.item_clock.text() == ""
    shot(page, "ar-ended")
