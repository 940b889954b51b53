"""Every read and write of records goes through here, and returns domain objects.

Writes stamp each row with the device id and a hybrid-logical-clock stamp; a delete is a
tombstone (deleted = 1) so that merging can carry it to other files. `stamps` keeps one stamp
per field once a row has been edited: a field missing from it carries the row's `hlc`.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import json
from collections.abc import Iterable
from functools import cache
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from facilitator.domain import model as m

from . import cascade, hlc
from .database import Database, newest_stamp
from .records import CLASS_OF, TABLE_OF, columns, encode, from_row, to_row

T = TypeVar("T")


# How each table is listed: by position where people order things, else by time, then by
# the clock stamp of the record's creation, then id. Never `rowid`: its order is the order rows
# arrived in this file, which a merge of the same files in another order changes; these keys
# are the same in every merged file, so lists, views and exports are too.
# The creation stamp is the stamp of the field naming the record's parent, which is written
# once (a row never edited carries its hlc; the first edit makes every stamp explicit).
def created(table: str, alias: str = "") -> str:
    """SQL for the clock stamp at which a record of `table` was written first."""
    parent = PARENT_FIELD.get(table)
    p = f"{alias}." if alias else ""
    if parent is None:
        return f"{p}hlc"
    return f"coalesce(json_extract({p}stamps, '$.{parent}'), {p}hlc)"


PARENT_FIELD: dict[str, str] = {
    "topic": "series_id",
    "participant": "series_id",
    "session": "series_id",
    "agenda_item": "session_id",
    "guiding_question": "session_id",
    "session_role": "session_id",
    "intervention": "session_id",
    "point": "intervention_id",
    "takeaway": "session_id",
    "timer_event": "session_id",
    "translation": "owner_id",
}
ORDER: dict[str, str] = {
    "series": "hlc, id",
    "topic": f"position, {created('topic')}, id",
    "participant": f"{created('participant')}, id",
    "session": f"position, date, start_time, {created('session')}, id",
    "agenda_item": f"position, {created('agenda_item')}, id",
    "guiding_question": f"position, {created('guiding_question')}, id",
    "session_role": f"{created('session_role')}, id",
    "intervention": f"coalesce(started_at, ''), {created('intervention')}, id",
    "point": f"position, {created('point')}, id",
    "takeaway": f"position, {created('takeaway')}, id",
    "timer_event": "hlc, id",  # the order appended: a clock set back never reorders it
    "translation": f"{created('translation')}, id",
}


def _select(cls: type) -> str:
    return ", ".join(columns(cls))


def insert(db: Database, record: Any) -> Any:
    """Insert one record (committed on return, or joining an open transaction)."""
    insert_all(db, [record])
    return record


@cache
def _insert_sql(cls: type) -> str:
    names = [*columns(cls), "device", "hlc", "stamps", "deleted"]
    marks = ", ".join("?" for _ in names)
    return f"INSERT INTO {TABLE_OF[cls]} ({', '.join(names)}) VALUES ({marks})"


def insert_all(db: Database, records: Iterable[Any]) -> None:
    with db.transaction() as conn:
        # Records of one class in a row go in one executemany (a save: its points).
        for cls, group in itertools.groupby(records, type):
            # A stamp each, in the order given: lists ordered by clock stamp (ORDER) keep the
            # order records were written in, as rowid did, but the same in every merged file.
            rows = [(*to_row(r).values(), db.device, db.clock.now(), "{}", 0) for r in group]
            conn.executemany(_insert_sql(cls), rows)


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
        # Stamp after everything the row holds, even versions written by another program
        # (a merge from the command line) this clock has not seen: a row's hlc stays its
        # greatest stamp, which every merge checks.
        db.clock.observe(max([old_hlc, *stamps.values()]))
        stamp = db.clock.now()
        for name in changes:
            stamps[name] = stamp
        sets = ", ".join(f"{name} = ?" for name in changes)
        if table in cascade.CASCADED:  # an edit is a live version of its own
            sets += (", " if sets else "") + "deleted_with = ''"
        values = [encode(cls, name, value) for name, value in changes.items()]
        conn.execute(
            f"UPDATE {table} SET {sets}{', ' if sets else ''}device = ?, hlc = ?, stamps = ? "
            "WHERE id = ?",
            (*values, db.device, stamp, json.dumps(stamps, sort_keys=True), record_id),
        )
    return get(db, cls, record_id)


def _set_deleted(db: Database, cls: type, record_id: str, deleted: int) -> None:
    """Tombstone or restore one record, and the children deleted with it (see cascade)."""
    table = TABLE_OF[cls]
    with db.transaction() as conn:
        if not _stamp_deleted(db, conn, table, record_id, deleted, ""):
            return

        def stamp(child: str, child_id: str, value: int, parent: str) -> None:
            _stamp_deleted(db, conn, child, child_id, value, parent)

        if deleted:
            cascade.delete_children(conn, table, record_id, db.device, stamp)
        else:
            cascade.restore_children(conn, table, record_id, stamp)


def _stamp_deleted(db: Database, conn, table: str, record_id: str, deleted: int, with_: str):
    # Only the row's hlc moves: its fields keep their stamps (made explicit here), so a merge
    # does not take an untouched field for an edit made at the time of the delete.
    row = conn.execute(f"SELECT hlc, stamps FROM {table} WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        return False
    stamps = json.loads(row[1] or "{}")
    for name in set(columns(CLASS_OF[table])) - {"id"}:
        stamps.setdefault(name, row[0])
    db.clock.observe(max([row[0], *stamps.values()]))  # see update
    extra = ", deleted_with = ?" if table in cascade.CASCADED else ""
    conn.execute(
        f"UPDATE {table} SET deleted = ?, device = ?, hlc = ?, stamps = ?{extra} WHERE id = ?",
        (
            deleted,
            db.device,
            db.clock.now(),
            json.dumps(stamps, sort_keys=True),
            *([with_] if extra else []),
            record_id,
        ),
    )
    return True


def delete(db: Database, cls: type, record_id: str) -> None:
    """Tombstone one record (and its children, as deleted with it): it disappears here and,
    after a merge, everywhere."""
    _set_deleted(db, cls, record_id, 1)


def restore(db: Database, cls: type, record_id: str) -> None:
    """Bring a tombstoned record back (undo of a delete), with the children deleted with it."""
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
    points = session_points(db, session.id) if interventions else []
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


class LazySessionContent(m.SessionContent):
    """A session whose interventions and points are read from the file on first use.

    Opening a file with 200,000 interventions must not read them: the window lists sessions
    and the pages read the pages of rows they show. Code that does need them all (a summary,
    an export) reads them on first access, on the thread that opened the file."""

    def __init__(self, db: Database, session: m.Session, **parts: Any) -> None:
        self._db = db
        super().__init__(session, **parts)
        self._interventions: list[m.Intervention] | None = None
        self._points: list[m.Point] | None = None

    @property  # type: ignore[override]
    def interventions(self) -> list[m.Intervention]:
        if self._interventions is None:
            self._interventions = find(self._db, m.Intervention, session_id=self.session.id)
        return self._interventions

    @interventions.setter
    def interventions(self, value: list[m.Intervention]) -> None:
        self._interventions = value

    @property  # type: ignore[override]
    def points(self) -> list[m.Point]:
        if self._points is None:
            self._points = session_points(self._db, self.session.id)
        return self._points

    @points.setter
    def points(self, value: list[m.Point]) -> None:
        self._points = value

    def __deepcopy__(self, memo: dict) -> m.SessionContent:
        """A copy is a plain SessionContent with everything read (the connection stays)."""
        whole = m.SessionContent(
            **{f.name: getattr(self, f.name) for f in dataclasses.fields(m.SessionContent)}
        )
        return copy.deepcopy(whole, memo)


def session_points(db: Database, session_id: str) -> list[m.Point]:
    rows = db.conn.execute(
        f"SELECT {', '.join('p.' + c for c in columns(m.Point))} FROM point p "
        "JOIN intervention i ON i.id = p.intervention_id "
        "WHERE p.deleted = 0 AND i.deleted = 0 AND i.session_id = ? "
        f"ORDER BY coalesce(i.started_at, ''), {created('intervention', 'i')}, i.id, "
        f"p.position, {created('point', 'p')}, p.id",
        (session_id,),
    ).fetchall()
    return [from_row(m.Point, row) for row in rows]


# The roster of each open file, with the stamp it was read at: opening a file shows it three
# times (the outline, the notes' speakers, the timer's), 2,000 people in a large series.
_ROSTERS: WeakKeyDictionary = WeakKeyDictionary()


def roster(db: Database, series_id: str) -> list[m.Participant]:
    """The series' live participants, as `find` lists them, read once while the file does not
    change. The records are shared between callers: for reading (a caller that changes one
    copies it first, as an edit writes through `update` and reads again)."""
    # Any write of this connection moves total_changes; any commit of another, data_version.
    stamp = (db.conn.total_changes, db.conn.execute("PRAGMA data_version").fetchone()[0])
    known = _ROSTERS.get(db)
    if known is None or known[:2] != (stamp, series_id):
        known = (stamp, series_id, find(db, m.Participant, series_id=series_id))
        _ROSTERS[db] = known
    return list(known[2])


def session_outline(db: Database, session: m.Session) -> m.SessionContent:
    """One session with its agenda, questions, roles, takeaways and timer log; interventions
    and points come on first use (see LazySessionContent)."""
    return LazySessionContent(
        db,
        session,
        agenda=find(db, m.AgendaItem, session_id=session.id),
        questions=find(db, m.GuidingQuestion, session_id=session.id),
        roles=find(db, m.SessionRole, session_id=session.id),
        takeaways=find(db, m.Takeaway, session_id=session.id),
        timer_log=find(db, m.TimerEvent, session_id=session.id),
    )


def load_series(db: Database, *, lazy: bool = False) -> m.SeriesContent | None:
    """The whole series of the file (None for a file with no series yet); `lazy` leaves the
    interventions and points in the file until they are first used."""
    series = get_series(db)
    if series is None:
        return None
    one = session_outline if lazy else session_content
    newest = None if lazy else newest_stamp(db.conn)  # what an export says its content is as of
    return m.SeriesContent(
        series=series,
        topics=find(db, m.Topic, series_id=series.id),
        # The outline shares the roster with the pages; a whole series (exports, copies) has
        # records of its own.
        participants=roster(db, series.id)
        if lazy
        else find(db, m.Participant, series_id=series.id),
        sessions=[one(db, s) for s in find(db, m.Session, series_id=series.id)],
        translations=find(db, m.Translation),
        as_of_ms=hlc.parse(newest)[0] if newest else None,
    )


def save_series(db: Database, content: m.SeriesContent) -> None:
    """Write a whole series into the file in one transaction (all or nothing)."""
    records: list[Any] = [content.series, *content.topics, *content.participants]
    for sc in content.sessions:
        records += [sc.session, *sc.agenda, *sc.questions, *sc.roles]
        records += [*sc.interventions, *sc.points, *sc.takeaways, *sc.timer_log]
    records += content.translations
    with db.transaction():
        insert_all(db, records)


def table_names() -> list[str]:
    return list(CLASS_OF)
