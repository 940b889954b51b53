"""Undo for operations that write inside a known *scope* of records. Qt-free.

The summary and the participants write through storage functions that do not say what they
touched (an import completes some people and registers others; a merge of duplicates moves
interventions and roles). Reading the scope (the take-aways of a session, the participants
and roles of a series...) before and after the write gives both the exact ChangeSet and the
undo step: write the records back as they were. Undo and redo are ordinary writes, stamped by
the device clock, so a merge after an undo carries the undo to the other files; a record
added by the operation is tombstoned on undo and restored on redo, never erased.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from facilitator.app.document import Document
from facilitator.domain.changes import ChangeSet, Key
from facilitator.errors import FacilitatorError
from facilitator.i18n import _
from facilitator.storage import Database
from facilitator.storage import repository as repo
from facilitator.storage.records import CLASS_OF, TABLE_OF

Scope = Callable[[Database], Iterable[Any]]
"""The live records an operation may add, change or delete (read before and after it)."""

Snapshot = dict[Key, Any]  # key -> the record, or None where it was absent or deleted


def snapshot(db: Database, scope: Scope) -> Snapshot:
    return {(TABLE_OF[type(r)], r.id): r for r in scope(db)}


def difference(before: Snapshot, after: Snapshot) -> ChangeSet:
    return ChangeSet.of(
        added=[k for k in after if k not in before],
        changed=[k for k in after if k in before and after[k] != before[k]],
        deleted=[k for k in before if k not in after],
    )


def _live(db: Database, cls: type, record_id: str) -> Any | None:
    try:
        return repo.get(db, cls, record_id)
    except LookupError:
        return None


def write_back(db: Database, target: Snapshot) -> ChangeSet:
    """Make each record of `target` what it says (None: deleted), whatever it is now."""
    added, changed, deleted = [], [], []
    for key, record in target.items():
        cls = CLASS_OF[key[0]]
        current = _live(db, cls, key[1])
        if record is None:
            if current is not None:
                repo.delete(db, cls, key[1])
                deleted.append(key)
            continue
        if current is None:
            repo.restore(db, cls, key[1])
            current = _live(db, cls, key[1])
            if current is None:  # erased by another program since: nothing to bring back
                raise FacilitatorError(
                    _(
                        "This item no longer exists (it was deleted, perhaps by a merge); "
                        "reload the list."
                    )
                )
            added.append(key)
        fields = {
            f.name: getattr(record, f.name)
            for f in dataclasses.fields(cls)
            if f.name != "id" and getattr(record, f.name) != getattr(current, f.name)
        }
        if fields:
            repo.update(db, cls, key[1], **fields)
            if key not in added:
                changed.append(key)
    return ChangeSet.of(added=added, changed=changed, deleted=deleted)


class RecordStep:
    """One user edit: `operation` runs it the first time (through signals.run), then the
    step undoes and redoes it on the document's history."""

    def __init__(
        self,
        doc: Document,
        label: Callable[[], str],
        scope: Scope,
        write: Callable[[Database], Any],
    ) -> None:
        self.doc = doc
        self._label, self._scope, self._write = label, scope, write
        self.before: Snapshot = {}
        self.after: Snapshot = {}
        self.result: Any = None  # what `write` returned (an import report, a record...)

    def operation(self, db: Database) -> ChangeSet:
        old = snapshot(db, self._scope)
        self.result = self._write(db)
        new = snapshot(db, self._scope)
        changes = difference(old, new)
        keys = changes.added | changes.changed | changes.deleted
        self.before = {k: old.get(k) for k in keys}
        self.after = {k: new.get(k) for k in keys}
        return changes

    def undo(self) -> ChangeSet:
        return self.doc.run(lambda db: write_back(db, self.before))

    def redo(self) -> ChangeSet:
        return self.doc.run(lambda db: write_back(db, self.after))

    def label(self) -> str:
        return self._label()  # translated when shown, in the language of the moment
