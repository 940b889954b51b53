"""The draft of the entry being typed, kept in the file at most DRAFT_MS behind the keyboard.

The timer starts at the first unsaved keystroke and is not restarted by the next ones, so a
note-taker who never stops typing still has a draft written every DRAFT_MS. One draft row per
form; the save of the entry removes it in the same transaction (app.notes.SaveEntry). Drafts
are written through the window's signals like every write, but are not undoable.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from facilitator.app import notes
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.entry import Entry
from facilitator.errors import FacilitatorError
from facilitator.ui.document_signals import DocumentSignals

FAILURES = (sqlite3.Error, FacilitatorError, OSError)

DRAFT_MS = 1500


class DraftKeeper(QObject):
    def __init__(
        self,
        signals: DocumentSignals,
        entry: Callable[[], Entry],
        now: Callable[[], dt.datetime],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.signals, self.entry, self.now = signals, entry, now
        self.doc: Document | None = None
        self.id = m.new_id()
        self.saved = False  # a row for self.id is in the file
        self.timer = QTimer(self, singleShot=True, interval=DRAFT_MS)
        self.timer.timeout.connect(self.save)

    def attach(self, doc: Document) -> None:
        """Another file or session: what was pending goes to the old one first."""
        self.flush()
        self.doc = doc
        self.renew()

    def renew(self) -> None:
        """A fresh draft id, after a save (whose transaction removed the old row)."""
        self.timer.stop()
        self.id, self.saved = m.new_id(), False

    def adopt(self, draft: notes.Draft) -> None:
        """Go on writing into a restored draft's row."""
        self.timer.stop()
        self.id, self.saved = draft.id, True

    def typed(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def _writable(self) -> bool:
        # The window's file may be another one by now: a closed file takes no draft.
        return self.doc is not None and self.signals.doc is self.doc

    def save(self) -> None:
        if not self._writable():
            return
        entry = self.entry()
        try:
            if entry.is_blank():
                if self.saved:
                    self.signals.run(notes.delete_draft(self.id))
                    self.saved = False
                return
            self.signals.run(notes.save_draft(self.id, entry, self.now()))
            self.saved = True
        except FAILURES:
            pass  # the save itself will say what is wrong; typing must not be interrupted

    def flush(self) -> None:
        """Write now what the timer would write soon (leaving the page, closing the file)."""
        if self.timer.isActive():
            self.timer.stop()
            self.save()

    def drop(self) -> None:
        """The entry was abandoned (an edit cancelled): its draft goes too."""
        self.timer.stop()
        if self.saved and self._writable():
            try:
                self.signals.run(notes.delete_draft(self.id))
            except FAILURES:
                pass
        self.renew()
