"""One writer per file on this computer: a second window or app instance on the same file opens
it read-only (with a message) instead of racing the first one's edits.

The lock is an flock() on a small file in the settings folder, named after the file's real path,
so nothing is written beside the session file (which may sit in a synced folder). The kernel
drops the lock when the process dies, so a crash never leaves a file locked.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from pathlib import Path


class InstanceLock:
    def __init__(self, folder: Path, target: Path) -> None:
        key = hashlib.sha256(str(Path(target).resolve()).encode("utf-8")).hexdigest()[:24]
        self.path = folder / f"{key}.lock"
        self._fd: int | None = None

    def acquire(self) -> bool:
        """True when this process now holds the lock; False when another one does."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
