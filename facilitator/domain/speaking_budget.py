"""Time budgets of stakeholder groups and delegations, and who has not spoken yet. Qt-free, pure.

A session may give a stakeholder group ("Civil society: 10 minutes") or a delegation (a
country: "Mali: 3 minutes") a budget of speaking time. The budgets are a session field, a list
of texts "group:<code>=<seconds>" or "delegation:<country>=<seconds>" (one JSON list in the
file and in the JSON format, merged like any other session field). The time used is the time
on the floor of this run of the timer (Timer.floors: a reset starts from nothing), counted for
the speaker's group and for their country alike.

The "has not spoken yet first" ordering puts those who have not taken the floor in this run
before those who have, points of order still first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from facilitator.domain import model as m
from facilitator.domain.speakers import Floor, QueueEntry
from facilitator.domain.vocab import STAKEHOLDER_GROUPS

GROUP, DELEGATION = "group", "delegation"
Key = tuple[str, str]  # (GROUP, code) or (DELEGATION, country as typed)


def parse_budget(text: str) -> tuple[Key, int] | None:
    """One stored budget, or None when it does not read as one."""
    kind, colon, rest = text.partition(":")
    name, equals, seconds = rest.rpartition("=")
    name = " ".join(name.split())
    if not colon or not equals or kind not in (GROUP, DELEGATION) or not name:
        return None
    if kind == GROUP and name not in STAKEHOLDER_GROUPS:
        return None
    try:
        value = int(seconds)
    except ValueError:
        return None
    return ((kind, name), value) if value > 0 else None


def read_budgets(entries: Iterable[str]) -> dict[Key, int]:
    """The budgets in seconds; what does not read is left out (a later entry wins)."""
    budgets: dict[Key, int] = {}
    for text in entries:
        found = parse_budget(text) if isinstance(text, str) else None
        if found is not None:
            key, seconds = found
            budgets[_norm_key(key, budgets)] = seconds
    return budgets


def _norm_key(key: Key, budgets: Mapping[Key, int]) -> Key:
    """A delegation named again in other letter case is the same delegation."""
    if key[0] != DELEGATION:
        return key
    same = next((k for k in budgets if k[0] == DELEGATION and _fold(k[1]) == _fold(key[1])), None)
    return same or key


def write_budgets(budgets: Mapping[Key, int]) -> list[str]:
    """The stored form, groups first (in the vocabulary's order), then delegations by name."""
    groups = [k for k in STAKEHOLDER_GROUPS if budgets.get((GROUP, k), 0) > 0]
    delegations: dict[str, int] = {}  # by the name as stored: spaces collapsed, case kept
    for (kind, name), seconds in budgets.items():
        name = " ".join(name.split())
        if kind == DELEGATION and seconds > 0 and name:
            same = next((d for d in delegations if _fold(d) == _fold(name)), name)
            delegations[same] = int(seconds)
    return [f"{GROUP}:{g}={int(budgets[(GROUP, g)])}" for g in groups] + [
        f"{DELEGATION}:{d}={delegations[d]}" for d in sorted(delegations, key=_fold)
    ]


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def who(speaker: Floor | QueueEntry, people: Mapping[str, m.Participant]) -> tuple[str, str]:
    """(stakeholder group code, country) a speaker speaks for: the participant's, else the
    group and country the moderator queued."""
    person = people.get(speaker.participant_id or "")
    if person is not None:
        return person.stakeholder_group, person.country
    return speaker.group, speaker.country


@dataclass(frozen=True)
class BudgetUse:
    key: Key
    budget: float  # seconds
    used: float  # seconds on the floor in this run

    @property
    def over(self) -> bool:
        return self.used > self.budget


def budget_use(
    budgets: Mapping[Key, int],
    floors: Sequence[Floor],
    people: Mapping[str, m.Participant],
    live: Floor | None = None,
) -> list[BudgetUse]:
    """Time used against each budget, in the order of `write_budgets`. `live` is the reading
    of the turn now on the floor (its time up to now), standing for the same turn in
    `floors`, which counts only up to the last event."""
    used: dict[Key, float] = dict.fromkeys(budgets, 0.0)
    folded = {_fold(k[1]): k for k in budgets if k[0] == DELEGATION}
    for floor in floors:
        if live is not None and floor.started == live.started:
            floor = live
        group, country = who(floor, people)
        if (GROUP, group) in used:
            used[(GROUP, group)] += floor.spoken
        delegation = folded.get(_fold(country)) if country else None
        if delegation is not None:
            used[delegation] += floor.spoken
    groups = [k for k in budgets if k[0] == GROUP]
    groups.sort(key=lambda k: list(STAKEHOLDER_GROUPS).index(k[1]))
    order = groups + sorted((k for k in budgets if k[0] == DELEGATION), key=lambda k: _fold(k[1]))
    return [BudgetUse(k, budgets[k], used[k]) for k in order]


# --- who has not spoken yet ------------------------------------------------------------------


def identity(speaker: Floor | QueueEntry) -> set[str]:
    """What tells a speaker again: the participant, else the group and country, else the name."""
    names = set()
    if speaker.participant_id:
        names.add(f"p:{speaker.participant_id}")
    if speaker.group:
        names.add(f"g:{speaker.group}:{_fold(speaker.country)}")
    elif speaker.speaker:
        names.add(f"n:{_fold(speaker.speaker)}")
    return names


def have_spoken(floors: Iterable[Floor]) -> set[str]:
    spoken: set[str] = set()
    for floor in floors:
        spoken |= identity(floor)
    return spoken


def has_spoken(entry: QueueEntry, spoken: set[str]) -> bool:
    return bool(identity(entry) & spoken)


def _rank(entry: QueueEntry, spoken: set[str]) -> int:
    if entry.speech == "point_of_order":
        return 0
    return 2 if has_spoken(entry, spoken) else 1


def not_spoken_first(queue: Sequence[QueueEntry], spoken: set[str]) -> list[QueueEntry]:
    """Points of order, then those who have not spoken yet, then the others; each in its
    order in the queue (the sort is stable)."""
    return sorted(queue, key=lambda e: _rank(e, spoken))


def queued_not_spoken_first(
    queue: Sequence[QueueEntry], entry: QueueEntry, spoken: set[str]
) -> list[QueueEntry]:
    """`entry` added where the ordering puts it: after every entry of its rank or a lower one,
    before the first of a higher rank (the moderator's own moves elsewhere stay)."""
    rank = _rank(entry, spoken)
    at = next((n for n, e in enumerate(queue) if _rank(e, spoken) > rank), len(queue))
    return [*queue[:at], entry, *queue[at:]]
