"""A shown main window on a file with its Timer tab current: what the timer tests start from."""

from __future__ import annotations

from facilitator.ui.application import make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.timer.page import TimerPage


def window_on_timer(qtbot, path) -> tuple[MainWindow, TimerPage]:
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_path(path)
    win.show()
    page = win.findChild(TimerPage)
    win.session_view.tabs.setCurrentWidget(page)
    return win, page
