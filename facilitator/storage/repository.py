"""Every read and write of records goes through here, and returns domain objects.

Writes stamp each row with the device id and a hybrid-logical-clock stamp; a delete is a
tombstone (deleted = 1) so that merging can carry it to other files. `stamps` keeps one stamp
per field once a row has been edited: a field missing from it carries the row's `hlc`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TypeVar

from facilitator.domain import model as m

from .database import Database
from .records import CLASS_OF, TABLE_OF, columns, encode, from_row, to_row

T = TypeVar("T")

# How each table is listed: by position where people order things, else by time of writing.
ORDER: dict[str, str] = {
    "series": "rowid",
    "topic": "position, rowid",
    "participant": "rowid",
    "session": "position, date, start_time, rowid",
    "agenda_item": "position, rowid",
    "guiding_question": "position, rowid",
    "session_role": "rowid",
    "intervention": "coalesce(started_at, ''), rowid",
    "point": "position, rowid",
    "takeaway": "position, rowid",
    "timer_event": "hlc, rowid",  # the order appended: a clock set back never reorders it
}


def _select(cls: type) -> str:
    return ", ".join(columns(cls))


def insert(db: Database, record: Any) -> Any:
    """Insert one record (committed on return, or joining an open transaction)."""
    insert_all(db, [record])
    return record


def insert_all(db: Database, records: Iterable[Any]) -> None:
    with db.transaction() as conn:
        stamp = db.clock.now()
        for record in records:
            table = TABLE_OF[type(record)]
            row = to_row(record)
            row.update(device=db.device, hlc=stamp, stamps="{}", deleted=0)
            names = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(row.values()))


def update(db: Database, cls: type[T], record_id: str, **changes: Any) -> T:
    """Change some fields of one record; each changed field gets a fresh stamp."""
    table = TABLE_OF[cls]
    known = set(columns(cls)) - {"id"}
    unknown = set(changes) - known
    if unknown:
        raise KeyError(f"{table} has no field {sorted(unknown)}")
    with db.transaction() as conn:
        row = conn.execute(
            f"SELECT hlc, stamps FROM {table} WHERE id = ? AND deleted = 0", (record_id,)
        ).fetchone()
        if row is None:
            raise LookupError(f"{table} {record_id} not found")
        old_hlc, stamps = row[0], json.loads(row[1] or "{}")
        for name in known:
            stamps.setdefault(name, old_hlc)
        stamp = db.clock.now()
        for name in changes:
            stamps[name] = stamp
        sets = ", ".join(f"{name} = ?" for name in changes)
        values = [encode(cls, name, value) for name, value in changes.items()]
        conn.execute(
            f"UPDATE {table} SET {sets}{', ' if sets else ''}device = ?, hlc = ?, stamps = ? "
            "WHERE id = ?",
            (*values, db.device, stamp, json.dumps(stamps, sort_keys=True), record_id),
        )
    return get(db, cls, record_id)


def _set_deleted(db: Database, cls: type, record_id: str, deleted: int) -> None:
    # Only the row's hlc moves: its fields keep their stamps (made explicit here), so a merge
    # does not take an untouched field for an edit made at the time of the delete.
    table = TABLE_OF[cls]
    with db.transaction() as conn:
        row = conn.execute(f"SELECT hlc, stamps FROM {table} WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            return
        stamps = json.loads(row[1] or "{}")
        for name in set(columns(cls)) - {"id"}:
            stamps.setdefault(name, row[0])
        conn.execute(
            f"UPDATE {table} SET deleted = ?, device = ?, hlc = ?, stamps = ? WHERE id = ?",
            (deleted, db.device, db.clock.now(), json.dumps(stamps, sort_keys=True), record_id),
        )


def delete(db: Database, cls: type, record_id: str) -> None:
    """Tombstone one record: it disappears here and, after a merge, everywhere."""
    _set_deleted(db, cls, record_id, 1)


def restore(db: Database, cls: type, record_id: str) -> None:
    """Bring a tombstoned record back (undo of a delete)."""
    _set_deleted(db, cls, record_id, 0)


def get(db: Database, cls: type[T], record_id: str) -> T:
    table = TABLE_OF[cls]
    row = db.conn.execute(
        f"SELECT {_select(cls)} FROM {table} WHERE id = ? AND deleted = 0", (record_id,)
    ).fetchone()
    if row is None:
        raise LookupError(f"{table} {record_id} not found")
    return from_row(cls, row)


def find(db: Database, cls: type[T], **where: Any) -> list[T]:
    """Live records of `cls` whose fields equal `where`, in their natural order."""
    table = TABLE_OF[cls]
    clauses = ["deleted = 0"] + [f"{name} = ?" for name in where]
    rows = db.conn.execute(
        f"SELECT {_select(cls)} FROM {table} WHERE {' AND '.join(clauses)} ORDER BY {ORDER[table]}",
        tuple(encode(cls, name, value) for name, value in where.items()),
    ).fetchall()
    return [from_row(cls, row) for row in rows]


def count(db: Database, cls: type, **where: Any) -> int:
    table = TABLE_OF[cls]
    clauses = ["deleted = 0"] + [f"{name} = ?" for name in where]
    return db.conn.execute(
        f"SELECT count(*) FROM {table} WHERE {' AND '.join(clauses)}",
        tuple(encode(cls, name, value) for name, value in where.items()),
    ).fetchone()[0]


def get_series(db: Database) -> m.Series | None:
    found = find(db, m.Series)
    return found[0] if found else None


def session_content(db: Database, session: m.Session) -> m.SessionContent:
    """One session with everything it holds."""
    interventions = find(db, m.Intervention, session_id=session.id)
    points: list[m.Point] = []
    if interventions:
        rows = db.conn.execute(
            f"SELECT {', '.join('p.' + c for c in columns(m.Point))} FROM point p "
            "JOIN intervention i ON i.id = p.intervention_id "
            "WHERE p.deleted = 0 AND i.deleted = 0 AND i.session_id = ? "
            "ORDER BY coalesce(i.started_at, ''), i.rowid, p.position, p.rowid",
            (session.id,),
        ).fetchall()
        points = [from_row(m.Point, row) for row in rows]
    return m.SessionContent(
        session=session,
        agenda=find(db, m.AgendaItem, session_id=session.id),
        questions=find(db, m.GuidingQuestion, session_id=session.id),
        roles=find(db, m.SessionRole, session_id=session.id),
        interventions=interventions,
        points=points,
        takeaways=find(db, m.Takeaway, session_id=session.id),
        timer_log=find(db, m.TimerEvent, session_id=session.id),
    )


def load_series(db: Database) -> m.SeriesContent | None:
    """The whole series of the file (None for a file with no series yet)."""
    series = get_series(db)
    if series is None:
        return None
    return m.SeriesContent(
        series=series,
        topics=find(db, m.Topic, series_id=series.id),
        participants=find(db, m.Participant, series_id=series.id),
        sessions=[session_content(db, s) for s in find(db, m.Session, series_id=series.id)],
    )


def save_series(db: Database, content: m.SeriesContent) -> None:
    """Write a whole series into the file in one transaction (all or nothing)."""
    records: list[Any] = [content.series, *content.topics, *content.participants]
    for sc in content.sessions:
        records += [sc.session, *sc.agenda, *sc.questions, *sc.roles]
        records += [*sc.interventions, *sc.points, *sc.takeaways, *sc.timer_log]
    with db.transaction():
        insert_all(db, records)


def table_names() -> list[str]:
    return list(CLASS_OF)
