"""The amber threshold of each agenda item (AgendaItem.warning_seconds; None: the session's)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from timer_fixtures import series
from timer_window import window_on_timer

from facilitator.app import file_ops
from facilitator.domain import timer as t


@pytest.fixture
def page(qtbot, tmp_path, clock):
    content = series()
    content.sessions[0].agenda[0].warning_seconds = 60  # item 1: amber at one minute left
    path = tmp_path / "amber.facilitator"
    file_ops.write_new_file(path, content)
    win, page = window_on_timer(qtbot, path)
    return page


def test_each_item_turns_amber_at_its_own_threshold(page, clock):
    page.run(lambda s: s.start())
    clock.advance(200)  # 100 s left of item 1: amber for the session (120 s), not for the item
    page.refresh()
    assert page.panel.property("level") == t.NORMAL
    clock.advance(41)
    page.refresh()
    assert page.panel.property("level") == t.WARNING
    words = page.findChild(QWidget, "timerWords").text()
    assert "Ending soon: 1 minute or less left" in words
    page.run(lambda s: s.move(1))  # item 2 has no threshold of its own: the session's
    for _ in range(781 // 100):  # refreshed as the app does: no gap is a clock jump
        clock.advance(100)
        page.refresh()
    clock.advance(781 % 100)
    page.refresh()
    assert page.panel.property("level") == t.WARNING
    assert "2 minutes or less" in page.findChild(QWidget, "timerWords").text()
