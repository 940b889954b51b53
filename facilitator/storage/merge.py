"""Merging a colleague's file into the open one: `merge(target_db, source_path) -> MergeReport`.

The state of a row is a join-semilattice, which is what makes merging idempotent, commutative
and associative:

- each field carries a stamp (`stamps[field]`, else the row's `hlc`); per field the value with
  the greater stamp wins. Stamps embed the device id, so equal times break ties by device;
  equal stamps with different values (only a damaged file could have them) break by value.
- `deleted` belongs to the row's `hlc`: the version with the greater `hlc` decides whether the
  row lives. A tombstone therefore wins over every version older than the deletion, and an edit
  made after a deletion brings the record back. The merged `hlc` is the greater of the two.
- merged rows are written with their stamps in full, so `{}` and explicit stamps equal to the
  `hlc` mean the same state (see `synced_content`, the state the laws compare).

A merge never stamps anything itself: the result depends on the files only, not on who merges.

A conflict is a field both versions hold with different values, stamped by different devices,
where the winning version had not seen the losing one (an edit made on top of a colleague's
version keeps that version's stamps on its untouched fields, and is not a conflict). The losing
value is kept in `merge_conflict`, local to the file, for review.

Series: a source from another series is refused unless `allow_other_series`. Then its sessions,
topics and participants are attached to the target's series (keeping their ids and stamps, so
merging the same file again changes nothing) and its own `series` row is not copied: a file
holds one series. A target with no series yet takes the source's.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from facilitator.errors import FacilitatorError
from facilitator.i18n import _

from . import cascade, clock_skew, merge_copy, search_index
from .database import Database
from .merge_copy import attached
from .merge_deletes import delete_versus_edit, note_orphan
from .merge_deletes import device_of as _device
from .schema import RECORD_TABLES
from .untrusted import (
    LEGACY_STAMP,
    Chunk,
    SourceFile,
    data_columns,
    open_source,
    parse_stamps,
    record_columns,
)

SERIES_CHILDREN = ("topic", "participant", "session")
ADOPTED = ("series", *SERIES_CHILDREN)  # rows changed on their way in from another series
CONFLICT_NS = uuid.UUID("5c1e4c9e-8a43-4b53-9a1f-6f2d7c0e4a11")


@dataclass
class TableCounts:
    added: int = 0
    updated: int = 0
    present: int = 0
    deleted: int = 0

    def __iadd__(self, other: TableCounts) -> TableCounts:
        self.added += other.added
        self.updated += other.updated
        self.present += other.present
        self.deleted += other.deleted
        return self

    @property
    def changed(self) -> int:
        return self.added + self.updated + self.deleted


@dataclass
class Conflict:
    """A field edited on two laptops: the kept and the losing version (stored column values)."""

    table: str
    record_id: str
    field: str
    kept_value: Any
    kept_stamp: str
    lost_value: Any
    lost_stamp: str
    review: bool = False  # won or lost by a device whose clock ran wrong (clock_skew)


@dataclass
class MergeReport:
    source: str  # the file's name, as people know it
    path: str
    file_id: str
    checksum: str
    counts: dict[str, TableCounts] = field(
        default_factory=lambda: {t: TableCounts() for t in RECORD_TABLES}
    )
    conflicts: list[Conflict] = field(default_factory=list)
    other_series: str | None = None  # title of another series whose sessions were added
    max_stamp: str | None = None
    clock_skew: dict[str, int] = field(default_factory=dict)  # device -> seconds ahead (+)

    def totals(self) -> TableCounts:
        total = TableCounts()
        for counts in self.counts.values():
            total += counts
        return total

    def to_json(self) -> str:
        data = asdict(self)
        data["conflicts"] = len(self.conflicts)
        return json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)


class OtherSeriesError(FacilitatorError):
    """The source holds another series; the caller may ask and merge with allow_other_series."""

    def __init__(self, message: str, path: Path, source_title: str, target_title: str) -> None:
        super().__init__(message)
        self.path = path
        self.source_title = source_title
        self.target_title = target_title


def merge(
    db: Database,
    source_path: str | Path,
    *,
    allow_other_series: bool = False,
    now: float | None = None,
) -> MergeReport:
    """Merge the file at `source_path` into `db` in one transaction; the source is never written.

    Raises FacilitatorError (one line) and leaves `db` unchanged when the source is refused.
    """
    now = db.clock.wall() if now is None else now
    with open_source(source_path) as source, attached(db, [source]) as (alias,):
        return merge_source(db, source, allow_other_series=allow_other_series, now=now, alias=alias)


def merge_source(
    db: Database,
    source: SourceFile,
    *,
    allow_other_series: bool = False,
    now: float,
    alias: str | None = None,
) -> MergeReport:
    """Merge an open source (see untrusted.open_source) into `db`, reading and checking it a
    chunk at a time inside the transaction: a refused row rolls the whole merge back. `alias`:
    the name the source is attached under (merge_copy.attached), for copying new rows in SQL."""
    report = MergeReport(source.name, str(source.path), source.file_id, source.checksum)
    with db.transaction() as conn:
        adopt = _adopt_series(conn, source, allow_other_series, report)
        orphans: dict[str, dict[str, Conflict]] = {}
        copied: list[tuple[int, int]] = []  # target rowids of interventions copied in SQL
        for table in RECORD_TABLES:
            copy_from = alias if adopt is _as_they_are or table not in ADOPTED else None
            for chunk in source.chunks(table):
                rows = adopt(table, chunk)
                _merge_rows(conn, table, rows, report, orphans, copy_from, copied)
        source.check_future(now)
        report.max_stamp = source.max_stamp
        cascade.settle(conn)
        for first, last in copied:  # their documents now, in rowid order
            search_index.refresh_rowids(conn, first, last)
        listed = {(c.table, c.record_id, c.field) for c in report.conflicts}
        for table, by_id in orphans.items():  # parents left deleted though a child was edited
            for parent_id in sorted(cascade.dead_parents(conn, table, set(by_id))):
                if (table, parent_id, "deleted") not in listed:
                    report.conflicts.append(by_id[parent_id])
        when = _iso(now)
        _record_conflicts(conn, report, when)
        report.clock_skew = clock_skew.skewed_devices(source.newest, source.clocks_behind, now)
        for c in report.conflicts:
            c.review = bool({_device(c.kept_stamp), _device(c.lost_stamp)} & set(report.clock_skew))
        conn.execute(
            "INSERT OR REPLACE INTO merge_source (file_id, checksum, name, merged_at, report) "
            "VALUES (?, ?, ?, ?, ?)",
            (source.file_id, source.checksum, source.name, when, report.to_json()),
        )
    db.clock.observe(source.max_stamp)
    return report


def merge_all(
    db: Database, sources: list[SourceFile], *, allow_other_series: bool = False, now: float
) -> list[MergeReport]:
    """All or nothing: sources opened (and checked) beforehand, merged in one transaction."""
    with attached(db, sources) as aliases, db.transaction():
        return [
            merge_source(db, s, allow_other_series=allow_other_series, now=now, alias=a)
            for s, a in zip(sources, aliases, strict=True)
        ]


def merged_checksums(db: Database) -> set[str]:
    """Checksums of every file already merged into `db`."""
    return {row[0] for row in db.conn.execute("SELECT checksum FROM merge_source")}


def _iso(now: float) -> str:
    return dt.datetime.fromtimestamp(now, dt.UTC).isoformat(timespec="milliseconds")


# --- series -----------------------------------------------------------------------------------


Adopt = Callable[[str, list[dict[str, Any]]], list[dict[str, Any]]]


def _as_they_are(_table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return rows


def _adopt_series(conn, source: SourceFile, allow: bool, report: MergeReport) -> Adopt:
    """How the source's rows of each table enter the target's series."""
    row = conn.execute(
        "SELECT id, title FROM series WHERE deleted = 0 ORDER BY hlc, id LIMIT 1"
    ).fetchone()
    if row is None or source.series_id is None or source.series_id == row[0]:
        return _as_they_are
    target_id, target_title = row
    if not allow:
        raise OtherSeriesError(
            _(
                "{path} holds another series (“{other}”), not “{this}”; it is merged only when "
                "you choose to add its sessions beside this series' sessions."
            ).format(path=source.path, other=source.series_title, this=target_title),
            source.path,
            source.series_title,
            target_title,
        )
    report.other_series = source.series_title

    def adopt(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if table == "series":
            return [r for r in rows if r["id"] == target_id]
        if table in SERIES_CHILDREN:
            for r in rows:
                r["series_id"] = target_id
        return rows

    return adopt


# --- rows -------------------------------------------------------------------------------------


def _existing(conn, table: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    query = (
        f"SELECT {', '.join(record_columns(table))} FROM {table}"
        " WHERE id IN (SELECT value FROM json_each(?))"
    )
    return merge_copy.versions(conn, table, query, (json.dumps(ids),))


def _merge_rows(
    conn,
    table: str,
    rows: Chunk | list[dict[str, Any]],
    report: MergeReport,
    orphans: dict[str, dict[str, Conflict]],
    alias: str | None,
    copied: list[tuple[int, int]],
) -> None:
    """Merge one chunk of a source's validated rows; new rows are copied in SQL from the
    source attached as `alias` when the chunk allows (merge_copy; the interventions' target
    rowids are added to `copied`), the others joined here."""
    if not rows:
        return
    if isinstance(rows, Chunk) and rows.plain and alias:
        existing, taken = merge_copy.copy_chunk(conn, alias, table, rows)  # new rows written
        if taken is not None and table == "intervention":
            copied.append(taken)
        joined = []
        counts = report.counts[table]
        cascaded = rows.column("deleted_with") if "deleted_with" in rows.columns else None
        pairs = zip(rows.column("id"), rows.column("deleted"), strict=True)
        for n, (record_id, deleted) in enumerate(pairs):
            if record_id in existing:
                joined.append(cascade.raw(rows.row(n)))
                continue
            if deleted or (cascaded is not None and cascaded[n]):  # as cascade.raw
                counts.deleted += 1
            else:
                counts.added += 1
        _join_rows(conn, table, joined, existing, report, orphans)
        return
    rows = [cascade.raw(r) for r in rows]
    _join_rows(conn, table, rows, _existing(conn, table, [r["id"] for r in rows]), report, orphans)


def _join_rows(
    conn,
    table: str,
    rows: list[dict[str, Any]],
    existing: dict[str, dict[str, Any]],
    report: MergeReport,
    orphans: dict[str, dict[str, Conflict]],
) -> None:
    """Write `rows` (raw, see cascade.raw) joined with the target's versions (`existing`)."""
    fields = data_columns(table)[1:]
    counts = report.counts[table]
    inserts, updates = [], []
    for row in rows:
        old = existing.get(row["id"])
        if old is None:
            inserts.append(_stored(row, fields, row["stamps"]))
            if row["deleted"]:
                counts.deleted += 1
            else:
                counts.added += 1
            continue
        merged, conflicts = join(old, row, fields)
        report.conflicts += [Conflict(table, row["id"], *c) for c in conflicts]
        for parent, parent_id, *lost in note_orphan(table, old, row):
            orphans.setdefault(parent, {}).setdefault(parent_id, Conflict(parent, parent_id, *lost))
        if merged is None:
            counts.present += 1
            continue
        updates.append(merged)
        if merged["deleted"] and not old["deleted"]:
            counts.deleted += 1
        else:
            counts.updated += 1
    names = record_columns(table)
    if inserts:
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})",
            [[r[n] for n in names] for r in inserts],
        )
    if updates:
        sets = ", ".join(f"{n} = ?" for n in names[1:])
        conn.executemany(
            f"UPDATE {table} SET {sets} WHERE id = ?",
            [[r[n] for n in names[1:]] + [r["id"]] for r in updates],
        )


def _stored(row: dict[str, Any], fields: list[str], stamps: dict[str, str]) -> dict[str, Any]:
    """The row as written: device from its stamp, stamps as sorted JSON."""
    out = {"id": row["id"], **{f: row[f] for f in fields}}
    out.update(
        device=_device(row["hlc"]),
        hlc=row["hlc"],
        deleted=row["deleted"],
        stamps=json.dumps(stamps, sort_keys=True) if stamps else "{}",
    )
    if "deleted_with" in row:
        out["deleted_with"] = row["deleted_with"]
    return out


def _wins(a_stamp: str, a_value: Any, b_stamp: str, b_value: Any) -> bool:
    """Whether version a beats version b of one field (a total order)."""
    if a_stamp != b_stamp:
        return a_stamp > b_stamp
    if a_value == b_value:
        return True
    return json.dumps(a_value) >= json.dumps(b_value)


def join(
    old: dict[str, Any], new: dict[str, Any], fields: list[str]
) -> tuple[dict[str, Any] | None, list[tuple[str, Any, str, Any, str]]]:
    """The merged row (None when it equals `old`) and the conflicts it resolved.

    Rows are dicts of column values with `stamps` parsed.
    """
    old_hlc, new_hlc = old["hlc"], new["hlc"]
    winner, loser = (
        (old, new) if (old_hlc, old["deleted"]) >= (new_hlc, new["deleted"]) else (new, old)
    )
    hlc, deleted = winner["hlc"], winner["deleted"]
    changed = hlc != old_hlc or deleted != old["deleted"]
    old_stamps = {f: old["stamps"].get(f, old_hlc) for f in fields}
    new_stamps = {f: new["stamps"].get(f, new_hlc) for f in fields}
    merged: dict[str, Any] = {"id": old["id"], "hlc": hlc, "deleted": deleted}
    if "deleted_with" in old:
        merged["deleted_with"] = winner.get("deleted_with", "")
        changed = changed or merged["deleted_with"] != old["deleted_with"]
    stamps: dict[str, str] = {}
    conflicts = []
    for f in fields:
        os_, ov, ns, nv = old_stamps[f], old[f], new_stamps[f], new[f]
        if _wins(os_, ov, ns, nv):
            merged[f], stamps[f] = ov, os_
            lost, seen = (f, ov, os_, nv, ns), old_stamps
        else:
            merged[f], stamps[f] = nv, ns
            changed = True
            lost, seen = (f, nv, ns, ov, os_), new_stamps
        if (
            not deleted
            and ov != nv
            and _device(os_) != _device(ns)
            and lost[4] not in seen.values()
            and LEGACY_STAMP not in (os_, ns)
        ):
            conflicts.append(lost)
    conflicts += delete_versus_edit(winner, loser, fields)
    if not changed:
        return None, conflicts
    return _stored(merged, fields, stamps), conflicts


def _record_conflicts(conn, report: MergeReport, when: str) -> None:
    """Keep each losing version once; the report names only conflicts new to this file."""
    fresh = []
    for c in report.conflicts:
        key = "|".join((c.table, c.record_id, c.field, c.lost_stamp, c.kept_stamp))
        cursor = conn.execute(
            "INSERT OR IGNORE INTO merge_conflict (id, table_name, record_id, field, kept_value, "
            "kept_stamp, lost_value, lost_stamp, source, detected_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(uuid.uuid5(CONFLICT_NS, key)),
                c.table,
                c.record_id,
                c.field,
                json.dumps(c.kept_value, ensure_ascii=False),
                c.kept_stamp,
                json.dumps(c.lost_value, ensure_ascii=False),
                c.lost_stamp,
                report.source,
                when,
            ),
        )
        if cursor.rowcount:
            fresh.append(c)
    report.conflicts = fresh


# --- the state the laws compare -----------------------------------------------------------------


def synced_content(db: Database) -> dict[str, dict[str, tuple]]:
    """Every synced row of every record table, by table and id, as merge sees it.

    Stamps are compared by meaning (a field absent from `stamps` carries the row's hlc); merge
    bookkeeping, drafts and meta are local to a file and left out. `deleted` is the version's
    own flag (a cascade tombstone counts as deleted); the last item, `(deleted, deleted_with)`,
    is what the file shows, which follows the parent for a child deleted with it.
    """
    content = {}
    for table in RECORD_TABLES:
        names = record_columns(table)
        fields = data_columns(table)[1:]
        rows = {}
        for values in db.conn.execute(f"SELECT {', '.join(names)} FROM {table}"):
            row = dict(zip(names, values, strict=True))
            stamps = parse_stamps(row["stamps"]) or {}
            effective = tuple(stamps.get(f, row["hlc"]) for f in fields)
            shown = (row["deleted"], row.get("deleted_with", ""))
            rows[row["id"]] = (
                tuple(row[f] for f in fields),
                row["device"],
                row["hlc"],
                cascade.raw(row)["deleted"],
                effective,
                shown,
            )
        content[table] = rows
    return content
