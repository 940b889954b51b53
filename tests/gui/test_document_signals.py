"""One change signal: own writes, undo, and writes by another program reach every page."""

from __future__ import annotations

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.ui.application import make_app
from facilitator.ui.document_signals import DocumentSignals


def add_note(text):
    def operation(db):
        session = repo.find(db, m.Session)[0]
        record = repo.insert(db, m.Intervention(session.id, notes=text))
        return ChangeSet.of(added=[("intervention", record.id)])

    return operation


def test_own_writes_are_announced_with_what_changed(qtbot, demo_path):
    make_app()
    signals = DocumentSignals()
    signals.set_document(Document.open(demo_path))
    with qtbot.waitSignal(signals.changed, timeout=1000) as blocker:
        signals.run(add_note("announced"))
    (changes,) = blocker.args
    assert changes.touches("intervention") and not changes.everything
    signals.doc.close()


def test_a_write_by_another_program_is_noticed_without_polling(qtbot, demo_path):
    make_app()
    signals = DocumentSignals()
    doc = Document.open(demo_path)
    signals.set_document(doc)
    colleague = open_file(demo_path, device="colleague")
    with qtbot.waitSignal(signals.changed, timeout=5000) as blocker:
        with colleague.transaction():
            add_note("written by the command line")(colleague)
    colleague.close()
    (changes,) = blocker.args
    assert changes.everything
    doc.close()


def test_a_saved_note_is_indexed_once_the_note_taker_pauses(qtbot, demo_path):
    """The save's commit holds the note alone; its search document is built 0.4 s later
    without a search, so a read-only window over the file finds it too."""
    from facilitator.app.notes import SaveEntry
    from facilitator.domain.entry import Entry
    from facilitator.storage import notes_store as store

    make_app()
    signals = DocumentSignals()
    signals.set_document(Document.open(demo_path))
    talk = repo.find(signals.doc.db, m.Session)[0].id
    step = SaveEntry(signals.doc, Entry(session_id=talk, notes="Manatee rescue"))
    signals.run(step, undo=step)
    reader = open_file(demo_path, device="r", readonly=True)
    text = store.NotesFilter(text="manatee")
    try:
        qtbot.waitUntil(lambda: store.count_interventions(reader, talk, text) == 1, timeout=3000)
    finally:
        reader.close()
        signals.doc.close()
