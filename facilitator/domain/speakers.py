"""Speakers: the moderator's queue and the turns on the floor, as plain values. No Qt, no SQL.

A queued speaker is a participant of the series, a stakeholder group ("Member State", "Civil
society") when the name is not to be given, or a name typed on the fly. Each carries its own
speaking-time limit (the session's default unless overridden). Giving the floor writes a
'floor' event whose JSON payload carries the same fields, so the speaker's countdown can be
derived from the timer log alone.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from facilitator.domain import model as m
from facilitator.domain.vocab import SPEECH_TYPES, STAKEHOLDER_GROUPS, label
from facilitator.i18n import _


@dataclass
class QueueEntry:
    speaker: str = ""  # a typed name, or the participant's name when it was queued
    participant_id: str | None = None
    group: str = ""  # vocab.STAKEHOLDER_GROUPS, when only the group speaks
    country: str = ""  # with a group: "Member State" of Mali
    limit: float = 180.0  # seconds
    speech: str = "statement"  # vocab.SPEECH_TYPES
    id: str = field(default_factory=m.new_id)


def queued(queue: list[QueueEntry], entry: QueueEntry) -> list[QueueEntry]:
    """The queue with `entry` added: at the end, or, for a point of order, before everyone
    but the points of order already waiting (they are heard in the order raised)."""
    if entry.speech != "point_of_order":
        return [*queue, entry]
    at = next((n for n, e in enumerate(queue) if e.speech != "point_of_order"), len(queue))
    return [*queue[:at], entry, *queue[at:]]


def queue_to_json(entries: list[QueueEntry]) -> str:
    return json.dumps([asdict(e) for e in entries], ensure_ascii=False)


def queue_from_json(text: str | None) -> list[QueueEntry]:
    """The stored queue; anything unreadable is left out rather than stopping the session."""
    try:
        raw = json.loads(text or "[]")
    except ValueError:
        return []
    entries = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        limit = item.get("limit")
        entries.append(
            QueueEntry(
                speaker=str(item.get("speaker") or ""),
                participant_id=item.get("participant_id") or None,
                group=str(item.get("group") or ""),
                country=str(item.get("country") or ""),
                limit=float(limit) if isinstance(limit, int | float) and limit > 0 else 180.0,
                speech=item.get("speech") if item.get("speech") in SPEECH_TYPES else "statement",
                id=str(item.get("id") or m.new_id()),
            )
        )
    return entries


@dataclass
class Floor:
    """One speaker's turn, from a 'floor' event to the next one, 'end_floor' or 'stop'."""

    speaker: str
    limit: float
    started: float
    participant_id: str | None = None
    group: str = ""
    country: str = ""
    intervention_id: str | None = None
    extra: float = 0.0  # 'extend_speaker' events
    spoken: float = 0.0  # time on the floor with the timer not paused
    ended: float | None = None

    @property
    def budget(self) -> float:
        return self.limit + self.extra

    @property
    def remaining(self) -> float:
        return self.budget - self.spoken


def floor_payload(entry: QueueEntry, intervention_id: str | None) -> str:
    """The JSON payload of the 'floor' event that gives `entry` the floor."""
    data = {
        "speaker": entry.speaker,
        "limit": entry.limit,
        "participant_id": entry.participant_id,
        "group": entry.group,
        "country": entry.country,
        "intervention_id": intervention_id,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def read_floor(payload: str, at: float, default_limit: float) -> Floor:
    """The turn a 'floor' event opens; a damaged payload still gives a turn (default limit)."""
    try:
        data = json.loads(payload or "{}")
    except ValueError:
        data = {}
    data = data if isinstance(data, dict) else {}
    limit = data.get("limit")
    return Floor(
        speaker=str(data.get("speaker") or ""),
        limit=float(limit) if isinstance(limit, int | float) and limit > 0 else default_limit,
        started=at,
        participant_id=data.get("participant_id") or None,
        group=str(data.get("group") or ""),
        country=str(data.get("country") or ""),
        intervention_id=data.get("intervention_id") or None,
    )


def speaker_label(
    speaker: QueueEntry | Floor, participants: Mapping[str, m.Participant] | None = None
) -> str:
    """The name to show: the participant's current name, else the typed name, else the group."""
    person = (participants or {}).get(speaker.participant_id or "")
    if person is not None and person.name:
        return person.name
    if speaker.speaker:
        return speaker.speaker
    group = label(STAKEHOLDER_GROUPS, speaker.group) if speaker.group else ""
    country = speaker.country
    return _("{group}, {country}").format(group=group, country=country) if country else group
