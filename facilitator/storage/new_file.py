"""Create a new Facilitator file in one step: built beside its final name, then renamed, so no
half-written file ever carries the name (a synced folder never uploads half a file)."""

from __future__ import annotations

import os
from pathlib import Path

from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.i18n import _

from . import repository as repo
from .database import create_file, remove_quietly
from .hlc import HybridClock


def write_new_file(path: str | os.PathLike, content: m.SeriesContent, device: str) -> None:
    """Create `path` holding `content`; built beside it and renamed, so never half-written."""
    path = Path(path)
    if path.exists():
        raise FacilitatorError(
            _("{path} already exists; choose another name or remove it first.").format(path=path)
        )
    tmp = path.with_name(f".{path.name}.creating-{os.getpid()}")
    remove_quietly(tmp)
    db = create_file(tmp, device=device)
    if content.as_of_ms is not None:
        db.clock = archive_clock(device, content.as_of_ms)
    try:
        repo.save_series(db, content)
        # The file stays in WAL mode (so opening it later changes no byte of it); closing the
        # last connection checkpoints and removes the -wal file, leaving one file to rename.
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    move_into_place(tmp, path)


def archive_clock(device: str, as_of_ms: int) -> HybridClock:
    """The clock that stamps an archive's records at the time its content stood (JSON "as_of"):
    a file edited since wins a merge with the import, and an older one loses to it."""
    return HybridClock(device, wall=lambda: as_of_ms / 1000)


def move_into_place(tmp: Path, path: Path) -> None:
    """Rename a finished file (closed, no -wal left) over `path`; on failure, remove it."""
    try:
        os.replace(tmp, path)
    except OSError as error:
        remove_quietly(tmp)
        raise FacilitatorError(
            _("Cannot write {path} ({detail}); choose a folder you can write to.").format(
                path=path, detail=error.strerror or error
            )
        ) from error
    finally:
        remove_quietly(Path(f"{tmp}-wal"))
