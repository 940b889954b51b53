"""The values a file from elsewhere may hold, checked one by one (see untrusted): types, UUIDs,
clock stamps, codes of the vocabularies, JSON lists. A row passes or names its first invalid
column."""

from __future__ import annotations

import re
import typing
import uuid
from collections.abc import Callable
from functools import cache
from typing import Any

from facilitator.domain import safe_json, vocab
from facilitator.domain.translations import TRANSLATABLE
from facilitator.i18n import LANGUAGES

from .cascade import CASCADED
from .records import CLASS_OF, field_kinds

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


def data_columns(table: str) -> list[str]:
    """The record's own fields (id first), as stored in `table`."""
    names = list(field_kinds(CLASS_OF[table]))
    names.remove("id")
    return ["id", *names]


def record_columns(table: str) -> list[str]:
    extra = ["deleted_with"] if table in CASCADED else []
    return [*data_columns(table), *SYNC_COLUMNS, *extra]


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
def row_checker(table: str) -> Callable[[dict[str, Any]], str | None]:
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


# --- a chunk's columns at once ---------------------------------------------------------------

Column = tuple[Any, ...]


def _every(check: Callable[[Any], bool]) -> Callable[[Column], bool]:
    return lambda column: all(map(check, column))


def _typed(types: set[type], fast: Callable[[Column], bool], check: Callable[[Any], bool]):
    """all(map(check, column)), answered by `fast` when every value is of `types` (the usual
    column: `fast` must then agree with `check` on each value)."""

    def every(column: Column) -> bool:
        if set(map(type, column)) <= types and fast(column):
            return True
        return all(map(check, column))

    return every


def _uuids(column: Column) -> bool:  # '' and None aside
    return all(map(UUID_RE.fullmatch, filter(None, column)))


def _no_nul(column: Column) -> bool:
    return "\x00" not in "".join(filter(None, column))


def _in(allowed: set[Any]) -> Callable[[Column], bool]:
    return lambda column: set(column) <= allowed


def _column_test(table: str, name: str, hint: Any, kind: str) -> Callable[[Column], bool]:
    check = _column_check(table, name, hint, kind)
    optional = type(None) in typing.get_args(hint)
    text = {str, type(None)} if optional else {str}
    if name == "id":
        return _typed({str}, lambda c: all(map(UUID_RE.fullmatch, c)), check)
    if name in REFERENCE_COLUMNS:
        return _typed(text, _uuids, check)
    if (table, name) in VOCABULARY:
        return _typed({str}, _in({"", *VOCABULARY[(table, name)]}), check)
    if kind == "bool":
        return _typed({int}, _in({0, 1}), check)
    if kind == "list":
        return _typed({str}, _in({"[]"}), check)
    if (table, name) == ("topic", "colour"):
        return _every(check)
    base = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
    if base[0] is int:
        return _typed({int, type(None)} if optional else {int}, lambda _c: True, check)
    return _typed(text, _no_nul, check)


@cache
def columns_checker(table: str, names: tuple[str, ...]) -> Callable[[list[Column]], bool]:
    """Whether every row of a chunk passes row_checker's checks, the stamps aside, from the
    chunk's columns (`names`, as read) at once: one pass a column instead of one a value."""
    cls = CLASS_OF[table]
    hints = typing.get_type_hints(cls)
    kinds = field_kinds(cls)
    tests = {n: _column_test(table, n, hints[n], kinds[n]) for n in data_columns(table)}
    tests["hlc"] = _typed(
        {str},
        lambda c: all(map(STAMP_RE.fullmatch, c)),
        lambda v: isinstance(v, str) and STAMP_RE.fullmatch(v) is not None,
    )
    tests["device"] = _typed(
        {str},
        lambda c: all(map(DEVICE_RE.fullmatch, set(c))),
        lambda v: isinstance(v, str) and DEVICE_RE.fullmatch(v) is not None,
    )
    tests["deleted"] = _typed({int}, _in({0, 1}), lambda v: v in (0, 1) and isinstance(v, int))
    tests["deleted_with"] = _typed({str}, _uuids, lambda v: v == "" or _is_uuid(v))
    chosen = [(n, tests[n]) for n in names if n in tests]

    def check(columns: list[Column]) -> bool:
        by_name = dict(zip(names, columns, strict=True))
        return all(test(by_name[n]) for n, test in chosen)

    return check
