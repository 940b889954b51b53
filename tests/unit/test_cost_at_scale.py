"""What keeps open, scrolling and the floor lookup independent of the file's size: the lazy
outline reads no intervention, keyset pages are the OFFSET pages, counts read an index."""

from __future__ import annotations

import copy
import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain import model as m
from facilitator.storage import notes_store as store
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.notes_search import fts_query
from facilitator.tools.make_large import make_large


def statements(db) -> list[str]:
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    return seen


def test_the_outline_reads_no_intervention_until_one_is_used(demo_db):
    full = repo.load_series(demo_db)
    seen = statements(demo_db)
    outline = repo.load_series(demo_db, lazy=True)
    assert not [s for s in seen if "FROM intervention" in s or "FROM point" in s]
    assert [sc.session for sc in outline.sessions] == [sc.session for sc in full.sessions]
    first, lazy = full.sessions[0], outline.sessions[0]
    assert lazy.agenda == first.agenda and lazy.timer_log == first.timer_log
    assert lazy.interventions == first.interventions and lazy.points == first.points
    assert any("FROM intervention" in s for s in seen)  # read on first use, once
    copied = copy.deepcopy(repo.load_series(demo_db, lazy=True).sessions[0])
    assert type(copied) is m.SessionContent and copied == first  # a redacted export copies
    lazy.interventions = []
    assert lazy.interventions == []


def walk(db, session_id, flt, size):
    rows = store.list_interventions(db, session_id, flt, 0, size)
    pages = [rows]
    while rows:
        rows = store.list_interventions(db, session_id, flt, 0, size, after=rows[-1].key)
        pages.append(rows)
    return [r.intervention.id for page in pages for r in page]


@given(
    times=st.lists(
        st.sampled_from([None, "2023-03-23T15:00:00Z", "2023-03-23T15:01:00Z"]), max_size=30
    ),
    size=st.integers(1, 7),
)
def test_keyset_pages_are_the_rows_in_table_order(demo_db, times, size):
    session_id = repo.load_series(demo_db).sessions[1].session.id
    repo.insert_all(demo_db, [m.Intervention(session_id, started_at=t, notes="x") for t in times])
    flt = store.NotesFilter()
    everything = [
        r.intervention.id for r in store.list_interventions(demo_db, session_id, flt, 0, 10**6)
    ]
    assert walk(demo_db, session_id, flt, size) == everything  # undated rows and ties included
    text = store.NotesFilter(text="x")
    matching = [
        r.intervention.id for r in store.list_interventions(demo_db, session_id, text, 0, 10**6)
    ]
    assert walk(demo_db, session_id, text, size) == matching


def test_the_rows_a_save_names_are_read_alone(demo_db):
    sc = repo.load_series(demo_db).sessions[0]
    some = store.list_interventions(demo_db, sc.session.id, store.NotesFilter(), 0, 5)
    wanted = [some[3].intervention.id, some[1].intervention.id]
    rows = store.list_interventions(demo_db, sc.session.id, store.NotesFilter(), 0, 5, ids=wanted)
    assert [r.intervention.id for r in rows] == [wanted[1], wanted[0]]  # in table order


def plan(db, sql, params) -> str:
    return " ".join(row[-1] for row in db.conn.execute("EXPLAIN QUERY PLAN " + sql, params))


def test_counting_a_session_and_finding_the_floor_read_an_index_not_the_table(demo_db):
    seen = statements(demo_db)
    sc = repo.load_series(demo_db).sessions[0]
    seen.clear()
    store.count_interventions(demo_db, sc.session.id, store.NotesFilter())
    store.open_floor(demo_db, sc.session.id)
    count_sql, floor_sql = seen[0], seen[-1]
    demo_db.conn.set_trace_callback(None)
    assert "INDEX intervention_live" in plan(demo_db, count_sql, ())
    assert "INDEX intervention_open_floor" in plan(demo_db, floor_sql, ())


def test_the_generator_makes_a_file_the_app_opens(tmp_path):
    path = tmp_path / "large.facilitator"
    make_large(path, 300)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM intervention").fetchone()[0] >= 300
        assert conn.execute("SELECT count(*) FROM session").fetchone()[0] > 6
        languages = {r[0] for r in conn.execute("SELECT DISTINCT language FROM intervention")}
        assert {"en", "fr", "es", "ar", "ru"} <= languages
    finally:
        conn.close()
    db = open_file(path, device="probe")  # opening for writing indexes what was queued
    try:
        query = fts_query("пропавших")
        sql = "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?"
        assert db.conn.execute(sql, (query,)).fetchone()[0] > 0
    finally:
        db.close()
