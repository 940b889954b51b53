"""An open Facilitator file: a sqlite3 connection with our pragmas and a hybrid clock, and the
one way to write to it (`transaction`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import search_index
from .hlc import HybridClock


class Database:
    def __init__(self, path: Path, conn: sqlite3.Connection, clock: HybridClock, readonly: bool):
        self.path = path
        self.conn = conn
        self.clock = clock
        self.readonly = readonly
        self._depth = 0
        self._index_at_commit = True
        self.clock_behind_ms = 0  # how far this computer's clock is behind the file's newest

    @property
    def device(self) -> str:
        return self.clock.device

    @contextmanager
    def transaction(self, *, index: bool = True) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; nested calls join the outer transaction.

        The search documents of what was written are rebuilt just before the commit, unless
        any part of the transaction says `index=False`: then they stay queued (durably, in
        `search_stale`) for `index_pending`, so the commit that puts a note on disk writes the
        note and nothing more. Every search indexes what is queued first."""
        if self._depth:
            self._index_at_commit &= index
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth, self._index_at_commit = 1, index
        try:
            yield self.conn
            if self._index_at_commit:
                search_index.refresh(self.conn)
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def index_pending(self) -> int:
        """Rebuild the queued search documents now; returns how many were queued.

        Their commit is not flushed to disk (synchronous=NORMAL, still atomic): the queue they
        come from was, so a crash before the next flush only leaves them queued again, and
        they are rebuilt at the next open. Inside a transaction, they join it."""
        if self.readonly or not search_index.has_stale(self.conn):
            return 0
        if self._depth:
            return search_index.refresh(self.conn)
        self.conn.execute("PRAGMA synchronous=NORMAL")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                done = search_index.refresh(self.conn)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        finally:
            self.conn.execute("PRAGMA synchronous=FULL")
        return done

    def close(self) -> None:
        try:
            self.index_pending()  # a reader after us finds every note without waiting
        except sqlite3.Error:
            pass  # busy or read-only on disk: the next writer builds them
        self.conn.close()
