"""Merging colleagues' files into the open one, the conflicts merges leave, and copies for the
team: what the merge menu, dialog, report and conflicts view need. Qt-free.

A merge of many files runs on a worker thread through a connection of its own (`merge_into`),
so the window's connection stays on the GUI thread; once it is done, `merged_changes` tells
the open Document and returns what the pages must reload. Restoring a conflict's other
version is an operation with an undo step (`RestoreVersion`), run through the window's
signals like every other edit.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator import settings
from facilitator.app.document import Document, Operation
from facilitator.domain.changes import NOTHING, ChangeSet
from facilitator.i18n import _, format_span
from facilitator.storage import Database, open_file
from facilitator.storage import conflicts as _conflicts
from facilitator.storage import share as _share
from facilitator.storage.clock_skew import SKEW_MS
from facilitator.storage.conflicts import ConflictEntry, stamp_device, stamp_time
from facilitator.storage.share import SharedPlace, shared_place

if TYPE_CHECKING:
    from facilitator.storage.folder_merge import BatchReport, Outcome
    from facilitator.storage.merge import MergeReport

# The merge itself (folder_merge, merge, the checks of a file from elsewhere) is imported when
# a merge runs, not with the window's menu at start-up.
_LAZY = {
    "BatchReport": "facilitator.storage.folder_merge",
    "Outcome": "facilitator.storage.folder_merge",
    "MergeReport": "facilitator.storage.merge",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BatchReport",
    "ConflictEntry",
    "MergeReport",
    "Outcome",
    "RestoreVersion",
    "SharedPlace",
    "conflicts",
    "display_value",
    "merge_into",
    "merged_changes",
    "save_copy_for_team",
    "shared_place",
    "stamp_device",
    "stamp_time",
    "team_copy_name",
]

# --- merging ---------------------------------------------------------------------------------


def merge_into(
    target: Path,
    *,
    files: Sequence[Path] | None = None,
    folder: Path | None = None,
    allow_other_series: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchReport:
    """Merge `files`, or every new file of `folder`, into the file at `target`.

    For a worker thread: it opens and closes its own connection (SQLite connections stay on
    the thread that made them). Raises FacilitatorError when `target` cannot be opened."""
    from facilitator.storage.folder_merge import merge_files, merge_folder

    db = open_file(target, device=settings.device_id())
    try:
        options: dict[str, Any] = {
            "allow_other_series": allow_other_series,
            "progress": progress,
            "cancelled": cancelled,
        }
        if folder is not None:
            return merge_folder(db, folder, **options)
        return merge_files(db, list(files or []), **options)
    finally:
        db.close()


def merged_changes(doc: Document, batch: BatchReport) -> ChangeSet:
    """What a finished `merge_into` changed in `doc`, for DocumentSignals.announce.

    The merge report counts records per kind without naming them, so anything may have
    changed. Edits made after the merge are stamped after what it brought in."""
    doc.db.clock.observe(batch.max_stamp())
    doc.changed_elsewhere()  # the merge's own commits: the file watcher need not reload again
    if any(r.totals().changed or r.other_series for r in batch.merged()):
        return ChangeSet.all()
    return NOTHING


def clock_warning(doc: Document | None) -> str:
    """One line when this computer's clock is behind the newest change in the open file (its
    edits would then lose merges to older ones), else ""."""
    if doc is None or doc.db.clock_behind_ms <= SKEW_MS:
        return ""
    return _(
        "This computer's clock is {amount} behind the newest change in this file (or a "
        "colleague's clock ran ahead); correct the date and time so your edits win merges."
    ).format(amount=format_span(doc.db.clock_behind_ms / 1000))


# --- conflicts -------------------------------------------------------------------------------


def conflicts(doc: Document) -> list[ConflictEntry]:
    """Every conflict merges recorded in the file, the newest first."""
    return _conflicts.list_conflicts(doc.db)


def display_value(doc: Document, field: str, value: Any) -> str:
    """A stored value as people read it: a speaker's name rather than a participant id."""
    return _conflicts.display_value(doc.db, field, value)


class RestoreVersion:
    """Bring back the version of a field a merge did not keep; undo puts the kept one back."""

    def __init__(self, doc: Document, entry: ConflictEntry) -> None:
        self.doc, self.entry = doc, entry

    def changes(self) -> ChangeSet:
        if self.entry.field == _conflicts.DELETED:  # a record and its children come or go
            return ChangeSet.all()
        return ChangeSet.of(
            changed=[(self.entry.table, self.entry.record_id), ("merge_conflict", self.entry.id)]
        )

    def operation(self) -> Operation:
        """The first restore, for DocumentSignals.run(step.operation(), undo=step)."""

        def restore(db: Database) -> ChangeSet:
            _conflicts.restore_lost_version(db, self.entry.id)
            return self.changes()

        return restore

    def redo(self) -> ChangeSet:
        _conflicts.restore_lost_version(self.doc.db, self.entry.id)
        return self.changes()

    def undo(self) -> ChangeSet:
        _conflicts.undo_restore(self.doc.db, self.entry)
        return self.changes()

    def label(self) -> str:
        return _("Restore the other version")


# --- copies for the team ---------------------------------------------------------------------


def team_copy_name(doc: Document) -> str:
    """The name proposed for a copy sent to the team (the file's name and this laptop)."""
    return _share.team_copy_name(doc.db)


def save_copy_for_team(doc: Document, target: str | os.PathLike) -> Path:
    """A self-contained copy of the open file at `target` (no -wal beside it). Once the path
    no longer names the file opened, the copy is read through the document's own connection,
    the one that still reads everything acknowledged."""
    return _share.save_copy_for_team(doc.db, Path(target), own_connection=doc.is_still_the_file())
