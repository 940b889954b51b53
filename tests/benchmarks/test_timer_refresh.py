"""The cost of one refresh of the moderator's screen (and the stage view) with a long agenda and a
long timer log. It runs once a second; it must stay far below one frame (16 ms).

    python -m pytest tests/benchmarks/test_timer_refresh.py --benchmark-only -p no:cacheprovider
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from timer_fixtures import T0, Clock, series

from facilitator.app import file_ops
from facilitator.domain import model as m
from facilitator.domain import timer as t
from facilitator.storage import open_file
from facilitator.ui.application import make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.timer.page import TimerPage

ITEMS = 300


def long_session(folder) -> tuple[object, float]:
    """300 agenda items, ~1,200 timer events (moves, pauses, extensions), still running."""
    content = series(ITEMS)
    sc = content.sessions[0]
    at, log = T0, []

    def event(action: str, item: str | None = None, seconds: int = 0) -> None:
        log.append(m.TimerEvent(sc.session.id, action, t.format_at(at), item, seconds))

    event("start", sc.agenda[0].id)
    for item in sc.agenda[1:250]:
        at += 20
        event("pause")
        at += 3
        event("resume")
        at += 4
        event("adjust", None, 60)
        at += 13
        event("next", item.id)
    sc.timer_log = log
    path = folder / "long.facilitator"
    file_ops.write_new_file(path, content)
    return path, at


@pytest.fixture
def page(qtbot, tmp_path, monkeypatch):
    path, last = long_session(tmp_path)
    clock = Clock(last + 30)
    monkeypatch.setattr(
        "facilitator.app.document.open_file",
        lambda p, **kwargs: open_file(p, wall=clock, **kwargs),
    )
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_path(path)
    win.resize(1280, 800)
    win.show()
    page = win.findChild(TimerPage)
    win.session_view.tabs.setCurrentWidget(page)
    page.open_stage()
    qtbot.addWidget(page.stage)
    page.clock_for_test = clock
    yield page
    page.close_stage()


def test_refresh_of_the_moderator_screen_and_the_stage(benchmark, page):
    clock = page.clock_for_test
    assert len(page.session.content.agenda) == ITEMS

    def one_second() -> None:
        clock.advance(1.0)  # every fifth refresh also writes the heartbeat (a commit)
        page.refresh()
        QApplication.processEvents()  # and the repaint of what changed, both windows

    benchmark(one_second)
    assert page.session.state().current_index == 249
    assert benchmark.stats.stats.mean < 0.008  # half a frame at most; ~1.5 ms measured


def test_derived_state_alone(benchmark, page):
    timer = page.session.timer
    now = page.clock_for_test.now
    state = benchmark(timer.state, now)
    assert state.phase == t.RUNNING
    assert benchmark.stats.stats.mean < 0.001
