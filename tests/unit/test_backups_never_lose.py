"""Backups that never lose newer work (issue 18): restoring while a second window has the file
open is refused and changes nothing; work a crash left in the -wal is in the copy kept beside
the restored file; the backups of a large file are fewer."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.backups import keep_for, list_backups, make_backup, restore_backup

T0 = dt.datetime(2024, 2, 1, 13, 0, tzinfo=dt.UTC)


def _notes(path) -> set[str]:
    db = open_file(path, device="reader", readonly=True)
    try:
        return {i.notes for i in repo.find(db, m.Intervention)}
    finally:
        db.close()


def _type_ten(db) -> None:
    session = repo.load_series(db).sessions[0].session
    for n in range(10):
        repo.insert(db, m.Intervention(session.id, notes=f"typed after the backup {n}"))


def test_restoring_with_a_second_window_open_is_refused(demo_path, tmp_path):
    root = tmp_path / "backups"
    window = open_file(demo_path, device="d")
    make_backup(window, root, T0)
    _type_ten(window)
    (backup,) = list_backups(root, window)
    second = open_file(demo_path, device="d", readonly=True)  # another window on the file
    window.close()  # the first window closes its file to restore
    try:
        with pytest.raises(FacilitatorError, match="open in another window"):
            restore_backup(backup.path, demo_path)
    finally:
        second.close()
    assert {f"typed after the backup {n}" for n in range(10)} <= _notes(demo_path)
    assert not (tmp_path / "demo.before-restore.facilitator").exists()


def test_work_a_crash_left_in_the_wal_is_in_the_copy_kept_beside(demo_path, tmp_path):
    root = tmp_path / "backups"
    db = open_file(demo_path, device="d")
    make_backup(db, root, T0)
    _type_ten(db)
    (backup,) = list_backups(root, db)
    crashed = tmp_path / "crashed.facilitator"  # the file and its -wal as a crash leaves them
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{demo_path}{suffix}", f"{crashed}{suffix}")
    db.close()

    kept = restore_backup(backup.path, crashed)
    assert {f"typed after the backup {n}" for n in range(10)} <= _notes(kept)


def test_a_large_file_keeps_fewer_backups():
    assert keep_for(5_000_000) == 12
    assert keep_for(200_000_000) == 5
    assert keep_for(2_000_000_000) == 3
