"""One writer per file on this computer: a second window or app instance on the same file opens
it read-only (with a message) instead of racing the first one's edits.

The lock is an exclusive SQLite lock on a small file in the settings folder, named after the
file's real path, so nothing is written beside the session file (which may sit in a synced
folder). SQLite locks files the same way on Windows (LockFileEx), macOS and Linux, both between
processes and between connections of one process, and the operating system drops the lock when
the process dies, so a crash never leaves a file locked. No POSIX-only call is needed.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


class InstanceLock:
    def __init__(self, folder: Path, target: Path) -> None:
        key = hashlib.sha256(str(Path(target).resolve()).encode("utf-8")).hexdigest()[:24]
        self.path = folder / f"{key}.lock"
        self._conn: sqlite3.Connection | None = None

    def acquire(self) -> bool:
        """True when this process now holds the lock; False when another one does."""
        if self._conn is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        try:
            # A rollback journal (not WAL), so an exclusive transaction locks the file itself.
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError:
            conn.close()
            return False
        self._conn = conn
        return True

    def release(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def held_elsewhere(self) -> bool:
        """True when another window or process holds the lock (this one does not)."""
        if self._conn is not None:
            return False
        if self.acquire():
            self.release()
            return False
        return True
