"""What a speaker asks the floor for: a point of order goes before everyone waiting (after
the points of order already raised), the queue says which kind each request is, and the kind
survives a reopening of the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from timer_fixtures import make_file
from timer_window import window_on_timer

from facilitator.domain.speakers import QueueEntry, queue_from_json, queue_to_json, queued
from facilitator.ui.application import apply_language


@pytest.fixture
def page(qtbot, tmp_path, clock):
    win, page = window_on_timer(qtbot, make_file(tmp_path))
    win.activateWindow()
    yield page
    apply_language("en")


def add(qtbot, page, name: str, speech: str) -> None:
    """Type a name, choose what is asked for, press Enter in the name field."""
    queue = page.queue
    queue.speech.setCurrentIndex(queue.speech.findData(speech))
    line = queue.picker.lineEdit()
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClicks(line, name)
    queue.picker.completer().popup().hide()  # a new name: no suggestion taken
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_a_point_of_order_goes_before_everyone_waiting(page, qtbot):
    add(qtbot, page, "Speaker A", "statement")
    add(qtbot, page, "Speaker B", "question")
    add(qtbot, page, "Delegate C", "point_of_order")
    add(qtbot, page, "Delegate D", "point_of_order")
    queue = page.session.queue
    assert [e.speaker for e in queue] == ["Delegate C", "Delegate D", "Speaker A", "Speaker B"]
    rows = [page.queue.list.item(n).text() for n in range(page.queue.list.count())]
    assert "Point of order: " in rows[0] and "Question: " in rows[3]
    assert "Statement" not in rows[2]  # a statement is the ordinary case, not labelled
    assert page.queue.list.currentRow() == 1  # the request just added is selected
    assert page.queue.speech.currentData() == "statement"  # each request says its own kind


def test_the_kind_is_kept_with_the_stored_queue():
    queue = queued([QueueEntry("A")], QueueEntry("B", speech="right_of_reply"))
    again = queue_from_json(queue_to_json(queue))
    assert [(e.speaker, e.speech) for e in again] == [("A", "statement"), ("B", "right_of_reply")]
    assert queue_from_json('[{"speaker": "X", "speech": "shout"}]')[0].speech == "statement"
