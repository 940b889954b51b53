"""The timer in the file: every action committed before it shows, the heartbeat, the speakers
queue and the interventions the floor opens and closes, and a reopened file resuming exactly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.app import file_ops
from facilitator.domain import model as m
from facilitator.domain import timer as t
from facilitator.domain.speakers import QueueEntry
from facilitator.exports import json_series
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage import timer_store as ts

T0 = t.parse_at("2024-02-01T13:00:00.000Z")


class Clock:
    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def series() -> m.SeriesContent:
    s = m.Series("Test series")
    session = m.Session(s.id, "Regional consultation", date="2024-02-01", start_time="14:00")
    agenda = [
        m.AgendaItem(session.id, f"Item {n}", minutes, position=n)
        for n, minutes in enumerate([5, 15, 15, 45, 10])
    ]
    people = [
        m.Participant(s.id, "Amina Diallo", stakeholder_group="member_state", country="Mali"),
        m.Participant(s.id, "Jo Smith", stakeholder_group="civil_society"),
    ]
    return m.SeriesContent(s, participants=people, sessions=[m.SessionContent(session, agenda)])


def make_file(folder: Path) -> Path:
    path = folder / "timer.facilitator"
    file_ops.write_new_file(path, series())
    return path


def open_session(path: Path, clock: Clock):
    db = open_file(path, device="moderator", wall=clock)
    content = repo.load_series(db).sessions[0]
    return db, content, ts.TimerSession(db, content, clock)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def opened(tmp_path, clock):
    db, content, session = open_session(make_file(tmp_path), clock)
    yield session
    db.close()


def events_on_disk(path: Path) -> list[str]:
    """What another connection (another process) reads from the file right now."""
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT action FROM timer_event ORDER BY rowid")]
    finally:
        conn.close()


def test_each_action_is_on_disk_when_it_returns(opened, clock):
    path = opened.db.path
    opened.toggle()
    assert events_on_disk(path) == ["start"]
    clock.advance(30)
    assert opened.move(1)
    clock.advance(10)
    assert opened.adjust(60) and opened.toggle() == "pause"
    assert events_on_disk(path) == ["start", "next", "adjust", "pause"]
    assert ts.read_heartbeat(opened.db, opened.session.id) == pytest.approx(clock.now)


def test_a_reopened_file_resumes_exactly(tmp_path, clock):
    path = make_file(tmp_path)
    db, content, session = open_session(path, clock)
    session.start()
    clock.advance(100)
    session.move(1)
    clock.advance(50)
    session.adjust(-60)
    expected = session.state(clock.now + 40)
    db.close()
    clock.advance(40)
    db, content, again = open_session(path, clock)
    state = again.state()
    assert state.current_id == content.agenda[1].id
    assert state.item_remaining == pytest.approx(expected.item_remaining) == 15 * 60 - 60 - 90
    assert again.check_clock() is None  # 40 s since the last heartbeat: nothing to ask
    db.close()


def test_moves_stop_at_the_ends_of_the_agenda_and_after_the_stop(opened, clock):
    opened.start()
    assert not opened.move(-1)
    for _ in range(4):
        assert opened.move(1)
    assert not opened.move(1)
    opened.stop()
    assert opened.state().phase == t.STOPPED and not opened.move(-1)
    assert not opened.adjust(60)


def test_shortening_never_plans_less_than_nothing(opened, clock):
    opened.start()
    for _ in range(7):
        opened.adjust(-60)
    assert opened.state().item_budget == 0 and opened.state().level == t.OVERRUN


def test_heartbeats_only_while_the_timer_counts(opened, clock):
    assert not opened.beat()  # nothing runs yet
    opened.start()
    clock.advance(2)
    assert not opened.beat()  # too soon
    clock.advance(4)
    assert opened.beat()
    assert ts.read_heartbeat(opened.db, opened.session.id) == pytest.approx(clock.now)
    opened.pause()
    clock.advance(60)
    assert not opened.beat()


def test_a_long_gap_is_questioned_on_reopening_and_each_answer_is_kept(tmp_path, clock):
    path = make_file(tmp_path)
    db, content, session = open_session(path, clock)
    session.start()
    clock.advance(60)
    session.beat(force=True)
    db.close()
    clock.advance(1200)  # the laptop slept twenty minutes
    db, content, again = open_session(path, clock)
    jump = again.check_clock()
    assert jump is not None and jump.gap == pytest.approx(1200) and not jump.backwards
    again.resolve(jump, t.PAUSE_AT_HEARTBEAT)
    assert again.state().phase == t.PAUSED
    assert again.state().item_remaining == pytest.approx(300 - 60)
    assert again.check_clock() is None
    db.close()
    db, content, third = open_session(path, clock)
    assert third.state().item_remaining == pytest.approx(240) and third.check_clock() is None
    db.close()


def test_a_clock_set_back_is_questioned_and_continuing_keeps_the_order(tmp_path, clock):
    path = make_file(tmp_path)
    db, content, session = open_session(path, clock)
    session.start()
    clock.advance(100)
    session.beat(force=True)
    clock.advance(-3600)
    jump = session.check_clock()
    assert jump is not None and jump.backwards
    session.resolve(jump, t.CONTINUE)
    clock.advance(30)
    session.move(1)
    clock.advance(10)
    db.close()
    db, content, again = open_session(path, clock)
    log = ts.load_log(db, content.session.id)
    assert [e.action for e in log] == ["start", "pause", "resume", "next"]  # appended order
    assert again.timer.readings(clock.now)[0].actual_seconds == pytest.approx(130)
    assert again.state().item_remaining == pytest.approx(15 * 60 - 10)
    db.close()


def test_the_queue_is_kept_in_the_file(tmp_path, clock):
    path = make_file(tmp_path)
    db, content, session = open_session(path, clock)
    amina, jo = session.participants.values()
    session.enqueue(QueueEntry(amina.name, amina.id, limit=120))
    session.enqueue(QueueEntry(group="civil_society", country="Kenya"))
    session.enqueue(QueueEntry(jo.name, jo.id))
    assert session.move_queued(2, -1) and not session.move_queued(0, -1)
    session.remove_queued(0)
    db.close()
    db, content, again = open_session(path, clock)
    assert [(e.speaker, e.group) for e in again.queue] == [("Jo Smith", ""), ("", "civil_society")]
    db.close()


def test_the_floor_opens_and_closes_interventions(opened, clock):
    amina = next(iter(opened.participants.values()))
    opened.enqueue(QueueEntry(amina.name, amina.id, limit=120))
    opened.enqueue(QueueEntry(group="member_state", country="Peru"))
    opened.enqueue(QueueEntry("A new voice"))
    opened.start()
    clock.advance(5)
    first = opened.give_floor()
    assert first.limit == 120 and opened.state().speaker_remaining == 120
    clock.advance(130)
    assert opened.state().speaker_level == t.OVERRUN
    opened.give_floor()
    clock.advance(60)
    opened.give_floor()
    clock.advance(20)
    opened.end_floor()
    db = opened.db
    rows = repo.find(db, m.Intervention, session_id=opened.session.id)
    assert [r.ended_at is not None for r in rows] == [True, True, True]
    assert (
        rows[0].participant_id == amina.id and rows[0].agenda_item_id == opened.content.agenda[0].id
    )
    assert (rows[1].stakeholder_group, rows[1].country, rows[1].participant_id) == (
        "member_state",
        "Peru",
        None,
    )
    assert t.parse_at(rows[1].ended_at) - t.parse_at(rows[1].started_at) == pytest.approx(60)
    newcomer = repo.get(db, m.Participant, rows[2].participant_id)
    assert newcomer.name == "A new voice"
    assert opened.queue == [] and opened.give_floor() is None
    assert ts.read_meta(db, ts.queue_key(opened.session.id)) == "[]"


def test_stopping_closes_the_open_turn(opened, clock):
    opened.enqueue(QueueEntry(group="youth"))
    opened.start()
    opened.give_floor()
    clock.advance(42)
    opened.stop()
    (row,) = repo.find(opened.db, m.Intervention, session_id=opened.session.id)
    assert t.parse_at(row.ended_at) == pytest.approx(clock.now)
    assert opened.state().floor is None


def test_reordering_and_replanning_are_saved_and_followed(tmp_path, clock):
    path = make_file(tmp_path)
    db, content, session = open_session(path, clock)
    first, second = content.agenda[0].id, content.agenda[1].id
    session.start()
    clock.advance(100)
    assert session.move_item(second, -1) and not session.move_item(second, -1)
    session.set_planned(first, 7)
    session.set_warning_seconds(60)
    session.set_speaking_seconds(240)
    assert session.state().item_remaining == pytest.approx(7 * 60 - 100)
    db.close()
    db, content, again = open_session(path, clock)
    assert [i.id for i in content.agenda][:2] == [second, first]
    assert content.agenda[1].planned_minutes == 7
    assert (content.session.warning_seconds, content.session.speaking_seconds) == (60, 240)
    assert again.state().current_index == 1
    db.close()


def test_json_round_trip_keeps_speaker_extensions(opened, clock, tmp_path):
    opened.enqueue(QueueEntry(group="youth"))
    opened.start()
    opened.give_floor()
    opened.extend_speaker(60)
    content = repo.load_series(opened.db)
    again = json_series.loads(json_series.dumps(content))
    assert [e.action for e in again.sessions[0].timer_log][-1] == "extend_speaker"


OPS = ["toggle", "next", "back", "plus", "minus", "stop", "floor", "end", "extend"]


@given(st.lists(st.tuples(st.sampled_from(OPS), st.floats(0, 400)), max_size=12), st.floats(0, 280))
def test_any_session_reopened_at_any_moment_reads_as_if_never_closed(tmp_path_factory, ops, pause):
    clock = Clock()
    path = make_file(tmp_path_factory.mktemp("prop"))
    db, content, session = open_session(path, clock)
    for _ in range(3):
        session.enqueue(QueueEntry(group="member_state"))
    do = {
        "toggle": session.toggle,
        "next": lambda: session.move(1),
        "back": lambda: session.move(-1),
        "plus": lambda: session.adjust(60),
        "minus": lambda: session.adjust(-60),
        "stop": session.stop,
        "floor": session.give_floor,
        "end": session.end_floor,
        "extend": lambda: session.extend_speaker(30),
    }
    for op, gap in ops:
        clock.advance(gap)
        do[op]()
        session.beat()
    db.close()
    clock.advance(pause)
    expected = session.state(clock.now)
    db, content, again = open_session(path, clock)
    state = again.state()
    assert (state.phase, state.current_id, state.level) == (
        expected.phase,
        expected.current_id,
        expected.level,
    )
    assert state.item_remaining == pytest.approx(expected.item_remaining, abs=0.002)
    assert state.elapsed == pytest.approx(expected.elapsed, abs=0.002)
    if expected.floor:
        assert state.speaker_remaining == pytest.approx(expected.speaker_remaining, abs=0.002)
    assert again.check_clock() is None  # a gap under five minutes is simply counted
    db.close()
