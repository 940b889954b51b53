"""Every entity goes into the file and comes back the same; edits are stamped, deletes tombstoned."""

from __future__ import annotations

import dataclasses
import json

import pytest

from facilitator.domain import model as m
from facilitator.storage import create_file, open_file
from facilitator.storage import repository as repo


def sample_series() -> m.SeriesContent:
    series = m.Series("Regional consultations 2024", "Five sessions")
    topic = m.Topic(series.id, "Missing migrants")
    person = m.Participant(
        series.id,
        "Laurel Townhead",
        "Representative",
        "Quaker United Nations Office",
        "civil_society",
        "Switzerland",
        "female",
        "lt@example.org",
        True,
    )
    session = m.Session(
        series.id,
        "Arab States",
        "Regional consultation",
        "2024-02-01",
        "14:00",
        "Europe/Zurich",
        "online",
        "",
        "Zoom",
        "Arab States",
        ["en", "ar"],
        "open",
        True,
        "IOM, ICRC",
        "Background",
        "Objectives",
        [3, 8, 23],
        120,
        80,
        12,
        30,
        90,
        240,
    )
    item = m.AgendaItem(
        session.id, "Discussion", 45, "discussion", "Moderator: UNNM Secretariat", "Open floor"
    )
    question = m.GuidingQuestion(
        session.id, "Which routes need attention?", "The Central Mediterranean"
    )
    role = m.SessionRole(session.id, person.id, "moderator", True)
    intervention = m.Intervention(
        session.id,
        item.id,
        None,
        "member_state",
        "Egypt",
        "ar",
        "2024-02-01T13:35:00.000Z",
        "2024-02-01T13:38:10.000Z",
        "المهاجرين المفقودين — Mesa de Búsqueda",
    )
    point = m.Point(
        intervention.id, "Families need support", "recommendation", topic.id, question.id, [8]
    )
    takeaway = m.Takeaway(session.id, "Support families", "recommendation", topic.id, [point.id])
    event = m.TimerEvent(session.id, "start", "2024-02-01T13:00:05.000Z", item.id)
    content = m.SessionContent(
        session, [item], [question], [role], [intervention], [point], [takeaway], [event]
    )
    return m.SeriesContent(series, [topic], [person], [content])


@pytest.fixture
def db(tmp_path):
    database = create_file(tmp_path / "s.facilitator", device="laptop1")
    yield database
    database.close()


def test_every_entity_round_trips(db, tmp_path):
    content = sample_series()
    repo.save_series(db, content)
    db.close()
    reopened = open_file(tmp_path / "s.facilitator", device="laptop1")
    try:
        assert repo.load_series(reopened) == content
    finally:
        reopened.close()


@pytest.mark.parametrize(
    "record_of",
    [
        lambda c: c.series,
        lambda c: c.topics[0],
        lambda c: c.participants[0],
        lambda c: c.sessions[0].session,
        lambda c: c.sessions[0].agenda[0],
        lambda c: c.sessions[0].questions[0],
        lambda c: c.sessions[0].roles[0],
        lambda c: c.sessions[0].interventions[0],
        lambda c: c.sessions[0].points[0],
        lambda c: c.sessions[0].takeaways[0],
        lambda c: c.sessions[0].timer_log[0],
    ],
)
def test_get_returns_each_entity(db, record_of):
    content = sample_series()
    repo.save_series(db, content)
    record = record_of(content)
    assert repo.get(db, type(record), record.id) == record


def test_rows_carry_device_and_clock_stamp(db):
    content = sample_series()
    repo.save_series(db, content)
    device, stamp, deleted = db.conn.execute(
        "SELECT device, hlc, deleted FROM intervention"
    ).fetchone()
    assert device == "laptop1" and stamp.endswith(".laptop1") and deleted == 0


def test_update_stamps_only_the_changed_field(db):
    content = sample_series()
    repo.save_series(db, content)
    intervention = content.sessions[0].interventions[0]
    before = db.conn.execute("SELECT hlc FROM intervention").fetchone()[0]
    changed = repo.update(db, m.Intervention, intervention.id, notes="Corrected notes")
    assert changed == dataclasses.replace(intervention, notes="Corrected notes")
    after, stamps = db.conn.execute("SELECT hlc, stamps FROM intervention").fetchone()
    stamps = json.loads(stamps)
    assert after > before
    assert stamps["notes"] == after and stamps["country"] == before


def test_delete_is_a_tombstone_and_restore_undoes_it(db):
    content = sample_series()
    repo.save_series(db, content)
    point = content.sessions[0].points[0]
    repo.delete(db, m.Point, point.id)
    assert repo.find(db, m.Point) == []
    assert db.conn.execute("SELECT deleted FROM point WHERE id = ?", (point.id,)).fetchone() == (1,)
    repo.restore(db, m.Point, point.id)
    assert repo.find(db, m.Point) == [point]


def test_a_failed_transaction_writes_nothing(db):
    content = sample_series()
    with pytest.raises(RuntimeError):
        with db.transaction():
            repo.insert(db, content.series)
            raise RuntimeError("disk gone")
    assert repo.get_series(db) is None


def test_file_settings_are_wal_and_full_sync(db):
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
