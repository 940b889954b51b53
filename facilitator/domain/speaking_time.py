"""Speaking time of a session by stakeholder group, with the moderator's chairing apart.

The moderator opens, introduces, gives the floor and closes: that time is chairing, not a
statement of her stakeholder group, so a report shows it on its own line (issue 16: the
moderator's chairing was counted as civil society speaking). Qt-free and pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitator.domain import model as m
from facilitator.domain.figures import intervention_seconds
from facilitator.domain.summary import speaker_group


@dataclass
class SpeakingTime:
    by_group: dict[str, float] = field(default_factory=dict)  # seconds, largest first
    chairing: float = 0.0  # seconds spoken by the session's moderators

    @property
    def total(self) -> float:
        return sum(self.by_group.values()) + self.chairing


def speaking_time(content: m.SessionContent, participants: list[m.Participant]) -> SpeakingTime:
    people = {p.id: p for p in participants}
    moderators = {r.participant_id for r in content.roles if r.role == "moderator"}
    found = SpeakingTime()
    for intervention in content.interventions:
        seconds = intervention_seconds(intervention)
        if not seconds:
            continue
        if intervention.participant_id in moderators:
            found.chairing += seconds
            continue
        group = speaker_group(intervention, people)
        found.by_group[group] = found.by_group.get(group, 0.0) + seconds
    found.by_group = dict(sorted(found.by_group.items(), key=lambda kv: -kv[1]))
    return found
