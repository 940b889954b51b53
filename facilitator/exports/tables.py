"""Interventions and points as tables for analysts: CSV (UTF-8 with BOM) and XLSX.

The data is redacted first (redact.redact_for_export): under the Chatham House Rule an
intervention names a stakeholder group, never a person or a country.

Formulas: a CSV has no types, so a text a spreadsheet would run as a formula (starting with
= + - @, a tab or a carriage return) is prefixed with an apostrophe there (docs/exports.md).
XLSX cells are typed instead (numbers, dates, durations, text): a text is stored as a string
cell, which no spreadsheet evaluates, marked "quote prefix" so that editing it keeps it text;
nothing is added to what people wrote. The XLSX layout (widths, header, filter, direction,
texts over Excel's 32,767-character cell limit) is in xlsx_layout.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any, BinaryIO

from facilitator.domain import model as m
from facilitator.domain.figures import intervention_seconds, parse_instant
from facilitator.domain.summary import speaker_group
from facilitator.domain.vocab import POINT_KINDS
from facilitator.exports.doc_properties import DocumentMeta, now_meta
from facilitator.exports.progress import NO_PROGRESS, Progress
from facilitator.exports.redact import redact_for_export, safe_text
from facilitator.exports.report_figures import group_in, vocab_in
from facilitator.i18n import gettext_in

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: str) -> str:
    """A text that no spreadsheet will evaluate: "'=1+1" is shown as =1+1, never computed."""
    if value.startswith(FORMULA_STARTS) or value.lstrip(" ").startswith(FORMULA_STARTS[:4]):
        return "'" + value
    return value


@dataclass
class Table:
    name: str  # sheet name, translated
    headers: list[str]
    rows: list[list[Any]]  # str, int, float, date, datetime, timedelta or None
    lang: str = "en"  # the export language: the sheet's direction and continuation notes


def _speaker(i: m.Intervention, people: dict[str, m.Participant]) -> str:
    person = people.get(i.participant_id or "")
    return person.name if person is not None and person.may_be_named else ""


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _time(value: str | None) -> dt.datetime | None:
    moment = parse_instant(value)
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment else None


def build_tables(
    content: m.SeriesContent, lang: str, session_ids: list[str] | None = None
) -> list[Table]:
    data = redact_for_export(content, session_ids)
    people = {p.id: p for p in data.participants}
    topics = {t.id: t.name for t in data.topics}
    interventions = Table(
        gettext_in(lang, "Interventions"),
        [
            gettext_in(lang, "Session"),
            gettext_in(lang, "Date"),
            gettext_in(lang, "Number"),
            gettext_in(lang, "Agenda item"),
            gettext_in(lang, "Speaker"),
            gettext_in(lang, "Stakeholder group"),
            gettext_in(lang, "Country"),
            gettext_in(lang, "Language"),
            gettext_in(lang, "Start (UTC)"),
            gettext_in(lang, "End (UTC)"),
            gettext_in(lang, "Duration"),
            gettext_in(lang, "Seconds"),
            gettext_in(lang, "Points"),
            gettext_in(lang, "Notes"),
            "id",
        ],
        [],
        lang,
    )
    points = Table(
        gettext_in(lang, "Points"),
        [
            gettext_in(lang, "Session"),
            gettext_in(lang, "Intervention"),
            gettext_in(lang, "Stakeholder group"),
            gettext_in(lang, "Topic"),
            gettext_in(lang, "Kind"),
            gettext_in(lang, "Point"),
            gettext_in(lang, "Guiding question"),
            gettext_in(lang, "GCM objectives"),
            "id",
        ],
        [],
        lang,
    )
    for sc in data.sessions:
        items = {a.id: a.title for a in sc.agenda}
        questions = {q.id: q.text for q in sc.questions}
        per_intervention: dict[str, int] = {}
        for p in sc.points:
            per_intervention[p.intervention_id] = per_intervention.get(p.intervention_id, 0) + 1
        numbers = {}
        for n, i in enumerate(sc.interventions, start=1):
            numbers[i.id] = n
            interventions.rows.append(
                [
                    sc.session.title,
                    _day(sc.session.date),
                    n,
                    items.get(i.agenda_item_id or "", ""),
                    _speaker(i, people),
                    group_in(lang, speaker_group(i, people)),
                    i.country,
                    i.language,
                    _time(i.started_at),
                    _time(i.ended_at),
                    dt.timedelta(seconds=int(intervention_seconds(i))),
                    int(intervention_seconds(i)),
                    per_intervention.get(i.id, 0),
                    i.notes,
                    i.id,
                ]
            )
        groups = {i.id: speaker_group(i, people) for i in sc.interventions}
        for p in sc.points:
            points.rows.append(
                [
                    sc.session.title,
                    numbers.get(p.intervention_id),
                    group_in(lang, groups.get(p.intervention_id, "")),
                    topics.get(p.topic_id or "", ""),
                    vocab_in(lang, POINT_KINDS, p.kind),
                    p.text,
                    questions.get(p.question_id or "", ""),
                    "; ".join(str(o) for o in p.gcm_objectives),
                    p.id,
                ]
            )
    return [interventions, points]


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds") + "Z"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.timedelta):  # H:MM:SS, as spreadsheets read a duration
        total = int(value.total_seconds())
        return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"
    if isinstance(value, str):
        return neutralize(safe_text(value))
    return str(value)


def table_csv(table: Table) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs read Arabic and Cyrillic right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_csv_value(h) for h in table.headers])
    writer.writerows([_csv_value(v) for v in row] for row in table.rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(
    tables: list[Table],
    out: BinaryIO,
    progress: Progress = NO_PROGRESS,
    meta: DocumentMeta | None = None,
) -> None:
    """One laid-out sheet per table (xlsx_layout), typed cells, texts never formulas; the
    properties of this export (exports.privacy), not openpyxl's. Streamed into `out` (the
    temporary file of exports.atomic): the finished workbook is never held in memory."""
    from facilitator.exports.xlsx_layout import save_workbook, workbook

    book = workbook(tables, progress)
    meta = meta or now_meta(", ".join(t.name for t in tables), "", "")
    _properties(book, meta)
    save_workbook(book, out, meta)


def _properties(book, meta: DocumentMeta) -> None:
    """Core properties of this export, not openpyxl's (its name as creator)."""
    props = book.properties
    props.title, props.subject, props.language = meta.title, meta.subject, meta.language or None
    props.creator = props.lastModifiedBy = meta.generator
    props.created = props.modified = meta.w3cdtf()
