"""Reading a colleague's Facilitator file as untrusted input, before it is merged.

The file is copied to a private temporary folder (so nobody can swap it while it is read, and a
live file's WAL comes along) and opened read-only with trusted_schema=OFF. Its format id,
version and schema are checked before any row is read: a trigger, view or extra table is refused,
so nothing in the file can run. Then every value is validated (types, UUIDs, clock stamps, codes
of the vocabularies, stamps not far in the future) before the merge writes anything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
import typing
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from facilitator.domain import safe_json, vocab
from facilitator.domain.translations import TRANSLATABLE
from facilitator.errors import FacilitatorError
from facilitator.i18n import LANGUAGES, _, format_date
from facilitator.i18n.lists import comma_join

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
from .records import CLASS_OF, encode, field_kinds
from .schema import RECORD_TABLES

SYNC_COLUMNS = ("device", "hlc", "stamps", "deleted")
# A laptop whose clock runs ahead would make its edits win every later merge: refuse its file.
MAX_SKEW_SECONDS = 24 * 60 * 60
MAX_VALUE_BYTES = 10_000_000

STAMP_RE = re.compile(r"\d{13}\.\d{6}\.[A-Za-z0-9_.:-]{1,64}")
DEVICE_RE = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
# The stamp of a field a source file is too old to hold (format 2 has no session.short_label):
# older than every real stamp, so the field never overwrites a value edited here, and never
# counted as a conflict (see merge.join).
LEGACY_STAMP = "0000000000000.000000.legacy"
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

# Codes a column may hold ("" is the schema's default and always allowed).
VOCABULARY: dict[tuple[str, str], typing.Collection[str]] = {
    ("participant", "stakeholder_group"): vocab.STAKEHOLDER_GROUPS,
    ("participant", "gender"): vocab.GENDERS,
    ("intervention", "stakeholder_group"): vocab.STAKEHOLDER_GROUPS,
    ("session", "format"): vocab.FORMATS,
    ("session", "audience"): vocab.AUDIENCES,
    ("session_role", "role"): vocab.ROLES,
    ("agenda_item", "kind"): vocab.AGENDA_KINDS,
    ("point", "kind"): vocab.POINT_KINDS,
    ("takeaway", "kind"): (*vocab.POINT_KINDS, vocab.NARRATIVE),
    ("takeaway", "attribution"): vocab.ATTRIBUTIONS,
    ("timer_event", "action"): vocab.TIMER_ACTIONS,
    ("translation", "owner_table"): tuple(TRANSLATABLE),
    ("translation", "owner_field"): tuple({f for fs in TRANSLATABLE.values() for f in fs}),
    ("translation", "language"): LANGUAGES,
    ("series", "content_language"): LANGUAGES,
    **{("session", f"{n}_qualifier"): vocab.FIGURE_QUALIFIERS for n in vocab.FIGURE_FIELDS},
}
COLOUR_RE = re.compile(r"#[0-9a-fA-F]{6}")
# Columns holding the id of another record: a UUID, or empty.
REFERENCE_COLUMNS = {
    "series_id",
    "session_id",
    "intervention_id",
    "participant_id",
    "agenda_item_id",
    "topic_id",
    "question_id",
    "owner_id",
}


@dataclass
class SourceFile:
    """A validated source file, read into memory; the private copy is already gone."""

    path: Path
    name: str
    file_id: str
    checksum: str
    version: int
    series_id: str | None
    series_title: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    max_stamp: str | None = None
    clocks_behind: dict[str, int] = field(default_factory=dict)  # see clock_skew


def data_columns(table: str) -> list[str]:
    """The record's own fields (id first), as stored in `table`."""
    names = list(field_kinds(CLASS_OF[table]))
    names.remove("id")
    return ["id", *names]


def record_columns(table: str) -> list[str]:
    extra = ["deleted_with"] if table in CASCADED else []
    return [*data_columns(table), *SYNC_COLUMNS, *extra]


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


def read_source(path: str | os.PathLike, *, now: float) -> SourceFile:
    """Check and read `path` (never modified); raises FacilitatorError with one line."""
    path = Path(path)
    _check_path(path)
    with tempfile.TemporaryDirectory(prefix="facilitator-merge-") as folder:
        copy = Path(folder) / "source.facilitator"
        checksum = _private_copy(path, copy)
        try:
            conn = _open_untrusted(copy)
        except sqlite3.Error as error:
            raise describe_read_error(path, error) from error
        try:
            version = _check_identity(conn, path)
            _check_schema(conn, path, version)
            source = _read_rows(conn, path, version, checksum)
        except sqlite3.Error as error:
            raise describe_read_error(path, error) from error
        finally:
            conn.close()
    _check_future(source, now)
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


def _read_rows(conn: sqlite3.Connection, path: Path, version: int, checksum: str) -> SourceFile:
    row = conn.execute("SELECT value FROM meta WHERE key = 'file_id'").fetchone()
    file_id = row[0] if row and isinstance(row[0], str) else "sha256:" + checksum
    source = SourceFile(path, path.name, file_id, checksum, version, None, "")
    for key, value in conn.execute(
        "SELECT key, value FROM meta WHERE key LIKE 'clock_behind:%'"
    ):  # a value that is not a plain number of milliseconds is ignored, it only informs
        device = key.split(":", 1)[1]
        if DEVICE_RE.fullmatch(device) and str(value).isdigit() and len(str(value)) < 13:
            source.clocks_behind[device] = int(value)
    stamps: list[str] = []
    for table in RECORD_TABLES:
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if not present:  # a table newer than the file's format (translation before 5)
            source.rows[table] = []
            continue
        names = [n for n in record_columns(table) if n in present]
        missing = _defaults(table, present)
        check = _row_checker(table)
        seen: set[str] = set()
        rows = []
        for values in conn.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY rowid"):
            record = dict(zip(names, values, strict=True))
            record.update(missing)
            if table in CASCADED and "deleted_with" not in present:
                record["deleted_with"] = ""  # a format 3 file: every delete was its own
            problem = check(record)
            if problem is None and record["id"] in seen:
                problem = "id"
            if problem is not None:
                raise _invalid(path, table, problem, record.get("id"))
            if missing:
                record["stamps"] = {**record["stamps"], **dict.fromkeys(missing, LEGACY_STAMP)}
            seen.add(record["id"])
            stamps.append(record["hlc"])
            rows.append(record)
        source.rows[table] = rows
    live = [r for r in source.rows["series"] if r["deleted"] == 0]
    if live:
        source.series_id, source.series_title = live[0]["id"], live[0]["title"]
    source.max_stamp = max(stamps, default=None)
    return source


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


# --- validating values -------------------------------------------------------------------------


def _is_uuid(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 45:
        return False
    if UUID_RE.fullmatch(value):  # the form this app writes, checked fast
        return True
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and "\x00" not in value


def _is_int(value: Any) -> bool:
    return isinstance(value, int)


def _json_list(item: Callable[[Any], bool]) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        if not isinstance(value, str):
            return False
        try:
            parsed = safe_json.loads(value)
        except ValueError:  # TooDeep included: invalid value in table.column (record id)
            return False
        return isinstance(parsed, list) and all(item(v) for v in parsed)

    return check


def _optional(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda value: value is None or check(value)


def _code(allowed: typing.Collection[str]) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, str) and (value == "" or value in allowed)


def _column_check(table: str, name: str, hint: Any, kind: str) -> Callable[[Any], bool]:
    if name == "id":
        return _is_uuid
    if (table, name) in VOCABULARY:
        return _code(VOCABULARY[(table, name)])
    if (table, name) == ("topic", "colour"):
        return lambda v: isinstance(v, str) and (v == "" or COLOUR_RE.fullmatch(v) is not None)
    if name in REFERENCE_COLUMNS:
        ref = lambda v: v == "" or _is_uuid(v)  # noqa: E731
        return _optional(ref) if type(None) in typing.get_args(hint) else ref
    if kind == "bool":
        return lambda v: v in (0, 1) and isinstance(v, int)
    if kind == "list":
        (item,) = typing.get_args(hint)
        if name == "gcm_objectives":
            return _json_list(lambda v: isinstance(v, int) and 1 <= v <= 23)
        return _json_list(_is_uuid if name == "point_ids" else _is_text if item is str else _is_int)
    base = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
    check = _is_int if base[0] is int else _is_text
    return _optional(check) if type(None) in typing.get_args(hint) else check


@cache
def _row_checker(table: str) -> Callable[[dict[str, Any]], str | None]:
    """A function returning the first invalid column of a row, or None."""
    cls = CLASS_OF[table]
    hints = typing.get_type_hints(cls)
    kinds = field_kinds(cls)
    checks = [(n, _column_check(table, n, hints[n], kinds[n])) for n in data_columns(table)]
    fields = set(data_columns(table)) - {"id"}

    def check(row: dict[str, Any]) -> str | None:
        for name, ok in checks:
            if not ok(row[name]):
                return name
        hlc = row["hlc"]
        if not (isinstance(hlc, str) and STAMP_RE.fullmatch(hlc)):
            return "hlc"
        if not (isinstance(row["device"], str) and DEVICE_RE.fullmatch(row["device"])):
            return "device"
        if row["deleted"] not in (0, 1) or not isinstance(row["deleted"], int):
            return "deleted"
        if "deleted_with" in row and not (
            row["deleted_with"] == "" or _is_uuid(row["deleted_with"])
        ):
            return "deleted_with"
        stamps = parse_stamps(row["stamps"])
        if stamps is None or not set(stamps) <= fields:
            return "stamps"
        for stamp in stamps.values():
            if not (isinstance(stamp, str) and STAMP_RE.fullmatch(stamp)) or stamp > hlc:
                return "stamps"
        row["stamps"] = stamps
        return None

    return check


def parse_stamps(value: Any) -> dict[str, Any] | None:
    """The {field: stamp} map of a row, or None when it is not one."""
    if value == "{}":
        return {}
    if not isinstance(value, str):
        return None
    try:
        stamps = safe_json.loads(value)
    except ValueError:
        return None
    return stamps if isinstance(stamps, dict) else None
