"""The open document: one transaction per operation, undo history, other writers noticed."""

from __future__ import annotations

import pytest

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.errors import FacilitatorError
from facilitator.storage import open_file
from facilitator.storage import repository as repo


def add_note(text: str):
    def operation(db):
        session = repo.find(db, m.Session)[0]
        record = repo.insert(db, m.Intervention(session.id, notes=text))
        return ChangeSet.of(added=[("intervention", record.id)])

    return operation


def notes(db) -> set[str]:
    return {i.notes for i in repo.find(db, m.Intervention)}


def test_an_operation_commits_and_says_what_it_changed(demo_path):
    doc = Document.open(demo_path)
    try:
        changes = doc.run(add_note("Saved before the app says so"))
        assert changes.touches("intervention") and not changes.touches("takeaway")
        other = open_file(demo_path, device="reader", readonly=True)
        assert "Saved before the app says so" in notes(other)
        other.close()
    finally:
        doc.close()


def test_a_failing_operation_leaves_nothing_half_written(demo_path):
    doc = Document.open(demo_path)
    before = notes(doc.db)

    def half_then_fail(db):
        add_note("first half")(db)
        raise FacilitatorError("the second half is invalid")

    with pytest.raises(FacilitatorError):
        doc.run(half_then_fail)
    assert notes(doc.db) == before
    doc.close()


def test_undo_and_redo_go_through_the_history(demo_path):
    doc = Document.open(demo_path)

    class Step:
        def __init__(self):
            self.record = None

        def redo(self):
            repo.restore(doc.db, m.Intervention, self.record)
            return ChangeSet.of(added=[("intervention", self.record)])

        def undo(self):
            repo.delete(doc.db, m.Intervention, self.record)
            return ChangeSet.of(deleted=[("intervention", self.record)])

        def label(self):
            return "Save of a new intervention"

    step = Step()

    def operation(db):
        changes = add_note("to be undone")(db)
        step.record = next(iter(changes.ids("intervention")))
        return changes

    doc.run(operation, undo=step)
    assert doc.history.undo_label() == "Save of a new intervention"
    assert doc.undo().deleted and "to be undone" not in notes(doc.db)
    assert doc.redo().added and "to be undone" in notes(doc.db)
    doc.close()


def test_a_second_window_opens_read_only_and_cannot_write(demo_path):
    first = Document.open(demo_path)
    second = Document.open(demo_path)
    try:
        assert not first.locked_out and second.locked_out and second.readonly
        with pytest.raises(FacilitatorError):
            second.run(add_note("refused"))
    finally:
        second.close()
        first.close()
    again = Document.open(demo_path)  # the lock went with the first document
    assert not again.readonly
    again.close()


def test_writes_by_another_connection_are_noticed_once(demo_path):
    doc = Document.open(demo_path)
    assert not doc.changed_elsewhere()
    doc.run(add_note("our own write"))
    assert not doc.changed_elsewhere()  # our own commits are announced by run, not here
    other = open_file(demo_path, device="colleague")
    with other.transaction():
        add_note("a colleague's write")(other)
    other.close()
    assert doc.changed_elsewhere()
    assert not doc.changed_elsewhere()
    doc.close()
    assert not doc.changed_elsewhere()  # a closed file reports nothing, never raises
