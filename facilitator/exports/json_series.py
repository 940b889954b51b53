"""The versioned JSON interchange format of a whole series (documented in docs/json-format.md).

`series_to_json` and `series_from_json` are exact inverses for every file: nesting replaces
parent ids, array order replaces positions, and sync metadata (device, clock stamps,
tombstones) stays in the SQLite file. Reading validates everything before anything is
written and names the first wrong field by its path, e.g. `sessions[0].agenda[2].planned_minutes`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from facilitator.domain import model as m
from facilitator.domain import safe_json
from facilitator.exports import json_versions
from facilitator.exports.json_records import JsonFormatError, parse_record
from facilitator.exports.json_records import fail as _fail
from facilitator.i18n import _, format_number
from facilitator.i18n.lists import comma_join

FORMAT_ID = "facilitator.series"
# 2: preparation fields (Session.short_label, audience "custom" and audience_custom, figure
# qualifiers, registration_url, recording_url; Topic.description, colour; AgendaItem.
# warning_seconds; role "note_taker"). Version 1 documents read as before, with defaults.
# 3 (unreleased; every change of this version goes here): Session.report_exported_at,
# duration_minutes; the top-level "personal_data" ("full": an archive; "redacted": a shareable
# copy) and "redaction"; Takeaway.attribution and kind "narrative", Series.disclaimer,
# acknowledgements, workstream, workstream_url.
# 4: "translations" on topics, sessions, agenda items and take-aways, {language: {field: text}}
# (model.Translation); Series.content_language, the language of the originals;
# Session.speaking_budgets, not_spoken_first.
FORMAT_VERSION = 4
PERSONAL_DATA = ("full", "redacted")
# How a shareable copy was redacted (exports.redact.redact_for_export), for people and tools.
REDACTION = {
    "participants_not_named": "placeholder",
    "participant_placeholder": "#{number}",
    "text_placeholder": "[…]",
    "name_forms": "full name, parts of 3+ letters, titles, possessives, case, accents",
    "chatham_house_sessions": "stakeholder_group_only",
    "timer_log": "speakers_redacted",
    "emails": "removed",
}

# Fields implied by where a record sits in the document.
IMPLIED = {"series_id", "session_id", "intervention_id", "position"}

# --- writing -------------------------------------------------------------------------------


def _record(record: Any) -> dict[str, Any]:
    return {k: v for k, v in dataclasses.asdict(record).items() if k not in IMPLIED}


def series_to_json(content: m.SeriesContent, redacted: bool = False) -> dict[str, Any]:
    """The document; `redacted` says the content went through the redaction (a shareable
    copy), so that nobody keeps it as the archive and takes "#1" for a name."""
    versions = json_versions.by_record(content)

    def rec(table: str, record: Any) -> dict[str, Any]:
        out = _record(record)
        if (table, record.id) in versions:
            out["translations"] = versions[(table, record.id)]
        return out

    sessions = []
    for sc in content.sessions:
        points_by_intervention: dict[str, list[m.Point]] = {}
        for point in sc.points:
            points_by_intervention.setdefault(point.intervention_id, []).append(point)
        session = rec("session", sc.session)
        session["agenda"] = [rec("agenda_item", a) for a in sc.agenda]
        session["guiding_questions"] = [_record(q) for q in sc.questions]
        session["roles"] = [_record(r) for r in sc.roles]
        session["interventions"] = [
            {**_record(i), "points": [_record(p) for p in points_by_intervention.get(i.id, [])]}
            for i in sc.interventions
        ]
        session["takeaways"] = [rec("takeaway", t) for t in sc.takeaways]
        session["timer_log"] = [_record(e) for e in sc.timer_log]
        sessions.append(session)
    series = _record(content.series)
    series["topics"] = [rec("topic", t) for t in content.topics]
    series["participants"] = [_record(p) for p in content.participants]
    series["sessions"] = sessions
    head: dict[str, Any] = {"format": FORMAT_ID, "version": FORMAT_VERSION}
    head["personal_data"] = PERSONAL_DATA[redacted]
    if content.as_of_ms is not None:
        head["as_of"] = _moment(content.as_of_ms)
    if redacted:
        head["redaction"] = REDACTION
    return {**head, "series": series}


def _moment(ms: int) -> str:
    moment = dt.datetime.fromtimestamp(ms / 1000, dt.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _as_of(data: dict[str, Any]) -> int | None:
    """The milliseconds of the optional "as_of": when the archive's content stood."""
    value = data.get("as_of")
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        if not isinstance(value, str) or moment.tzinfo is None:
            raise ValueError(value)
    except ValueError:
        raise _fail("as_of", _("expected a date and time in ISO 8601")) from None
    return round(moment.timestamp() * 1000)


def dumps(content: m.SeriesContent, redacted: bool = False) -> str:
    return json.dumps(series_to_json(content, redacted), ensure_ascii=False, indent=2) + "\n"


def personal_data(data: Any) -> str:
    """ "full" or "redacted" (documents before v3 say nothing: an archive, "full")."""
    value = data.get("personal_data", "full") if isinstance(data, dict) else "full"
    return value if value in PERSONAL_DATA else "full"


# --- reading -------------------------------------------------------------------------------


def _list(data: dict[str, Any], key: str, path: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise _fail(f"{path}.{key}", _("expected a list"))
    return value


def series_from_json(data: Any) -> m.SeriesContent:
    """Validate a parsed document and build the series; raises JsonFormatError naming the field."""
    if not isinstance(data, dict):
        raise _fail("$", _("expected an object"))
    if data.get("format") != FORMAT_ID:
        raise _fail("format", _("expected “{expected}”").format(expected=FORMAT_ID))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _fail("version", _("expected a whole number"))
    if version > FORMAT_VERSION:
        raise JsonFormatError(
            _(
                "This JSON was written by a newer version of Facilitator (format {found}, this version reads up to {supported}); update Facilitator."
            ).format(found=version, supported=FORMAT_VERSION)
        )
    if data.get("personal_data", "full") not in PERSONAL_DATA:
        raise _fail(
            "personal_data",
            _("unknown value “{value}”, expected one of {allowed}").format(
                value=data.get("personal_data"), allowed=comma_join(PERSONAL_DATA)
            ),
        )
    raw = data.get("series")
    if not isinstance(raw, dict):
        raise _fail("series", _("expected an object"))
    series = parse_record(m.Series, raw, "series", {})
    content = m.SeriesContent(series=series, as_of_ms=_as_of(data))
    up = {"series_id": series.id}
    for n, item in enumerate(_list(raw, "topics", "series")):
        topic = parse_record(m.Topic, item, f"series.topics[{n}]", {**up, "position": n})
        content.topics.append(topic)
        content.translations += json_versions.parse("topic", topic, item, f"series.topics[{n}]")
    for n, item in enumerate(_list(raw, "participants", "series")):
        content.participants.append(
            parse_record(m.Participant, item, f"series.participants[{n}]", up)
        )
    for n, item in enumerate(_list(raw, "sessions", "series")):
        content.sessions.append(
            _parse_session(item, f"series.sessions[{n}]", series.id, n, content.translations)
        )
    _check_references(content)
    return content


def _parse_session(
    raw: Any, path: str, series_id: str, position: int, versions: list[m.Translation]
) -> m.SessionContent:
    session = parse_record(m.Session, raw, path, {"series_id": series_id, "position": position})
    versions += json_versions.parse("session", session, raw, path)
    up = {"session_id": session.id}
    sc = m.SessionContent(session=session)
    for n, item in enumerate(_list(raw, "agenda", path)):
        where = f"{path}.agenda[{n}]"
        sc.agenda.append(parse_record(m.AgendaItem, item, where, {**up, "position": n}))
        versions += json_versions.parse("agenda_item", sc.agenda[-1], item, where)
    for n, item in enumerate(_list(raw, "guiding_questions", path)):
        sc.questions.append(
            parse_record(
                m.GuidingQuestion, item, f"{path}.guiding_questions[{n}]", {**up, "position": n}
            )
        )
    for n, item in enumerate(_list(raw, "roles", path)):
        sc.roles.append(parse_record(m.SessionRole, item, f"{path}.roles[{n}]", up))
    for n, item in enumerate(_list(raw, "interventions", path)):
        where = f"{path}.interventions[{n}]"
        intervention = parse_record(m.Intervention, item, where, up)
        sc.interventions.append(intervention)
        for k, point in enumerate(_list(item, "points", where)):
            sc.points.append(
                parse_record(
                    m.Point,
                    point,
                    f"{where}.points[{k}]",
                    {"intervention_id": intervention.id, "position": k},
                )
            )
    for n, item in enumerate(_list(raw, "takeaways", path)):
        where = f"{path}.takeaways[{n}]"
        sc.takeaways.append(parse_record(m.Takeaway, item, where, {**up, "position": n}))
        versions += json_versions.parse("takeaway", sc.takeaways[-1], item, where)
    for n, item in enumerate(_list(raw, "timer_log", path)):
        sc.timer_log.append(parse_record(m.TimerEvent, item, f"{path}.timer_log[{n}]", up))
    return sc


def _check_references(content: m.SeriesContent) -> None:
    seen: set[str] = set()

    def unique(record: Any, path: str) -> None:
        if record.id in seen:
            raise _fail(f"{path}.id", _("the id {id} is used twice").format(id=record.id))
        seen.add(record.id)

    def known(value: str | None, ids: set[str], path: str) -> None:
        if value is not None and value not in ids:
            raise _fail(path, _("refers to {id}, which is not in this series").format(id=value))

    unique(content.series, "series")
    topics = {t.id for t in content.topics}
    people = {p.id for p in content.participants}
    for n, t in enumerate(content.topics):
        unique(t, f"series.topics[{n}]")
    for n, p in enumerate(content.participants):
        unique(p, f"series.participants[{n}]")
    for s, sc in enumerate(content.sessions):
        path = f"series.sessions[{s}]"
        unique(sc.session, path)
        items = {a.id for a in sc.agenda}
        questions = {q.id for q in sc.questions}
        points = {p.id for p in sc.points}
        groups = [
            ("agenda", sc.agenda),
            ("guiding_questions", sc.questions),
            ("roles", sc.roles),
            ("takeaways", sc.takeaways),
            ("timer_log", sc.timer_log),
        ]
        for key, records in groups:
            for n, record in enumerate(records):
                unique(record, f"{path}.{key}[{n}]")
        for n, r in enumerate(sc.roles):
            known(r.participant_id, people, f"{path}.roles[{n}].participant_id")
        by_intervention: dict[str, int] = {}
        for n, i in enumerate(sc.interventions):
            where = f"{path}.interventions[{n}]"
            unique(i, where)
            by_intervention[i.id] = n
            known(i.agenda_item_id, items, f"{where}.agenda_item_id")
            known(i.participant_id, people, f"{where}.participant_id")
        counters: dict[str, int] = {}
        for p in sc.points:
            k = counters.get(p.intervention_id, 0)
            counters[p.intervention_id] = k + 1
            where = f"{path}.interventions[{by_intervention[p.intervention_id]}].points[{k}]"
            unique(p, where)
            known(p.topic_id, topics, f"{where}.topic_id")
            known(p.question_id, questions, f"{where}.question_id")
        for n, t in enumerate(sc.takeaways):
            known(t.topic_id, topics, f"{path}.takeaways[{n}].topic_id")
            for k, pid in enumerate(t.point_ids):
                known(pid, points, f"{path}.takeaways[{n}].point_ids[{k}]")
        for n, e in enumerate(sc.timer_log):
            known(e.agenda_item_id, items, f"{path}.timer_log[{n}].agenda_item_id")


def loads(text: str, source: str = "JSON") -> m.SeriesContent:
    try:
        data = safe_json.loads(text)
    except safe_json.TooDeep:
        raise JsonFormatError(
            _(
                "{source} is not a series JSON: its lists or objects are nested too deeply to "
                "read; nothing was imported."
            ).format(source=source)
        ) from None
    except json.JSONDecodeError as error:
        raise JsonFormatError(
            _(
                "{source} is not valid JSON (line {line}, column {column}: {detail}); fix it and try again."
            ).format(
                source=source,
                line=format_number(error.lineno),
                column=format_number(error.colno),
                detail=safe_json.reason(error.msg),
            )
        ) from error
    return series_from_json(data)
