"""Power loss: writes that were not fsynced are dropped, and every intervention acknowledged
as saved is still there, in a file that passes integrity_check.

The app's own connection is Python's sqlite3, which cannot load a custom VFS; this test runs
the same schema, pragmas (WAL, synchronous=FULL) and transaction shape through apsw with a VFS
that drops unsynced writes at a random moment. The control run with synchronous=OFF shows the
test can fail: there, acknowledged commits are lost.
"""

from __future__ import annotations

import random
import uuid

import apsw
import pytest

from facilitator.domain import model as m
from facilitator.storage import check_file, create_file, open_file
from facilitator.storage import repository as repo
from tests.reliability.lossy_vfs import LossyVFS

RUNS = 25


def _prepare(tmp_path) -> tuple[str, str]:
    path = tmp_path / "power.facilitator"
    db = create_file(path, device="seed")
    series = m.Series("Power loss")
    session = m.Session(series.id, "Session")
    repo.save_series(db, m.SeriesContent(series, sessions=[m.SessionContent(session)]))
    db.close()
    return str(path), session.id


def _log_until_power_cut(path: str, session_id: str, cut_after: int, synchronous: str) -> list[str]:
    """Save interventions with two points each, as the app does, until the power goes."""
    vfs = LossyVFS(f"lossy{uuid.uuid4().hex[:6]}", cut_after_writes=cut_after)
    acknowledged: list[str] = []
    conn = apsw.Connection(path, vfs=vfs.vfs_name)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(f"PRAGMA synchronous={synchronous}")
        for n in range(400):
            iid = str(uuid.uuid4())
            stamp = f"{1700000000000 + n:013d}.000000.dev"
            try:
                with conn:  # one transaction: the intervention and its points, or nothing
                    conn.execute(
                        "INSERT INTO intervention (id, session_id, notes, device, hlc) VALUES (?, ?, ?, 'dev', ?)",
                        (iid, session_id, f"Note {n}: " + "mots " * 40, stamp),
                    )
                    for k in range(2):
                        conn.execute(
                            "INSERT INTO point (id, intervention_id, text, position, device, hlc) "
                            "VALUES (?, ?, ?, ?, 'dev', ?)",
                            (str(uuid.uuid4()), iid, f"Point {n}.{k}", k, stamp),
                        )
            except apsw.Error:
                break
            acknowledged.append(iid)  # the commit returned: the app would now say "saved"
    finally:
        try:
            conn.close(True)
        except apsw.Error:
            pass
    vfs.revert()
    vfs.unregister()
    return acknowledged


@pytest.mark.parametrize("seed", range(RUNS))
def test_acknowledged_interventions_survive_power_loss(tmp_path, seed):
    path, session_id = _prepare(tmp_path)
    cut_after = random.Random(seed).randint(5, 600)
    acknowledged = _log_until_power_cut(path, session_id, cut_after, "FULL")
    assert len(acknowledged) < 400, "the power cut must happen during the run"
    assert check_file(path).integrity == "ok"
    db = open_file(path, device="after")
    try:
        stored = {i.id for i in repo.find(db, m.Intervention)}
        points = repo.count(db, m.Point)
    finally:
        db.close()
    assert set(acknowledged) <= stored
    assert points == 2 * len(stored)  # never an intervention without its points


def test_the_check_can_fail_without_fsync(tmp_path):
    """Control: with synchronous=OFF some acknowledged commits are lost at a power cut."""
    lost = 0
    for seed in range(5):
        run = tmp_path / str(seed)
        run.mkdir()
        path, session_id = _prepare(run)
        acknowledged = _log_until_power_cut(path, session_id, 300 + seed, "OFF")
        db = open_file(path, device="after")
        stored = {i.id for i in repo.find(db, m.Intervention)}
        db.close()
        lost += len(set(acknowledged) - stored)
    assert lost > 0
