"""The one change signal of the window: every write goes through `run`, and every page learns
what changed from `changed`, whoever wrote it.

Own writes are announced as soon as their transaction committed. Writes by another program
(a second instance, `facilitator merge` on the command line, a colleague's laptop through a
shared folder) are noticed without polling: a QFileSystemWatcher on the file and its -wal wakes
us when the bytes change, and `PRAGMA data_version` (constant time) confirms that another
connection committed; pages then reload what they show.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from facilitator.app.document import Document, Operation, UndoStep
from facilitator.domain.changes import NOTHING, ChangeSet
from facilitator.errors import FacilitatorError

INDEX_AFTER_MS = 400


class DocumentSignals(QObject):
    changed = Signal(object)  # ChangeSet
    opened = Signal(object)  # Document | None
    history_changed = Signal()
    # The label of the step taken back or done again (Edit > Undo, Ctrl+Z, a page's button),
    # so every page can say in its status line what happened.
    undone = Signal(str)
    redone = Signal(str)
    # One line, when a file-system event shows that the path no longer names the open file
    # (replaced, deleted, its -wal removed): the document has kept a copy and writes no more.
    file_lost = Signal(object)  # the FacilitatorError, said again in a new language

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        # A save leaves its search document queued (the commit holds the note alone); it is
        # built once the note-taker pauses, or by the next search, whichever comes first.
        self._index_soon = QTimer(self, singleShot=True, interval=INDEX_AFTER_MS)
        self._index_soon.timeout.connect(self._index_pending)

    def set_document(self, doc: Document | None) -> None:
        self.doc = doc
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self._watch()
        self.opened.emit(doc)
        self.history_changed.emit()

    def _watch(self) -> None:
        if self.doc is None:
            return
        wanted = [str(self.doc.path), f"{self.doc.path}-wal"]
        missing = [p for p in wanted if p not in self._watcher.files() and Path(p).exists()]
        if missing:
            self._watcher.addPaths(missing)

    def _file_changed(self, _path: str) -> None:
        self._watch()  # a file replaced by rename is dropped from the watch list: watch it again
        if self.doc is None:
            return
        if self.doc.stopped is None:
            try:
                # Checked now, not only before the next save: the copy of everything saved is
                # made while this connection still reads the file it opened.
                self.doc.check_still_the_file()
            except FacilitatorError as lost:
                self.file_lost.emit(lost)
                return
            except (sqlite3.Error, OSError):  # a connection closed under the event: not ours
                return
        if self.doc.changed_elsewhere():
            self.changed.emit(ChangeSet.all())

    # --- writes ------------------------------------------------------------------------------

    def run(self, operation: Operation, *, undo: UndoStep | None = None) -> ChangeSet:
        """Run an operation on the open file and tell every page what changed.

        Raises what the operation raises (FacilitatorError, OSError, sqlite3.Error): the
        caller shows it and keeps what the user typed."""
        if self.doc is None:
            return NOTHING
        changes = self.doc.run(operation, undo=undo)
        self._index_soon.start()
        self.announce(changes)
        if undo is not None:
            self.history_changed.emit()
        return changes

    def _index_pending(self) -> None:
        if self.doc is not None:
            self.doc.index_pending()

    def announce(self, changes: ChangeSet) -> None:
        """Tell the pages about a change already committed (a merge, a restore...)."""
        if changes:
            self.changed.emit(changes)

    def remember(self, step: UndoStep, changes: ChangeSet) -> None:
        """A step that already ran: announce it and put it on the undo history."""
        if self.doc is None:
            return
        self.doc.remember(step)
        self.announce(changes)
        self.history_changed.emit()

    def undo(self) -> ChangeSet:
        if self.doc is None:
            return NOTHING
        what = self.doc.history.undo_label()
        changes = self.doc.undo()
        self.announce(changes)
        self.history_changed.emit()
        if what:
            self.undone.emit(what)
        return changes

    def redo(self) -> ChangeSet:
        if self.doc is None:
            return NOTHING
        what = self.doc.history.redo_label()
        changes = self.doc.redo()
        self.announce(changes)
        self.history_changed.emit()
        if what:
            self.redone.emit(what)
        return changes
