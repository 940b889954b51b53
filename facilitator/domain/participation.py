"""Participation figures of a session, computed from the roster and attendance. Qt-free.

The seed report reads "Registered participants: 599; Participants: 368, including 24 Member
States, and over 100 CSO": Member States are counted as distinct countries (or delegations
when no country is recorded), civil society as distinct organisations, both among those who
attended. Exports and the participants dialog share this one computation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitator.domain import model as m
from facilitator.domain.text import fold


@dataclass
class ParticipationFigures:
    registered: int = 0
    attended: int = 0
    member_states: int = 0
    cso: int = 0
    by_gender: dict[str, int] = field(default_factory=dict)  # vocab.GENDERS code or ""
    by_group: dict[str, int] = field(default_factory=dict)  # among those who attended


def compute_figures(
    participants: list[m.Participant],
    roles: list[m.SessionRole],
    spoke: frozenset[str] = frozenset(),
) -> ParticipationFigures:
    """Figures of one session: `roles` are that session's registrations (SessionRole).

    A participant took part when ticked "attended" or when they spoke (their id is in
    `spoke`): six people who spoke are six participants even if nobody ticked the roster.
    Someone who spoke without a registration in this session (a name typed on the fly in the
    Notes) was there all the same: counted as registered and as a participant."""
    people = {p.id: p for p in participants}
    registered = {r.participant_id for r in roles}
    walk_ins = [
        m.SessionRole(session_id="", participant_id=pid, attended=True)
        for pid in sorted(spoke - registered)
        if pid in people
    ]
    figures = ParticipationFigures()
    states: set[str] = set()
    organisations: set[str] = set()
    seen: set[str] = set()
    for role in [*roles, *walk_ins]:
        if role.participant_id in seen:  # one person registered twice counts once
            continue
        seen.add(role.participant_id)
        figures.registered += 1
        person = people.get(role.participant_id)
        if not (role.attended or role.participant_id in spoke) or person is None:
            continue
        figures.attended += 1
        figures.by_gender[person.gender] = figures.by_gender.get(person.gender, 0) + 1
        group = person.stakeholder_group
        figures.by_group[group] = figures.by_group.get(group, 0) + 1
        if group == "member_state":
            states.add(fold(person.country or person.organisation or person.name))
        elif group == "civil_society":
            organisations.add(fold(person.organisation or person.name))
    figures.member_states = len(states)
    figures.cso = len(organisations)
    return figures
