"""What a note-taker is typing: one intervention with its points, as a plain value. Qt-free.

The entry form, the draft kept in the file, and the save all speak this one shape, so a draft
restored after a crash is exactly what was on the screen.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

from facilitator.domain import model as m
from facilitator.domain.text import clean_name, clean_text

# Timer actions after which the moderator is on a given agenda item.
MOVES = ("start", "next", "back", "goto")


@dataclass
class EntryPoint:
    text: str
    kind: str = "challenge"
    topic_id: str | None = None
    question_id: str | None = None
    gcm_objectives: list[int] = field(default_factory=list)
    id: str = field(default_factory=m.new_id)


@dataclass
class Entry:
    """An intervention being written: new (intervention_id None) or an edit of a saved one."""

    session_id: str
    intervention_id: str | None = None
    participant_id: str | None = None
    speaker_text: str = ""  # a new speaker's name when no participant is chosen
    stakeholder_group: str = ""
    country: str = ""
    language: str = ""
    agenda_item_id: str | None = None
    started_at: str | None = None
    ended_at: str | None = None
    notes: str = ""
    points: list[EntryPoint] = field(default_factory=list)
    # In a draft only: the point line as it was being typed, not yet added with Enter (its
    # text, classification and objectives), so a restored draft is what was on the screen.
    # A save takes it as the last point instead (never lose a word).
    point_line: EntryPoint | None = None

    def is_blank(self) -> bool:
        """Nothing worth keeping was typed (a bare speaker or time is not worth a draft)."""
        line = self.point_line.text.strip() if self.point_line else ""
        return not self.notes.strip() and not any(p.text.strip() for p in self.points) and not line

    def to_payload(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_payload(cls, payload: str) -> Entry:
        """Read a draft back; unknown keys (a newer app) are ignored, missing ones defaulted."""
        data: dict[str, Any] = json.loads(payload)
        names = {f.name for f in dataclasses.fields(cls)}
        point_names = {f.name for f in dataclasses.fields(EntryPoint)}
        points = [
            EntryPoint(**{k: v for k, v in p.items() if k in point_names})
            for p in data.get("points") or []
            if isinstance(p, dict) and "text" in p
        ]
        line = data.get("point_line")
        point_line = (
            EntryPoint(**{k: v for k, v in line.items() if k in point_names})
            if isinstance(line, dict) and "text" in line
            else None
        )
        values = {k: v for k, v in data.items() if k in names and k not in ("points", "point_line")}
        return cls(**values, points=points, point_line=point_line)

    def to_records(self) -> tuple[m.Intervention, list[m.Point]]:
        """The cleaned records this entry saves as (empty points dropped)."""
        intervention = m.Intervention(
            session_id=self.session_id,
            agenda_item_id=self.agenda_item_id,
            participant_id=self.participant_id,
            stakeholder_group=self.stakeholder_group,
            country=clean_name(self.country),
            language=self.language,
            started_at=self.started_at,
            ended_at=self.ended_at,
            notes=clean_text(self.notes).strip(),
        )
        if self.intervention_id:
            intervention.id = self.intervention_id
        points: list[m.Point] = []
        pending = [self.point_line] if self.point_line is not None else []
        for p in [*self.points, *pending]:
            text = clean_text(p.text).strip()
            if not text:
                continue
            points.append(
                m.Point(
                    intervention_id=intervention.id,
                    text=text,
                    kind=p.kind,
                    topic_id=p.topic_id,
                    question_id=p.question_id,
                    gcm_objectives=sorted(set(p.gcm_objectives)),
                    position=len(points),
                    id=p.id,
                )
            )
        return intervention, points

    @classmethod
    def from_records(cls, intervention: m.Intervention, points: list[m.Point]) -> Entry:
        return cls(
            session_id=intervention.session_id,
            intervention_id=intervention.id,
            participant_id=intervention.participant_id,
            stakeholder_group=intervention.stakeholder_group,
            country=intervention.country,
            language=intervention.language,
            agenda_item_id=intervention.agenda_item_id,
            started_at=intervention.started_at,
            ended_at=intervention.ended_at,
            notes=intervention.notes,
            points=[
                EntryPoint(p.text, p.kind, p.topic_id, p.question_id, list(p.gcm_objectives), p.id)
                for p in points
            ],
        )


def current_agenda_item(log: list[m.TimerEvent]) -> str | None:
    """The agenda item the moderator is on, from the timer log (None before the start).

    The item of the latest start/next/back/goto event in the order the log was appended (as
    the timer replays it), not by time: after the clock was set back, a later move has an
    earlier time.
    """
    latest: m.TimerEvent | None = None
    for event in log:
        if event.action in MOVES:
            latest = event
    return latest.agenda_item_id if latest else None
