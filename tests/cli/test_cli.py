"""The command line, run as a user runs it: a subprocess, exit codes, one-line errors."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


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


def one_line_error(result: subprocess.CompletedProcess, code: int = 1) -> str:
    assert result.returncode == code, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "template, minutes",
    [("gcm-talk", [10, 10, 15, 50, 5]), ("regional-consultation", [5, 15, 15, 45, 10])],
)
def test_new_from_template(tmp_path, template, minutes):
    result = run("new", "s.facilitator", "--template", template, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    from facilitator.storage import open_file
    from facilitator.storage import repository as repo

    db = open_file(tmp_path / "s.facilitator", device="t", readonly=True)
    content = repo.load_series(db)
    db.close()
    assert [a.planned_minutes for a in content.sessions[0].agenda] == minutes


def test_demo_export_import_export_is_identical(tmp_path):
    assert run("new", "demo.facilitator", "--template", "demo", cwd=tmp_path).returncode == 0
    assert run("check", "demo.facilitator", cwd=tmp_path).returncode == 0
    assert (
        run(
            "export", "demo.facilitator", "--format", "json", "-o", "a.json", cwd=tmp_path
        ).returncode
        == 0
    )
    result = run("import", "copy.facilitator", "a.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        run(
            "export", "copy.facilitator", "--format", "json", "-o", "b.json", cwd=tmp_path
        ).returncode
        == 0
    )
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_check_healthy_file_says_so(tmp_path):
    run("new", "s.facilitator", cwd=tmp_path)
    result = run("check", "s.facilitator", cwd=tmp_path)
    assert result.returncode == 0 and "healthy" in result.stdout


def test_missing_file(tmp_path):
    assert "No file at" in one_line_error(run("check", "nope.facilitator", cwd=tmp_path))


def test_not_sqlite(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    before = digest(tmp_path / "notes.txt")
    assert "not an SQLite" in one_line_error(run("check", "notes.txt", cwd=tmp_path))
    assert digest(tmp_path / "notes.txt") == before


def test_sqlite_of_another_application(tmp_path):
    conn = sqlite3.connect(tmp_path / "other.db")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(tmp_path / "other.db")
    result = run("export", "other.db", "-o", "x.json", cwd=tmp_path)
    assert "another application" in one_line_error(result)
    assert digest(tmp_path / "other.db") == before and not (tmp_path / "x.json").exists()


def test_newer_version(tmp_path):
    run("new", "s.facilitator", cwd=tmp_path)
    conn = sqlite3.connect(tmp_path / "s.facilitator")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = digest(tmp_path / "s.facilitator")
    assert "newer version" in one_line_error(run("check", "s.facilitator", cwd=tmp_path))
    assert digest(tmp_path / "s.facilitator") == before


def test_malformed_json(tmp_path):
    (tmp_path / "bad.json").write_text('{"format": ', encoding="utf-8")
    line = one_line_error(run("import", "s.facilitator", "bad.json", cwd=tmp_path))
    assert "not valid JSON" in line and "line 1" in line
    assert not (tmp_path / "s.facilitator").exists()


def test_json_of_the_wrong_shape_names_the_field(tmp_path):
    (tmp_path / "bad.json").write_text(
        '{"format": "facilitator.series", "version": 1, "series": {"title": "x",'
        ' "sessions": [{"title": "s", "agenda": [{"title": "a", "planned_minutes": -3}]}]}}',
        encoding="utf-8",
    )
    line = one_line_error(run("import", "s.facilitator", "bad.json", cwd=tmp_path))
    assert "series.sessions[0].agenda[0].planned_minutes" in line


def test_unwritable_output(tmp_path):
    run("new", "s.facilitator", cwd=tmp_path)
    line = one_line_error(
        run("export", "s.facilitator", "-o", "missing/dir/out.json", cwd=tmp_path)
    )
    assert "Cannot write" in line


def test_existing_target_is_not_overwritten(tmp_path):
    run("new", "s.facilitator", cwd=tmp_path)
    before = digest(tmp_path / "s.facilitator")
    assert "already exists" in one_line_error(run("new", "s.facilitator", cwd=tmp_path))
    assert digest(tmp_path / "s.facilitator") == before


def test_bad_command_line_is_one_line_with_usage_code(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "new"],
        capture_output=True,
        text=True,
        env=dict(os.environ, FACILITATOR_CONFIG_DIR=str(tmp_path)),
        timeout=60,
    )
    one_line_error(result, code=2)


def test_no_display_is_one_clear_line(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["FACILITATOR_CONFIG_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "--demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "QT_QPA_PLATFORM=offscreen" in one_line_error(result)


def test_messages_follow_the_language(tmp_path):
    line = one_line_error(run("check", "nope.facilitator", cwd=tmp_path, lang="fr"))
    assert "No file at" not in line


def test_demo_opens_the_main_window_offscreen(tmp_path):
    env = dict(
        os.environ,
        FACILITATOR_CONFIG_DIR=str(tmp_path),
        QT_QPA_PLATFORM="offscreen",
        FACILITATOR_EXIT_AFTER_MS="300",
    )
    result = subprocess.run(
        [sys.executable, "-m", "facilitator", "--demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "demo.facilitator — Facilitator"
