"""Clocks that run wrong, named instead of deciding silently (issue 18).

Per field the newest stamp wins a merge, so a laptop whose clock runs ahead wins every
same-field conflict and one that runs behind loses even its last correction. Two signs are
kept and read:

- *behind*: when this computer opens a file whose newest stamp is more than `SKEW_MS` ahead
  of its own clock, it is behind; the app warns at once, and the file records
  `meta['clock_behind:<device>']` = by how many milliseconds (removed when the clock is right
  again), so a merge of that file can name the laptop.
- *ahead*: a merge compares the source's stamps read from each device's own clock (counter 0:
  a stamp with a counter above 0 only follows a newer stamp the device had seen) with this
  computer's clock; more than `SKEW_MS` ahead names the device. (More than a day ahead is
  refused, see untrusted.MAX_SKEW_SECONDS.)

A merge report names each such device and marks the conflicts it won or lost for review.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .hlc import parse

SKEW_MS = 2 * 60 * 1000
BEHIND_KEY = "clock_behind:"


def behind_ms(newest_stamp: str | None, wall: float) -> int:
    """How far a clock reading `wall` is behind the newest stamp of a file (0: not behind)."""
    if not newest_stamp:
        return 0
    return max(0, parse(newest_stamp)[0] - int(wall * 1000))


def note_own_clock(conn: sqlite3.Connection, device: str, behind: int) -> None:
    """Record (or clear) in the file that this device's clock is behind; only writes when that
    changes, so opening a file with a right clock changes no byte of it."""
    key = BEHIND_KEY + device
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if behind > SKEW_MS:
        if row is None or row[0] != str(behind):
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, behind))
    elif row is not None:
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))


def note_newest(newest: dict[str, int], stamps: Iterable[str]) -> None:
    """Keep in `newest` {device: ms} the newest of `stamps` read from each device's own clock
    (counter 0), as a merge reads a source's rows (stamps already checked: untrusted)."""
    for stamp in stamps:
        if stamp[14:20] != "000000" and stamp[14:20].isascii():
            continue  # a counter above 0 (ASCII digits, as this app writes them)
        ms, counter, device = parse(stamp)
        if counter == 0 and ms > newest.get(device, 0):
            newest[device] = ms


def skewed_devices(newest: dict[str, int], behind: dict[str, int], now: float) -> dict[str, int]:
    """{device: offset in seconds} of each device of a source (`newest`, see note_newest) whose
    clock ran more than SKEW_MS ahead (positive) of `now` or was recorded behind (negative)."""
    now_ms = int(now * 1000)
    skew = {d: (ms - now_ms) // 1000 for d, ms in newest.items() if ms - now_ms > SKEW_MS}
    for device, ms in behind.items():
        if ms > SKEW_MS and device not in skew:
            skew[device] = -(ms // 1000)
    return dict(sorted(skew.items()))
