"""SIGKILL at random moments while a note-taker types and a moderator drives the timer.

After every kill the file is reopened and must hold every entry acknowledged as saved (with
its points), pass SQLite's checks, offer back the draft that was being typed, and keep every
acknowledged timer action. 200 kills in the default run; the long campaign
(FACILITATOR_SLOW=1, 1,000 kills) is documented in docs/reliability.md.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitator.app import bundled, file_ops
from facilitator.domain import model as m
from facilitator.domain.entry import Entry, EntryPoint
from facilitator.storage import notes_store as ns
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage import timer_store as ts

HARNESS = Path(__file__).with_name("crash_harness.py")
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


class Acks:
    """What the harness acknowledged: an entry saved, a draft written, a timer action."""

    def __init__(self) -> None:
        self.saved: dict[str, str] = {}  # intervention id -> its marker "seed-n"
        self.adjusts = 0
        self.draft: tuple[str, int] | None = None  # ("seed-n", length of notes), not saved

    def read(self, line: str) -> None:
        kind, *rest = line.split()
        if kind == "saved":
            self.saved[rest[0]] = rest[1]
            self.draft = None
        elif kind == "draft":
            self.draft = (rest[0], int(rest[1]))
        elif kind == "timer" and rest[0] == "adjust":
            self.adjusts += 1


def kill_at_random(path: Path, seed: int, acks: Acks) -> None:
    rng = random.Random(seed)
    proc = subprocess.Popen(
        [sys.executable, str(HARNESS), str(path), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        cwd=ROOT,
    )
    deadline = None
    try:
        for line in proc.stdout:
            acks.read(line)
            if deadline is None:
                deadline = time.monotonic() + rng.uniform(0.0, 0.25)
            if time.monotonic() >= deadline:
                break
        os.kill(proc.pid, signal.SIGKILL)
        # lines already written before the kill were acknowledged too
        for line in proc.stdout:
            acks.read(line)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()


def check_after_kill(path: Path, acks: Acks, full: bool) -> None:
    """By content: every acknowledged save is in the file with its notes and both points; the
    draft acknowledged last is offered back at least as long as acknowledged, or was saved
    (a kill between the save's commit and its acknowledgement); never both missing."""
    db = open_file(path, device="checker")
    try:
        pragma = "integrity_check" if full else "quick_check"
        assert db.conn.execute(f"PRAGMA {pragma}").fetchone()[0] == "ok"
        notes = dict(db.conn.execute("SELECT id, notes FROM intervention WHERE deleted = 0"))
        points = dict(
            db.conn.execute(
                "SELECT intervention_id, count(*) FROM point WHERE deleted = 0 "
                "GROUP BY intervention_id"
            )
        )
        for iid, mark in acks.saved.items():
            assert notes.get(iid, "").startswith(f"[{mark}] "), f"lost acknowledged entry {mark}"
            assert points.get(iid) == 2, f"entry {mark} lost points"
        session = repo.load_series(db).sessions[0].session
        if acks.draft is not None:
            mark, length = acks.draft
            marker = f"[{mark}] "
            offered = [
                d
                for d in ns.drafts(db, session.id)
                if d.id == "crash-harness" and d.entry.notes.startswith(marker)
            ]
            saved = [n for n in notes.values() if n.startswith(marker)]
            rows = db.conn.execute("SELECT id, substr(payload, 1, 120) FROM draft").fetchall()
            assert offered or saved, f"draft {marker} neither offered back nor saved: {rows}"
            if offered and not saved:
                assert len(offered[0].entry.notes) >= length, f"draft {marker} came back shorter"
        log = ts.load_log(db, session.id)
        assert sum(1 for e in log if e.action == "adjust") >= acks.adjusts
        assert any(e.action == "start" for e in log)
    finally:
        db.close()


def campaign(tmp_path: Path, kills: int) -> Acks:
    path = tmp_path / "crash.facilitator"
    file_ops.write_new_file(path, bundled.template_series("gcm-talk"))
    acks = Acks()
    for n in range(kills):
        kill_at_random(path, n, acks)
        check_after_kill(path, acks, full=(n % 25 == 0 or n == kills - 1))
    return acks


def _typed(path: Path, mark: str, notes: str, save: bool) -> str | None:
    """Write what the harness writes for one entry: its draft, and its save when `save`."""
    db = open_file(path, device="harness")
    try:
        content = repo.load_series(db).sessions[0]
        entry = Entry(session_id=content.session.id, notes=f"[{mark}] {notes}")
        ns.save_draft(db, "crash-harness", entry, dt.datetime.now(dt.UTC))
        if not save:
            return None
        entry.points = [EntryPoint(f"Point {k}", "recommendation") for k in range(2)]
        return ns.save_entry(db, entry, draft_id="crash-harness")
    finally:
        db.close()


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "crash.facilitator"
    file_ops.write_new_file(path, bundled.template_series("gcm-talk"))
    db = open_file(path, device="moderator")
    try:
        ts.TimerSession(db, repo.load_series(db).sessions[0]).toggle()
    finally:
        db.close()
    return path


def test_a_kill_between_a_save_and_its_acknowledgement_passes(tmp_path):
    """The draft was acknowledged, the save committed (draft removed) but not acknowledged."""
    path = _file(tmp_path)
    _typed(path, "7-3", "water and shelter", save=True)
    acks = Acks()
    acks.read("draft 7-3 25")
    check_after_kill(path, acks, full=True)


def test_a_draft_offered_back_shorter_than_acknowledged_fails(tmp_path):
    path = _file(tmp_path)
    _typed(path, "7-4", "water", save=False)
    acks = Acks()
    acks.read("draft 7-4 400")
    with pytest.raises(AssertionError, match="shorter"):
        check_after_kill(path, acks, full=True)


def test_an_acknowledged_save_is_checked_by_its_content(tmp_path):
    path = _file(tmp_path)
    iid = _typed(path, "7-5", "water", save=True)
    acks = Acks()
    acks.read(f"saved {iid} 7-5")
    check_after_kill(path, acks, full=True)
    acks.read(f"saved {iid} 7-6")  # the same id acknowledged for another entry's content
    with pytest.raises(AssertionError, match="lost acknowledged entry 7-6"):
        check_after_kill(path, acks, full=True)


def test_the_harness_writes_the_marker_the_checker_looks_for(tmp_path):
    """Issue 18: the checker looked for '[seed-n] ' in notes the harness never marked, so a
    kill between a save's commit and its acknowledgement failed and the draft length was
    never compared."""
    path = _file(tmp_path)
    acks = Acks()
    proc = subprocess.Popen(
        [sys.executable, str(HARNESS), str(path), "3"],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        cwd=ROOT,
    )
    try:
        for line in proc.stdout:
            acks.read(line)
            if acks.saved:
                break
    finally:
        proc.kill()
        proc.wait()
    [(iid, mark)] = acks.saved.items()
    assert mark == "3-1"
    db = open_file(path, device="checker", readonly=True)
    try:
        assert repo.get(db, m.Intervention, iid).notes.startswith("[3-1] ")
    finally:
        db.close()


def test_two_hundred_kills_lose_nothing_acknowledged(tmp_path):
    acks = campaign(tmp_path, 200)
    assert len(acks.saved) > 50  # the harness really worked between kills


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("FACILITATOR_SLOW"), reason="long run: FACILITATOR_SLOW=1")
def test_a_thousand_kills_lose_nothing_acknowledged(tmp_path):
    campaign(tmp_path, 1000)
