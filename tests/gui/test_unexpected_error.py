"""An unexpected exception in the UI: a short dialog that says where the log is, the traceback
in the rotating log file, and the session goes on."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from facilitator.logs import log_path
from facilitator.ui.application import make_app
from facilitator.ui.common.errors import install_exception_hook
from facilitator.ui.main_window import MainWindow


def test_unexpected_error_is_logged_and_shown_briefly(qtbot, demo_path, monkeypatch):
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(demo_path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_exception_hook()
    try:
        raise ZeroDivisionError("a bug in a slot")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert len(shown) == 1
    assert "ZeroDivisionError" in shown[0] and str(log_path()) in shown[0]
    assert "Traceback" not in shown[0]
    log = log_path().read_text(encoding="utf-8")
    assert "Traceback" in log and "a bug in a slot" in log
    # the session goes on: the file is still open and readable
    assert window.db is not None and window.series.sessions
