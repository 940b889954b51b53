"""The participants dialog's reads and edits of the open file. Qt-free.

People belong to the series; registration and attendance are SessionRole records of one
session. Every edit is a RecordStep (one undo step) over the people of the series, their roles
in the session and, for a merge of duplicates, the roles and interventions that move: the
dialog runs `signals.run(step.operation, undo=step)`. A roster import is one step too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from facilitator.app.document import Document
from facilitator.app.record_undo import RecordStep, Scope
from facilitator.domain import model as m
from facilitator.domain.participation import ParticipationFigures
from facilitator.domain.roster_csv import RosterRow
from facilitator.i18n import _
from facilitator.storage import Database
from facilitator.storage import participants_store as store
from facilitator.storage import repository as repo
from facilitator.storage.notes_store import describe_write_error  # noqa: F401 (for the dialogs)
from facilitator.storage.participants_store import FILLABLE, ImportReport  # noqa: F401

# What the dialog shows: a change of any of these kinds makes it read again.
SHOWN_KINDS = ("participant", "session_role")


# --- reading ---------------------------------------------------------------------------------


def list_participants(doc: Document, series_id: str) -> list[m.Participant]:
    """The people of the series, by name."""
    return store.list_participants(doc.db, series_id)


def session_roles(doc: Document, session_id: str) -> dict[str, m.SessionRole]:
    """{participant id: role} of the people registered for a session."""
    return store.session_roles(doc.db, session_id)


def figures(doc: Document, series_id: str, session_id: str) -> ParticipationFigures:
    return store.figures(doc.db, series_id, session_id)


def duplicate_groups(doc: Document, series_id: str) -> list[list[m.Participant]]:
    return store.duplicate_groups(doc.db, series_id)


# --- edits, each one undo step -------------------------------------------------------------


def _scope(series_id: str, session_id: str | None, moved: Sequence[str] = ()) -> Scope:
    """The people of the series and their roles in the session; for `moved` people (a merge)
    also their roles in every session and their interventions."""

    def read(db: Database) -> list[Any]:
        records: list[Any] = repo.find(db, m.Participant, series_id=series_id)
        if session_id:
            records += repo.find(db, m.SessionRole, session_id=session_id)
        for person_id in moved:
            records += repo.find(db, m.SessionRole, participant_id=person_id)
            records += repo.find(db, m.Intervention, participant_id=person_id)
        return records

    return read


def _write_registration(
    db: Database, session_id: str, person_id: str, registered: bool, role: str, attended: bool
) -> None:
    if registered:
        store.register(db, session_id, person_id, role=role, attended=attended)
    else:
        store.unregister(db, session_id, person_id)


def save_participant(
    doc: Document,
    person: m.Participant,
    values: dict[str, Any],
    *,
    new: bool,
    session_id: str | None = None,
    registration: tuple[bool, bool, str] | None = None,
) -> RecordStep:
    """Add `person` (new) or change its fields to `values`; with `session_id`, also set its
    registration (registered, attended, role) in that session."""

    def write(db: Database) -> m.Participant:
        if new:
            for name, value in values.items():
                setattr(person, name, value)
            saved = store.add_participant(db, person)
        else:
            saved = store.update_participant(db, person.id, **values)
        if session_id and registration is not None:
            registered, attended, role = registration
            _write_registration(db, session_id, person.id, registered, role, attended)
        return saved

    label = (lambda: _("Add participant")) if new else (lambda: _("Edit participant"))
    return RecordStep(doc, label, _scope(person.series_id, session_id), write)


def set_registration(
    doc: Document,
    series_id: str,
    session_id: str,
    person_id: str,
    *,
    registered: bool | None = None,
    attended: bool | None = None,
) -> RecordStep:
    """Tick or untick "registered" or "attended" for one person in the session."""

    def write(db: Database) -> None:
        if registered is False:
            store.unregister(db, session_id, person_id)
        else:
            store.register(db, session_id, person_id, attended=attended)

    return RecordStep(doc, lambda: _("Change attendance"), _scope(series_id, session_id), write)


def merge_participants(
    doc: Document, series_id: str, keep_id: str, other_ids: list[str]
) -> RecordStep:
    """Fold the duplicates into `keep_id`: interventions and roles move to it (one step)."""
    moved = [keep_id, *(o for o in other_ids if o != keep_id)]
    return RecordStep(
        doc,
        lambda: _("Merge duplicates"),
        _scope(series_id, None, moved),
        lambda db: store.merge_participants(db, keep_id, other_ids),
    )


def import_roster(
    doc: Document, series_id: str, session_id: str | None, rows: list[RosterRow]
) -> RecordStep:
    """Import a registration list: one operation and one undo step; `step.result` is the
    ImportReport (added, completed, already known)."""
    return RecordStep(
        doc,
        lambda: _("Import a registration list"),
        _scope(series_id, session_id),
        lambda db: store.import_roster(db, series_id, session_id, rows),
    )
