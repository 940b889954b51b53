"""The records of the series JSON checked one by one (json_series reads the document): each
value against its field's type, the codes against their vocabularies, dates, times, web
addresses, colours and ids; a wrong one names its path, e.g. `series.topics[0].colour`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
import typing
import uuid
from typing import Any

from facilitator.domain import model as m
from facilitator.domain import session_rules as rules
from facilitator.domain import vocab
from facilitator.domain.speaking_budget import parse_budget
from facilitator.errors import FacilitatorError
from facilitator.i18n import LANGUAGES, _
from facilitator.i18n.lists import comma_join

VOCABULARY: dict[str, tuple[str, ...]] = {
    "stakeholder_group": tuple(vocab.STAKEHOLDER_GROUPS),
    "format": tuple(vocab.FORMATS),
    "audience": tuple(vocab.AUDIENCES),
    "role": tuple(vocab.ROLES),
    "action": vocab.TIMER_ACTIONS,
    **{f"{name}_qualifier": tuple(vocab.FIGURE_QUALIFIERS) for name in vocab.FIGURE_FIELDS},
    "attribution": tuple(vocab.ATTRIBUTIONS),
    "content_language": LANGUAGES,
}
KIND_VOCABULARY = {
    m.AgendaItem: tuple(vocab.AGENDA_KINDS),
    m.Point: tuple(vocab.POINT_KINDS),
    m.Takeaway: tuple(vocab.POINT_KINDS) + (vocab.NARRATIVE,),
}
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
COLOUR_RE = re.compile(r"#[0-9a-fA-F]{6}")


class JsonFormatError(FacilitatorError):
    pass


def fail(path: str, problem: str) -> JsonFormatError:
    return JsonFormatError(
        _("Invalid series JSON at {field}: {problem}.").format(field=path, problem=problem)
    )


# Whole numbers that may be negative: a timer event's seconds ("adjust" -60 shortened an item,
# "extend_speaker" may take time off a speaker). Every other count is zero or more.
SIGNED = frozenset({"seconds"})


def check_value(path: str, name: str, hint: Any, value: Any) -> Any:
    is_union = typing.get_origin(hint) in (typing.Union, types.UnionType)
    optional = is_union and type(None) in typing.get_args(hint)
    base = next(a for a in typing.get_args(hint) if a is not type(None)) if is_union else hint
    if value is None:
        if optional:
            return None
        raise fail(path, _("a value is required"))
    if typing.get_origin(base) is list:
        (item,) = typing.get_args(base)
        if not isinstance(value, list):
            raise fail(path, _("expected a list"))
        for n, element in enumerate(value):
            if item is int and (not isinstance(element, int) or isinstance(element, bool)):
                raise fail(f"{path}[{n}]", _("expected a whole number"))
            if item is str and not isinstance(element, str):
                raise fail(f"{path}[{n}]", _("expected text"))
        return list(value)
    if base is bool:
        if not isinstance(value, bool):
            raise fail(path, _("expected true or false"))
        return value
    if base is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise fail(path, _("expected a whole number"))
        if value < 0 and name not in SIGNED:
            raise fail(path, _("expected a number of zero or more"))
        return value
    if not isinstance(value, str):
        raise fail(path, _("expected text"))
    if "\x00" in value:
        raise fail(path, _("text must not contain NUL characters"))
    return value


def parse_record(cls: type, data: Any, path: str, parents: dict[str, Any]) -> Any:
    if not isinstance(data, dict):
        raise fail(path, _("expected an object"))
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = dict(parents)
    for f in dataclasses.fields(cls):
        if f.name in parents:
            continue
        field_path = f"{path}.{f.name}"
        if f.name not in data:
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if required:
                raise fail(field_path, _("this field is required"))
            continue
        values[f.name] = check_value(field_path, f.name, hints[f.name], data[f.name])
    record = cls(**values)
    check_codes(record, path)
    return record


def check_codes(record: Any, path: str) -> None:
    for name, allowed in VOCABULARY.items():
        value = getattr(record, name, None)
        if value and value not in allowed:
            raise fail(
                f"{path}.{name}",
                _("unknown value “{value}”, expected one of {allowed}").format(
                    value=value, allowed=comma_join(allowed)
                ),
            )
    allowed = KIND_VOCABULARY.get(type(record))
    if allowed and record.kind not in allowed:
        raise fail(
            f"{path}.kind",
            _("unknown value “{value}”, expected one of {allowed}").format(
                value=record.kind, allowed=comma_join(allowed)
            ),
        )
    if isinstance(record, m.Participant) and record.gender and record.gender not in vocab.GENDERS:
        raise fail(
            f"{path}.gender",
            _("unknown value “{value}”, expected one of {allowed}").format(
                value=record.gender, allowed=comma_join(vocab.GENDERS)
            ),
        )
    for n, objective in enumerate(getattr(record, "gcm_objectives", []) or []):
        if not 1 <= objective <= 23:
            raise fail(f"{path}.gcm_objectives[{n}]", _("GCM objectives are numbered 1 to 23"))
    if isinstance(record, m.Session):
        if record.date:
            try:
                dt.date.fromisoformat(record.date)
            except ValueError:
                raise fail(f"{path}.date", _("expected a date as YYYY-MM-DD")) from None
        if record.start_time and not TIME_RE.match(record.start_time):
            raise fail(f"{path}.start_time", _("expected a time as HH:MM"))
        for n, code in enumerate(record.interpretation):
            if not rules.is_language_code(code):
                raise fail(
                    f"{path}.interpretation[{n}]",
                    _("expected an ISO 639 language code such as en, fr or az"),
                )
        for n, text in enumerate(record.speaking_budgets):
            if parse_budget(text) is None:
                raise fail(
                    f"{path}.speaking_budgets[{n}]",
                    _(
                        "expected group:<code>=<seconds> or delegation:<country>=<seconds>, "
                        "with seconds above zero"
                    ),
                )
        for name in ("registration_url", "recording_url"):
            value = getattr(record, name)
            if value and not rules.is_web_address(value):
                raise fail(f"{path}.{name}", _("expected a web address starting with https://"))
    if isinstance(record, m.Series) and record.workstream_url:
        if not rules.is_web_address(record.workstream_url):
            raise fail(f"{path}.workstream_url", _("expected a web address starting with https://"))
    if isinstance(record, m.Topic) and record.colour and not COLOUR_RE.fullmatch(record.colour):
        raise fail(f"{path}.colour", _("expected a colour as #rrggbb"))
    for name in ("at", "started_at", "ended_at"):
        value = getattr(record, name, None)
        if value:
            try:
                dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                raise fail(f"{path}.{name}", _("expected a date and time in ISO 8601")) from None
    if not isinstance(record.id, str):
        raise fail(f"{path}.id", _("expected text"))
    try:
        uuid.UUID(record.id)
    except ValueError:
        raise fail(f"{path}.id", _("expected a UUID")) from None
