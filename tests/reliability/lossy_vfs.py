"""An SQLite VFS (through apsw) that loses power: every write since a file's last fsync is
dropped, as a disk cache would drop it when the power goes.

The VFS passes reads and writes to the real files and keeps, per file, an undo record of every
write and truncate made since that file's last xSync. `cut()` makes every later operation fail
(the machine is off), and `revert()` restores the unsynced regions, leaving on disk exactly what
an fsync had made durable. The shared-memory index (-shm) lives in RAM on a real machine, so
after a cut it is deleted and SQLite rebuilds it from the WAL.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import apsw


@dataclass
class _Undo:
    size_before: int
    regions: list[tuple[int, bytes]] = field(default_factory=list)  # (offset, old bytes)


class LossyVFS(apsw.VFS):
    def __init__(self, name: str = "lossy", cut_after_writes: int | None = None) -> None:
        self.vfs_name = name
        self.cut_after_writes = cut_after_writes
        self.writes = 0
        self.dead = False
        self.pending: dict[str, list[_Undo]] = {}
        super().__init__(name, "")

    def xOpen(self, name, flags):  # noqa: N802 (apsw's name)
        return LossyFile(self, name, flags)

    def cut(self) -> None:
        self.dead = True

    def revert(self) -> None:
        """Put back every byte written since its file's last fsync."""
        for path, undos in self.pending.items():
            if not os.path.exists(path):
                continue
            with open(path, "r+b") as fh:
                for undo in reversed(undos):
                    for offset, old in reversed(undo.regions):
                        fh.seek(offset)
                        fh.write(old)
                    fh.truncate(undo.size_before)
        self.pending.clear()
        for path in list(self._shm_paths()):
            os.unlink(path)

    def _shm_paths(self):
        for path in self.pending:
            if os.path.exists(path + "-shm"):
                yield path + "-shm"


class LossyFile(apsw.VFSFile):
    def __init__(self, vfs: LossyVFS, name, flags) -> None:
        self.vfs = vfs
        self.path = name.filename() if hasattr(name, "filename") else name
        super().__init__("", name, flags)

    def _check(self) -> None:
        if self.vfs.dead:
            raise apsw.IOError("power is off")

    def xWrite(self, data, offset):  # noqa: N802
        self._check()
        self.vfs.writes += 1
        if self.vfs.cut_after_writes is not None and self.vfs.writes > self.vfs.cut_after_writes:
            self.vfs.cut()
            self._check()
        size = self.xFileSize()
        old = super().xRead(min(len(data), max(size - offset, 0)), offset) if offset < size else b""
        undos = self.vfs.pending.setdefault(self.path, [])
        if not undos:
            undos.append(_Undo(size))
        undos[-1].regions.append((offset, bytes(old)))
        super().xWrite(data, offset)

    def xTruncate(self, newsize):  # noqa: N802
        self._check()
        size = self.xFileSize()
        if newsize < size:
            old = super().xRead(size - newsize, newsize)
            undos = self.vfs.pending.setdefault(self.path, [])
            if not undos:
                undos.append(_Undo(size))
            undos[-1].regions.append((newsize, bytes(old)))
        super().xTruncate(newsize)

    def xSync(self, flags):  # noqa: N802
        self._check()
        super().xSync(flags)
        self.vfs.pending.pop(self.path, None)  # durable now
