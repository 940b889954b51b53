"""New rows of a source copied into the target in SQL, as the bare merge does (ATTACH and
INSERT ... SELECT), instead of each value passing through Python on its way back.

Only rows already read and checked by untrusted (a `Chunk`) are copied, by their rowid range,
and only when every row of the chunk is as stored in the source (`Chunk.plain`): what is
written is then exactly what `merge._stored` would write, the device taken from the row's
stamp and a cascade tombstone stored as deleted. Rows the target already holds are left to
the merge's join (`copy_chunk`). The source attached is the private copy untrusted has
checked (format, version, schema, pages), so its schema is this app's own and nothing in it
runs: only its tables' columns are read.

SQLite attaches in a transaction but detaches only outside one, so sources are attached before
the merge's transaction (`attached`) and detached after it; a source that cannot be attached
(a merge inside a caller's transaction, more files than SQLite attaches) is merged through
Python, with the same result.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from typing import Any

from . import cascade
from .cascade import CASCADED
from .database import Database
from .schema import APPLICATION_ID
from .untrusted import Chunk, SourceFile, parse_stamps, record_columns

_names = count()


@contextmanager
def attached(db: Database, sources: Sequence[SourceFile]) -> Iterator[list[str | None]]:
    """Attach each source's private copy to `db` under a name of its own (None when not)."""
    aliases: list[str | None] = []
    try:
        for source in sources:
            aliases.append(_attach(db, source))
        yield aliases
    finally:
        for alias in aliases:
            if alias is not None:
                try:
                    db.conn.execute(f"DETACH {alias}")
                except sqlite3.Error:  # still in use: it goes with the connection
                    pass


def _attach(db: Database, source: SourceFile) -> str | None:
    if db._depth or source.copy is None:  # inside a transaction: it could not be detached
        return None
    conn = db.conn
    if len(conn.execute("PRAGMA database_list").fetchall()) > conn.getlimit(
        sqlite3.SQLITE_LIMIT_ATTACHED
    ):
        return None
    alias = f"merge_source_{next(_names)}"
    try:
        conn.execute(f"ATTACH ? AS {alias}", (str(source.copy),))
        same = conn.execute(f"PRAGMA {alias}.application_id").fetchone()[0] == APPLICATION_ID
        same = same and conn.execute(f"PRAGMA {alias}.user_version").fetchone()[0] == (
            source.version
        )
    except sqlite3.Error:
        return None
    if not same:
        conn.execute(f"DETACH {alias}")
        return None
    return alias


def _copy(table: str, present: frozenset[str], alias: str) -> str:
    """INSERT OR IGNORE of a range of the source's rows as merge._stored would write them."""
    names = record_columns(table)
    values = []
    for name in names:
        if name == "device":
            values.append("substr(hlc, 22)")  # the device of the row's stamp, as _stored
        elif name == "stamps":
            values.append("'{}'")
        elif name == "deleted" and table in CASCADED and "deleted_with" in present:
            values.append("CASE WHEN deleted_with != '' THEN 1 ELSE deleted END")  # cascade.raw
        elif name == "deleted_with" and name not in present:
            values.append("''")
        else:
            values.append(f'"{name}"')
    return (
        f"INSERT OR IGNORE INTO main.{table} ({', '.join(names)}) SELECT {', '.join(values)} "
        f"FROM {alias}.{table} WHERE rowid BETWEEN ? AND ? ORDER BY rowid"
    )


def copy_chunk(
    conn: sqlite3.Connection, alias: str, table: str, chunk: Chunk
) -> tuple[dict[str, dict[str, Any]], tuple[int, int] | None]:
    """Insert the rows of a plain `chunk` new to the target; returns the target's versions of
    the others (as `existing`), left as they were, for the merge to join, and the target
    rowids the new rows took (first, last; None when not known or none).

    The usual chunk is all new, and one INSERT OR IGNORE of its rowid range finds that out
    too: rows already there are ignored and told apart by their rowids, which the inserted
    rows get above every rowid the table had (unless rowids are near their end)."""
    first, last = chunk.rowids[0], chunk.rowids[-1]
    before = conn.execute(f"SELECT max(rowid) FROM main.{table}").fetchone()[0] or 0
    if before >= 2**62:  # new rowids would not all come after it: find the others first
        found = existing(conn, alias, table, first, last)
        if len(found) < len(chunk):
            conn.execute(_copy(table, chunk.columns, alias), (first, last))
        return found, None
    inserted = conn.execute(_copy(table, chunk.columns, alias), (first, last)).rowcount
    taken = (before + 1, before + inserted) if inserted else None  # one statement: in a row
    if inserted == len(chunk):
        return {}, taken
    found = existing(conn, alias, table, first, last, before)
    if inserted + len(found) != len(chunk):  # a row ignored for another reason: never drop it
        raise sqlite3.IntegrityError(f"{table}: {len(chunk) - inserted - len(found)} rows left")
    return found, taken


def existing(
    conn: sqlite3.Connection,
    alias: str,
    table: str,
    first: int,
    last: int,
    up_to: int | None = None,
) -> dict[str, dict[str, Any]]:
    """The target's versions of the records the source holds between these rowids (of those
    up to target rowid `up_to`)."""
    query = (
        f"SELECT {', '.join(f't.{n}' for n in record_columns(table))} FROM main.{table} t "
        f"WHERE t.id IN (SELECT id FROM {alias}.{table} WHERE rowid BETWEEN ? AND ?)"
    )
    if up_to is None:
        return versions(conn, table, query, (first, last))
    return versions(conn, table, f"{query} AND t.rowid <= ?", (first, last, up_to))


def versions(
    conn: sqlite3.Connection, table: str, query: str, args: tuple
) -> dict[str, dict[str, Any]]:
    """{id: row} of the target's rows `query` selects (record_columns), as the merge compares
    them: stamps parsed, a cascade tombstone deleted (cascade.raw)."""
    names = record_columns(table)
    found = {}
    for values in conn.execute(query, args):
        row = dict(zip(names, values, strict=True))
        row["stamps"] = parse_stamps(row["stamps"]) or {}
        found[row["id"]] = cascade.raw(row)
    return found
