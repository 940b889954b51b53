"""SIGKILL an organiser in the middle of preparing a session: every edit the app committed is
in the file, the file is healthy, and nothing is half-applied (an edit's fields go together)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator.app import file_ops
from facilitator.domain import model as m
from facilitator.storage import open_file
from facilitator.storage import repository as repo

HARNESS = Path(__file__).with_name("prepare_harness.py")
ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_kill_while_preparing_loses_no_committed_edit(tmp_path, seed):
    path = tmp_path / "talk.facilitator"
    file_ops.new_from_template(path, "gcm-talk")
    proc = subprocess.Popen(
        [sys.executable, str(HARNESS), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        cwd=ROOT,
    )
    acked = 0
    deadline = time.monotonic() + random.Random(seed).uniform(0.5, 2.0)
    try:
        for line in proc.stdout:
            acked = int(line.split()[1])
            if time.monotonic() > deadline and acked >= 3:
                break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()

    db = open_file(path, device="after-crash")
    try:
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        session = repo.find(db, m.Session)[0]
        done = int(session.title.split()[1])
        assert done >= acked  # the edit in flight may have committed too, never fewer
        assert session.venue == f"Room {done}"  # both fields of one edit, or neither
        questions = [q.text for q in repo.find(db, m.GuidingQuestion, session_id=session.id)]
        assert [f"Question {n}?" for n in range(1, acked + 1)] == questions[:acked]
    finally:
        db.close()
