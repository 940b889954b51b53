"""The "translations" of a record in the series JSON (json_series): {language: {field: text}}
on topics, sessions, agenda items and take-aways, one model.Translation per text."""

from __future__ import annotations

from typing import Any

from facilitator.domain import model as m
from facilitator.domain.translations import TRANSLATABLE
from facilitator.exports.json_records import check_value as _check_value
from facilitator.exports.json_records import fail as _fail
from facilitator.i18n import LANGUAGES, _


def by_record(content: m.SeriesContent) -> dict[tuple[str, str], dict[str, dict[str, str]]]:
    """{(table, id): {language: {field: text}}}, languages and fields in a stable order."""
    out: dict[tuple[str, str], dict[str, dict[str, str]]] = {}
    for t in sorted(
        content.translations, key=lambda t: (LANGUAGES.index(t.language), t.owner_field)
    ):
        if t.text:
            by_lang = out.setdefault((t.owner_table, t.owner_id), {})
            by_lang.setdefault(t.language, {})[t.owner_field] = t.text
    return out


def parse(table: str, record: Any, raw: dict[str, Any], path: str) -> list[m.Translation]:
    """The "translations" of a record: {language: {field: text}}."""
    data = raw.get("translations", {})
    path = f"{path}.translations"
    if not isinstance(data, dict):
        raise _fail(path, _("expected an object"))
    out = []
    for lang, fields in data.items():
        if lang not in LANGUAGES:
            raise _fail(
                path,
                _("unknown value “{value}”, expected one of {allowed}").format(
                    value=lang, allowed=", ".join(LANGUAGES)
                ),
            )
        if not isinstance(fields, dict):
            raise _fail(f"{path}.{lang}", _("expected an object"))
        for name, text in fields.items():
            if name not in TRANSLATABLE[table]:
                raise _fail(
                    f"{path}.{lang}",
                    _("unknown value “{value}”, expected one of {allowed}").format(
                        value=name, allowed=", ".join(TRANSLATABLE[table])
                    ),
                )
            text = _check_value(f"{path}.{lang}.{name}", name, str, text)
            out.append(m.Translation(table, record.id, name, lang, text))
    return out
