"""The moderator's timer in the file: the timer log, the heartbeat, the speakers queue.

`TimerSession` is the one path every moderator action takes, in the app and in the crash
harness alike: the action is committed to the file (with the heartbeat, in the same
transaction) and only then applied to the derived state the screen shows. The heartbeat and
the queue are local to this file (the `meta` table), never merged into other files.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from facilitator.domain import model as m
from facilitator.domain import timer as t
from facilitator.domain.changes import ChangeSet
from facilitator.domain.speakers import (
    Floor,
    QueueEntry,
    floor_payload,
    queue_from_json,
    queue_to_json,
    queued,
)
from facilitator.domain.speaking_budget import (
    have_spoken,
    identity,
    not_spoken_first,
    queued_not_spoken_first,
)

from . import repository as repo
from .database import Database
from .records import columns, from_row

HEARTBEAT_SECONDS = 5.0  # how often a running timer notes that the app is alive


def heartbeat_key(session_id: str) -> str:
    return f"heartbeat:{session_id}"


def queue_key(session_id: str) -> str:
    return f"queue:{session_id}"


def load_log(db: Database, session_id: str) -> list[m.TimerEvent]:
    """The session's timer log in the order it was appended (the clock stamp, then the row)."""
    rows = db.conn.execute(
        f"SELECT {', '.join(columns(m.TimerEvent))} FROM timer_event "
        "WHERE session_id = ? AND deleted = 0 ORDER BY hlc, id",
        (session_id,),
    ).fetchall()
    return [from_row(m.TimerEvent, row) for row in rows]


def read_meta(db: Database, key: str) -> str | None:
    row = db.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def write_meta(db: Database, key: str, value: str) -> None:
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def rehearsal_database(db: Database) -> Database:
    """A copy of the open file in memory, for a rehearsal: whatever the moderator presses is
    written there and lost on leaving; the file and its log are never touched."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    db.conn.backup(conn)
    return Database(db.path, conn, db.clock, readonly=False)


def read_heartbeat(db: Database, session_id: str) -> float | None:
    value = read_meta(db, heartbeat_key(session_id))
    try:
        return t.parse_at(value) if value else None
    except ValueError:
        return None


@dataclass
class Step:
    """One event to append: the action, its moment, and what it needs."""

    action: str
    at: float
    agenda_item_id: str | None = None
    seconds: int = 0
    payload: str = ""


class TimerSession:
    """One session's timer over an open file, with an injected clock (seconds since the epoch)."""

    def __init__(
        self, db: Database, content: m.SessionContent, clock: Callable[[], float] = time.time
    ) -> None:
        self.db, self.content, self.clock = db, content, clock
        self.session = content.session
        sid = self.session.id
        self.timer = t.Timer(
            content.agenda,
            load_log(db, sid),
            self.session.warning_seconds,
            self.session.speaking_seconds,
        )
        self.queue: list[QueueEntry] = queue_from_json(read_meta(db, queue_key(sid)))
        self.participants = {p.id: p for p in repo.roster(db, self.session.series_id)}
        self.heartbeat = read_heartbeat(db, sid)
        self._beat_written: float | None = None
        # What the actions wrote since the caller last took it (the heartbeat is not a change
        # of the document: it is never listed), for the screens that show the file.
        self.changes = ChangeSet()

    def _wrote(self, state: str, kind: str, *ids: str) -> None:
        self.changes = self.changes.merge(ChangeSet.of(**{state: [(kind, i) for i in ids]}))

    def take_changes(self) -> ChangeSet:
        changes, self.changes = self.changes, ChangeSet()
        return changes

    def state(self, now: float | None = None) -> t.TimerState:
        return self.timer.state(self.clock() if now is None else now)

    # --- writing -----------------------------------------------------------------------------

    def _append(self, steps: list[Step], extra: Callable[[], None] | None = None) -> None:
        """Commit the events (and `extra` writes, and the heartbeat), then apply them."""
        events = [
            m.TimerEvent(
                self.session.id, s.action, t.format_at(s.at), s.agenda_item_id, s.seconds, s.payload
            )
            for s in steps
        ]
        now = max(s.at for s in steps)
        with self.db.transaction():
            repo.insert_all(self.db, events)
            self._wrote("added", "timer_event", *(e.id for e in events))
            if extra is not None:
                extra()
            self._write_heartbeat(now)
        for event in events:
            self.timer.apply(event)
        self.heartbeat = now

    def _write_heartbeat(self, now: float) -> None:
        write_meta(self.db, heartbeat_key(self.session.id), t.format_at(now))
        self._beat_written = now

    def beat(self, now: float | None = None, force: bool = False) -> bool:
        """Note that the app is alive while the timer counts; True when something was written."""
        now = self.clock() if now is None else now
        due = self._beat_written is None or not (0 <= now - self._beat_written < HEARTBEAT_SECONDS)
        if not force and (not due or not self.state(now).counting):
            return False
        self._write_heartbeat(now)
        self.heartbeat = now
        return True

    # --- moderator actions -------------------------------------------------------------------

    def toggle(self) -> str:
        """Space: start, pause or resume, by phase; returns the action taken."""
        phase = self.timer.phase
        action = {t.RUNNING: "pause", t.PAUSED: "resume"}.get(phase, "start")
        if action == "start":
            self.start()
        else:
            self._append([Step(action, self.clock(), self.timer.current_id)])
        return action

    def start(self, item_id: str | None = None) -> None:
        target = item_id or self.timer.current_id or self.timer.neighbour(0)
        self._append([Step("start", self.clock(), target)])

    def pause(self) -> None:
        if self.timer.phase == t.RUNNING:
            self._append([Step("pause", self.clock(), self.timer.current_id)])

    def resume(self) -> None:
        if self.timer.phase == t.PAUSED:
            self._append([Step("resume", self.clock(), self.timer.current_id)])

    def move(self, step: int) -> bool:
        """Next (+1) or previous (-1) item; False at either end of the agenda or once stopped."""
        target = self.timer.neighbour(step)
        if target is None or self.timer.phase == t.STOPPED:
            return False
        self._append([Step("next" if step > 0 else "back", self.clock(), target)])
        return True

    def goto(self, item_id: str) -> None:
        if self.timer.phase != t.STOPPED and item_id != self.timer.current_id:
            self._append([Step("goto", self.clock(), item_id)])

    def adjust(self, seconds: int) -> bool:
        """Extend (+) or shorten (-) the current item; never below nothing left to plan."""
        current = self.timer.current_id
        if current is None or self.timer.phase not in (t.RUNNING, t.PAUSED):
            return False
        seconds = max(seconds, -int(self.timer.budget(current)))
        if seconds == 0:
            return False
        self._append([Step("adjust", self.clock(), current, seconds)])
        return True

    def stop(self) -> None:
        if self.timer.phase in (t.RUNNING, t.PAUSED):
            now = self.clock()
            self._append([Step("stop", now, self.timer.current_id)], self._close_floor(now))

    def reset(self) -> None:
        """A new run from nothing; the earlier events stay in the log (and the file) as history.
        A turn still open is closed first, as at the end of the session."""
        if self.timer.phase != t.IDLE:
            now = self.clock()
            self._append([Step("reset", now)], self._close_floor(now))

    # --- the floor ---------------------------------------------------------------------------

    def _close_floor(self, now: float) -> Callable[[], None]:
        floor = self.timer.floor

        def close() -> None:
            if floor is not None and floor.intervention_id:
                try:
                    repo.update(
                        self.db, m.Intervention, floor.intervention_id, ended_at=t.format_at(now)
                    )
                    self._wrote("changed", "intervention", floor.intervention_id)
                except LookupError:  # a note-taker deleted it meanwhile: nothing to close
                    pass

        return close

    def give_floor(self) -> Floor | None:
        """The next queued speaker takes the floor: the previous turn's intervention is closed
        and a new one opened (speaker, agenda item, start time) in the same transaction."""
        if not self.queue:
            return None
        entry, rest = self.queue[0], self.queue[1:]
        now = self.clock()
        person = self.participants.get(entry.participant_id or "")
        new_person = None
        if person is None and entry.speaker and not entry.group:
            # a name typed on the fly becomes a participant, for the note-takers to complete
            new_person = m.Participant(self.session.series_id, entry.speaker)
            entry = replace(entry, participant_id=new_person.id)
        intervention = m.Intervention(
            self.session.id,
            agenda_item_id=self.timer.current_id,
            participant_id=entry.participant_id if person or new_person else None,
            stakeholder_group="" if person or new_person else entry.group,
            country="" if person or new_person else entry.country,
            started_at=t.format_at(now),
        )
        close = self._close_floor(now)
        if self.session.not_spoken_first:  # the speaker has spoken now: behind the others
            rest = not_spoken_first(rest, have_spoken(self.timer.floors) | identity(entry))

        def writes() -> None:
            close()
            repo.insert_all(self.db, [r for r in (new_person, intervention) if r is not None])
            write_meta(self.db, queue_key(self.session.id), queue_to_json(rest))
            self._wrote("added", "intervention", intervention.id)
            if new_person is not None:
                self._wrote("added", "participant", new_person.id)
            self._wrote("changed", "meta", queue_key(self.session.id))

        payload = floor_payload(entry, intervention.id)
        self._append([Step("floor", now, self.timer.current_id, 0, payload)], writes)
        self.queue = rest
        if new_person is not None:
            self.participants[new_person.id] = new_person
        return self.timer.floor

    def end_floor(self) -> None:
        if self.timer.floor is not None:
            now = self.clock()
            self._append([Step("end_floor", now, self.timer.current_id)], self._close_floor(now))

    def extend_speaker(self, seconds: int) -> None:
        floor = self.timer.floor
        if floor is not None:
            seconds = max(seconds, -int(floor.budget))
            self._append([Step("extend_speaker", self.clock(), self.timer.current_id, seconds)])

    # --- the queue ---------------------------------------------------------------------------

    def _save_queue(self, queue: list[QueueEntry]) -> None:
        write_meta(self.db, queue_key(self.session.id), queue_to_json(queue))
        self._wrote("changed", "meta", queue_key(self.session.id))
        self.queue = queue

    def enqueue(self, entry: QueueEntry) -> None:
        if self.session.not_spoken_first:
            spoken = have_spoken(self.timer.floors)
            self._save_queue(queued_not_spoken_first(self.queue, entry, spoken))
        else:
            self._save_queue(queued(self.queue, entry))

    def move_queued(self, index: int, step: int) -> bool:
        target = index + step
        if not (0 <= index < len(self.queue) and 0 <= target < len(self.queue)):
            return False
        queue = list(self.queue)
        queue[index], queue[target] = queue[target], queue[index]
        self._save_queue(queue)
        return True

    def remove_queued(self, index: int) -> None:
        if 0 <= index < len(self.queue):
            self._save_queue(self.queue[:index] + self.queue[index + 1 :])

    # --- the agenda and the session's settings -----------------------------------------------

    def set_planned(self, item_id: str, minutes: int) -> None:
        repo.update(self.db, m.AgendaItem, item_id, planned_minutes=minutes)
        self._wrote("changed", "agenda_item", item_id)
        for item in self.content.agenda:
            if item.id == item_id:
                item.planned_minutes = minutes
        self.timer.set_agenda(self.content.agenda)

    def move_item(self, item_id: str, step: int) -> bool:
        """Move an agenda item up (-1) or down (+1); positions are renumbered in one commit."""
        agenda = list(self.content.agenda)
        n = next((i for i, item in enumerate(agenda) if item.id == item_id), None)
        if n is None or not 0 <= n + step < len(agenda):
            return False
        agenda[n], agenda[n + step] = agenda[n + step], agenda[n]
        with self.db.transaction():
            for position, item in enumerate(agenda):
                if item.position != position:
                    repo.update(self.db, m.AgendaItem, item.id, position=position)
                    self._wrote("changed", "agenda_item", item.id)
        for position, item in enumerate(agenda):
            item.position = position
        self.content.agenda[:] = agenda
        self.timer.set_agenda(agenda)
        return True

    def set_warning_seconds(self, seconds: int) -> None:
        repo.update(self.db, m.Session, self.session.id, warning_seconds=seconds)
        self._wrote("changed", "session", self.session.id)
        self.session.warning_seconds = self.timer.warning_seconds = seconds

    def set_speaking_seconds(self, seconds: int) -> None:
        repo.update(self.db, m.Session, self.session.id, speaking_seconds=seconds)
        self._wrote("changed", "session", self.session.id)
        self.session.speaking_seconds = self.timer.speaking_seconds = seconds

    def set_speaking_budgets(self, budgets: list[str]) -> None:
        repo.update(self.db, m.Session, self.session.id, speaking_budgets=list(budgets))
        self._wrote("changed", "session", self.session.id)
        self.session.speaking_budgets = list(budgets)

    def set_not_spoken_first(self, on: bool) -> None:
        """The ordering on (the queue is sorted once, stably) or off (the queue stays)."""
        with self.db.transaction():
            repo.update(self.db, m.Session, self.session.id, not_spoken_first=on)
            self._wrote("changed", "session", self.session.id)
            self.session.not_spoken_first = on
            if on:
                ordered = not_spoken_first(self.queue, have_spoken(self.timer.floors))
                if ordered != self.queue:
                    self._save_queue(ordered)

    # --- clock jumps -------------------------------------------------------------------------

    def check_clock(self, now: float | None = None) -> t.ClockJump | None:
        """A jump since the last sign of life of a counting timer, to ask the moderator about."""
        now = self.clock() if now is None else now
        reference = self.heartbeat if self.heartbeat is not None else self.timer.cursor
        return t.clock_jump(self.state(now), reference, now)

    def resolve(self, jump: t.ClockJump, choice: str) -> None:
        steps = [Step(a, at, self.timer.current_id) for a, at in t.resolve_jump(jump, choice)]
        if steps:
            self._append(steps)
        self.beat(jump.now, force=True)
