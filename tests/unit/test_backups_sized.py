"""Backups sized to the file: fewer kept of a large file, and no new copy of a file nothing
was written to since the last one."""

from __future__ import annotations

import datetime as dt
import os

from facilitator.domain import model as m
from facilitator.storage import backups
from facilitator.storage import repository as repo
from facilitator.storage.backups import list_backups, make_backup


def test_how_many_are_kept_falls_with_the_size_of_the_file():
    mib = 2**20
    assert backups.keep_for(1 * mib) == backups.KEEP
    assert backups.keep_for(28 * mib) == backups.KEEP  # 20,000 interventions
    assert backups.keep_for(286 * mib) == backups.MIN_KEEP  # 200,000 interventions
    assert backups.keep_for(5 * 2**30) == backups.MIN_KEEP
    sizes = [n * mib for n in range(1, 2000, 7)]
    kept = [backups.keep_for(s) for s in sizes]
    assert kept == sorted(kept, reverse=True)
    assert all(
        k * s <= backups.BUDGET or k == backups.MIN_KEEP for k, s in zip(kept, sizes, strict=True)
    )


def test_a_large_file_keeps_fewer(demo_db, tmp_path, monkeypatch):
    monkeypatch.setattr(backups, "BUDGET", demo_db.path.stat().st_size * 4)
    root = tmp_path / "backups"
    t0 = dt.datetime(2024, 2, 1, 13, 0, tzinfo=dt.UTC)
    for n in range(6):
        make_backup(demo_db, root, t0 + dt.timedelta(minutes=n))
    assert len(list_backups(root, demo_db)) == 4


def test_an_unchanged_file_is_not_copied_again(demo_db, tmp_path):
    root = tmp_path / "backups"
    first = make_backup(demo_db, root, dt.datetime.now(dt.UTC), skip_unchanged=True)
    again = make_backup(demo_db, root, dt.datetime.now(dt.UTC), skip_unchanged=True)
    assert again.path == first.path and len(list_backups(root, demo_db)) == 1
    session = repo.load_series(demo_db).sessions[0].session
    repo.insert(demo_db, m.Intervention(session.id, notes="written after the backup"))
    later = first.taken_at.timestamp() + 60  # the write, as the file system dates it
    for path in (demo_db.path, demo_db.path.with_name(demo_db.path.name + "-wal")):
        if path.exists():
            os.utime(path, (later, later))
    third = make_backup(
        demo_db, root, first.taken_at + dt.timedelta(minutes=2), skip_unchanged=True
    )
    assert third.path != first.path and len(list_backups(root, demo_db)) == 2


def test_reopening_an_unchanged_file_takes_no_new_copy(demo_path, tmp_path):
    from facilitator.storage import open_file

    root = tmp_path / "backups"
    db = open_file(demo_path, device="d")
    first = make_backup(db, root, dt.datetime.now(dt.UTC), skip_unchanged=True)
    db.close()
    db = open_file(demo_path, device="d")  # its empty -wal is created now, after the backup
    db.conn.execute("SELECT count(*) FROM intervention").fetchone()
    wal = demo_path.with_name(demo_path.name + "-wal")
    later = first.taken_at.timestamp() + 60
    os.utime(wal, (later, later))
    assert wal.stat().st_size == 0  # nothing written since the backup
    again = make_backup(db, root, first.taken_at + dt.timedelta(minutes=2), skip_unchanged=True)
    db.close()
    assert again.path == first.path
