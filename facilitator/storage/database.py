"""Opening, creating, checking and migrating Facilitator files.

A file is untrusted until proven ours: it must be SQLite, carry our application_id, have a
schema version this app knows, and hold exactly the schema that version defines (no extra
tables, views or triggers). Every check runs on a read-only connection, so a file that is
refused is never modified.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.i18n import _
from facilitator.i18n.lists import comma_join

from . import clock_skew, search_index
from .connection import Database
from .hlc import HybridClock
from .read_errors import damaged, describe_read_error
from .records import CLASS_OF, field_kinds
from .schema import APPLICATION_ID, MIGRATIONS, RECORD_TABLES, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"


def _utc_now(wall: Callable[[], float]) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(wall(), dt.UTC).isoformat(timespec="milliseconds")


@dataclass
class FileReport:
    """What `facilitator check` says of a healthy file."""

    path: Path
    schema_version: int
    integrity: str
    series_title: str
    sessions: int


def _check_path(path: Path) -> None:
    if path.is_dir():
        raise FacilitatorError(
            _("{path} is a folder, not a Facilitator file; give the path of a file.").format(
                path=path
            )
        )
    if not path.exists():
        raise FacilitatorError(
            _("No file at {path}; check the name, or create one with 'facilitator new'.").format(
                path=path
            )
        )
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as error:
        raise FacilitatorError(
            _("Cannot read {path} ({detail}); check its permissions.").format(
                path=path, detail=error.strerror or error
            )
        ) from error
    if not header:
        raise FacilitatorError(
            _("{path} is empty: it is not a Facilitator file.").format(path=path)
        )
    if header != SQLITE_HEADER:
        raise FacilitatorError(
            _("{path} is not a Facilitator file (it is not an SQLite database).").format(path=path)
        )
    if path.stat().st_size < 512:  # SQLite's smallest page: a file cut short after its magic
        raise damaged(path, f"{path.stat().st_size} bytes, shorter than one page")


def _readonly_connection(path: Path, brief: bool = False) -> sqlite3.Connection:
    """A mode=ro connection. `brief` (a check that closes at once): when no -wal sits beside
    the file no connection has it open, so it is read as immutable, which creates no -wal or
    -shm that a read-only connection could not remove when it closes."""
    immutable = brief and not Path(f"{path}-wal").exists()
    uri = "file:" + _uri_path(path) + "?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA query_only=ON")
    return conn


def _reader_connection(path: Path) -> sqlite3.Connection:
    """A connection that only reads a file already checked (probe). Where the file can be
    written it is a read-write connection with query_only=ON: as the last connection it then
    checkpoints and removes the -wal and -shm it needed, which a mode=ro connection cannot,
    and a synced folder is left with the one file (`facilitator export`, `check`, the merge
    report)."""
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return _readonly_connection(path)
    uri = "file:" + _uri_path(path) + "?mode=rw"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA query_only=ON")
    return conn


def _uri_path(path: Path) -> str:
    return str(path.resolve()).replace("?", "%3f").replace("#", "%23")


def expected_schema(version: int) -> set[tuple[str, str, str]]:
    """(type, name, sql) of every object a file of `version` must hold, and nothing else."""
    conn = sqlite3.connect(":memory:")
    try:
        for script in MIGRATIONS[:version]:
            conn.executescript(script)
        return _schema_of(conn)
    finally:
        conn.close()


def _schema_of(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {(kind, name, " ".join((sql or "").split())) for kind, name, sql in rows}


def check_identity(conn: sqlite3.Connection, path: Path) -> int:
    """Our application_id and a schema version this app reads; return the version."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise FacilitatorError(
            _("{path} is an SQLite file of another application, not a Facilitator file.").format(
                path=path
            )
        )
    if version > SCHEMA_VERSION:
        raise FacilitatorError(
            _(
                "{path} was written by a newer version of Facilitator (file format {found}, "
                "this version reads up to {supported}); update Facilitator to open it."
            ).format(path=path, found=version, supported=SCHEMA_VERSION)
        )
    if version < 1:
        raise FacilitatorError(
            _("{path} is an unfinished Facilitator file (no schema); create it again.").format(
                path=path
            )
        )
    return version


def probe(path: Path, *, check: bool = True) -> int:
    """Check that `path` is a Facilitator file this app can open; return its schema version.

    Raises FacilitatorError with a one-line message otherwise. Reads only. `check` False skips
    the integrity check, which reads the whole file (0.4 s at 200,000 interventions), and the
    check of the list columns, which reads every row (50 ms there), for a file the caller
    knows this app closed cleanly and nothing changed since.
    """
    _check_path(path)
    try:
        conn = _readonly_connection(path, brief=True)
    except sqlite3.Error as error:
        raise describe_read_error(path, error) from error
    try:
        version = check_identity(conn, path)
        found = _schema_of(conn)
        if found != expected_schema(version):
            extra = sorted(name for _kind, name, _sql in found - expected_schema(version))
            raise FacilitatorError(
                _(
                    "{path} has been altered outside Facilitator (unexpected: {names}); "
                    "it is not opened, for safety."
                ).format(path=path, names=comma_join(extra) or _("changed tables"))
            )
        result = conn.execute("PRAGMA quick_check").fetchone()[0] if check else "ok"
        if result != "ok":
            raise damaged(path, str(result))
        if check:
            _check_lists(conn, path)
        return version
    except sqlite3.Error as error:
        raise describe_read_error(path, error) from error
    finally:
        conn.close()


def _check_lists(conn: sqlite3.Connection, path: Path) -> None:
    """Every list column holds a flat JSON list: a nested or malformed one (only an edit behind
    the app's back makes one) is refused here, in one line, before any reader recurses."""
    for table in RECORD_TABLES:
        # A file of an older format lacks the list columns added since (the migration adds them).
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for column, kind in field_kinds(CLASS_OF[table]).items():
            if kind != "list" or column not in present:
                continue
            bad = conn.execute(
                f"SELECT id FROM {table} WHERE {column} NOT IN ('', '[]') AND CASE"
                f" WHEN json_valid({column}) = 0 OR json_type({column}) != 'array' THEN 1"
                f" ELSE EXISTS (SELECT 1 FROM json_each({table}.{column})"
                " WHERE type IN ('array', 'object')) END LIMIT 1"
            ).fetchone()
            if bad is not None:
                raise FacilitatorError(
                    _(
                        "{path} holds an invalid value in {table}.{column} (record {id}): not "
                        "a plain list (perhaps nested too deeply); it was changed outside "
                        "Facilitator and is not opened, for safety."
                    ).format(path=path, table=table, column=column, id=str(bad[0])[:40])
                )


def _configure(conn: sqlite3.Connection, readonly: bool) -> None:
    # probe() has checked, with trusted_schema=OFF, that the schema is exactly ours; our own
    # triggers (which keep the search index in step) may then run. Other people's files are
    # only ever read through probe-style read-only connections.
    conn.execute(f"PRAGMA trusted_schema={'OFF' if readonly else 'ON'}")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("PRAGMA busy_timeout=5000")
    if readonly:
        conn.execute("PRAGMA query_only=ON")
        return
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk before we tell the note-taker it is saved.
    conn.execute("PRAGMA synchronous=FULL")


def _init_clock(
    conn: sqlite3.Connection, device: str, wall: Callable[[], float]
) -> tuple[HybridClock, str | None]:
    clock = HybridClock(device, wall)
    latest = newest_stamp(conn)
    clock.observe(latest)
    return clock, latest


def newest_stamp(conn: sqlite3.Connection) -> str | None:
    """The file's newest clock stamp, from each table's stamp index (no scan)."""
    return conn.execute(
        "SELECT max(h) FROM ("
        + " UNION ALL ".join(f"SELECT max(hlc) AS h FROM {t}" for t in RECORD_TABLES)
        + ")"
    ).fetchone()[0]


def migrate(path: Path, from_version: int) -> Path | None:
    """Move an older file forward, keeping a copy of the original beside it."""
    if from_version >= SCHEMA_VERSION:
        return None
    backup = path.with_name(f"{path.stem}.format{from_version}.backup{path.suffix}")
    if Path(f"{path}-wal").exists():
        live, dest = sqlite3.connect(path), sqlite3.connect(backup)
        live.backup(dest)
        live.close()
        dest.close()
    else:
        shutil.copy2(path, backup)  # the original bytes, exactly
    source = sqlite3.connect(path)
    try:
        source.isolation_level = None
        source.execute("BEGIN IMMEDIATE")
        for script in MIGRATIONS[from_version:]:
            for statement in _statements(script):
                source.execute(statement)
        source.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        source.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('file_id', ?)", (str(uuid.uuid4()),)
        )
        source.execute("COMMIT")
    finally:
        source.close()
    return backup


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return [s for s in out if s]


def open_file(
    path: str | os.PathLike,
    *,
    device: str,
    readonly: bool = False,
    wall: Callable[[], float] = time.time,
    check: bool = True,
) -> Database:
    """Open an existing Facilitator file, migrating it forward when it is older (not readonly).

    `check` False skips the whole-file integrity check (see `probe`)."""
    path = Path(path)
    version = probe(path, check=check)
    if version < SCHEMA_VERSION:
        if readonly:
            raise FacilitatorError(
                _(
                    "{path} uses an older file format; open it once in Facilitator to update it."
                ).format(path=path)
            )
        migrate(path, version)
    try:
        if readonly:
            conn = _reader_connection(path)
        else:
            if not os.access(path, os.W_OK):
                raise FacilitatorError(
                    _(
                        "{path} is read-only; copy it somewhere you can write, or change its permissions."
                    ).format(path=path)
                )
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        _configure(conn, readonly)
        clock, newest = _init_clock(conn, device, wall)
        behind = clock_skew.behind_ms(newest, wall())
        if not readonly:
            clock_skew.note_own_clock(conn, device, behind)
    except sqlite3.Error as error:
        raise describe_read_error(path, error) from error
    db = Database(path, conn, clock, readonly)
    db.clock_behind_ms = behind
    if not readonly:
        _index_stale(db)
    return db


def _index_stale(db: Database) -> None:
    """Index what was queued while the file was not open in the app (a migration, a write
    by another tool); a file held by another writer is indexed by that writer instead."""
    try:
        if search_index.has_stale(db.conn):
            with db.transaction():
                pass  # the commit rebuilds the queued documents
    except sqlite3.OperationalError:
        pass  # busy: the other writer's next commit indexes them


def create_file(
    path: str | os.PathLike, *, device: str, wall: Callable[[], float] = time.time
) -> Database:
    """Create an empty Facilitator file at `path`, which must not exist."""
    path = Path(path)
    if path.exists():
        raise FacilitatorError(
            _("{path} already exists; choose another name or remove it first.").format(path=path)
        )
    if not path.parent.is_dir():
        raise FacilitatorError(
            _("Cannot write {path}: the folder {folder} does not exist.").format(
                path=path, folder=path.parent
            )
        )
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute("BEGIN IMMEDIATE")
        for script in MIGRATIONS:
            for statement in _statements(script):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("file_id", str(uuid.uuid4())), ("created_at", _utc_now(wall))],
        )
        conn.execute("COMMIT")
        _configure(conn, readonly=False)
    except sqlite3.Error as error:
        raise FacilitatorError(
            _("Cannot write {path} ({detail}); choose a folder you can write to.").format(
                path=path, detail=str(error)
            )
        ) from error
    return Database(path, conn, HybridClock(device, wall), readonly=False)


def copy_file(db: Database, target: Path, own_connection: bool = False) -> None:
    """Write a self-contained copy of `db` to `target` atomically (no WAL beside it).

    With own_connection the copy is read through a connection of its own, so it can run on a
    worker thread while the app goes on writing through db.conn.
    """
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        if tmp.exists():
            tmp.unlink()
        if own_connection:
            conn = _readonly_connection(db.path)
            try:
                conn.execute("PRAGMA query_only=OFF")  # VACUUM INTO writes only the new file
                conn.execute("VACUUM INTO ?", (str(tmp),))
            finally:
                conn.close()
        else:
            db.conn.execute("VACUUM INTO ?", (str(tmp),))
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def check_file(path: str | os.PathLike) -> FileReport:
    """A full health check: format id, schema version, integrity_check. Reads only."""
    path = Path(path)
    version = probe(path)
    conn = _readonly_connection(path, brief=True)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            raise damaged(path, str(integrity))
        title = conn.execute("SELECT title FROM series WHERE deleted = 0 LIMIT 1").fetchone()
        sessions = conn.execute("SELECT count(*) FROM session WHERE deleted = 0").fetchone()[0]
    except sqlite3.Error as error:
        raise describe_read_error(path, error) from error
    finally:
        conn.close()
    return FileReport(path, version, integrity, title[0] if title else "", sessions)


def remove_quietly(path: Path) -> None:
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            candidate.unlink()
        except FileNotFoundError:
            pass


__all__ = [
    "Database",
    "describe_read_error",
    "FileReport",
    "check_file",
    "copy_file",
    "create_file",
    "migrate",
    "open_file",
    "probe",
    "remove_quietly",
]
