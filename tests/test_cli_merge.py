"""`facilitator merge TARGET SOURCE...` as a user runs it: a report of a few lines, or one line
on stderr, exit 1 and the target unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from merge_fixtures import T0, Wall, base_file, digest, dump, laptop, saved

from facilitator.domain import model as m
from facilitator.storage import open_file
from facilitator.storage import repository as repo


def run(*args: str, cwd: Path, lang: str = "en") -> subprocess.CompletedProcess:
    env = dict(os.environ, FACILITATOR_CONFIG_DIR=str(cwd / "config"), LANG="C")
    return subprocess.run(
        [sys.executable, "-m", "facilitator", "--lang", lang, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def team(tmp_path):
    base = base_file(tmp_path)
    files = []
    for n, device in enumerate(("ana", "ben")):
        db = laptop(base, tmp_path, device, Wall(T0 + n))
        repo.insert(db, m.Intervention(base.session.id, notes=f"logged by {device}"))
        files.append(saved(db).name)
    return base, files


def notes(path: Path) -> set[str]:
    db = open_file(path, device="reader", readonly=True)
    try:
        return {i.notes for i in repo.find(db, m.Intervention)}
    finally:
        db.close()


def test_merge_into_a_new_file_then_again(tmp_path, team):
    base, (ana, ben) = team
    result = run("merge", "all.facilitator", ana, ben, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "ana.facilitator: new 15, updated 0, already present 0, deleted 0."
    assert "  Interventions: new 4, updated 0, already present 0, deleted 0" in lines
    assert "ben.facilitator: new 1, updated 0, already present 14, deleted 0." in lines
    assert lines[-1] == "Merged into all.facilitator."
    assert {"logged by ana", "logged by ben"} <= notes(tmp_path / "all.facilitator")
    assert not list(tmp_path.glob(".all*"))

    again = run("merge", "all.facilitator", ben, cwd=tmp_path)
    assert again.returncode == 0
    assert again.stdout.splitlines()[0] == (
        "ben.facilitator: new 0, updated 0, already present 15, deleted 0."
    )


def test_merge_in_french(tmp_path, team):
    _base, (ana, _ben) = team
    result = run("merge", "all.facilitator", ana, cwd=tmp_path, lang="fr")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_a_refused_source_leaves_the_target_unchanged(tmp_path, team):
    base, (ana, ben) = team
    target = base.path
    bad = tmp_path / "minutes.facilitator"
    bad.write_text("not a database")
    before, before_bytes = dump(target), digest(target)
    line = one_line_error(run("merge", str(target), ana, str(bad), cwd=tmp_path))
    assert line == f"facilitator: {bad} is not a Facilitator file (it is not an SQLite database)."
    assert dump(target) == before and digest(target) == before_bytes
    assert not (tmp_path / "new.facilitator").exists()
    one_line_error(run("merge", "new.facilitator", ana, str(bad), cwd=tmp_path))
    assert not (tmp_path / "new.facilitator").exists()


def test_another_series_needs_the_flag(tmp_path, team):
    base, (ana, _ben) = team
    other = base_file(tmp_path, "GCM Talks 2023")
    before = dump(base.path)
    line = one_line_error(run("merge", str(base.path), str(other.path), cwd=tmp_path))
    assert "GCM Talks 2023" in line and "--allow-other-series" in line
    assert dump(base.path) == before
    result = run("merge", str(base.path), str(other.path), "--allow-other-series", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "from “GCM Talks 2023”" in result.stdout
    db = open_file(base.path, device="reader", readonly=True)
    assert len(repo.load_series(db).sessions) == 2
    db.close()


def test_usage_errors(tmp_path):
    result = run("merge", "only-a-target.facilitator", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
