"""The moderator's timer over the open document: what the timer page reads and writes. Qt-free.

`LiveTimer` keeps one session's derived timer (facilitator.storage.timer_store.TimerSession:
the log replayed, the speakers queue, the roster) in memory, so the page refreshes every second
from the clock alone, without reading the file. Every moderator action is returned as an
*operation* for `DocumentSignals.run`: nothing is written until it runs, it commits in one
transaction, and its ChangeSet names the timer events appended ("timer_event"), the
interventions a turn at the floor opened or closed ("intervention"), a speaker typed on the fly
("participant"), the agenda items and the session whose settings changed ("agenda_item",
"session") and the queue ("meta", its key), so the notes page hears of it at once.

Timer presses are an append-only log, not edits: they have no undo. Planned minutes, the amber
warning and the default speaking time are edits: each comes with an undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from facilitator.app.document import Document, Operation
from facilitator.domain import model as m
from facilitator.domain import timer as t
from facilitator.domain.changes import ChangeSet
from facilitator.domain.speakers import QueueEntry
from facilitator.domain.speaking_budget import BudgetUse, budget_use, read_budgets
from facilitator.i18n import _
from facilitator.storage import Database
from facilitator.storage import repository as repo
from facilitator.storage.timer_store import TimerSession, read_heartbeat, rehearsal_database

__all__ = ["LiveTimer", "SettingStep", "load_content", "read_heartbeat_of", "wall_clock"]


def wall_clock(doc: Document) -> Callable[[], float]:
    """The open file's wall clock (time.time in the app; the tests inject theirs on opening)."""
    return doc.db.clock.wall


def load_content(doc: Document, session_id: str) -> m.SessionContent | None:
    """One session with its agenda as the file holds it now; None once it was deleted."""
    try:
        session = repo.get(doc.db, m.Session, session_id)
    except LookupError:
        return None
    return repo.session_content(doc.db, session)


def read_heartbeat_of(doc: Document, session_id: str) -> float | None:
    return read_heartbeat(doc.db, session_id)


class LiveTimer:
    """One session's timer: reads from memory, writes as operations (see the module's doc)."""

    def __init__(
        self,
        doc: Document,
        content: m.SessionContent,
        clock: Callable[[], float] | None = None,
        rehearsal: bool = False,
    ) -> None:
        self.doc = doc
        self.clock = clock or wall_clock(doc)
        # A rehearsal presses the same keys on a copy of the file in memory, from a timer reset
        # to nothing: the real log is never read again nor written (see `_operation`).
        self.rehearsal = rehearsal
        self._db = rehearsal_database(doc.db) if rehearsal else doc.db
        self._store = TimerSession(self._db, content, self.clock)
        if rehearsal:
            self._store.reset()
            self._store.take_changes()

    # --- reading (memory only: cheap enough for every second) --------------------------------

    @property
    def content(self) -> m.SessionContent:
        return self._store.content

    @property
    def session(self) -> m.Session:
        return self._store.session

    @property
    def timer(self) -> t.Timer:
        return self._store.timer

    @property
    def queue(self) -> list[QueueEntry]:
        return self._store.queue

    @property
    def participants(self) -> dict[str, m.Participant]:
        return self._store.participants

    def state(self, now: float | None = None) -> t.TimerState:
        return self._store.state(now)

    def check_clock(self, now: float | None = None) -> t.ClockJump | None:
        return self._store.check_clock(now)

    # --- following the file ------------------------------------------------------------------

    def set_content(self, content: m.SessionContent) -> None:
        """The session or its agenda as now in the file: nothing of the log to replay."""
        store = self._store
        store.content, store.session = content, content.session
        store.timer.set_agenda(content.agenda)
        store.timer.warning_seconds = content.session.warning_seconds
        store.timer.speaking_seconds = content.session.speaking_seconds

    def reload(self, content: m.SessionContent | None = None) -> None:
        """Read the log, the queue and the roster again: written by another program (or a
        write of ours that failed to commit, so memory is as the file is)."""
        if self.rehearsal:  # the copy is the rehearsal's file; the real one is not ours here
            self._store.content = content or self.content
            return
        self._store = TimerSession(self._db, content or self.content, self.clock)

    def reload_roster(self) -> None:
        """The participants a speaker is picked from, as the file holds them now."""
        series_id = self.session.series_id
        people = repo.find(self.doc.db, m.Participant, series_id=series_id)
        if self.rehearsal:
            repo.insert_all(self._db, [p for p in people if p.id not in self.participants])
        self._store.participants = {p.id: p for p in people}

    def beat(self, now: float | None = None, force: bool = False) -> bool:
        """The heartbeat, while the timer counts (at most every 5 s). Local to this device and
        never merged, it is not a change of the document: nothing is announced."""
        return self._store.beat(now, force)

    # --- moderator actions: operations for DocumentSignals.run -------------------------------

    def _operation(self, action: Callable[[TimerSession], Any]) -> Operation:
        def operation(db: Database) -> ChangeSet:
            self._store.take_changes()  # anything left by an action that failed
            action(self._store)
            changes = self._store.take_changes()
            # A rehearsal wrote to its copy: nothing of the file changed for the other pages.
            return ChangeSet() if self.rehearsal else changes

        return operation

    def toggle(self) -> Operation:
        """Space: start, pause or resume, by phase."""
        return self._operation(lambda s: s.toggle())

    def start(self, item_id: str | None = None) -> Operation:
        return self._operation(lambda s: s.start(item_id))

    def move(self, step: int) -> Operation:
        """Next (+1) or previous (-1) item; nothing at either end of the agenda."""
        return self._operation(lambda s: s.move(step))

    def goto(self, item_id: str) -> Operation:
        return self._operation(lambda s: s.goto(item_id))

    def adjust(self, seconds: int) -> Operation:
        """Extend (+) or shorten (-) the current item."""
        return self._operation(lambda s: s.adjust(seconds))

    def stop(self) -> Operation:
        return self._operation(lambda s: s.stop())

    def reset(self) -> Operation:
        """A new run: the timer as before the start; the earlier run stays in the file."""
        return self._operation(lambda s: s.reset())

    def restart(self) -> Operation:
        """'Start again' after the end: a reset and a start, in one commit."""
        return self._operation(lambda s: (s.reset(), s.start()))

    def give_floor(self) -> Operation:
        return self._operation(lambda s: s.give_floor())

    def end_floor(self) -> Operation:
        return self._operation(lambda s: s.end_floor())

    def extend_speaker(self, seconds: int) -> Operation:
        return self._operation(lambda s: s.extend_speaker(seconds))

    def enqueue(self, entry: QueueEntry) -> Operation:
        return self._operation(lambda s: s.enqueue(entry))

    def move_queued(self, index: int, step: int) -> Operation:
        return self._operation(lambda s: s.move_queued(index, step))

    def remove_queued(self, index: int) -> Operation:
        return self._operation(lambda s: s.remove_queued(index))

    def move_item(self, item_id: str, step: int) -> Operation:
        return self._operation(lambda s: s.move_item(item_id, step))

    def resolve(self, jump: t.ClockJump, choice: str) -> Operation:
        """The moderator's answer to a clock jump."""
        return self._operation(lambda s: s.resolve(jump, choice))

    # --- edits, with their undo steps --------------------------------------------------------

    def set_planned(self, item_id: str, minutes: int) -> tuple[Operation, SettingStep | None]:
        old = next(i.planned_minutes for i in self.content.agenda if i.id == item_id)
        step = SettingStep(
            self.doc, m.AgendaItem, item_id, "planned_minutes", old, minutes, _planned_label
        )
        return self._operation(lambda s: s.set_planned(item_id, minutes)), self._step(step)

    def set_warning_seconds(self, seconds: int) -> tuple[Operation, SettingStep | None]:
        step = self._session_step("warning_seconds", seconds, _warning_label)
        return self._operation(lambda s: s.set_warning_seconds(seconds)), self._step(step)

    def set_speaking_seconds(self, seconds: int) -> tuple[Operation, SettingStep | None]:
        step = self._session_step("speaking_seconds", seconds, _speaking_label)
        return self._operation(lambda s: s.set_speaking_seconds(seconds)), self._step(step)

    def set_speaking_budgets(self, budgets: list[str]) -> tuple[Operation, SettingStep | None]:
        step = self._session_step("speaking_budgets", list(budgets), _budgets_label)
        return self._operation(lambda s: s.set_speaking_budgets(budgets)), self._step(step)

    def set_not_spoken_first(self, on: bool) -> tuple[Operation, SettingStep | None]:
        """The queue's ordering; its undo gives the setting back, not the queue's old order."""
        step = self._session_step("not_spoken_first", on, _order_label)
        return self._operation(lambda s: s.set_not_spoken_first(on)), self._step(step)

    def budget_use(self, now: float | None = None) -> list[BudgetUse]:
        """Time used in this run against each budget of the session, the live turn included."""
        budgets = read_budgets(self.session.speaking_budgets)
        if not budgets:
            return []
        live = self.state(now).floor
        return budget_use(budgets, self.timer.floors, self.participants, live)

    def _step(self, step: SettingStep) -> SettingStep | None:
        return None if self.rehearsal else step  # a rehearsal's edits end with it

    def _session_step(self, field: str, value: Any, label: Callable[[], str]) -> SettingStep:
        old = getattr(self.session, field)
        return SettingStep(self.doc, m.Session, self.session.id, field, old, value, label)


def _planned_label() -> str:  # translated when shown, in the language of that moment
    return _("Change of the planned minutes")


def _warning_label() -> str:
    return _("Change of the amber warning")


def _speaking_label() -> str:
    return _("Change of the default speaking time")


def _budgets_label() -> str:
    return _("Change of the speaking-time budgets")


def _order_label() -> str:
    return _("Change of the speakers' order")


KIND = {m.AgendaItem: "agenda_item", m.Session: "session"}


@dataclass
class SettingStep:
    """Undo and redo of one number of a record (planned minutes, a threshold).

    It writes the record itself, not through a LiveTimer: the page may have rebuilt its timer
    since, and learns of the change from the ChangeSet like every other page."""

    doc: Document
    cls: type
    record_id: str
    field: str
    old: Any  # a number, a flag or the list of budgets
    new: Any
    describe: Callable[[], str]

    def _write(self, value: Any) -> ChangeSet:
        def operation(db: Database) -> ChangeSet:
            repo.update(db, self.cls, self.record_id, **{self.field: value})
            return ChangeSet.of(changed=[(KIND[self.cls], self.record_id)])

        return self.doc.run(operation)

    def undo(self) -> ChangeSet:
        return self._write(self.old)

    def redo(self) -> ChangeSet:
        return self._write(self.new)

    def label(self) -> str:
        return self.describe()
