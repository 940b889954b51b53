"""Participants of a series, their registrations and attendance per session. All SQL here.

Registration and attendance are SessionRole records (one per person and session), so the
figures of a report are computed from them (domain.participation), never typed. Merging two
records of one person moves everything that pointed to the duplicate (interventions, roles)
to the record kept, then tombstones the duplicate, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from facilitator.domain import model as m
from facilitator.domain.participation import ParticipationFigures, compute_figures
from facilitator.domain.text import clean_name, fold

from . import repository as repo
from .database import Database

if TYPE_CHECKING:  # the registration-list reader (csv, its words) is not needed to open a file
    from facilitator.domain.roster_csv import RosterRow

NAME_FIELDS = ("name", "title", "organisation", "country", "email")
FILLABLE = ("title", "organisation", "country", "email", "gender")
UNKNOWN_GROUP = ("", "other")  # no group recorded: any group found elsewhere fills it


def list_participants(db: Database, series_id: str) -> list[m.Participant]:
    return sorted(repo.roster(db, series_id), key=lambda p: fold(p.name))


def _cleaned(values: dict[str, Any]) -> dict[str, Any]:
    return {k: clean_name(v) if k in NAME_FIELDS else v for k, v in values.items()}


def add_participant(db: Database, participant: m.Participant) -> m.Participant:
    for name in NAME_FIELDS:
        setattr(participant, name, clean_name(getattr(participant, name)))
    return repo.insert(db, participant)


def update_participant(db: Database, participant_id: str, **changes: Any) -> m.Participant:
    return repo.update(db, m.Participant, participant_id, **_cleaned(changes))


def duplicate_groups(db: Database, series_id: str) -> list[list[m.Participant]]:
    """People recorded more than once: same name (case and accents aside) or same e-mail."""
    people = list_participants(db, series_id)
    parent = {p.id: p.id for p in people}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    first: dict[str, str] = {}
    for person in people:
        for key in ("n:" + fold(person.name), "e:" + fold(person.email) if person.email else ""):
            if not key:
                continue
            if key in first:
                parent[root(person.id)] = root(first[key])
            else:
                first[key] = person.id
    groups: dict[str, list[m.Participant]] = {}
    for person in people:
        groups.setdefault(root(person.id), []).append(person)
    return [g for g in groups.values() if len(g) > 1]


def merge_participants(db: Database, keep_id: str, other_ids: list[str]) -> m.Participant:
    """Fold `other_ids` into `keep_id`: their interventions and roles now point to it."""
    others = [o for o in other_ids if o != keep_id]
    with db.transaction():
        keep = repo.get(db, m.Participant, keep_id)
        fill: dict[str, Any] = {}
        for other_id in others:
            other = repo.get(db, m.Participant, other_id)
            for name in FILLABLE:
                if not getattr(keep, name) and not fill.get(name) and getattr(other, name):
                    fill[name] = getattr(other, name)
            if (
                keep.stakeholder_group in UNKNOWN_GROUP
                and other.stakeholder_group not in UNKNOWN_GROUP
            ):
                fill.setdefault("stakeholder_group", other.stakeholder_group)
            for intervention in repo.find(db, m.Intervention, participant_id=other_id):
                repo.update(db, m.Intervention, intervention.id, participant_id=keep_id)
            for role in repo.find(db, m.SessionRole, participant_id=other_id):
                _move_role(db, role, keep_id)
            repo.delete(db, m.Participant, other_id)
        if fill:
            keep = repo.update(db, m.Participant, keep_id, **fill)
    return keep


def _move_role(db: Database, role: m.SessionRole, keep_id: str) -> None:
    existing = repo.find(db, m.SessionRole, session_id=role.session_id, participant_id=keep_id)
    if not existing:
        repo.update(db, m.SessionRole, role.id, participant_id=keep_id)
        return
    if role.attended and not existing[0].attended:
        repo.update(db, m.SessionRole, existing[0].id, attended=True)
    if existing[0].role == "participant" and role.role != "participant":
        repo.update(db, m.SessionRole, existing[0].id, role=role.role)
    repo.delete(db, m.SessionRole, role.id)


# --- registration and attendance --------------------------------------------------------


def session_roles(db: Database, session_id: str) -> dict[str, m.SessionRole]:
    """{participant id: role} of the people registered for a session."""
    return {r.participant_id: r for r in repo.find(db, m.SessionRole, session_id=session_id)}


def register(
    db: Database,
    session_id: str,
    participant_id: str,
    *,
    role: str | None = None,
    attended: bool | None = None,
) -> m.SessionRole:
    """Register a person for a session (once), optionally setting role and attendance."""
    with db.transaction():
        found = repo.find(db, m.SessionRole, session_id=session_id, participant_id=participant_id)
        if not found:
            record = m.SessionRole(
                session_id, participant_id, role or "participant", bool(attended)
            )
            return repo.insert(db, record)
        current = found[0]
        changes: dict[str, Any] = {}
        if role is not None and role != current.role:
            changes["role"] = role
        if attended is not None and attended != current.attended:
            changes["attended"] = attended
        return repo.update(db, m.SessionRole, current.id, **changes) if changes else current


def unregister(db: Database, session_id: str, participant_id: str) -> None:
    with db.transaction():
        for role in repo.find(
            db, m.SessionRole, session_id=session_id, participant_id=participant_id
        ):
            repo.delete(db, m.SessionRole, role.id)


def figures(db: Database, series_id: str, session_id: str) -> ParticipationFigures:
    interventions = repo.find(db, m.Intervention, session_id=session_id)
    return compute_figures(
        repo.find(db, m.Participant, series_id=series_id),
        repo.find(db, m.SessionRole, session_id=session_id),
        frozenset(i.participant_id for i in interventions if i.participant_id),  # they spoke
    )


# --- importing a registration list -------------------------------------------------------


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


class _Known:
    """The series' people indexed by folded e-mail and name, so matching a row of a list is a
    lookup, not a scan (a 10,000-row list against 10,000 people stays linear)."""

    def __init__(self, people: list[m.Participant]) -> None:
        self.by_email: dict[str, m.Participant] = {}
        self.by_name: dict[str, list[m.Participant]] = {}
        for person in people:
            self.add(person)

    def add(self, person: m.Participant) -> None:
        email = fold(person.email)
        if email:
            self.by_email.setdefault(email, person)
        self.by_name.setdefault(fold(person.name), []).append(person)

    def match(self, person: m.Participant) -> m.Participant | None:
        email = fold(person.email)
        if email and email in self.by_email:
            return self.by_email[email]
        organisation = fold(person.organisation)
        for known in self.by_name.get(fold(person.name), []):
            if (
                not organisation
                or not known.organisation
                or fold(known.organisation) == organisation
            ):
                return known
        return None


def import_roster(
    db: Database, series_id: str, session_id: str | None, rows: list[RosterRow]
) -> ImportReport:
    """Add the people of a registration list (all or nothing); known people are completed,
    never overwritten, and everyone is registered for `session_id` when one is given."""
    report = ImportReport()
    with db.transaction():
        people = _Known(repo.find(db, m.Participant, series_id=series_id))
        roles = (
            {r.participant_id: r for r in repo.find(db, m.SessionRole, session_id=session_id)}
            if session_id
            else {}
        )
        for row in rows:
            person = row.participant
            person.series_id = series_id
            known = people.match(person)
            if known is None:
                add_participant(db, person)
                people.add(person)
                report.added += 1
                known = person
            else:
                fill = {f: getattr(person, f) for f in FILLABLE if not getattr(known, f)}
                fill = {f: v for f, v in fill.items() if v}
                if (
                    known.stakeholder_group in UNKNOWN_GROUP
                    and person.stakeholder_group not in UNKNOWN_GROUP
                ):
                    fill["stakeholder_group"] = person.stakeholder_group
                if fill:
                    known = update_participant(db, known.id, **fill)
                    report.updated += 1
                else:
                    report.unchanged += 1
            if session_id:
                _register_known(db, roles, session_id, known.id, row)
    return report


def _register_known(
    db: Database, roles: dict[str, m.SessionRole], session_id: str, person_id: str, row: RosterRow
) -> None:
    """`register` with the session's roles already read (one query for the whole list)."""
    role = row.role if row.role != "participant" else None
    current = roles.get(person_id)
    if current is None:
        record = m.SessionRole(session_id, person_id, role or "participant", bool(row.attended))
        roles[person_id] = repo.insert(db, record)
        return
    changes: dict[str, Any] = {}
    if role is not None and role != current.role:
        changes["role"] = role
    if row.attended is not None and row.attended != current.attended:
        changes["attended"] = row.attended
    if changes:
        roles[person_id] = repo.update(db, m.SessionRole, current.id, **changes)
