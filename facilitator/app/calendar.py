"""The calendar of the series: one row per session with where its record stands. Qt-free.

Three queries whatever the number of sessions (the sessions, then which of them have timer
events, then which have interventions), so the view can reload on every change it hears of.

"Report exported" comes from `Session.report_exported_at`, which a report export (PDF, Word,
Markdown; from the app or the command line) writes into the file, so it merges like any field.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from facilitator.domain import model as m
from facilitator.domain import vocab
from facilitator.domain.session_rules import audience_text
from facilitator.i18n import format_time, get_language, language_name, pgettext
from facilitator.storage import calendar_store
from facilitator.storage import repository as repo

from .document import Document

__all__ = [
    "HELD",
    "KINDS",
    "NOTES_TAKEN",
    "NOT_HELD",
    "REPORTED",
    "CalendarRow",
    "rows",
    "state_label",
]

NOT_HELD = "not_held"
HELD = "held"  # the timer ran, no intervention was noted
NOTES_TAKEN = "notes_taken"
REPORTED = "report_exported"  # a report covering the session was exported

# What the calendar shows comes from these tables: it reloads when one of them changes.
KINDS = ("series", "session", "intervention", "timer_event")


@dataclass(frozen=True)
class CalendarRow:
    session_id: str
    title: str
    date: dt.date | None
    start_time: str  # "15:00" as stored, "" when not set
    time_text: str  # "15:00" in the interface language, "" when not set
    zone: str  # the zone's short name on that day: "CET", "CEST", "EAT"
    format: str  # the label of the format, translated
    interpretation: tuple[str, ...]  # language names in the interface language
    audience: str
    registration_url: str
    recording_url: str
    state: str  # NOT_HELD, HELD, NOTES_TAKEN or REPORTED
    exported_at: str = ""  # when the last report was exported, ISO 8601 UTC


def state_label(state: str) -> str:
    return {
        NOT_HELD: pgettext("session record", "Not held"),
        HELD: pgettext("session record", "Held, no notes"),
        NOTES_TAKEN: pgettext("session record", "Notes taken"),
        REPORTED: pgettext("session record", "Report exported"),
    }[state]


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:  # a date typed by another program: show the row without one
        return None


def _time_and_zone(day: dt.date | None, start: str, zone_name: str) -> tuple[str, str]:
    """("15:00", "CET"): the zone's short name on that day (CEST in summer), as the seeds
    write it; the view puts the two side by side."""
    if not start:
        return "", ""
    try:
        hour, minute = (int(x) for x in start.split(":"))
        moment = dt.datetime.combine(day or dt.date.today(), dt.time(hour, minute))
    except ValueError:
        return start, ""
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return format_time(moment), zone_name
    moment = moment.replace(tzinfo=zone)
    return format_time(moment, tzinfo=zone), moment.tzname() or zone_name


def _row(s: m.Session, state: str) -> CalendarRow:
    day = _date(s.date)
    lang = get_language()
    time_text, zone = _time_and_zone(day, s.start_time, s.timezone)
    return CalendarRow(
        session_id=s.id,
        title=s.title,
        date=day,
        start_time=s.start_time,
        time_text=time_text,
        zone=zone,
        format=vocab.label(vocab.FORMATS, s.format) if s.format else "",
        interpretation=tuple(language_name(code, lang) for code in s.interpretation),
        audience=audience_text(s) if s.audience else "",
        registration_url=s.registration_url,
        recording_url=s.recording_url,
        state=state,
        exported_at=s.report_exported_at,
    )


def rows(doc: Document) -> list[CalendarRow]:
    """Every session of the file's series, in the series' order."""
    series = repo.get_series(doc.db)
    if series is None:
        return []
    sessions = repo.find(doc.db, m.Session, series_id=series.id)
    timed = calendar_store.sessions_with(doc.db, "timer_event")
    noted = calendar_store.sessions_with(doc.db, "intervention")

    def state(s: m.Session) -> str:
        if s.report_exported_at:
            return REPORTED
        session_id = s.id
        if session_id in noted:
            return NOTES_TAKEN
        return HELD if session_id in timed else NOT_HELD

    return [_row(s, state(s)) for s in sessions]
