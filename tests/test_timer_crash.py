"""Kill the app with SIGKILL in the middle of a session: the reopened file resumes the timer
within one second of the truth (what the moderator did, timed from outside the app)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from timer_fixtures import make_file

from facilitator.domain import model as m
from facilitator.domain import timer as t
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage import timer_store as ts

HARNESS = Path(__file__).with_name("harness_timer.py")

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def run_and_kill(path: Path, linger: float) -> dict[str, float]:
    """Run the harness, note when each action was acknowledged, SIGKILL it `linger` s later."""
    proc = subprocess.Popen(
        [sys.executable, str(HARNESS), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=dict(os.environ),
    )
    acks: dict[str, float] = {}
    try:
        for line in proc.stdout:
            now = time.time()
            if line.startswith("ack "):
                acks[line.split()[1]] = now
            if line.strip() == "idle":
                break
        time.sleep(linger)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    return acks


@pytest.mark.parametrize("seed", [1, 2])
def test_a_killed_session_resumes_within_a_second(tmp_path, seed):
    path = make_file(tmp_path)
    acks = run_and_kill(path, random.Random(seed).uniform(0.3, 1.5))
    assert list(acks) == ["start", "next", "adjust", "floor", "pause", "resume"]
    db = open_file(path, device="after-crash")
    try:
        content = repo.load_series(db).sessions[0]
        session = ts.TimerSession(db, content)
        now = time.time()
        state = session.state(now)
        assert [e.action for e in ts.load_log(db, content.session.id)] == list(acks)
        assert session.check_clock(now) is None  # a crash a moment ago is no clock jump
        paused = acks["resume"] - acks["pause"]
        item = content.agenda[1]
        truth_item = item.planned_minutes * 60 + 60 - (now - acks["next"] - paused)
        truth_speaker = 180 - (now - acks["floor"] - paused)
        assert state.phase == t.RUNNING and state.current_id == item.id
        assert abs(state.item_remaining - truth_item) < 1.0
        assert abs(state.speaker_remaining - truth_speaker) < 1.0
        assert abs(state.elapsed - (now - acks["start"])) < 1.0
        (turn,) = repo.find(db, m.Intervention, session_id=content.session.id)
        assert turn.ended_at is None and abs(t.parse_at(turn.started_at) - acks["floor"]) < 1.0
    finally:
        db.close()
