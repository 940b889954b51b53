"""One truth on screen: the agenda table's Planned, Actual and Difference agree with the big
clock at every second, minutes added or taken off live included."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from timer_fixtures import make_file
from timer_window import window_on_timer

from facilitator.ui.application import apply_language
from facilitator.ui.timer.agenda import TimerAgendaModel
from facilitator.ui.timer.page import TimerPage

K = Qt.Key


def plain(value: str) -> str:
    return (value or "").translate(dict.fromkeys([0x202A, 0x202C, 0x2066, 0x2068, 0x2069]))


@pytest.fixture
def page(qtbot, tmp_path, clock):
    win, page = window_on_timer(qtbot, make_file(tmp_path))
    win.activateWindow()
    page.setFocus()
    qtbot.waitUntil(page.hasFocus)
    yield page
    apply_language("en")


def row_of(page: TimerPage) -> list[str]:
    model = page.model
    row = model.current_row
    return [plain(model.data(model.index(row, c))) for c in range(5)]


def seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    minutes, secs = text.lstrip("+-").split(":")
    return sign * (int(minutes) * 60 + int(secs))


def agree(page: TimerPage) -> None:
    clock = plain(page.findChild(QWidget, "itemClock").text())
    cells = row_of(page)
    # the clock counts down what is left; the table says how far over (+) or under (-) plan
    left = -seconds(clock[1:]) if clock.startswith("+") else seconds(clock)
    assert seconds(cells[TimerAgendaModel.DIFFERENCE] or "0:00") == -left, (clock, cells)
    budget = page.session.timer.budget(page.session.timer.current_id)
    assert seconds(cells[TimerAgendaModel.ACTUAL]) + left == budget, (clock, cells)
    change = round(page.session.timer.adjusted.get(page.session.timer.current_id, 0) / 60)
    if change:
        assert f"{change:+d} live" in cells[TimerAgendaModel.PLANNED].replace("−", "-")
    else:
        assert "live" not in cells[TimerAgendaModel.PLANNED]


def test_the_table_agrees_with_the_clock_at_every_second(page, qtbot, clock):
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Space)
    presses = {20: K.Key_Plus, 50: K.Key_Minus, 80: K.Key_Minus, 110: K.Key_Minus}
    for second in range(1, 300):
        clock.advance(1)
        if second in presses:
            qtbot.keyClick(QApplication.focusWidget(), presses[second])
        if second % 7 == 0:
            clock.advance(0.4)  # refreshes land anywhere inside a second
        page.refresh()
        agree(page)
    assert plain(page.findChild(QWidget, "itemClock").text()).startswith("+")
