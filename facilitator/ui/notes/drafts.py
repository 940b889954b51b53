"""The draft of the entry being typed, kept in the file at most DRAFT_MS behind the keyboard.

The timer starts at the first unsaved keystroke and is not restarted by the next ones, so a
note-taker who never stops typing still has a draft written every DRAFT_MS. One draft row per
form; the save of the entry removes it in the same transaction (notes_store.save_entry).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from facilitator.domain import model as m
from facilitator.domain.entry import Entry
from facilitator.storage import Database
from facilitator.storage import notes_store as store

DRAFT_MS = 1500


class DraftKeeper(QObject):
    def __init__(
        self, entry: Callable[[], Entry], now: Callable[[], dt.datetime], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.entry, self.now = entry, now
        self.db: Database | None = None
        self.id = m.new_id()
        self.saved = False  # a row for self.id is in the file
        self.timer = QTimer(self, singleShot=True, interval=DRAFT_MS)
        self.timer.timeout.connect(self.save)

    def attach(self, db: Database) -> None:
        """Another file or session: what was pending goes to the old one first."""
        self.flush()
        self.db = db
        self.renew()

    def renew(self) -> None:
        """A fresh draft id, after a save (whose transaction removed the old row)."""
        self.timer.stop()
        self.id, self.saved = m.new_id(), False

    def adopt(self, draft: store.Draft) -> None:
        """Go on writing into a restored draft's row."""
        self.timer.stop()
        self.id, self.saved = draft.id, True

    def typed(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def save(self) -> None:
        if self.db is None:
            return
        entry = self.entry()
        try:
            if entry.is_blank():
                if self.saved:
                    store.delete_draft(self.db, self.id)
                    self.saved = False
                return
            store.save_draft(self.db, self.id, entry, self.now())
            self.saved = True
        except sqlite3.Error:
            pass  # the save itself will say what is wrong; typing must not be interrupted

    def flush(self) -> None:
        """Write now what the timer would write soon (leaving the page, closing the file)."""
        if self.timer.isActive():
            self.timer.stop()
            self.save()

    def drop(self) -> None:
        """The entry was abandoned (an edit cancelled): its draft goes too."""
        self.timer.stop()
        if self.saved and self.db is not None:
            try:
                store.delete_draft(self.db, self.id)
            except sqlite3.Error:
                pass
        self.renew()
