"""Mapping between domain dataclasses and table rows (JSON lists, booleans as integers)."""

from __future__ import annotations

import dataclasses
import json
import typing
from functools import cache
from typing import Any, TypeVar

from facilitator.domain import model as m
from facilitator.domain import safe_json
from facilitator.errors import FacilitatorError
from facilitator.i18n import _

T = TypeVar("T")

TABLE_OF: dict[type, str] = {
    m.Series: "series",
    m.Topic: "topic",
    m.Participant: "participant",
    m.Session: "session",
    m.AgendaItem: "agenda_item",
    m.GuidingQuestion: "guiding_question",
    m.SessionRole: "session_role",
    m.Intervention: "intervention",
    m.Point: "point",
    m.Takeaway: "takeaway",
    m.TimerEvent: "timer_event",
    m.Translation: "translation",
}
CLASS_OF: dict[str, type] = {table: cls for cls, table in TABLE_OF.items()}


class NestedValue(FacilitatorError):
    """A list column holding JSON nested too deeply (the file was changed behind our back)."""

    def __init__(self, table: str, column: str, record_id: str) -> None:
        super().__init__(
            _(
                "{table}.{column} of record {id} holds JSON nested too deeply; the file was "
                "changed outside Facilitator."
            ).format(table=table, column=column, id=record_id[:40])
        )
        self.table, self.column, self.record_id = table, column, record_id


@cache
def field_kinds(cls: type) -> dict[str, str]:
    """{field: 'list' | 'bool' | 'plain'} for a dataclass, in declaration order."""
    hints = typing.get_type_hints(cls)
    kinds = {}
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        origin = typing.get_origin(hint)
        if origin is list:
            kinds[f.name] = "list"
        elif hint is bool:
            kinds[f.name] = "bool"
        else:
            kinds[f.name] = "plain"
    return kinds


def columns(cls: type) -> list[str]:
    return list(field_kinds(cls))


def to_row(record: Any) -> dict[str, Any]:
    kinds = field_kinds(type(record))
    row = {}
    for name, kind in kinds.items():
        value = getattr(record, name)
        if kind == "list":
            value = json.dumps(value, ensure_ascii=False)
        elif kind == "bool":
            value = int(bool(value))
        row[name] = value
    return row


def encode(cls: type, name: str, value: Any) -> Any:
    kind = field_kinds(cls)[name]
    if kind == "list":
        return json.dumps(value, ensure_ascii=False)
    if kind == "bool":
        return int(bool(value))
    return value


@cache
def _decoding(cls: type) -> tuple[int, tuple[int, ...], tuple[int, ...]]:
    """(number of columns, places of list columns, places of bool columns) of `cls`."""
    kinds = list(field_kinds(cls).values())
    lists = tuple(n for n, kind in enumerate(kinds) if kind == "list")
    bools = tuple(n for n, kind in enumerate(kinds) if kind == "bool")
    return len(kinds), lists, bools


def from_row(cls: type[T], row: typing.Sequence[Any]) -> T:
    """Build `cls` from a row selected with the columns of `columns(cls)`, in that order.

    Positional, decoding only the list and bool columns: a page of the notes table builds
    hundreds of records, and this is most of its cost."""
    size, lists, bools = _decoding(cls)
    if len(row) != size:
        raise ValueError(f"{cls.__name__} has {size} columns, the row {len(row)}")
    values = list(row)
    for n in lists:
        value = values[n]
        try:
            values[n] = safe_json.loads(value) if value and value != "[]" else []
        except safe_json.TooDeep:
            name = list(field_kinds(cls))[n]
            raise NestedValue(TABLE_OF[cls], name, str(row[0])) from None
    for n in bools:
        values[n] = bool(values[n])
    return cls(*values)
