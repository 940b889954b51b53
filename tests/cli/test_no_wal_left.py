"""Every command closes its connections (issue 18): no `-wal` or `-shm` stays beside a file
after `facilitator new`, `import`, `merge`, `export` or `check`, which matters in synced
folders (a sync client would carry a stale WAL to colleagues)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from facilitator.app import bundled
from facilitator.exports import json_series

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path) -> None:
    env = dict(
        os.environ,
        FACILITATOR_CONFIG_DIR=str(cwd / "config"),
        LANG="C",
        PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    )
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "--lang", "en", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(("-wal", "-shm", "-journal")))


def test_no_command_leaves_a_wal_or_shm_beside_the_file(tmp_path):
    series = tmp_path / "series.json"
    series.write_text(json_series.dumps(bundled.demo_series()), encoding="utf-8")
    steps = [
        ("new", "a.facilitator"),
        ("new", "b.facilitator", "--template", "demo")
        if "demo" in bundled.TEMPLATES
        else ("new", "b.facilitator"),
        ("import", "c.facilitator", str(series)),
        ("merge", "d.facilitator", "c.facilitator"),
        ("merge", "c.facilitator", "d.facilitator"),
        ("export", "c.facilitator", "--format", "json", "-o", "c.json"),
        ("export", "c.facilitator", "--format", "md", "-o", "c.md"),
        ("check", "c.facilitator"),
    ]
    for step in steps:
        run(*step, cwd=tmp_path)
        assert leftovers(tmp_path) == [], step
