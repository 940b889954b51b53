"""Hybrid logical clock stamps: totally ordered across laptops, even with skewed clocks.

A stamp is the text '<milliseconds:013d>.<counter:06d>.<device>' so that comparing two stamps
as strings compares wall time, then the counter, then the device id (the tie-break the merge
needs). The wall clock is injected so tests and the merge can control time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

MAX_COUNTER = 999_999


def parse(stamp: str) -> tuple[int, int, str]:
    ms, counter, device = stamp.split(".", 2)
    return int(ms), int(counter), device


def make(ms: int, counter: int, device: str) -> str:
    return f"{ms:013d}.{counter:06d}.{device}"


class HybridClock:
    def __init__(self, device: str, wall: Callable[[], float] = time.time) -> None:
        self.device = device
        self.wall = wall
        self._ms = 0
        self._counter = 0

    def now(self) -> str:
        """A stamp later than every stamp this clock has issued or observed."""
        wall_ms = int(self.wall() * 1000)
        if wall_ms > self._ms:
            self._ms, self._counter = wall_ms, 0
        elif self._counter < MAX_COUNTER:
            self._counter += 1
        else:  # the counter has six digits: past them, the next millisecond keeps the order
            self._ms, self._counter = self._ms + 1, 0
        return make(self._ms, self._counter, self.device)

    def observe(self, stamp: str | None) -> None:
        """Move past a stamp read from a file, so later writes sort after it."""
        if not stamp:
            return
        ms, counter, _device = parse(stamp)
        if (ms, counter) > (self._ms, self._counter):
            self._ms, self._counter = ms, counter
