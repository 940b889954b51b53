"""Removing personal data before a series leaves the team (Qt-free).

Two levels, both pure functions over a copy of the series:

- `redact_for_export` (every data export: JSON, CSV, XLSX): participants who did not agree to
  be named lose their name, title, organisation and e-mail; in sessions held under the Chatham
  House Rule interventions are attributed to a stakeholder group only (no person, no country);
  hidden names quoted in free text are replaced by "[…]".
- `redact_for_sharing` (the redacted copy of the file): the same, and nobody's e-mail is kept.

The redacted copy is written through the storage layer (a new file, renamed into place).
"""

from __future__ import annotations

import copy
import os
import re
import unicodedata
from pathlib import Path

from facilitator import settings
from facilitator.domain import model as m
from facilitator.domain.summary import speaker_group
from facilitator.storage import new_file

HIDDEN = "[…]"
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
    """Replaces names that must stay hidden, wherever free text quotes them (any case)."""

    def __init__(self, names: list[str]) -> None:
        names = sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True)
        self.pattern = (
            re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE) if names else None
        )

    def __call__(self, text: str) -> str:
        return self.pattern.sub(HIDDEN, text) if self.pattern and text else text


def hidden_people(content: m.SeriesContent) -> list[m.Participant]:
    return [p for p in content.participants if not p.may_be_named]


def scrubber_for(content: m.SeriesContent, everyone: bool = False) -> Scrubber:
    """Hidden names; with `everyone`, every participant's name (what people said in a Chatham
    House session may not be attributed, even to a speaker who is named in the report)."""
    people = content.participants if everyone else hidden_people(content)
    return Scrubber([p.name for p in people])


def _scrub_session(sc: m.SessionContent, scrub: Scrubber) -> None:
    s = sc.session
    for name in ("title", "subtitle", "organisers", "background", "objectives_text", "venue"):
        setattr(s, name, scrub(getattr(s, name)))
    for item in sc.agenda:
        item.title, item.speakers = scrub(item.title), scrub(item.speakers)
        item.description = scrub(item.description)
    for question in sc.questions:
        question.text, question.synthesis = scrub(question.text), scrub(question.synthesis)
    for intervention in sc.interventions:
        intervention.notes = scrub(intervention.notes)
    for point in sc.points:
        point.text = scrub(point.text)
    for takeaway in sc.takeaways:
        takeaway.text = scrub(takeaway.text)


def _detach_speakers(sc: m.SessionContent, people: dict[str, m.Participant]) -> None:
    """Chatham House Rule: an intervention names a stakeholder group, never a person."""
    for intervention in sc.interventions:
        intervention.stakeholder_group = speaker_group(intervention, people)
        intervention.participant_id = None
        intervention.country = ""
    for event in sc.timer_log:
        if event.action in ("floor", "end_floor"):
            event.payload = ""  # who had the floor


def redact_for_export(
    content: m.SeriesContent, session_ids: list[str] | None = None
) -> m.SeriesContent:
    """A copy of the series (only the chosen sessions) that is safe to hand out."""
    out = copy.deepcopy(content)
    if session_ids is not None:
        out.sessions = [sc for sc in out.sessions if sc.session.id in session_ids]
    scrub, scrub_all = scrubber_for(out), scrubber_for(out, everyone=True)
    people = {p.id: p for p in out.participants}
    for sc in out.sessions:
        # The JSON format keeps order by list position: lists go out in the order people set.
        sc.takeaways.sort(key=lambda t: t.position)
        _scrub_session(sc, scrub_all if sc.session.chatham_house else scrub)
        if sc.session.chatham_house:
            _detach_speakers(sc, people)
    for number, person in enumerate(out.participants, start=1):
        if not person.may_be_named:
            person.name = f"#{number}"
            person.title = person.organisation = person.email = ""
    out.series.title = scrub(out.series.title)
    out.series.description = scrub(out.series.description)
    return out


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
