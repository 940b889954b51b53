"""End, start again and reset are asked first; a new run counts "behind plan" from itself."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from timer_fixtures import make_file
from timer_window import window_on_timer

from facilitator.domain import timer as t
from facilitator.ui.application import apply_language

K = Qt.Key


def logged(page) -> list[str]:
    conn = sqlite3.connect(page.doc.path)
    try:
        return [r[0] for r in conn.execute("SELECT action FROM timer_event ORDER BY rowid")]
    finally:
        conn.close()


@pytest.fixture
def page(qtbot, tmp_path, clock):
    win, page = window_on_timer(qtbot, make_file(tmp_path))
    win.activateWindow()
    page.setFocus()
    qtbot.waitUntil(page.hasFocus)
    yield page
    apply_language("en")


def answer(button_text: str, seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    seen.append(box.text())
    next(b for b in box.buttons() if b.text() == button_text).click()


def test_ending_the_session_is_asked_first(page, qtbot, clock):
    qtbot.keyClick(page, K.Key_Space)
    seen: list[str] = []
    QTimer.singleShot(50, lambda: answer("No", seen))
    page.actions.stop.trigger()
    assert page.session.timer.phase == t.RUNNING and "End the session" in seen[0]
    QTimer.singleShot(50, lambda: answer("Yes", seen))
    page.actions.stop.trigger()
    assert page.session.timer.phase == t.STOPPED and logged(page) == ["start", "stop"]


def test_start_again_is_a_new_run_not_the_old_log(page, qtbot, clock):
    page.confirm = lambda title, question: True
    qtbot.keyClick(page, K.Key_Space)
    clock.advance(600)
    page.actions.stop.trigger()
    clock.advance(365 * 86400)  # the same session run again a year later
    qtbot.keyClick(page, K.Key_Space)  # "Start again"
    assert logged(page) == ["start", "stop", "reset", "start"]
    plan = page.findChild(QWidget, "timerTotals").text()  # the plan's words are on this line
    assert "on plan" in plan and "behind" not in plan
    clock.advance(10)
    page.refresh()
    assert page.session.state().item_spent == 10
    model = page.model
    assert model.data(model.index(1, 3)) == ""  # item 2 of the earlier run: not reached now


def test_reset_is_asked_and_leaves_the_timer_as_before_the_start(page, qtbot, clock):
    asked: list[str] = []
    page.confirm = lambda title, question: asked.append(title) or False
    qtbot.keyClick(page, K.Key_Space)
    clock.advance(30)
    page.actions.reset.trigger()
    assert asked == ["Reset the timer"] and page.session.timer.phase == t.RUNNING
    page.confirm = lambda title, question: True
    page.actions.reset.trigger()
    assert page.session.timer.phase == t.IDLE and logged(page) == ["start", "reset"]
    assert not page.actions.reset.isEnabled()


def test_a_rehearsal_never_touches_the_real_log(page, qtbot, clock):
    page.confirm = lambda title, question: True
    qtbot.keyClick(page, K.Key_Space)
    clock.advance(30)
    qtbot.keyClick(page, K.Key_Space)  # the real timer, paused at 04:30
    before = logged(page)
    page.rehearsal.setChecked(True)
    page.setFocus()
    assert page.session.rehearsal and page.session.timer.phase == t.IDLE
    assert "Rehearsal" in page.findChild(QWidget, "timerWords").text()
    for k in (K.Key_Space, K.Key_PageDown, K.Key_Plus, K.Key_Minus, K.Key_PageUp):
        qtbot.keyClick(page, k)
        clock.advance(20)
    page.actions.stop.trigger()
    page.actions.reset.trigger()
    clock.advance(400)
    page.refresh()
    assert logged(page) == before
    page.rehearsal.setChecked(False)
    assert not page.session.rehearsal and page.session.timer.phase == t.PAUSED
    assert page.session.state().item_spent == 30
