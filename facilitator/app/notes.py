"""What the Notes and Guiding questions pages read and write, on the open Document. Qt-free.

Reads are functions of a Document; writes are operations (functions of the database returning
the ChangeSet) to hand to DocumentSignals.run, so every page hears of them. The three steps a
note-taker can take back (save, edit, delete of an intervention) are both the operation and
its undo step: undo of a save tombstones what was saved, undo of a delete restores the
tombstoned records, undo of an edit writes the previous values back as a new edit. Every step
is an ordinary write with fresh clock stamps, so it merges with colleagues' files like any
other change.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet, Key
from facilitator.domain.entry import Entry
from facilitator.i18n import _
from facilitator.storage import Database
from facilitator.storage import notes_store as store
from facilitator.storage import participants_store as people_store
from facilitator.storage import repository as repo
from facilitator.storage.notes_query import InterventionRow, NotesFilter
from facilitator.storage.notes_store import Draft, describe_write_error

__all__ = [
    "Delete",
    "Draft",
    "InterventionRow",
    "NotesContext",
    "NotesFilter",
    "SaveEntry",
    "SynthesisEdit",
    "describe_write_error",
]

# What the notes table shows, and what the form's lists are made of.
TABLE_KINDS = ("intervention", "point", "participant")
CONTEXT_KINDS = ("agenda_item", "guiding_question", "topic", "session")
PEOPLE_KINDS = ("participant", "session_role")


# --- reads -------------------------------------------------------------------------------


@dataclass
class NotesContext:
    """The vocabulary of a session's entry form and filters."""

    agenda: list[m.AgendaItem] = field(default_factory=list)
    questions: list[m.GuidingQuestion] = field(default_factory=list)
    topics: list[m.Topic] = field(default_factory=list)
    people: list[m.Participant] = field(default_factory=list)


def context(doc: Document, session: m.Session) -> NotesContext:
    db = doc.db
    return NotesContext(
        agenda=repo.find(db, m.AgendaItem, session_id=session.id),
        questions=repo.find(db, m.GuidingQuestion, session_id=session.id),
        topics=repo.find(db, m.Topic, series_id=session.series_id),
        people=people_store.list_participants(db, session.series_id),
    )


def people(doc: Document, series_id: str) -> list[m.Participant]:
    return people_store.list_participants(doc.db, series_id)


def questions(doc: Document, session_id: str) -> list[m.GuidingQuestion]:
    return repo.find(doc.db, m.GuidingQuestion, session_id=session_id)


def topics(doc: Document, series_id: str) -> list[m.Topic]:
    return repo.find(doc.db, m.Topic, series_id=series_id)


def count_interventions(doc: Document, session_id: str, flt: NotesFilter) -> int:
    return store.count_interventions(doc.db, session_id, flt)


def list_interventions(
    doc: Document,
    session_id: str,
    flt: NotesFilter,
    offset: int,
    limit: int,
    *,
    after: tuple[str | None, int] | None = None,
    ids: list[str] | None = None,
) -> list[InterventionRow]:
    """A page of the notes table: `after` the key of the last row shown (keyset paging)."""
    return store.list_interventions(doc.db, session_id, flt, offset, limit, after=after, ids=ids)


def load_entry(doc: Document, intervention_id: str) -> Entry:
    return store.load_entry(doc.db, intervention_id)


def timer_item(doc: Document, session_id: str) -> str | None:
    """The agenda item the moderator's timer is on."""
    return store.current_agenda_item_id(doc.db, session_id)


def open_floor(doc: Document, session_id: str) -> m.Intervention | None:
    return store.open_floor(doc.db, session_id)


def drafts(doc: Document, session_id: str) -> list[Draft]:
    return store.drafts(doc.db, session_id)


def points_for_question(doc: Document, session_id: str, question_id: str) -> list[InterventionRow]:
    return store.points_for_question(doc.db, session_id, question_id)


# --- drafts (not undoable: they are the safety net under the typing) ----------------------


def save_draft(draft_id: str, entry: Entry, now: dt.datetime):
    def operation(db: Database) -> ChangeSet:
        store.save_draft(db, draft_id, entry, now)  # looked up at call time (crash tests wrap it)
        return ChangeSet.of(changed=[("draft", draft_id)])

    return operation


def delete_draft(draft_id: str):
    def operation(db: Database) -> ChangeSet:
        store.delete_draft(db, draft_id)
        return ChangeSet.of(deleted=[("draft", draft_id)])

    return operation


# --- interventions: operations that are their own undo steps ------------------------------


def _records(entry: Entry) -> list[Key]:
    intervention, points = entry.to_records()
    return [("intervention", intervention.id), *(("point", p.id) for p in points)]


def _edit_changes(before: Entry, after: Entry) -> ChangeSet:
    old = {p.id for p in before.points}
    new = {p.id for p in after.points}
    return ChangeSet.of(
        changed=[("intervention", after.intervention_id or ""), *(("point", i) for i in old & new)],
        added=[("point", i) for i in new - old],
        deleted=[("point", i) for i in old - new],
    )


class SaveEntry:
    """Save a new entry, or an edit of `base`: run it with signals.run(step, undo=step).

    Raises LookupError when the intervention being edited was deleted meanwhile."""

    def __init__(
        self,
        doc: Document,
        entry: Entry,
        *,
        base: Entry | None = None,
        new_speaker: m.Participant | None = None,
        draft_id: str | None = None,
    ) -> None:
        self.doc, self.entry, self.new_speaker, self.draft_id = doc, entry, new_speaker, draft_id
        self.base = copy.deepcopy(base) if base is not None and entry.intervention_id else None
        self.after: Entry | None = None
        self.point_ids: list[str] | None = None  # set once a new entry is undone
        self.intervention_id: str | None = None

    @property
    def editing(self) -> bool:
        return self.base is not None

    def __call__(self, db: Database) -> ChangeSet:
        self.intervention_id = store.save_entry(
            db, self.entry, base=self.base, new_speaker=self.new_speaker, draft_id=self.draft_id
        )
        self.after = copy.deepcopy(self.entry)
        if self.base is not None:
            return _edit_changes(self.base, self.after)
        speaker = [("participant", self.new_speaker.id)] if self.new_speaker else []
        return ChangeSet.of(added=[*_records(self.after), *speaker])

    def undo(self) -> ChangeSet:
        return self.doc.run(self._undo)

    def _undo(self, db: Database) -> ChangeSet:
        assert self.after is not None and self.intervention_id is not None
        if self.base is not None:
            store.apply_changes(db, self.after, self.base)
            return _edit_changes(self.after, self.base)
        self.point_ids = store.delete_intervention(db, self.intervention_id)
        return ChangeSet.of(deleted=_records(self.after))

    def redo(self) -> ChangeSet:
        return self.doc.run(self._redo)

    def _redo(self, db: Database) -> ChangeSet:
        assert self.after is not None and self.intervention_id is not None
        if self.base is not None:
            store.apply_changes(db, self.base, self.after)
            return _edit_changes(self.base, self.after)
        store.restore_intervention(db, self.intervention_id, self.point_ids or [])
        return ChangeSet.of(added=_records(self.after))

    def label(self) -> str:
        if self.base is not None:
            return _("Edit of an intervention")
        return _("Save of a new intervention")


class Delete:
    """Tombstone an intervention and its points: signals.run(step, undo=step)."""

    def __init__(self, doc: Document, intervention_id: str) -> None:
        self.doc, self.intervention_id = doc, intervention_id
        self.point_ids: list[str] = []

    def _keys(self) -> list[Key]:
        return [("intervention", self.intervention_id), *(("point", i) for i in self.point_ids)]

    def __call__(self, db: Database) -> ChangeSet:
        self.point_ids = store.delete_intervention(db, self.intervention_id)
        return ChangeSet.of(deleted=self._keys())

    def redo(self) -> ChangeSet:
        return self.doc.run(self)

    def undo(self) -> ChangeSet:
        return self.doc.run(self._restore)

    def _restore(self, db: Database) -> ChangeSet:
        store.restore_intervention(db, self.intervention_id, self.point_ids)
        return ChangeSet.of(added=self._keys())

    def label(self) -> str:
        return _("Deletion of an intervention")


# --- guiding questions ---------------------------------------------------------------------


class SynthesisEdit:
    """The synthesis of a question, saved while typing; undo writes the previous text back."""

    def __init__(self, doc: Document, question_id: str, before: str, after: str) -> None:
        self.doc, self.question_id, self.before, self.after = doc, question_id, before, after

    def _write(self, text: str):
        def operation(db: Database) -> ChangeSet:
            store.save_synthesis(db, self.question_id, text)
            return ChangeSet.of(changed=[("guiding_question", self.question_id)])

        return operation

    def __call__(self, db: Database) -> ChangeSet:
        return self._write(self.after)(db)

    def undo(self) -> ChangeSet:
        return self.doc.run(self._write(self.before))

    def redo(self) -> ChangeSet:
        return self.doc.run(self._write(self.after))

    def label(self) -> str:
        return _("Edit of a synthesis")
