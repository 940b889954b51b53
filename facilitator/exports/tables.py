"""Interventions and points as tables for analysts: CSV (UTF-8 with BOM) and XLSX.

The data is redacted first (redact.redact_for_export): under the Chatham House Rule an
intervention names a stakeholder group, never a person or a country. Text cells that a
spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) are
prefixed with an apostrophe, in CSV and XLSX alike; XLSX cells are typed (numbers, dates and
times, text) so analysts can sort and sum without converting.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from facilitator.domain import model as m
from facilitator.domain.figures import intervention_seconds, parse_instant
from facilitator.domain.summary import speaker_group
from facilitator.domain.vocab import POINT_KINDS, STAKEHOLDER_GROUPS
from facilitator.exports.progress import NO_PROGRESS, Progress
from facilitator.exports.redact import redact_for_export, safe_text
from facilitator.exports.report_figures import vocab_in
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
    rows: list[list[Any]]  # str, int, float, datetime or None


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
            gettext_in(lang, "Seconds"),
            gettext_in(lang, "Points"),
            gettext_in(lang, "Notes"),
            "id",
        ],
        [],
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
                    vocab_in(lang, STAKEHOLDER_GROUPS, speaker_group(i, people)),
                    i.country,
                    i.language,
                    _time(i.started_at),
                    _time(i.ended_at),
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
                    vocab_in(lang, STAKEHOLDER_GROUPS, groups.get(p.intervention_id, "other")),
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


def _sheet_title(name: str) -> str:
    cleaned = "".join(ch for ch in name if ch not in "[]:*?/\\")
    return cleaned[:31] or "Sheet"


def tables_xlsx(tables: list[Table], progress: Progress = NO_PROGRESS) -> bytes:
    """One sheet per table, typed cells, a frozen header row."""
    # Imported here: openpyxl costs 0.2 s at start-up, and only an XLSX export needs it.
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(_sheet_title(table.name))
        sheet.append([neutralize(safe_text(h)) for h in table.headers])
        for n, row in enumerate(table.rows):
            if n % 500 == 0:
                progress.step(n, len(table.rows))
            sheet.append([_xlsx_value(v) for v in row])
        for row in sheet.iter_rows(min_row=1):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING  # never a formula, whatever the text
                elif isinstance(cell.value, dt.datetime):
                    cell.number_format = "yyyy-mm-dd hh:mm:ss"
                elif isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str):
        return neutralize(safe_text(value))
    return value
