"""The timer page on the one change signal of the window: its edits are announced as change sets
and undone from the Edit menu, and what others write (another page, another program) is shown
without reopening the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from timer_fixtures import make_file
from timer_window import window_on_timer

from facilitator.domain import model as m
from facilitator.domain import timer as t
from facilitator.domain.changes import ChangeSet
from facilitator.storage import open_file, prepare_agenda
from facilitator.storage import repository as repo
from facilitator.storage import timer_store as ts
from facilitator.ui.timer.agenda import TimerAgendaModel
from facilitator.ui.timer.page import TimerPage


@pytest.fixture
def window(qtbot, tmp_path, clock):
    win, page = window_on_timer(qtbot, make_file(tmp_path))
    win.activateWindow()
    heard: list[ChangeSet] = []
    win.signals.changed.connect(heard.append)
    yield win, page, heard
    page.close_stage()


def stored(path, cls, record_id):
    """What another program reading the file finds."""
    db = open_file(path, device="check", readonly=True)
    try:
        return repo.get(db, cls, record_id)
    finally:
        db.close()


def title_cell(page: TimerPage, row: int) -> str:
    text = page.model.data(page.model.index(row, TimerAgendaModel.TITLE)) or ""
    return text.strip("\u2066\u2067\u2068\u2069")


def test_planned_minutes_set_on_the_timer_are_announced_and_undone(window, qtbot):
    win, page, heard = window
    item = page.session.content.agenda[0]
    cell = page.model.index(0, TimerAgendaModel.PLANNED)
    page.table.setCurrentIndex(cell)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)  # the platform's edit key opens the editor
    editor = QApplication.focusWidget()
    assert editor is not page.table and page.table.isAncestorOf(editor)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "8")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != page.table.State.EditingState)  # queued
    assert heard == [ChangeSet.of(changed=[("agenda_item", item.id)])]
    assert stored(page.doc.path, m.AgendaItem, item.id).planned_minutes == 8
    assert page.model.data(cell) == "8 minutes"
    assert win.undo_action.isEnabled() and "planned minutes" in win.undo_action.text()

    win.undo_action.trigger()
    assert stored(page.doc.path, m.AgendaItem, item.id).planned_minutes == 5
    assert page.model.data(cell) == "5 minutes"
    assert page.session.timer.budget(item.id) == 300  # the clock counts down from 5 again
    assert heard[-1].ids("agenda_item") == {item.id}
    assert "Undone: Change of the planned minutes" in win.statusBar().currentMessage()
    win.redo_action.trigger()
    assert page.model.data(cell) == "8 minutes"


def test_the_warning_threshold_is_an_edit_with_undo(window, qtbot, clock):
    win, page, heard = window
    session_id = page.session.session.id
    page.warning.setFocus()
    qtbot.keyClick(page.warning, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.warning, "4")
    qtbot.keyClick(page.warning, Qt.Key.Key_Return)
    assert heard == [ChangeSet.of(changed=[("session", session_id)])]
    assert stored(page.doc.path, m.Session, session_id).warning_seconds == 240
    win.undo_action.trigger()
    assert stored(page.doc.path, m.Session, session_id).warning_seconds == 120
    assert page.warning.value() == 2 and page.session.timer.warning_seconds == 120


def test_an_agenda_item_renamed_elsewhere_shows_at_once(window, tmp_path):
    win, page, heard = window
    first, second = (i.id for i in page.session.content.agenda[:2])
    # another page of the window (the preparation editor) renames through the signals
    win.signals.run(lambda db: prepare_agenda.rename_agenda_item(db, first, "Opening remarks"))
    assert title_cell(page, 0) == "Opening remarks"
    # another program renames through its own connection; the window is told to reload
    other = open_file(page.doc.path, device="other")
    try:
        repo.update(other, m.AgendaItem, second, title="Setting the scene")
    finally:
        other.close()
    win.signals.announce(ChangeSet.all())
    assert title_cell(page, 1) == "Setting the scene"
    assert title_cell(page, 0) == "Opening remarks"


def test_moderator_actions_announce_what_they_wrote(window, qtbot):
    win, page, heard = window
    picker = page.queue.picker.lineEdit()
    picker.setFocus()
    qtbot.keyClicks(picker, "Amina Diallo")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert heard[-1].kinds() == {"meta"}  # the queue, local to this file
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert heard[-1].kinds() == {"timer_event"} and len(heard[-1].added) == 1
    qtbot.keyClick(page, Qt.Key.Key_PageDown)
    assert heard[-1].kinds() == {"timer_event"}
    qtbot.keyClick(page, Qt.Key.Key_F8)  # the floor: a new intervention for the note-takers
    (intervention,) = heard[-1].ids("intervention")
    assert ("intervention", intervention) in heard[-1].added
    note = repo.get(win.db, m.Intervention, intervention)
    assert note.agenda_item_id == page.session.content.agenda[1].id
    qtbot.keyClick(page, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert ("intervention", intervention) in heard[-1].changed
    assert not win.undo_action.isEnabled()  # presses are a log, not edits


def test_a_log_written_by_another_program_is_read_again(window, clock):
    win, page, heard = window
    assert page.session.state().phase == t.IDLE
    other = open_file(page.doc.path, device="other", wall=clock)
    try:
        content = repo.session_content(other, repo.get(other, m.Session, page.session.session.id))
        ts.TimerSession(other, content, clock).start()
    finally:
        other.close()
    clock.advance(10)
    win.signals.announce(ChangeSet.all())
    assert page.session.state().phase == t.RUNNING
    text = page.findChild(QWidget, "itemClock").text()
    assert text.strip("\u202a\u202c") == "04:50"
