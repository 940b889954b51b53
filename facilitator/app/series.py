"""The series' details, its topics codebook and the roles of a session. Qt-free.

Series and topics are prepare.Steps (see app.prepare). The roles (moderator, rapporteur,
note-takers) are session_role rows over the series' roster (docs/file-format.md), written as
RecordSteps over the roster and the session's roles: a typed name that is nobody in the
roster adds that person in the same undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from facilitator.domain import model as m
from facilitator.domain.text import clean_name, fold
from facilitator.i18n import _
from facilitator.storage import Database
from facilitator.storage import participants_store as people_store
from facilitator.storage import prepare_agenda as agenda_store
from facilitator.storage import prepare_sessions as session_store
from facilitator.storage import repository as repo

from .document import Document
from .prepare import AddStep, Step
from .record_undo import RecordStep

# What the roles group shows: a change of any of these kinds makes it read again.
ROLE_KINDS = ("participant", "session_role")
# The roles the Overview names; a person holds one role per session.
SINGLE_ROLES = ("moderator", "rapporteur")
NOTE_TAKER = "note_taker"

# --- the series -------------------------------------------------------------------------------


def series(doc: Document) -> m.Series | None:
    return repo.get_series(doc.db)


def edit_series(doc: Document, series_id: str, **changes: Any) -> Step:
    """Change the series' title and/or description; undo writes back what they replace."""
    before = repo.get(doc.db, m.Series, series_id)
    old = {name: getattr(before, name) for name in changes if hasattr(before, name)}
    return Step(
        doc,
        _("Edit series details"),
        lambda db: session_store.update_series(db, series_id, **changes),
        lambda db: session_store.update_series(db, series_id, **old),
    )


# --- topics -----------------------------------------------------------------------------------


def topics(doc: Document, series_id: str) -> list[m.Topic]:
    return agenda_store.topics(doc.db, series_id)


def add_topic(doc: Document, series_id: str, name: str, **fields: Any) -> AddStep:
    return AddStep(
        doc,
        _("Add topic"),
        lambda db: agenda_store.add_topic(db, series_id, name, **fields),
        "topic",
    )


def edit_topic(doc: Document, topic_id: str, **changes: Any) -> Step:
    """Change some of name, description, colour."""
    before = repo.get(doc.db, m.Topic, topic_id)
    old = {name: getattr(before, name) for name in changes if hasattr(before, name)}
    return Step(
        doc,
        _("Edit topic"),
        lambda db: agenda_store.edit_topic(db, topic_id, **changes),
        lambda db: agenda_store.edit_topic(db, topic_id, **old),
    )


def delete_topic(doc: Document, topic_id: str) -> Step:
    """Refused (FacilitatorError, with the storage's message) when points use the topic."""
    return Step(
        doc,
        _("Delete topic"),
        lambda db: agenda_store.delete_topic(db, topic_id),
        lambda db: agenda_store.restore_topic(db, topic_id),
    )


def reorder_topics(doc: Document, series_id: str, ordered_ids: Sequence[str]) -> Step:
    old = [t.id for t in topics(doc, series_id)]
    new = list(ordered_ids)
    return Step(
        doc,
        _("Move topic"),
        lambda db: agenda_store.reorder_topics(db, series_id, new),
        lambda db: agenda_store.reorder_topics(db, series_id, old),
    )


# --- roles of a session -----------------------------------------------------------------------


@dataclass
class SessionRoles:
    """Who holds the roles the Overview names, as people of the roster."""

    moderator: m.Participant | None = None
    rapporteur: m.Participant | None = None
    note_takers: list[m.Participant] = field(default_factory=list)


def roster(doc: Document, series_id: str) -> list[m.Participant]:
    """The people of the series, by name: what the role pickers offer."""
    return people_store.list_participants(doc.db, series_id)


def roles(doc: Document, series_id: str, session_id: str) -> SessionRoles:
    people = {p.id: p for p in roster(doc, series_id)}
    out = SessionRoles()
    held = people_store.session_roles(doc.db, session_id).values()
    for role in sorted(
        held,
        key=lambda r: fold(people[r.participant_id].name) if r.participant_id in people else "",
    ):
        person = people.get(role.participant_id)
        if person is None:
            continue
        if role.role in SINGLE_ROLES:
            setattr(out, role.role, person)
        elif role.role == NOTE_TAKER:
            out.note_takers.append(person)
    return out


def _scope(series_id: str, session_id: str):
    def read(db: Database) -> list[Any]:
        return [
            *repo.find(db, m.Participant, series_id=series_id),
            *repo.find(db, m.SessionRole, session_id=session_id),
        ]

    return read


def _person(db: Database, series_id: str, name: str) -> str:
    """The roster's person of that name (case and accents aside), else a new one."""
    wanted = fold(clean_name(name))
    for person in people_store.list_participants(db, series_id):
        if fold(person.name) == wanted:
            return person.id
    return people_store.add_participant(db, m.Participant(series_id, name)).id


def _release(db: Database, session_id: str, record: m.SessionRole) -> None:
    """Take a role off someone: who attended stays registered as a participant; a name
    picked by mistake leaves no registration behind (it would count in the figures)."""
    if record.attended:
        repo.update(db, m.SessionRole, record.id, role="participant")
    else:
        people_store.unregister(db, session_id, record.participant_id)


def set_role(doc: Document, series_id: str, session_id: str, role: str, name: str) -> RecordStep:
    """Give `role` (moderator or rapporteur) to the person named `name` (added to the roster
    when nobody has that name); an empty name leaves the role to nobody."""

    def write(db: Database) -> None:
        for record in repo.find(db, m.SessionRole, session_id=session_id, role=role):
            _release(db, session_id, record)
        if name.strip():
            person_id = _person(db, series_id, name)
            people_store.register(db, session_id, person_id, role=role)

    return RecordStep(doc, lambda: _("Change roles"), _scope(series_id, session_id), write)


def add_note_taker(doc: Document, series_id: str, session_id: str, name: str) -> RecordStep:
    def write(db: Database) -> None:
        person_id = _person(db, series_id, name)
        people_store.register(db, session_id, person_id, role=NOTE_TAKER)

    return RecordStep(doc, lambda: _("Change roles"), _scope(series_id, session_id), write)


def remove_role(doc: Document, series_id: str, session_id: str, person_id: str) -> RecordStep:
    """Take the person's role (say, note-taker) off them in this session."""

    def write(db: Database) -> None:
        for record in repo.find(db, m.SessionRole, session_id=session_id, participant_id=person_id):
            _release(db, session_id, record)

    return RecordStep(doc, lambda: _("Change roles"), _scope(series_id, session_id), write)
