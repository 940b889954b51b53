"""Typing into the session editor's fields with real key events, for the prepare tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from facilitator.ui.main_window import MainWindow


def field(win: MainWindow, name: str, cls: type = QWidget):
    widget = win.session_view.findChild(cls, f"field-{name}")
    assert widget is not None, name
    return widget


def focus(qtbot, widget: QWidget) -> None:
    if QApplication.activeWindow() is not widget.window():  # e.g. after a dialog closed
        widget.window().activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window(), timeout=1000)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=1000)


def type_line(qtbot, widget: QWidget, text: str, *, leave: bool = True) -> None:
    """Select what the field holds, type `text` and leave with Tab (which saves)."""
    focus(qtbot, widget)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    target = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    qtbot.keyClicks(target, text)
    if leave:
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
