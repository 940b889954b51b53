"""Fixtures of the GUI tests: a fake wall clock injected where the app opens its files."""

from __future__ import annotations

import pytest
from timer_fixtures import Clock

from facilitator.storage import open_file


@pytest.fixture(autouse=True, scope="session")
def _collect_on_the_gui_thread(qapp):
    """As in the app (make_app): the cycle collector never runs on a worker thread, where it
    would destroy the Qt objects of windows closed by earlier tests on the wrong thread."""
    from facilitator.ui.common import gui_gc

    gui_gc.install(qapp)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """Every file the window opens reads this clock, which the test advances by hand."""
    clock = Clock()
    monkeypatch.setattr(
        "facilitator.app.document.open_file",
        lambda path, **kwargs: open_file(path, wall=clock, **kwargs),
    )
    return clock


@pytest.fixture
def template_window(qtbot, tmp_path):
    """A shown main window on a new file made from the gcm-talk template, as `facilitator new
    talk.facilitator --template gcm-talk` makes it: where preparing a session starts."""
    from facilitator.app import file_ops
    from facilitator.ui.application import make_app
    from facilitator.ui.main_window import MainWindow

    make_app()
    path = tmp_path / "talk.facilitator"
    file_ops.new_from_template(path, "gcm-talk")
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(path)
    return win


@pytest.fixture
def demo_window(qtbot, demo_path):
    """A real main window on the demo file, 1400x900, shown and active (so its shortcuts take
    key events); the language is English again afterwards."""
    from PySide6.QtWidgets import QApplication

    from facilitator.ui.application import apply_language, make_app
    from facilitator.ui.main_window import MainWindow

    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.open_path(demo_path)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    yield win
    apply_language("en")
