"""Undoable actions on saved entries (domain.undo.Command), each one committed when it runs.

Undo of a save tombstones what was saved, undo of a delete restores the tombstoned records,
undo of an edit writes the previous values back as a new edit: every step is an ordinary
write with fresh clock stamps, so it merges with colleagues' files like any other change.
"""

from __future__ import annotations

import copy

from facilitator.domain.entry import Entry
from facilitator.i18n import _

from . import notes_store as store
from .database import Database


class SaveNew:
    """A new intervention was saved (the save itself happens before the push)."""

    def __init__(self, db: Database, intervention_id: str) -> None:
        self.db, self.intervention_id = db, intervention_id
        self.point_ids: list[str] | None = None  # set once undone

    def redo(self) -> None:
        if self.point_ids is not None:  # a redo after an undo
            store.restore_intervention(self.db, self.intervention_id, self.point_ids)

    def undo(self) -> None:
        self.point_ids = store.delete_intervention(self.db, self.intervention_id)

    def label(self) -> str:
        return _("Save of a new intervention")


class Edit:
    def __init__(self, db: Database, before: Entry, after: Entry) -> None:
        self.db = db
        self.before, self.after = copy.deepcopy(before), copy.deepcopy(after)

    def redo(self) -> None:
        store.apply_changes(self.db, self.before, self.after)

    def undo(self) -> None:
        store.apply_changes(self.db, self.after, self.before)

    def label(self) -> str:
        return _("Edit of an intervention")


class Delete:
    def __init__(self, db: Database, intervention_id: str) -> None:
        self.db, self.intervention_id = db, intervention_id
        self.point_ids: list[str] = []

    def redo(self) -> None:
        self.point_ids = store.delete_intervention(self.db, self.intervention_id)

    def undo(self) -> None:
        store.restore_intervention(self.db, self.intervention_id, self.point_ids)

    def label(self) -> str:
        return _("Deletion of an intervention")
