"""New rows of a source copied into the target in SQL, as the bare merge does (ATTACH and
INSERT ... SELECT), instead of each value passing through Python on its way back.

Only rows already read and checked by untrusted (a `Chunk`) are copied, by their rowids, and
only when every row of the chunk is as stored in the source (`Chunk.plain`): what is written
is then exactly what `merge._stored` would write, the device taken from the row's stamp and a
cascade tombstone stored as deleted. The source attached is the private copy untrusted has
checked (format, version, schema, pages), so its schema is this app's own and nothing in it
runs: only its tables' columns are read.

SQLite attaches in a transaction but detaches only outside one, so sources are attached before
the merge's transaction (`attached`) and detached after it; a source that cannot be attached
(a merge inside a caller's transaction, more files than SQLite attaches) is merged through
Python, with the same result.
"""

from __future__ import annotations

import json
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
                db.conn.execute(f"DETACH {alias}")


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


def copy_new(
    conn: sqlite3.Connection, alias: str, table: str, chunk: Chunk, rowids: list[int]
) -> None:
    """Insert the rows of `chunk` with these source `rowids` (all new to the target)."""
    present = chunk.columns
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
    copy = f"INSERT INTO main.{table} ({', '.join(names)}) SELECT {', '.join(values)} "
    if len(rowids) == len(chunk):  # the usual chunk: every row new, a range of the source
        conn.execute(
            f"{copy} FROM {alias}.{table} WHERE rowid BETWEEN ? AND ? ORDER BY rowid",
            (rowids[0], rowids[-1]),
        )
        return
    conn.execute(
        f"{copy} FROM {alias}.{table} WHERE rowid IN (SELECT value FROM json_each(?)) "
        "ORDER BY rowid",
        (json.dumps(rowids),),
    )


def existing(
    conn: sqlite3.Connection, alias: str, table: str, first: int, last: int
) -> dict[str, dict[str, Any]]:
    """The target's versions of the records the source holds between these rowids."""
    query = (
        f"SELECT {', '.join(f't.{n}' for n in record_columns(table))} FROM main.{table} t "
        f"WHERE t.id IN (SELECT id FROM {alias}.{table} WHERE rowid BETWEEN ? AND ?)"
    )
    return versions(conn, table, query, (first, last))


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
