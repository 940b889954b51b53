"""When the moderator's timer chimes: once per item on entering amber, once on reaching zero.

Qt-free and pure. A ChimeWatch sees the readings the screen shows, one after another, and
answers with the chime due, if any. It chimes only on a change it saw happen while the timer
ran: the first reading it sees (a file reopened, a session shown again, a log replayed) never
chimes, nor a reading after a pause, a jump back with "+1 minute" and forward again, or a
move to an item that is already over its time. Each item chimes each sound once per run of
the timer (a reset starts a new run).
"""

from __future__ import annotations

from facilitator.domain import timer as t

AMBER, ZERO = "amber", "zero"
RANK = {t.NORMAL: 0, t.WARNING: 1, t.OVERRUN: 2}


class ChimeWatch:
    def __init__(self) -> None:
        self._last: tuple[float | None, str | None, str] | None = None
        self._done: set[tuple[float | None, str, str]] = set()

    def forget(self) -> None:
        """Another session is shown: its next reading is a first one again."""
        self._last = None

    def observe(self, state: t.TimerState) -> str | None:
        """AMBER, ZERO or None for this reading."""
        seen = (state.started_at, state.current_id, state.level)
        last, self._last = self._last, seen
        if state.phase != t.RUNNING or state.current_id is None or last is None:
            return None
        if last[:2] != seen[:2] or RANK[state.level] <= RANK[last[2]]:
            return None  # another item or run, or no step up from the last reading
        sound = ZERO if state.level == t.OVERRUN else AMBER
        key = (state.started_at, state.current_id, sound)
        if key in self._done:
            return None
        self._done.add(key)
        if sound == ZERO:  # amber skipped (a "-1 minute" into overrun) does not come later
            self._done.add((state.started_at, state.current_id, AMBER))
        return sound
