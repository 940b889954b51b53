"""The roster read once at open and shared by the outline, the notes and the timer: read again
as soon as the file changes, by this connection or by another program."""

from __future__ import annotations

import sqlite3

from facilitator.domain import model as m
from facilitator.storage import participants_store as store
from facilitator.storage import repository as repo
from facilitator.storage import timer_store


def names(people: list[m.Participant]) -> set[str]:
    return {p.name for p in people}


def test_the_three_readers_at_open_share_one_read(demo_db):
    outline = repo.load_series(demo_db, lazy=True)
    series_id = outline.series.id
    listed = store.list_participants(demo_db, series_id)
    timer = timer_store.TimerSession(demo_db, outline.sessions[0])
    assert names(listed) == names(outline.participants) == names(timer.participants.values())
    by_id = {p.id: p for p in outline.participants}
    assert all(by_id[p.id] is p for p in listed)  # the same records, not three copies
    assert all(by_id[key] is p for key, p in timer.participants.items())
    # Each caller has a list of its own: reordering one leaves the others as they were.
    assert listed is not outline.participants and len(listed) == len(outline.participants)


def test_a_write_of_this_connection_is_read_at_once(demo_db):
    series_id = repo.load_series(demo_db, lazy=True).series.id
    before = store.list_participants(demo_db, series_id)
    store.add_participant(demo_db, m.Participant(series_id, "Zainab Newcomer"))
    after = store.list_participants(demo_db, series_id)
    assert names(after) == names(before) | {"Zainab Newcomer"}
    first = after[0]
    store.update_participant(demo_db, first.id, organisation="Renamed Org")
    again = {p.id: p for p in store.list_participants(demo_db, series_id)}
    assert again[first.id].organisation == "Renamed Org"


def test_a_commit_of_another_program_is_read_at_once(demo_db, demo_path):
    series_id = repo.load_series(demo_db, lazy=True).series.id
    people = store.list_participants(demo_db, series_id)
    other = sqlite3.connect(demo_path, isolation_level=None)
    try:
        other.execute("UPDATE participant SET deleted = 1 WHERE id = ?", (people[0].id,))
    finally:
        other.close()
    assert people[0].id not in {p.id for p in store.list_participants(demo_db, series_id)}
    assert people[0].id not in {p.id for p in repo.roster(demo_db, series_id)}
