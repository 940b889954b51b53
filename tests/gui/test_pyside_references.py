"""Guard against PySide6 builds that drop a reference to None on every void call (6.12.0 on
Python 3.11 does: after a few thousand calls the interpreter aborts). pyproject excludes it."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLineEdit


def test_void_calls_keep_none_alive(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    before = sys.getrefcount(None)
    for _ in range(2000):
        edit.setPlaceholderText("x")
    assert sys.getrefcount(None) >= before - 50
