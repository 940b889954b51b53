"""The file stays the file, with a kill after each case (issue 18): the app process saves an
entry, the path is renamed over, deleted or loses its -wal, the next save is refused, and the
process is killed (SIGKILL). Every acknowledged entry is in the copy the app kept; nothing is
written into what now sits at the path."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.app import bundled, file_ops
from facilitator.domain import model as m
from facilitator.storage import open_file
from facilitator.storage import repository as repo

HARNESS = Path(__file__).with_name("file_change_harness.py")
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def notes_in(path: Path) -> set[str]:
    db = open_file(path, device="reader", readonly=True)
    try:
        return {i.notes for i in repo.find(db, m.Intervention)}
    finally:
        db.close()


def _replace(path: Path) -> None:
    colleague = path.with_name("colleague.facilitator")
    file_ops.write_new_file(colleague, bundled.demo_series())
    os.replace(colleague, path)


def _delete(path: Path) -> None:
    path.unlink()


def _delete_wal(path: Path) -> None:
    Path(f"{path}-wal").unlink()


@pytest.mark.parametrize("change", [_replace, _delete, _delete_wal])
def test_a_kill_after_the_change_loses_nothing_acknowledged(tmp_path, change):
    path = tmp_path / "ours.facilitator"
    file_ops.write_new_file(path, bundled.demo_series())
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        FACILITATOR_CONFIG_DIR=str(tmp_path / "cfg"),
    )
    proc = subprocess.Popen(
        [sys.executable, str(HARNESS), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        assert proc.stdout.readline().startswith("saved acknowledged")
        change(path)
        after = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
        proc.stdin.write("typed after the change\n")
        proc.stdin.flush()
        answer = proc.stdout.readline()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert answer.startswith("refused "), answer + proc.stderr.read()
    [kept] = list(tmp_path.glob("ours.kept-*.facilitator"))
    assert kept.name in answer
    assert notes_in(kept) >= {"acknowledged before the change"}
    assert "typed after the change" not in notes_in(kept)
    if after is not None and change is _replace:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == after
