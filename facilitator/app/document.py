"""The open file: the one object every page goes through to read and change it. Qt-free.

A Document owns the SQLite connection, the single-writer lock, the device clock and the undo
history. Every change a user makes is an *operation*: a function of the database that runs
inside one transaction and returns a ChangeSet saying which records it added, changed or
deleted. The UI's DocumentSignals (facilitator/ui/document_signals.py) runs operations through
`run`, then tells every page what changed; pages never run SQL and never poll.

Writes by another program (a second instance writing through the same file, a merge from the
command line) are noticed with `PRAGMA data_version`, which changes only when another
connection committed: a constant-time check, whatever the size of the file.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from facilitator import settings
from facilitator.app import clean_close, file_identity
from facilitator.domain import model as m
from facilitator.domain.changes import NOTHING, ChangeSet
from facilitator.errors import FacilitatorError
from facilitator.i18n import _
from facilitator.storage import Database, open_file
from facilitator.storage import repository as repo
from facilitator.storage.database import copy_file, describe_read_error
from facilitator.storage.instance_lock import InstanceLock

Operation = Callable[[Database], ChangeSet]


class UndoStep(Protocol):
    """A change that can be taken back: both directions commit and say what they changed."""

    def redo(self) -> ChangeSet | None: ...

    def undo(self) -> ChangeSet | None: ...

    def label(self) -> str: ...


class History:
    """Linear undo/redo of UndoSteps, as in every editor; a new step drops the undone ones."""

    def __init__(self, limit: int = 200) -> None:
        self.limit = limit
        self._done: list[UndoStep] = []
        self._undone: list[UndoStep] = []

    def push(self, step: UndoStep) -> None:
        self._done.append(step)
        del self._done[: -self.limit]
        self._undone.clear()

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_label(self) -> str:
        return self._done[-1].label() if self._done else ""

    def redo_label(self) -> str:
        return self._undone[-1].label() if self._undone else ""

    def undo(self) -> ChangeSet:
        """Take back the latest step; it stays on the history if its undo raises."""
        if not self._done:
            return NOTHING
        changes = self._done[-1].undo() or NOTHING
        self._undone.append(self._done.pop())
        return changes

    def redo(self) -> ChangeSet:
        if not self._undone:
            return NOTHING
        changes = self._undone[-1].redo() or NOTHING
        self._done.append(self._undone.pop())
        return changes

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()


class Document:
    def __init__(self, db: Database, lock: InstanceLock | None = None, *, locked_out=False):
        self.db = db  # for facilitator.app's own modules; the UI reaches it only through them
        self._lock = lock
        # True when another window or instance holds the file: it was opened read-only.
        self.locked_out = locked_out
        self.history = History()
        self._data_version = self._read_data_version()
        # What the path named when opened: checked before each save (file_identity).
        self._identity = None if db.readonly else file_identity.identity(db.path)
        self.stopped: FacilitatorError | None = None  # set once the path no longer is the file

    # --- opening and closing -----------------------------------------------------------------

    @classmethod
    def open(
        cls, path: str | os.PathLike, *, device: str | None = None, locks: Path | None = None
    ) -> Document:
        """Open `path` for writing, or read-only when another window or process has it open.

        Raises FacilitatorError (one translated line) for a file that cannot be opened."""
        path = Path(path)
        lock = InstanceLock(locks or settings.locks_dir(), path)
        locked_out = not lock.acquire()
        check = not clean_close.unchanged_since_closed(path)
        try:
            db = open_file(
                path, device=device or settings.device_id(), readonly=locked_out, check=check
            )
        except BaseException:
            lock.release()
            raise
        if not locked_out:
            clean_close.forget(path)  # until closed cleanly again
        return cls(db, None if locked_out else lock, locked_out=locked_out)

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def readonly(self) -> bool:
        return self.db.readonly

    @property
    def device(self) -> str:
        return self.db.device

    def close(self) -> None:
        self.db.close()
        if self._lock is not None and not self.readonly:
            clean_close.remember_closed(self.path)
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def same_file(self, path: str | os.PathLike) -> bool:
        return Path(path).resolve() == self.path.resolve()

    # --- reading -----------------------------------------------------------------------------

    def load_series(self) -> m.SeriesContent | None:
        """The series with its sessions; a file SQLite cannot read gives one clear line."""
        try:
            return repo.load_series(self.db)
        except sqlite3.Error as error:  # e.g. text that is not UTF-8, written by another tool
            raise describe_read_error(self.path, error) from error

    def load_outline(self) -> m.SeriesContent | None:
        """The series as the window lists it: interventions and points are read when a page
        first uses them, so opening costs the same at 25 interventions and at 200,000."""
        try:
            return repo.load_series(self.db, lazy=True)
        except sqlite3.Error as error:
            raise describe_read_error(self.path, error) from error

    # --- changing ----------------------------------------------------------------------------

    def run(self, operation: Operation, *, undo: UndoStep | None = None) -> ChangeSet:
        """Run `operation` in one transaction (all or nothing) and return what it changed.

        `undo`, when given, is remembered so Edit > Undo can take the change back."""
        if self.readonly:
            raise FacilitatorError(
                _("{name} is open read-only here; nothing can be changed in this window.").format(
                    name=self.path.name
                )
            )
        self.check_still_the_file()
        with self.db.transaction():
            changes = operation(self.db)
        if undo is not None:
            self.history.push(undo)
        self._data_version = self._read_data_version()
        return changes

    def index_pending(self) -> None:
        """Build the search documents the last saves left queued (Database.index_pending).
        A busy, lost or read-only file keeps them queued: the next writer builds them."""
        if self.readonly or self.stopped is not None or not self.is_still_the_file():
            return
        try:
            self.db.index_pending()
        except sqlite3.Error:
            pass

    def check_still_the_file(self) -> None:
        """Raise (one line) when the path no longer names the file opened; from then on the
        document writes nothing there (see file_identity)."""
        if self.stopped is None and not self.is_still_the_file():
            kept = self._keep_a_copy()
            self.stopped = file_identity.problem(self.path, self._identity, kept)
        if self.stopped is not None:
            raise self.stopped

    def is_still_the_file(self) -> bool:
        return file_identity.problem(self.path, self._identity) is None

    def _keep_a_copy(self) -> Path | None:
        """Everything acknowledged, copied at once through this connection (which still reads
        the file it opened) beside the path, else among the backups: a crash from now on
        loses nothing saved."""
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        name = f"{self.path.stem}.kept-{stamp}{self.path.suffix}"
        for folder in (self.path.parent, settings.backups_dir()):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                copy_file(self.db, folder / name)
                return folder / name
            except (OSError, sqlite3.Error):
                continue
        return None

    def remember(self, step: UndoStep) -> None:
        """Put a step that already ran (and committed) on the undo history."""
        self.history.push(step)

    def undo(self) -> ChangeSet:
        return self.history.undo()

    def redo(self) -> ChangeSet:
        return self.history.redo()

    # --- other writers -----------------------------------------------------------------------

    def _read_data_version(self) -> int | None:
        try:
            return int(self.db.conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:  # closed, or the file is gone: nothing new can be read
            return None

    def changed_elsewhere(self) -> bool:
        """True once after another connection committed to the file (constant time)."""
        now = self._read_data_version()
        if now is None or now == self._data_version:
            return False
        self._data_version = now
        return True
