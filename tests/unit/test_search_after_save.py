"""A save's commit holds the note; its search document follows (Database.index_pending): the
note is found by the next search all the same, after a crash too, and by a read-only window
once the writer has built it."""

from __future__ import annotations

import shutil

from facilitator.domain import model as m
from facilitator.domain.entry import Entry, EntryPoint
from facilitator.storage import notes_store as store
from facilitator.storage import open_file
from facilitator.storage import repository as repo


def find(db, session_id: str, text: str) -> list[str]:
    rows = store.list_interventions(db, session_id, store.NotesFilter(text=text), 0, 100)
    assert store.count_interventions(db, session_id, store.NotesFilter(text=text)) == len(rows)
    return [r.intervention.id for r in rows]


def test_a_note_just_saved_is_found_by_the_next_search(demo_path):
    db = open_file(demo_path, device="d")
    talk = repo.load_series(db).sessions[0].session.id
    saved = store.save_entry(
        db,
        Entry(
            session_id=talk,
            notes="Pangolin trade",
            points=[EntryPoint("المهاجرين في الصحراء", "challenge")],
        ),
    )
    assert find(db, talk, "pangolin") == [saved]
    assert find(db, talk, "المهاجرين الصحراء") == [saved]
    db.close()


def test_a_note_saved_just_before_a_crash_is_found_after_the_next_open(demo_path, tmp_path):
    db = open_file(demo_path, device="d")
    talk = repo.load_series(db).sessions[0].session.id
    saved = store.save_entry(db, Entry(session_id=talk, notes="Okapi sighting"))
    # What is on disk at the crash, before the document was built: the file and its WAL.
    crashed = tmp_path / "crashed.facilitator"
    shutil.copy(demo_path, crashed)
    shutil.copy(f"{demo_path}-wal", f"{crashed}-wal")
    db.conn.close()  # the process ends without closing the file its own way
    reader = open_file(crashed, device="r", readonly=True)
    assert repo.get(reader, m.Intervention, saved).notes == "Okapi sighting"
    reader.close()
    again = open_file(crashed, device="d")  # open for writing builds what is queued
    assert find(again, talk, "okapi") == [saved]
    again.close()


def test_a_read_only_window_finds_the_note_once_the_writer_built_its_document(demo_path):
    writer = open_file(demo_path, device="w")
    reader = open_file(demo_path, device="r", readonly=True)
    talk = repo.load_series(writer).sessions[0].session.id
    saved = store.save_entry(writer, Entry(session_id=talk, notes="Quokka smile"))
    assert writer.index_pending() == 1
    assert writer.index_pending() == 0  # nothing queued any more
    assert find(reader, talk, "quokka") == [saved]
    reader.close()
    writer.close()


def test_closing_the_file_builds_the_documents_left_queued(demo_path):
    writer = open_file(demo_path, device="w")
    talk = repo.load_series(writer).sessions[0].session.id
    saved = store.save_entry(writer, Entry(session_id=talk, notes="Narwhal tusk"))
    writer.close()
    reader = open_file(demo_path, device="r", readonly=True)
    assert find(reader, talk, "narwhal") == [saved]
    reader.close()
