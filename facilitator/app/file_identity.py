"""The file stays the file (issue 18): before each save the open document checks that its
path still names the file it opened. Qt-free.

A sync client that renames a colleague's copy over the open file, a file deleted in the file
manager, a `-wal` deleted beside it: in each case SQLite would go on writing, into a file that
is no longer at the path (lost at the next open) or into a WAL nobody will read after a crash.
So `problem` compares the path with what was opened (device and inode, which a rename over it
or a new file changes) and checks that the `-wal` the connection writes to is still there.
On a problem the document stops writing (every later save is refused with the same line) and
keeps its connection: it still reads the file it opened, so "Save a copy for the team…" writes
everything acknowledged to a new file, which can then be merged with what is now at the path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.i18n import _


@dataclass(frozen=True)
class Identity:
    device: int
    inode: int


def identity(path: Path) -> Identity | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return Identity(st.st_dev, st.st_ino)


class FileChanged(FacilitatorError):
    """The path no longer names the file that was opened; nothing was written."""


def problem(path: Path, opened: Identity | None, kept: Path | None = None) -> FileChanged | None:
    """What makes writing at `path` unsafe now, as one line; None when it is still the file.

    `kept`: where everything saved was copied (see Document.check_still_the_file)."""
    now = identity(path)
    if opened is None or (now == opened and Path(f"{path}-wal").exists()):
        return None

    def tail() -> str:
        if kept is not None:
            return _(
                "Nothing more is written there; all that was saved is kept in {copy} (File > "
                "Merge files… to merge it)."
            ).format(copy=kept.name if kept.parent == path.parent else kept)
        return _(
            "Nothing more is written there, and everything saved is still here: use File > "
            "Save a copy for the team… to keep it, then File > Merge files… to merge it with "
            "the file now at that place."
        )

    # Said again in a new language while it stays on screen (see FacilitatorError).
    if now is None:
        return FileChanged(
            lambda: _("{name} was deleted or moved away. {what_now}").format(
                name=path.name, what_now=tail()
            )
        )
    if now != opened:
        return FileChanged(
            lambda: _("{name} was replaced by another file (a sync client?). {what_now}").format(
                name=path.name, what_now=tail()
            )
        )
    if not Path(f"{path}-wal").exists():
        return FileChanged(
            lambda: _("The journal beside {name} ({name}-wal) was deleted. {what_now}").format(
                name=path.name, what_now=tail()
            )
        )
    return None
