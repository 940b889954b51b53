"""The preparation steps of facilitator/app/prepare.py, without Qt: each write is one step whose
undo takes it back and whose redo brings back the same records (same ids)."""

from __future__ import annotations

import pytest

from facilitator.app import file_ops, prepare
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.storage import repository as repo


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "talk.facilitator"
    file_ops.new_from_template(path, "gcm-talk")
    document = Document.open(path, device="testdevice", locks=tmp_path / "locks")
    yield document
    document.close()


def first_session(doc: Document) -> m.Session:
    return doc.load_series().sessions[0].session


def run(doc: Document, step: prepare.Step):
    return doc.run(step.apply, undo=step)


def test_an_edit_is_undone_to_the_values_it_replaced(doc):
    s = first_session(doc)
    changes = run(
        doc, prepare.edit_session(doc, s.id, title="Introductory GCM Talk", venue="Geneva")
    )
    assert changes.touches("session")
    assert prepare.session(doc, s.id).title == "Introductory GCM Talk"
    doc.undo()
    assert (prepare.session(doc, s.id).title, prepare.session(doc, s.id).venue) == (
        "New GCM Talk",
        "",
    )
    doc.redo()
    assert prepare.session(doc, s.id).venue == "Geneva"


def test_a_refused_edit_writes_nothing_and_is_not_remembered(doc):
    s = first_session(doc)
    with pytest.raises(FacilitatorError, match="Title"):
        run(doc, prepare.edit_session(doc, s.id, title="  "))
    assert prepare.session(doc, s.id).title == "New GCM Talk"
    assert not doc.history.can_undo()


def test_undo_of_an_add_deletes_and_redo_restores_the_same_records(doc):
    s = first_session(doc)
    step = prepare.add_questions(doc, s.id, ["Which routes?", "Which priorities?"])
    run(doc, step)
    ids = [q.id for q in prepare.questions(doc, s.id)]
    assert len(ids) == 2 and sorted(ids) == step.ids
    doc.undo()
    assert prepare.questions(doc, s.id) == []
    doc.redo()
    assert [q.id for q in prepare.questions(doc, s.id)] == ids


def test_undo_of_a_delete_restores_in_place_and_of_a_reorder_the_old_order(doc):
    s = first_session(doc)
    before = [i.id for i in prepare.agenda(doc, s.id)]
    run(doc, prepare.delete_agenda_item(doc, before[2]))
    assert [i.id for i in prepare.agenda(doc, s.id)] == before[:2] + before[3:]
    doc.undo()
    assert [i.id for i in prepare.agenda(doc, s.id)] == before
    moved = prepare.move(before, before[4], -1)
    run(doc, prepare.reorder_agenda(doc, s.id, moved))
    assert [i.id for i in prepare.agenda(doc, s.id)] == moved
    doc.undo()
    assert [i.id for i in prepare.agenda(doc, s.id)] == before
    assert prepare.move(before, before[0], -1) is None


def test_duplicate_undo_and_has_notes(doc):
    s = first_session(doc)
    step = prepare.duplicate_session(doc, s.id)
    run(doc, step)
    assert len(doc.load_series().sessions) == 2
    assert len(prepare.agenda(doc, step.added_id)) == 5
    doc.undo()
    assert [c.session.id for c in doc.load_series().sessions] == [s.id]
    assert not prepare.has_notes(doc, s.id)
    with doc.db.transaction():
        repo.insert_all(doc.db, [m.Intervention(s.id)])
    assert prepare.has_notes(doc, s.id)


def test_a_new_empty_series(tmp_path):
    content = prepare.new_series(tmp_path / "empty.facilitator", None)
    assert [sc.session.title for sc in content.sessions] == ["New session"]
    assert content.sessions[0].agenda == []
