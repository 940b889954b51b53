"""Speakers queue: type-ahead plus Enter takes the suggested participant; entries show who
they speak for (group and country)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from timer_fixtures import make_file
from timer_window import window_on_timer

from facilitator.ui.application import apply_language


@pytest.fixture
def page(qtbot, tmp_path, clock):
    win, page = window_on_timer(qtbot, make_file(tmp_path))
    win.activateWindow()
    yield page
    apply_language("en")


def type_then_enter(qtbot, page, text: str) -> None:
    line = page.queue.picker.lineEdit()
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClicks(line, text)
    popup = page.queue.picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(QApplication.activePopupWidget() or line, Qt.Key.Key_Return)


def test_enter_takes_the_suggested_participant_not_a_new_name(page, qtbot):
    type_then_enter(qtbot, page, "Smi")
    (entry,) = page.session.queue
    jo = next(p for p in page.session.participants.values() if p.name == "Jo Smith")
    assert entry.participant_id == jo.id and entry.speaker == "Jo Smith"
    assert "Civil society" in page.queue.list.item(0).text()


def test_escape_then_enter_queues_a_new_name(page, qtbot):
    line = page.queue.picker.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "Jo")
    popup = page.queue.picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    (entry,) = page.session.queue
    assert entry.speaker == "Jo" and entry.participant_id is None
