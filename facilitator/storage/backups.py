"""Rotating automatic backups of an open file, and restoring one.

Backups live in the user's settings folder (backups/<file id>/), not beside the file: a file in
a synced folder would otherwise sync its backups too. Each backup is a self-contained copy made
with VACUUM INTO (never the live file with its WAL), written atomically; the newest are kept, as many as fit the
file's size (`keep_for`).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.i18n import _

from .database import Database, copy_file, probe, remove_quietly

KEEP = 12
MIN_KEEP = 3
BUDGET = 2**30  # what the backups of one file may take together, as far as MIN_KEEP allows
INTERVAL_SECONDS = 10 * 60


def keep_for(size: int, keep: int = KEEP) -> int:
    """How many backups of a file of `size` bytes are kept: `keep` while they fit in BUDGET
    (a file up to 85 MiB, some 60,000 interventions), fewer for larger files, never under
    MIN_KEEP (three copies of a 286 MiB file of 200,000 interventions, not twelve)."""
    return max(MIN_KEEP, min(keep, BUDGET // max(size, 1)))


def _last_written(path: Path) -> float:
    """When the file's content last changed on disk: the file, or its -wal once something
    was written to it (opening the file creates an empty -wal, which changes nothing)."""
    times = []
    for name in (path, Path(f"{path}-wal")):
        try:
            stat = name.stat()
        except OSError:
            continue
        if stat.st_size or name == path:
            times.append(stat.st_mtime)
    return max(times, default=0.0)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime  # UTC


def file_id(db: Database) -> str:
    row = db.conn.execute("SELECT value FROM meta WHERE key = 'file_id'").fetchone()
    return row[0] if row else "unknown"


def backup_folder(root: Path, db: Database, fid: str | None = None) -> Path:
    return root / (fid or file_id(db))


def make_backup(
    db: Database,
    root: Path,
    now: dt.datetime,
    keep: int | None = None,
    fid: str | None = None,
    *,
    skip_unchanged: bool = False,
) -> Backup:
    """Copy the open file into the backup folder and drop the oldest beyond `keep` (by
    default as many as `keep_for` the file's size).

    `skip_unchanged` returns the newest backup instead of copying again when nothing was
    written to the file since it was taken (opening a file, a quiet ten minutes): a copy of
    a large file costs seconds of disk. Safe on a worker thread when `fid` is given: the copy
    reads through its own connection.
    """
    folder = backup_folder(root, db, fid)
    folder.mkdir(parents=True, exist_ok=True)
    if skip_unchanged:
        newest = _backups_in(folder)[:1]
        # Taken at: when its copy began, so a write made during that copy counts as after.
        if newest and newest[0].taken_at.timestamp() > _last_written(db.path):
            return newest[0]
    if keep is None:
        keep = keep_for(db.path.stat().st_size)
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{db.path.stem}-{stamp}.facilitator"
    copy_file(db, target, own_connection=True)
    for old in _backups_in(folder)[keep_for(target.stat().st_size, keep) :]:
        remove_quietly(old.path)
    return Backup(target, now.astimezone(dt.UTC))


def list_backups(root: Path, db: Database) -> list[Backup]:
    """The backups of this file, newest first."""
    return _backups_in(backup_folder(root, db))


def _backups_in(folder: Path) -> list[Backup]:
    found = []
    for path in folder.glob("*.facilitator"):
        stamp = path.stem.rsplit("-", 1)[-1]
        try:
            taken = dt.datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=dt.UTC)
        except ValueError:
            continue
        found.append(Backup(path, taken))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _sole_and_settled(target: Path) -> None:
    """Before the file is replaced: everything in its -wal is moved into it (a crash may have
    left work there), and no other window or program has it open (its -wal would remain, and
    the work it goes on writing would be lost with the replaced file)."""
    try:
        conn = sqlite3.connect(target, isolation_level=None)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()  # the last connection removes the -wal
    except sqlite3.Error as error:
        raise FacilitatorError(
            _("Cannot restore the backup into {path} ({detail}).").format(path=target, detail=error)
        ) from error
    if Path(f"{target}-wal").exists():
        raise FacilitatorError(
            _(
                "{name} is open in another window or program; close it there first, then "
                "restore the backup (nothing was changed)."
            ).format(name=target.name)
        )


def restore_backup(backup: Path, target: Path) -> Path:
    """Put `backup` in place of `target` (which must be closed). The current file is kept
    beside it as NAME.before-restore.facilitator, so a wrong click loses nothing."""
    probe(backup)  # a damaged backup is refused before anything changes
    if target.exists():
        _sole_and_settled(target)
    keep = target.with_name(f"{target.stem}.before-restore{target.suffix}")
    tmp = target.with_name(f".{target.name}.restoring-{os.getpid()}")
    try:
        shutil.copy2(backup, tmp)
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        if target.exists():
            remove_quietly(keep)
            shutil.copy2(target, keep)
            for suffix in ("-wal", "-shm"):
                remove_quietly(Path(f"{target}{suffix}"))
        os.replace(tmp, target)
    except OSError as error:
        remove_quietly(tmp)
        raise FacilitatorError(
            _(
                "Cannot restore the backup into {path} ({detail}); check the folder's permissions."
            ).format(path=target, detail=error.strerror or error)
        ) from error
    return keep
