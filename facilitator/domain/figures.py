"""The figures of a session report: participation, speaking time, planned versus actual time.

Qt-free and pure. Participation is computed from the roster (SessionRole attendance and the
participants' stakeholder group and gender) by `participation.compute_figures`; when a session
has no registration list (only its speakers, or nobody), the figures reported by the organisers
(registered, attended, Member States, CSO) are used instead, as the seed report gives them.

Planned versus actual minutes per agenda item and the speaking time of every turn the
moderator gave come from the timer's state machine (domain/timer.py) replaying the timer log
in the order it was appended, exactly as the live timer does: after the clock was set back (and
the moderator answered the question), times are not in order and only the replay knows which
spans counted. Turns typed by note-takers alone keep their start and end times.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from facilitator.domain import model as m
from facilitator.domain import timer
from facilitator.domain.participation import compute_figures
from facilitator.domain.summary import speaker_group
from facilitator.domain.vocab import FIGURE_FIELDS


@dataclass
class Participation:
    registered: int | None = None
    attended: int | None = None
    member_states: int | None = None
    cso: int | None = None
    by_group: dict[str, int] = field(default_factory=dict)
    by_gender: dict[str, int] = field(default_factory=dict)
    from_roster: bool = False
    # vocab.FIGURE_QUALIFIERS per figure ("over" 100 CSO); computed figures are exact.
    qualifiers: dict[str, str] = field(default_factory=dict)


def qualifiers(session: m.Session) -> dict[str, str]:
    return {name: getattr(session, f"{name}_qualifier") or "exact" for name in FIGURE_FIELDS}


def participation(content: m.SessionContent, participants: list[m.Participant]) -> Participation:
    """Registered and attending figures: computed from the roster when there is one."""
    s = content.session
    reported = (s.registered, s.attended, s.member_states, s.cso)
    has_roster = any(r.role == "participant" for r in content.roles)
    if not has_roster and any(v is not None for v in reported):
        return Participation(*reported, qualifiers=qualifiers(s))
    spoke = frozenset(i.participant_id for i in content.interventions if i.participant_id)
    if not content.roles and not spoke:
        return Participation()
    figures = compute_figures(participants, content.roles, spoke)
    return Participation(
        registered=figures.registered,
        attended=figures.attended,
        member_states=figures.member_states,
        cso=figures.cso,
        by_group=dict(figures.by_group),
        by_gender=dict(figures.by_gender),
        from_roster=True,
    )


def parse_instant(value: str | None) -> dt.datetime | None:
    """An ISO 8601 instant ('2023-03-23T14:00:45Z') as an aware datetime, or None."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def intervention_seconds(intervention: m.Intervention) -> float:
    start, end = parse_instant(intervention.started_at), parse_instant(intervention.ended_at)
    if start is None or end is None or end <= start:
        return 0.0
    return (end - start).total_seconds()


def replay(content: m.SessionContent) -> timer.Timer:
    """The session's timer as the moderator's screen derived it (the log in appended order)."""
    agenda = sorted(content.agenda, key=lambda a: a.position)
    return timer.Timer(
        agenda, content.timer_log, content.session.warning_seconds, content.session.speaking_seconds
    )


def floor_seconds(content: m.SessionContent) -> dict[str, float]:
    """Time on the floor of each intervention opened by the moderator, by the replay."""
    return {f.intervention_id: f.spoken for f in replay(content).floors if f.intervention_id}


def speaking_time_by_group(
    content: m.SessionContent, participants: list[m.Participant]
) -> dict[str, float]:
    """Seconds spoken per stakeholder group, largest first."""
    people = {p.id: p for p in participants}
    timed = floor_seconds(content)
    totals: dict[str, float] = {}
    for intervention in content.interventions:
        seconds = timed.get(intervention.id)
        if seconds is None:
            seconds = intervention_seconds(intervention)
        if seconds:
            group = speaker_group(intervention, people)
            totals[group] = totals.get(group, 0.0) + seconds
    return dict(sorted(totals.items(), key=lambda kv: -kv[1]))


@dataclass
class ItemTime:
    item: m.AgendaItem
    planned_minutes: int
    added_seconds: int = 0  # extensions given by the moderator ("adjust")
    actual_seconds: float | None = None  # None: the item was never reached

    @property
    def actual_minutes(self) -> float | None:
        return None if self.actual_seconds is None else self.actual_seconds / 60


def planned_vs_actual(content: m.SessionContent) -> list[ItemTime]:
    """Per agenda item: planned minutes and the running (not paused) time the timer spent on it.

    The timer's own replay of the log (domain/timer.py) decides; a report reads it as of the
    last event replayed (the time the timer stood at then, not the latest time written), never
    the wall clock, so the same file always gives the same figures.
    """
    agenda = sorted(content.agenda, key=lambda a: a.position)
    replayed = replay(content)
    readings = replayed.readings(replayed.cursor or 0.0)
    return [
        ItemTime(
            item,
            item.planned_minutes,
            int(reading.adjusted_seconds),
            reading.actual_seconds if reading.started_at is not None else None,
        )
        for item, reading in zip(agenda, readings, strict=True)
    ]
