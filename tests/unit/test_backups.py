"""Automatic backups rotate, and a backup can be restored without losing the current file."""

from __future__ import annotations

import datetime as dt

from facilitator.domain import model as m
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.backups import list_backups, make_backup, restore_backup

T0 = dt.datetime(2024, 2, 1, 13, 0, tzinfo=dt.UTC)


def test_backups_rotate_keeping_the_newest(demo_db, tmp_path):
    root = tmp_path / "backups"
    for n in range(5):
        make_backup(demo_db, root, T0 + dt.timedelta(minutes=10 * n), keep=3)
    backups = list_backups(root, demo_db)
    assert len(backups) == 3
    assert [b.taken_at for b in backups] == [T0 + dt.timedelta(minutes=10 * n) for n in (4, 3, 2)]


def test_a_restored_backup_brings_back_deleted_work(demo_path, tmp_path):
    root = tmp_path / "backups"
    db = open_file(demo_path, device="d")
    session = repo.load_series(db).sessions[0]
    victim = session.interventions[3]
    make_backup(db, root, T0)
    repo.delete(db, m.Intervention, victim.id)  # the wrong click
    repo.insert(db, m.Intervention(session.session.id, notes="typed after the backup"))
    (backup,) = list_backups(root, db)
    db.close()

    kept = restore_backup(backup.path, demo_path)

    restored = open_file(demo_path, device="d")
    ids = {i.id for i in repo.find(restored, m.Intervention)}
    restored.close()
    assert victim.id in ids
    # the file as it was before the restore is kept beside it
    before = open_file(kept, device="d")
    notes = [i.notes for i in repo.find(before, m.Intervention)]
    before.close()
    assert "typed after the backup" in notes


def test_a_damaged_backup_is_refused_and_the_file_untouched(demo_path, tmp_path):
    import hashlib

    import pytest

    from facilitator.errors import FacilitatorError

    bad = tmp_path / "bad.facilitator"
    bad.write_bytes(b"garbage")
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    with pytest.raises(FacilitatorError):
        restore_backup(bad, demo_path)
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
