"""The moderator's agenda timer: a pure state machine over the append-only timer log. No Qt, no SQL.

Nothing here counts ticks. Every reading (remaining time of the current item, overrun, elapsed
and remaining totals, projected end, the speaker's countdown) is derived from the log and a
`now` handed in by the caller, so a display refreshed from the clock cannot drift and a file
reopened after a crash resumes exactly where the timer stood.

Events are applied in the order they were appended (the storage hands them over in that
order). The time between two events, or between the last event and `now`, counts only when
it is positive: after the clock was set back, nothing runs until new events are written from
the corrected clock (see `clock_jump` and `resolve_jump`, which let the moderator decide).

Items are known by id, so the agenda may be reordered and planned minutes changed at any time:
the time spent on each item stays with it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from facilitator.domain import model as m
from facilitator.domain.speakers import Floor, read_floor

IDLE, RUNNING, PAUSED, STOPPED = "idle", "running", "paused", "stopped"
NORMAL, WARNING, OVERRUN = "normal", "warning", "overrun"
MOVES = ("start", "next", "back", "goto")

SPEAKER_WARNING_SECONDS = 30  # amber on the speaker's countdown when this much is left
FORWARD_JUMP_SECONDS = 300  # a gap longer than this since the last heartbeat is questioned
BACKWARD_JUMP_SECONDS = 2  # the clock reading this much earlier than the heartbeat went back


def parse_at(text: str) -> float:
    """Seconds since the epoch of a stored ISO 8601 time ('...Z' or '+00:00')."""
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()


def format_at(seconds: float) -> str:
    """The stored form of a moment: UTC, milliseconds, 'Z' (as the demo and JSON files)."""
    moment = dt.datetime.fromtimestamp(round(seconds, 3), dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def level_of(remaining: float, warning_seconds: float) -> str:
    """Overrun from the deadline on (the display then reads +00:00), amber before it."""
    if remaining <= 0:
        return OVERRUN
    return WARNING if remaining <= warning_seconds else NORMAL


def shown_seconds(remaining: float) -> int:
    """The whole seconds a countdown shows, negative over time: 1 (00:01) until the deadline,
    then 0 (+00:00), -1 (+00:01)..."""
    return math.ceil(remaining) if remaining > 0 else -math.floor(-remaining)


def until_change(remaining: float) -> float:
    """Seconds until `shown_seconds` of a countdown running down from `remaining` changes."""
    return math.floor(-remaining) + 1 + remaining


@dataclass(frozen=True)
class ItemReading:
    """Planned versus actual time of one agenda item (pauses are not counted as actual)."""

    item_id: str
    title: str
    planned_seconds: float
    adjusted_seconds: float  # minutes added (or removed) live
    actual_seconds: float
    started_at: float | None
    ended_at: float | None
    current: bool

    @property
    def remaining(self) -> float:
        return self.planned_seconds + self.adjusted_seconds - self.actual_seconds

    @property
    def difference(self) -> float:
        """Actual minus planned (positive: the item ran over its plan)."""
        return self.actual_seconds - self.planned_seconds


@dataclass(frozen=True)
class TimerState:
    """What the moderator's screen shows at `now`."""

    now: float
    phase: str
    current_id: str | None
    current_index: int | None  # position in the agenda; None when not in it
    item_budget: float
    item_spent: float
    item_remaining: float
    level: str
    started_at: float | None
    elapsed: float  # session time since the start, pauses included, until the stop
    remaining_total: float
    projected_end: float
    planned_seconds: float  # the whole agenda as planned
    floor: Floor | None = None
    warning_seconds: float = 120  # the current item's amber threshold (its own or the session's)

    @property
    def speaker_remaining(self) -> float | None:
        return self.floor.remaining if self.floor else None

    @property
    def speaker_level(self) -> str | None:
        if self.floor is None:
            return None
        return level_of(self.floor.remaining, min(SPEAKER_WARNING_SECONDS, self.floor.budget / 4))

    @property
    def counting(self) -> bool:
        """Whether some reading changes with time (heartbeats and refreshes are needed)."""
        return self.phase == RUNNING or (self.floor is not None and self.phase != PAUSED)

    def next_change(self) -> float:
        """Seconds until the reading the room watches changes (at most one second).

        That is the speaker's countdown while someone has the floor, else the item's; the
        other readings are redrawn at the same tick (at most a second behind), so the screen
        wakes once a second, not at every change of every clock and every wall second. With
        nothing counting down, the next wall second."""
        if self.floor is not None and self.phase != PAUSED:
            delay = until_change(self.floor.remaining)
        elif self.phase == RUNNING:
            delay = until_change(self.item_remaining)
        else:
            delay = 1.0 - (self.now % 1.0)
        return max(min(delay, 1.0), 0.0)


class Timer:
    """The derived state of one session's timer; `apply` the events in the order appended."""

    def __init__(
        self,
        agenda: Sequence[m.AgendaItem],
        log: Iterable[m.TimerEvent] = (),
        warning_seconds: float = 120,
        speaking_seconds: float = 180,
    ) -> None:
        self.warning_seconds = warning_seconds
        self.speaking_seconds = speaking_seconds
        self.set_agenda(agenda)
        self.cursor: float | None = None  # the time of the latest event applied
        self._begin_run()
        for event in log:
            self.apply(event)

    def _begin_run(self) -> None:
        """Nothing counted yet: a new timer, or a 'reset' (a rehearsal, a session run again a
        year later). What came before a reset stays in the log and is replayed over, so it
        reaches neither the screen nor the report."""
        self.phase = IDLE
        self.current_id: str | None = None
        self.spent: dict[str, float] = {}
        self.adjusted: dict[str, float] = {}
        self.entered: dict[str, float] = {}
        self.left: dict[str, float] = {}
        self.started_at: float | None = None
        self.session_time = 0.0
        self.floor: Floor | None = None
        self.floors: list[Floor] = []

    # --- the agenda --------------------------------------------------------------------------

    def set_agenda(self, agenda: Sequence[m.AgendaItem]) -> None:
        """A reordered agenda or changed planned minutes: nothing to replay, time is per item."""
        self.agenda = list(agenda)
        self.index = {item.id: n for n, item in enumerate(self.agenda)}

    def budget(self, item_id: str) -> float:
        n = self.index.get(item_id)
        planned = self.agenda[n].planned_minutes * 60 if n is not None else 0
        return planned + self.adjusted.get(item_id, 0.0)

    def warning_of(self, item_id: str) -> float:
        """Seconds left when an item turns amber: its own threshold, else the session's."""
        n = self.index.get(item_id)
        own = self.agenda[n].warning_seconds if n is not None else None
        return self.warning_seconds if own is None else own

    def neighbour(self, step: int) -> str | None:
        """The item `step` places from the current one (the first item before the start)."""
        if not self.agenda:
            return None
        n = self.index.get(self.current_id or "")
        if n is None:
            return self.agenda[0].id
        target = n + step
        return self.agenda[target].id if 0 <= target < len(self.agenda) else None

    # --- replaying the log -------------------------------------------------------------------

    def _advance(self, at: float) -> None:
        delta = max(0.0, at - self.cursor) if self.cursor is not None else 0.0
        self.cursor = at
        if self.phase == RUNNING and self.current_id is not None:
            self.spent[self.current_id] = self.spent.get(self.current_id, 0.0) + delta
        if self.phase in (RUNNING, PAUSED):
            self.session_time += delta
        if self.floor is not None and self.phase != PAUSED:
            self.floor.spoken += delta

    def _enter(self, target: str | None, at: float) -> None:
        if target is None or target == self.current_id:
            return
        if self.current_id is not None and self.phase in (RUNNING, PAUSED):
            self.left[self.current_id] = at
        self.current_id = target
        if self.phase in (RUNNING, PAUSED):
            self.entered.setdefault(target, at)
            self.left.pop(target, None)

    def _end_floor(self, at: float) -> None:
        if self.floor is not None:
            self.floor.ended = at
            self.floor = None

    def apply(self, event: m.TimerEvent) -> None:
        at = parse_at(event.at)
        self._advance(at)
        action = event.action
        if action == "start":
            target = event.agenda_item_id or self.current_id or self.neighbour(0)
            self.started_at = at if self.started_at is None else self.started_at
            self.phase = RUNNING
            self._enter(target, at)
            if self.current_id is not None:
                self.entered.setdefault(self.current_id, at)
                self.left.pop(self.current_id, None)
        elif action == "pause" and self.phase == RUNNING:
            self.phase = PAUSED
        elif action == "resume" and self.phase == PAUSED:
            self.phase = RUNNING
        elif action in ("next", "back", "goto"):
            step = {"next": 1, "back": -1}.get(action, 0)
            self._enter(event.agenda_item_id or self.neighbour(step), at)
        elif action == "adjust":
            item = event.agenda_item_id or self.current_id
            if item is not None:
                self.adjusted[item] = self.adjusted.get(item, 0.0) + event.seconds
        elif action == "stop" and self.phase in (RUNNING, PAUSED):
            if self.current_id is not None:
                self.left[self.current_id] = at
            self.phase = STOPPED
            self._end_floor(at)
        elif action == "floor":
            self._end_floor(at)
            self.floor = read_floor(event.payload, at, self.speaking_seconds)
            self.floors.append(self.floor)
        elif action == "end_floor":
            self._end_floor(at)
        elif action == "extend_speaker" and self.floor is not None:
            self.floor.extra += event.seconds
        elif action == "reset":
            self._begin_run()

    # --- readings ----------------------------------------------------------------------------

    def _delta(self, now: float) -> float:
        return max(0.0, now - self.cursor) if self.cursor is not None else 0.0

    def spent_at(self, item_id: str, now: float) -> float:
        spent = self.spent.get(item_id, 0.0)
        if self.phase == RUNNING and item_id == self.current_id:
            spent += self._delta(now)
        return spent

    def state(self, now: float) -> TimerState:
        delta = self._delta(now)
        current = self.current_id
        budget = self.budget(current) if current is not None else 0.0
        spent = self.spent_at(current, now) if current is not None else 0.0
        remaining = budget - spent
        index = self.index.get(current) if current is not None else None
        live = self.phase in (RUNNING, PAUSED) and current is not None
        if self.phase == IDLE:
            later = self.agenda
        elif live and index is not None:
            later = self.agenda[index + 1 :]
        else:
            later = []
        to_come = sum(max(0.0, self.budget(i.id) - self.spent.get(i.id, 0.0)) for i in later)
        if live:
            to_come += max(0.0, remaining)
        floor = self.floor
        if floor is not None:
            floor = replace(floor, spoken=floor.spoken + (delta if self.phase != PAUSED else 0))
        end = self.cursor if self.phase == STOPPED and self.cursor is not None else now + to_come
        session_time = self.session_time + (delta if self.phase in (RUNNING, PAUSED) else 0.0)
        return TimerState(
            now=now,
            phase=self.phase,
            current_id=current,
            current_index=index,
            item_budget=budget,
            item_spent=spent,
            item_remaining=remaining,
            level=level_of(remaining, self.warning_of(current)) if current else NORMAL,
            started_at=self.started_at,
            elapsed=session_time,
            remaining_total=to_come,
            projected_end=end,
            planned_seconds=sum(i.planned_minutes * 60 for i in self.agenda),
            floor=floor,
            warning_seconds=self.warning_of(current) if current else self.warning_seconds,
        )

    def readings(self, now: float) -> list[ItemReading]:
        """Planned versus actual for every item of the agenda, in agenda order."""
        live = self.phase in (RUNNING, PAUSED)
        return [
            ItemReading(
                item_id=item.id,
                title=item.title,
                planned_seconds=item.planned_minutes * 60,
                adjusted_seconds=self.adjusted.get(item.id, 0.0),
                actual_seconds=self.spent_at(item.id, now),
                started_at=self.entered.get(item.id),
                ended_at=self.left.get(item.id),
                current=live and item.id == self.current_id,
            )
            for item in self.agenda
        ]


def planned_vs_actual(
    agenda: Sequence[m.AgendaItem], log: Iterable[m.TimerEvent], now: float
) -> list[ItemReading]:
    """The table of the summary report: planned and actual minutes of every agenda item."""
    return Timer(agenda, log).readings(now)


def scheduled_start(session: m.Session) -> float | None:
    """The session's announced start (date, start time, time zone), when all are known."""
    if not session.date or not session.start_time:
        return None
    try:
        day = dt.date.fromisoformat(session.date)
        hour, minute = (int(x) for x in session.start_time.split(":"))
        zone = ZoneInfo(session.timezone)
    except (ValueError, ZoneInfoNotFoundError):
        return None
    return dt.datetime.combine(day, dt.time(hour, minute), zone).timestamp()


# --- clock jumps ---------------------------------------------------------------------------

COUNT_GAP, CONTINUE, PAUSE_AT_HEARTBEAT = "count", "continue", "pause"


@dataclass(frozen=True)
class ClockJump:
    """The clock read `now` while the timer last ran at `heartbeat`."""

    heartbeat: float
    now: float

    @property
    def backwards(self) -> bool:
        return self.now < self.heartbeat

    @property
    def gap(self) -> float:
        return abs(self.now - self.heartbeat)

    def choices(self) -> list[str]:
        """Counting a backward jump as time is meaningless; the other choices always apply."""
        if self.backwards:
            return [PAUSE_AT_HEARTBEAT, CONTINUE]
        return [COUNT_GAP, PAUSE_AT_HEARTBEAT, CONTINUE]

    def default(self) -> str:
        """A laptop that slept counts the time as elapsed; a clock set back pauses (safe)."""
        return PAUSE_AT_HEARTBEAT if self.backwards else COUNT_GAP


def clock_jump(state: TimerState, heartbeat: float | None, now: float) -> ClockJump | None:
    """A jump to ask the moderator about, or None when time flowed as expected."""
    if heartbeat is None or not state.counting:
        return None
    if now < heartbeat - BACKWARD_JUMP_SECONDS or now - heartbeat > FORWARD_JUMP_SECONDS:
        return ClockJump(heartbeat, now)
    return None


def resolve_jump(jump: ClockJump, choice: str) -> list[tuple[str, float]]:
    """The (action, at) events that carry out the moderator's choice. count: none.
    pause: a pause at the last heartbeat, so the gap is not counted. continue: that pause and a
    resume now, so the timer runs on from where it stood at the heartbeat."""
    if choice == PAUSE_AT_HEARTBEAT:
        return [("pause", jump.heartbeat)]
    if choice == CONTINUE:
        return [("pause", jump.heartbeat), ("resume", jump.now)]
    return []
