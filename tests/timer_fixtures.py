"""A small series for the timer tests (agenda 5/15/15/45/10, two participants) and a fake clock."""

from __future__ import annotations

from pathlib import Path

from facilitator.app import file_ops
from facilitator.domain import model as m
from facilitator.domain import timer as t

T0 = t.parse_at("2024-02-01T13:00:00.000Z")  # 14:00 in Geneva
MINUTES = [5, 15, 15, 45, 10]


class Clock:
    """A wall clock the test moves by hand (seconds since the epoch)."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def series(items: int | None = None) -> m.SeriesContent:
    s = m.Series("Test series")
    session = m.Session(
        s.id,
        "Regional consultation",
        date="2024-02-01",
        start_time="14:00",
        timezone="Europe/Zurich",
    )
    minutes = MINUTES if items is None else [(n % 9) + 1 for n in range(items)]
    agenda = [
        m.AgendaItem(session.id, f"Item {n + 1}", planned, position=n)
        for n, planned in enumerate(minutes)
    ]
    people = [
        m.Participant(s.id, "Amina Diallo", stakeholder_group="member_state", country="Mali"),
        m.Participant(
            s.id, "Jo Smith", organisation="Red Cross", stakeholder_group="civil_society"
        ),
    ]
    return m.SeriesContent(s, participants=people, sessions=[m.SessionContent(session, agenda)])


def make_file(folder: Path, items: int | None = None) -> Path:
    path = folder / "timer.facilitator"
    file_ops.write_new_file(path, series(items))
    return path
