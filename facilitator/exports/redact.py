"""Removing personal data before a series leaves the team (Qt-free).

Two levels, both pure functions over a copy of the series:

- `redact_for_export` (every report and table, the shareable JSON): participants who did not
  agree to be named become "#n" and lose their title, organisation, country and e-mail; in
  sessions held under the Chatham House Rule interventions are attributed to a stakeholder
  group only (no person, no country) and what people said loses every name and identifying
  affiliation; hidden names quoted in free text, in any form (domain.names), become "[…]"; who
  had the floor in the timer log is redacted the same way.
- `redact_for_sharing` (the redacted copy of the file): the same, and nobody's e-mail is kept.

The redacted copy is written through the storage layer (a new file, renamed into place).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from facilitator import settings
from facilitator.domain import model as m
from facilitator.domain.names import HIDDEN, NameMatcher
from facilitator.domain.privacy import Change, Place
from facilitator.domain.summary import speaker_group
from facilitator.domain.tree_copy import tree_copy
from facilitator.storage import new_file

__all__ = ["HIDDEN", "Change", "Place", "Scrubber", "redact_for_export", "safe_text"]

# Characters XML (DOCX, XLSX) cannot hold: C0 controls but tab and newline, surrogates and
# the two non-characters; C1 controls are invisible debris in any case.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def safe_text(text: str | None) -> str:
    """Text every format can hold: NFC, CR/LF as newline, no control or invalid characters."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _UNSAFE.sub("", text))


class Scrubber:
    """Replaces names that must stay hidden wherever free text quotes them, in every form
    (domain.names: parts, titles, case, accents, diacritics), and records what it replaced."""

    def __init__(self, names: Sequence[str], affiliations: Sequence[str] = ()) -> None:
        self.matcher = NameMatcher(names, affiliations)
        self.changes: list[Change] | None = None  # set to a list to record the replacements

    def __call__(self, text: str, where: Place | None = None) -> str:
        if not text or not self.matcher:
            return text
        found = self.matcher.find(text)
        if not found:
            return text
        out = self.matcher.replace(text, HIDDEN)
        if where is not None and self.changes is not None:
            self.changes.append(Change(where, text, out, tuple(f.text for f in found)))
        return out


def hidden_people(content: m.SeriesContent) -> list[m.Participant]:
    return [p for p in content.participants if not p.may_be_named]


def scrubber_for(content: m.SeriesContent, everyone: bool = False) -> Scrubber:
    """Hidden names; with `everyone`, every participant's name (what people said in a Chatham
    House session may not be attributed, even to a speaker who is named in the report)."""
    people = content.participants if everyone else hidden_people(content)
    return Scrubber([p.name for p in people])


def affiliations(content: m.SeriesContent, sc: m.SessionContent) -> list[str]:
    """What identifies a speaker under the Chatham House Rule besides the name: the
    organisations of the participants and the countries of Member State delegations."""
    found = [p.organisation for p in content.participants if p.organisation.strip()]
    found += [
        p.country
        for p in content.participants
        if p.country.strip() and p.stakeholder_group == "member_state"
    ]
    found += [i.country for i in sc.interventions if i.country.strip()]
    return found


def _scrub_session(sc: m.SessionContent, scrub: Scrubber, statements: Scrubber) -> None:
    """Names out of every text of a session; `statements` (affiliations too under the Rule)
    for what people said."""
    s, sid = sc.session, sc.session.id
    for name in ("title", "subtitle", "organisers", "background", "objectives_text", "venue"):
        setattr(s, name, scrub(getattr(s, name), Place(sid, "session", s.id, name)))
    for item in sc.agenda:
        for name in ("title", "speakers", "description"):
            where = Place(sid, "agenda", item.id, name, item.position + 1)
            setattr(item, name, scrub(getattr(item, name), where))
    for question in sc.questions:
        where = Place(sid, "question", question.id, "text", question.position + 1)
        question.text = scrub(question.text, where)
        where = Place(sid, "question", question.id, "synthesis", question.position + 1)
        question.synthesis = statements(question.synthesis, where)
    numbers = {i.id: n for n, i in enumerate(sc.interventions, start=1)}
    for intervention in sc.interventions:
        where = Place(sid, "intervention", intervention.id, "notes", numbers[intervention.id])
        intervention.notes = statements(intervention.notes, where)
    for point in sc.points:
        where = Place(sid, "point", point.id, "text", numbers.get(point.intervention_id))
        point.text = statements(point.text, where)
    for takeaway in sc.takeaways:
        # The report's own text (a topic's lead and paragraphs) is no take-away to the reader.
        kind = "narrative" if takeaway.kind == "narrative" else "takeaway"
        where = Place(sid, kind, takeaway.id, "text", takeaway.position + 1)
        takeaway.text = statements(takeaway.text, where)


def _detach_speakers(sc: m.SessionContent, people: dict[str, m.Participant]) -> None:
    """Chatham House Rule: an intervention names a stakeholder group, never a person."""
    for intervention in sc.interventions:
        intervention.stakeholder_group = speaker_group(intervention, people)
        intervention.participant_id = None
        intervention.country = ""


def _taking_part_under_the_rule(content: m.SeriesContent) -> set[str]:
    """The people with a part, an intervention or a turn at the floor in a Chatham House
    session of `content`."""
    ids: set[str] = set()
    for sc in content.sessions:
        if sc.session.chatham_house:
            ids.update(r.participant_id for r in sc.roles)
            ids.update(i.participant_id for i in sc.interventions if i.participant_id)
    return ids


def _redact_payloads(
    sc: m.SessionContent, chatham: bool, numbers: dict[str, str], scrub: Scrubber
) -> None:
    """Who had the floor, in the timer log: a group only under the Rule, the placeholder of
    a person who did not agree to be named, and no hidden name in a typed one."""
    for event in sc.timer_log:
        if not event.payload:
            continue
        try:
            data = json.loads(event.payload)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            event.payload = scrub(event.payload)
            continue
        who = data.get("participant_id")
        if chatham:
            data["speaker"], data["participant_id"], data["country"] = "", None, ""
        elif isinstance(who, str) and who in numbers:
            data["speaker"], data["country"] = numbers[who], ""
        elif isinstance(data.get("speaker"), str):
            data["speaker"] = scrub(data["speaker"])
        event.payload = json.dumps(data, ensure_ascii=False, sort_keys=True)


def redact_for_export(
    content: m.SeriesContent,
    session_ids: list[str] | None = None,
    changes: list[Change] | None = None,
) -> m.SeriesContent:
    """A copy of the series (only the chosen sessions) that is safe to hand out; what was
    replaced in free text is appended to `changes` when given."""
    out = tree_copy(content)  # what copy.deepcopy gives, faster
    if session_ids is not None:
        out.sessions = [sc for sc in out.sessions if sc.session.id in session_ids]
    # The Rule: "neither the identity nor the affiliation of the speaker(s), nor that of any
    # other participant, may be revealed". Whoever takes part in such a session is named by no
    # export of it, whatever they agreed to for open sessions.
    covered = _taking_part_under_the_rule(out)
    for person in out.participants:
        if person.id in covered:
            person.may_be_named = False
    scrub, scrub_all = scrubber_for(out), scrubber_for(out, everyone=True)
    people = {p.id: p for p in out.participants}
    numbers = {p.id: f"#{n}" for n, p in enumerate(out.participants, start=1) if not p.may_be_named}
    scrubbers: dict[tuple[str, str], tuple[Scrubber, str | None, int | None]] = {
        ("topic", t.id): (scrub, None, None) for t in out.topics
    }
    for sc in out.sessions:
        # The JSON format keeps order by list position: lists go out in the order people set.
        sc.takeaways.sort(key=lambda t: t.position)
        chatham = sc.session.chatham_house
        statements = (
            Scrubber([p.name for p in out.participants], affiliations(out, sc))
            if chatham
            else scrub
        )
        statements.changes = scrub_all.changes = scrub.changes = changes
        _scrub_session(sc, scrub_all if chatham else scrub, statements)
        for t in sc.takeaways:
            scrubbers[("takeaway", t.id)] = (statements, sc.session.id, t.position + 1)
        texts = scrub_all if chatham else scrub
        scrubbers[("session", sc.session.id)] = (texts, sc.session.id, None)
        for a in sc.agenda:
            scrubbers[("agenda_item", a.id)] = (texts, sc.session.id, a.position + 1)
        _redact_payloads(sc, chatham, numbers, scrub_all if chatham else scrub)
        if chatham:
            _detach_speakers(sc, people)
    for person in out.participants:
        if not person.may_be_named:
            person.name = numbers[person.id]
            person.title = person.organisation = person.email = person.country = ""
    scrub.changes = changes
    out.series.title = scrub(out.series.title, Place(None, "series", out.series.id, "title"))
    out.series.description = scrub(
        out.series.description, Place(None, "series", out.series.id, "description")
    )
    for topic in out.topics:
        topic.name = scrub(topic.name, Place(None, "topic", topic.id, "name"))
        topic.description = scrub(topic.description)
    _scrub_versions(out, scrubbers)
    return out


def _scrub_versions(
    out: m.SeriesContent,
    scrubbers: dict[tuple[str, str], tuple[Scrubber, str | None, int | None]],
) -> None:
    """Each version in another language through its original's scrubber (under the Chatham
    House Rule a translated take-away loses names and affiliations as its original does);
    versions of texts not in the chosen sessions are left out."""
    kept = []
    for t in out.translations:
        found = scrubbers.get((t.owner_table, t.owner_id))
        if found is not None:
            scrub, sid, number = found
            record = "agenda" if t.owner_table == "agenda_item" else t.owner_table
            # The field says which version: "text:fr" (app.privacy.place_text reads it).
            where = Place(sid, record, t.owner_id, f"{t.owner_field}:{t.language}", number)
            t.text = scrub(t.text, where)
            kept.append(t)
    out.translations = kept


def redact_for_sharing(content: m.SeriesContent) -> m.SeriesContent:
    out = redact_for_export(content)
    for person in out.participants:
        person.email = ""
    return out


def write_redacted_file(content: m.SeriesContent, output: str | os.PathLike) -> None:
    """A new Facilitator file holding the redacted series, renamed into place at the end."""
    output = Path(output)
    tmp = output.with_name(f".{output.name}.redacting-{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    new_file.write_new_file(tmp, redact_for_sharing(content), device=settings.device_id())
    try:
        os.replace(tmp, output)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        from facilitator.exports.atomic import cannot_write

        raise cannot_write(output, error) from error
