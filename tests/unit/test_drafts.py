"""What is being typed is kept as a draft in the file and removed with the save."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.entry import Entry, EntryPoint
from facilitator.storage import notes_store as store
from facilitator.storage import open_file
from facilitator.storage import repository as repo

NOW = dt.datetime(2023, 3, 23, 14, 5, tzinfo=dt.UTC)


def session_id(db) -> str:
    return repo.load_series(db).sessions[0].session.id


def test_a_draft_survives_closing_and_reopening_the_file(demo_path):
    db = open_file(demo_path, device="a")
    sid = session_id(db)
    entry = Entry(
        session_id=sid,
        speaker_text="Ana",
        notes="Pedimos rutas seguras y المساعدة الإنسانية",
        points=[EntryPoint("Safe routes", "recommendation", gcm_objectives=[8])],
    )
    store.save_draft(db, "form-1", entry, NOW)
    entry.notes += " para todos"
    store.save_draft(db, "form-1", entry, NOW + dt.timedelta(seconds=2))  # replaced, not added
    db.close()
    db = open_file(demo_path, device="a")
    found = store.drafts(db, sid)
    db.close()
    assert len(found) == 1
    assert found[0].entry == entry
    assert found[0].updated_at.startswith("2023-03-23T14:05:02")


def test_saving_the_entry_removes_its_draft_in_the_same_transaction(demo_db):
    sid = session_id(demo_db)
    entry = Entry(session_id=sid, notes="to be saved")
    store.save_draft(demo_db, "form-2", entry, NOW)
    store.save_entry(demo_db, entry, draft_id="form-2")
    assert store.drafts(demo_db, sid) == []


def test_blank_and_unreadable_drafts_are_not_offered(demo_db):
    sid = session_id(demo_db)
    store.save_draft(demo_db, "blank", Entry(session_id=sid, speaker_text="only a name"), NOW)
    demo_db.conn.execute(
        "INSERT INTO draft (id, session_id, payload, updated_at) VALUES ('bad', ?, '{oops', '')",
        (sid,),
    )
    assert store.drafts(demo_db, sid) == []
    store.delete_draft(demo_db, "blank")
    assert demo_db.conn.execute("SELECT count(*) FROM draft").fetchone()[0] == 1


def test_drafts_belong_to_their_session(demo_db):
    sessions = repo.load_series(demo_db).sessions
    store.save_draft(demo_db, "x", Entry(session_id=sessions[1].session.id, notes="n"), NOW)
    assert store.drafts(demo_db, sessions[0].session.id) == []
    assert len(store.drafts(demo_db, sessions[1].session.id)) == 1


def test_a_draft_from_a_newer_app_still_reads():
    payload = Entry(session_id="s", notes="n").to_payload().replace('"notes"', '"mood": 1, "notes"')
    assert Entry.from_payload(payload).notes == "n"


points = st.builds(
    EntryPoint,
    text=st.text(max_size=30),
    kind=st.sampled_from(["challenge", "practice", "recommendation", "pledge", "question"]),
    gcm_objectives=st.lists(st.integers(1, 23), max_size=3),
)
entries = st.builds(
    Entry,
    session_id=st.just("s"),
    speaker_text=st.text(max_size=20),
    notes=st.text(max_size=200),
    started_at=st.none() | st.just("2023-03-23T14:00:00Z"),
    points=st.lists(points, max_size=4),
)


@given(entries)
def test_every_entry_round_trips_through_its_draft_payload(entry):
    assert Entry.from_payload(entry.to_payload()) == entry
