"""A field being typed in is saved when its window closes, or another file is opened, before
the file closes: typed words are never lost to a close, and nothing is written to a closed
file (the text of the Overview's fields is saved when the field is left)."""

from __future__ import annotations

import sqlite3

import pytest
from prepare_helpers import field, focus
from PySide6.QtCore import Qt

from facilitator.app import file_ops


def stored_title(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT title FROM session WHERE deleted = 0").fetchall()[0][0]
    finally:
        conn.close()


def type_into_title(qtbot, win, text: str):
    title = field(win, "title")
    focus(qtbot, title)
    qtbot.keyClick(title, Qt.Key.Key_End)
    qtbot.keyClicks(title, text)
    assert title.hasFocus()  # still being typed: editingFinished has not fired
    return title.text()


@pytest.mark.parametrize("how", ["close", "file-quit"])
def test_the_title_being_typed_is_saved_when_the_window_closes(qtbot, template_window, how):
    win = template_window
    path = win.doc.path
    typed = type_into_title(qtbot, win, " for the Arab States")
    if how == "close":
        win.close()
    else:  # File > Quit (Ctrl+Q where the platform has that key; the offscreen one has none)
        win.quit_action.trigger()
    qtbot.waitUntil(lambda: not win.isVisible())
    qtbot.wait(50)  # anything queued by the close runs now (an error here fails the test)
    assert stored_title(path) == typed


def test_the_title_being_typed_is_saved_when_another_file_is_opened(
    qtbot, template_window, tmp_path
):
    win = template_window
    path = win.doc.path
    other = tmp_path / "other.facilitator"
    file_ops.new_from_template(other, "gcm-talk")
    typed = type_into_title(qtbot, win, " (draft)")
    assert win.open_path(other)
    qtbot.wait(50)
    assert stored_title(path) == typed
