"""Reading a colleague's Facilitator file as untrusted input, while it is merged.

The file is copied to a private temporary folder (so nobody can swap it while it is read, and a
live file's WAL comes along) and opened read-only with trusted_schema=OFF. Its format id,
version and schema are checked before any row is read: a trigger, view or extra table is refused,
so nothing in the file can run. Then the rows are read table by table in chunks of `CHUNK`, in
rowid order (a keyset, so memory does not grow with the file), and every value of a chunk is
validated (types, UUIDs, clock stamps, codes of the vocabularies; see untrusted_values) before
the chunk is handed on; stamps far in the future are refused once every row has been read. The
merge consumes the chunks inside its transaction, so a refusal anywhere rolls it back whole.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from facilitator.errors import FacilitatorError
from facilitator.i18n import _, format_date
from facilitator.i18n.lists import comma_join

from . import clock_skew
from .cascade import CASCADED
from .database import (
    _check_path,
    _schema_of,
    _uri_path,
    check_identity,
    describe_read_error,
    expected_schema,
)
from .read_errors import damaged
from .records import CLASS_OF, encode
from .schema import RECORD_TABLES
from .untrusted_values import (  # noqa: F401 (the names merge and its tests know from here)
    DEVICE_RE,
    LEGACY_STAMP,
    MAX_SKEW_SECONDS,
    MAX_VALUE_BYTES,
    STAMP_RE,
    SYNC_COLUMNS,
    columns_checker,
    data_columns,
    parse_stamps,
    record_columns,
    row_checker,
)

CHUNK = 2000  # rows read, checked and merged at a time


class Chunk:
    """Validated rows of one table of a source, in rowid order, with the rowid of each in the
    source. `plain`: every row is as stored in the source (stamps `{}`, no field missing), so
    the merge may copy new ones in SQL (merge_copy) and read their columns (`column`) without
    a dict a row; iterating gives the rows as dicts (made once, the caller's to change)."""

    def __init__(
        self,
        columns: frozenset[str],
        values: dict[str, tuple[Any, ...]],
        rowids: list[int],
        rows: list[dict[str, Any]] | None = None,
        no_deleted_with: bool = False,
    ) -> None:
        self.columns = columns  # the table's columns in the source
        self._no_deleted_with = no_deleted_with  # a cascaded table of a format 3 file
        self.rowids = rowids
        self.plain = rows is None
        self._values = values  # name -> the column, as read
        self._rows = rows

    def __len__(self) -> int:
        return len(self.rowids)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def column(self, name: str) -> tuple[Any, ...]:
        return self._values[name]

    def row(self, n: int) -> dict[str, Any]:
        """Row `n` as a dict (a new one for a plain chunk)."""
        if self._rows is not None:
            return self._rows[n]
        record = {name: column[n] for name, column in self._values.items()}
        record["stamps"] = {}
        if self._no_deleted_with:
            record["deleted_with"] = ""  # a format 3 file: every delete was its own
        return record

    @property
    def rows(self) -> list[dict[str, Any]]:
        if self._rows is None:
            self._rows = [self.row(n) for n in range(len(self.rowids))]
        return self._rows


@dataclass
class SourceFile:
    """A source file open for merging: its private copy, read chunk by chunk (`chunks`).

    Use it as a context manager (see open_source); the private copy goes when it is closed.
    `max_stamp` and `newest` grow as rows are read; `check_future` judges them once all are."""

    path: Path
    name: str
    file_id: str
    checksum: str
    version: int
    series_id: str | None = None
    series_title: str = ""
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # read_source only
    max_stamp: str | None = None
    clocks_behind: dict[str, int] = field(default_factory=dict)  # see clock_skew
    newest: dict[str, int] = field(default_factory=dict)  # device -> ms, see clock_skew
    conn: sqlite3.Connection | None = field(default=None, repr=False)
    copy: Path | None = field(default=None, repr=False)  # the private copy, while open
    folder: tempfile.TemporaryDirectory | None = field(default=None, repr=False)

    def __enter__(self) -> SourceFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        self.copy = None
        if self.folder is not None:
            self.folder.cleanup()
            self.folder = None

    def chunks(self, table: str) -> Iterator[Chunk]:
        """The validated rows of `table`, in rowid order, a chunk at a time (see Chunk);
        raises FacilitatorError with one line."""
        try:
            yield from _chunks(self, table)
        except sqlite3.Error as error:
            raise describe_read_error(self.path, error) from error

    def check_rows(self, now: float) -> None:
        """Read and check every row without keeping any (the command line checks every source
        before it opens the target)."""
        for table in RECORD_TABLES:
            for _chunk in self.chunks(table):
                pass
        self.check_future(now)

    def check_future(self, now: float) -> None:
        """Refuse the file when its newest stamp is more than a day ahead of `now`; call it
        once every row has been read."""
        _check_future(self, now)


@cache
def _expected(version: int) -> frozenset[tuple[str, str, str]]:
    return frozenset(expected_schema(version))


def file_checksum(path: Path) -> str:
    """sha256 of the file and of its WAL when one sits beside it (what a merge would read)."""
    digest = hashlib.sha256()
    for part in (path, Path(f"{path}-wal")):
        if part.exists():
            with part.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()


def open_source(path: str | os.PathLike) -> SourceFile:
    """Copy `path` (never modified) aside and check its identity, schema and pages, and read its
    series; raises FacilitatorError with one line. The rows are read by `SourceFile.chunks`."""
    path = Path(path)
    _check_path(path)
    folder = tempfile.TemporaryDirectory(prefix="facilitator-merge-")
    source = None
    try:
        copy = Path(folder.name) / "source.facilitator"
        checksum = _private_copy(path, copy)
        try:
            conn = _open_untrusted(copy)
        except sqlite3.Error as error:
            raise describe_read_error(path, error) from error
        try:
            version = _check_identity(conn, path)
            _check_schema(conn, path, version)
            source = _source(conn, path, version, checksum)
        except sqlite3.Error as error:
            conn.close()
            raise describe_read_error(path, error) from error
        except BaseException:
            conn.close()
            raise
        source.folder, source.copy = folder, copy
        for chunk in source.chunks("series"):  # the first live series names the file's
            live = [r for r in chunk if r["deleted"] == 0]
            if live and source.series_id is None:
                source.series_id, source.series_title = live[0]["id"], live[0]["title"]
        return source
    except BaseException:
        if source is not None:
            source.close()
        folder.cleanup()
        raise


def read_source(path: str | os.PathLike, *, now: float) -> SourceFile:
    """Check and read the whole of `path` into `rows` (for small files and tests; a merge reads
    by chunks); raises FacilitatorError with one line."""
    with open_source(path) as source:
        for table in RECORD_TABLES:
            source.rows[table] = [r for chunk in source.chunks(table) for r in chunk]
        source.check_future(now)
    return source


def _private_copy(path: Path, copy: Path) -> str:
    try:
        shutil.copyfile(path, copy)
        wal = Path(f"{path}-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(f"{copy}-wal"))
    except OSError as error:
        raise FacilitatorError(
            _("Cannot read {path} ({detail}); check its permissions.").format(
                path=path, detail=error.strerror or error
            )
        ) from error
    for part in copy.parent.iterdir():
        part.chmod(0o600)
    return file_checksum(copy)


def _open_untrusted(copy: Path) -> sqlite3.Connection:
    conn = sqlite3.connect("file:" + _uri_path(copy) + "?mode=ro", uri=True, isolation_level=None)
    # Nothing in the file may run: no functions from its schema, no attached files, bounded values.
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA query_only=ON")
    conn.execute("PRAGMA cell_size_check=ON")
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    return conn


def _check_identity(conn: sqlite3.Connection, path: Path) -> int:
    return check_identity(conn, path)


def _check_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    found = _schema_of(conn)
    expected = _expected(version)
    if found != expected:
        names = sorted({name for _kind, name, _sql in found.symmetric_difference(expected)})
        raise FacilitatorError(
            _(
                "{path} has been altered outside Facilitator (unexpected: {names}); "
                "it is not merged, for safety."
            ).format(path=path, names=comma_join(names))
        )
    result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise damaged(path, str(result))


def _source(conn: sqlite3.Connection, path: Path, version: int, checksum: str) -> SourceFile:
    row = conn.execute("SELECT value FROM meta WHERE key = 'file_id'").fetchone()
    file_id = row[0] if row and isinstance(row[0], str) else "sha256:" + checksum
    source = SourceFile(path, path.name, file_id, checksum, version, conn=conn)
    for key, value in conn.execute(
        "SELECT key, value FROM meta WHERE key LIKE 'clock_behind:%'"
    ):  # a value that is not a plain number of milliseconds is ignored, it only informs
        device = key.split(":", 1)[1]
        if DEVICE_RE.fullmatch(device) and str(value).isdigit() and len(str(value)) < 13:
            source.clocks_behind[device] = int(value)
    return source


def _chunks(source: SourceFile, table: str) -> Iterator[Chunk]:
    conn = source.conn
    assert conn is not None, "the source is closed"
    present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    if not present:  # a table newer than the file's format (translation before 5)
        return
    names = [n for n in record_columns(table) if n in present]
    missing = _defaults(table, present)
    no_deleted_with = table in CASCADED and "deleted_with" not in present  # format 3
    check = row_checker(table)
    # Ids held twice (only a crafted file can: the primary key's index would not tell).
    twice = {
        r[0]
        for r in conn.execute(f"SELECT id FROM {table} NOT INDEXED GROUP BY id HAVING count(*) > 1")
    }
    seen: set[Any] = set()
    check_columns = columns_checker(table, tuple(names))
    select = f"SELECT rowid, {', '.join(names)} FROM {table}"
    fetched = conn.execute(f"{select} ORDER BY rowid LIMIT {CHUNK}").fetchall()
    while fetched:
        rowids, *columns = zip(*fetched, strict=True)
        values = dict(zip(names, columns, strict=True))
        # Every column of the chunk at once; when one holds an invalid value, row by row, so
        # the first invalid row and column are named as before.
        whole = not missing and check_columns(columns)
        if whole and set(values["stamps"]) == {"{}"}:  # the usual chunk: no dict a row yet
            chunk = Chunk(frozenset(present), values, list(rowids), None, no_deleted_with)
            for record_id in values["id"] if twice else ():
                _once(source, table, record_id, twice, seen)
        else:
            chunk = Chunk(frozenset(present), values, list(rowids), rows=[])
            for row in fetched:
                record = dict(zip(names, row[1:], strict=True))
                if no_deleted_with:
                    record["deleted_with"] = ""  # a format 3 file: every delete was its own
                if whole and record["stamps"] == "{}":
                    record["stamps"] = {}
                else:
                    record.update(missing)
                    problem = check(record)
                    if problem is not None:
                        raise _invalid(source.path, table, problem, record.get("id"))
                    if missing:
                        record["stamps"] = {
                            **record["stamps"],
                            **dict.fromkeys(missing, LEGACY_STAMP),
                        }
                if twice:
                    _once(source, table, record["id"], twice, seen)
                chunk.rows.append(record)
        _note_stamps(source, values["hlc"])
        yield chunk
        fetched = conn.execute(
            f"{select} WHERE rowid > ? ORDER BY rowid LIMIT {CHUNK}", (rowids[-1],)
        ).fetchall()


def _once(source: SourceFile, table: str, record_id: Any, twice: set, seen: set) -> None:
    """Refuse the second row of an id held twice (`twice`: the ids held twice, seen: so far)."""
    if record_id in twice:
        if record_id in seen:
            raise _invalid(source.path, table, "id", record_id)
        seen.add(record_id)


def _note_stamps(source: SourceFile, hlcs: tuple[str, ...]) -> None:
    """The newest stamp of the file, and of each device's own clock (clock_skew)."""
    newest = max(hlcs)
    if source.max_stamp is None or newest > source.max_stamp:
        source.max_stamp = newest
    clock_skew.note_newest(source.newest, hlcs)


def _defaults(table: str, present: set[str]) -> dict[str, Any]:
    """{column: stored default} of the fields a file of an older format does not have."""
    cls = CLASS_OF[table]
    out = {}
    for f in dataclasses.fields(cls):
        if f.name in present:
            continue
        value = f.default_factory() if f.default is dataclasses.MISSING else f.default
        out[f.name] = encode(cls, f.name, value)
    return out


def _invalid(path: Path, table: str, column: str, record_id: Any) -> FacilitatorError:
    return FacilitatorError(
        _(
            "{path} holds an invalid value in {table}.{column} (record {id}); "
            "it is not merged, for safety."
        ).format(path=path, table=table, column=column, id=str(record_id)[:40])
    )


def _check_future(source: SourceFile, now: float) -> None:
    if source.max_stamp is None:
        return
    ms = int(source.max_stamp[:13])
    if ms <= (now + MAX_SKEW_SECONDS) * 1000:
        return
    when = dt.datetime.fromtimestamp(ms / 1000, dt.UTC).date()
    raise FacilitatorError(
        _(
            "{path} carries changes dated {date}, more than a day ahead of this computer's "
            "clock; correct the date of the laptop that wrote it, then save its file again."
        ).format(path=source.path, date=format_date(when, fmt="medium"))
    )
