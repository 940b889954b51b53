"""Automatic backups of the open file and restoring one: what the backup scheduler and
File > Restore a backup… need. Qt-free.

A backup is taken on a worker thread; `backup_job` reads what needs the document's own
connection (the file id) on the calling GUI thread and returns a function that only reads
the file through a connection of its own. Restoring replaces the file on disk, so the window
closes the document first and opens it again after `restore`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from facilitator import settings
from facilitator.app.document import Document
from facilitator.storage import backups as _backups
from facilitator.storage.backups import INTERVAL_SECONDS, Backup

__all__ = ["INTERVAL_SECONDS", "Backup", "backup_job", "backup_root", "list_backups", "restore"]


def backup_root() -> Path:
    return settings.backups_dir()


def backup_job(doc: Document) -> Callable[[], Path]:
    """A backup of `doc` to take on a worker thread; it returns the backup's path."""
    db, fid = doc.db, _backups.file_id(doc.db)  # the file id, read here on the GUI thread

    def take() -> Path:
        now = dt.datetime.now(dt.UTC)
        return _backups.make_backup(db, backup_root(), now, fid=fid, skip_unchanged=True).path

    return take


def list_backups(doc: Document) -> list[Backup]:
    """The backups of the open file, newest first."""
    return _backups.list_backups(backup_root(), doc.db)


def restore(backup: Backup, path: Path) -> Path:
    """Put `backup` in place of the (closed) file at `path`; returns where the replaced
    file was kept. Raises FacilitatorError when it cannot."""
    return _backups.restore_backup(backup.path, path)
