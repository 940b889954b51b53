"""Files for the merge tests: one series logged on several laptops, with controlled clocks."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from facilitator.domain import model as m
from facilitator.storage import Database, create_file, open_file
from facilitator.storage import repository as repo

T0 = 1_700_000_000.0  # 14 November 2023


class Wall:
    """A wall clock moved by hand."""

    def __init__(self, t: float = T0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@dataclass
class Base:
    path: Path
    series: m.Series
    session: m.Session
    people: list[m.Participant]
    interventions: list[m.Intervention]
    points: list[m.Point]


def base_file(folder: Path, title: str = "Regional consultations 2024", n: int = 3) -> Base:
    """A self-contained file (no WAL) holding a series every laptop starts from."""
    path = folder / f"base-{title[:12].replace(' ', '-')}.facilitator"
    db = create_file(path, device="organiser", wall=lambda: T0 - 3600)
    series = m.Series(title)
    topic = m.Topic(series.id, "Missing migrants")
    people = [
        m.Participant(series.id, "Laurel Townhead", stakeholder_group="civil_society"),
        m.Participant(series.id, "Jorge Bustamante", stakeholder_group="academia"),
    ]
    session = m.Session(series.id, "Arab States", date="2024-02-01")
    item = m.AgendaItem(session.id, "Discussion", 45, "discussion")
    interventions = [
        m.Intervention(session.id, item.id, people[0].id, notes=f"first notes {k}")
        for k in range(n)
    ]
    points = [m.Point(i.id, f"point {k}", topic_id=topic.id) for k, i in enumerate(interventions)]
    events = [  # a finished session: a running timer would ask about the clock when shown
        m.TimerEvent(session.id, "start", "2024-02-01T13:00:00.000Z", item.id),
        m.TimerEvent(session.id, "stop", "2024-02-01T13:45:00.000Z", item.id),
    ]
    repo.insert_all(db, [series, topic, *people, session, item, *interventions, *points, *events])
    db.conn.execute("PRAGMA journal_mode=DELETE")
    db.close()
    return Base(path, series, session, people, interventions, points)


def laptop(base: Base, folder: Path, device: str, wall: Wall | None = None) -> Database:
    """A colleague's copy of the base file, open as that colleague's laptop."""
    path = folder / f"{device}.facilitator"
    shutil.copyfile(base.path, path)
    return open_file(path, device=device, wall=wall or Wall())


def saved(db: Database) -> Path:
    """Close a laptop's file so it is self-contained, and give its path."""
    db.close()
    return db.path


def dump(target: Database | Path) -> list[str]:
    """Every statement that rebuilds the file: equal dumps mean an unchanged file."""
    if isinstance(target, Database):
        return list(target.conn.iterdump())
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
