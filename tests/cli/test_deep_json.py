"""Bad input (issue 18): JSON nested beyond a sane depth gets one clear line naming the place
(import, merge, export), never "unexpected error (RecursionError)"; and the app opens such a
file without raising."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from facilitator.app import bundled, file_ops
from facilitator.exports import json_series

ROOT = Path(__file__).resolve().parents[2]
DEEP = "[" * 100_000 + "]" * 100_000


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        FACILITATOR_CONFIG_DIR=str(cwd / "config"),
        LANG="C",
        PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    )
    return subprocess.run(
        [sys.executable, "-m", "facilitator", "--lang", "en", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "RecursionError" not in lines[0] and "unexpected" not in lines[0]
    return lines[0]


def deep_file(path: Path) -> Path:
    """A file of ours whose point holds a deeply nested list (written behind the app's back)."""
    file_ops.write_new_file(path, bundled.demo_series())
    conn = sqlite3.connect(path)
    conn.execute("UPDATE point SET gcm_objectives = ? WHERE rowid = 1", (DEEP,))
    conn.commit()
    conn.close()
    return path


def test_import_names_the_nesting(tmp_path):
    source = tmp_path / "deep.json"
    source.write_text('{"format": "facilitator-series", "series": ' + DEEP + "}", "utf-8")
    line = one_line(run("import", str(tmp_path / "new.facilitator"), str(source), cwd=tmp_path))
    assert "deep.json" in line and "nested" in line
    assert not (tmp_path / "new.facilitator").exists()


def test_merge_names_the_table_and_column(tmp_path):
    target = tmp_path / "target.facilitator"
    file_ops.write_new_file(target, bundled.demo_series())
    source = deep_file(tmp_path / "colleague.facilitator")
    line = one_line(run("merge", str(target), str(source), cwd=tmp_path))
    assert "colleague.facilitator" in line and "point.gcm_objectives" in line


def test_export_names_the_record(tmp_path):
    source = deep_file(tmp_path / "deep.facilitator")
    for fmt in ("json", "md"):
        out = tmp_path / f"out.{fmt}"
        line = one_line(run("export", str(source), "--format", fmt, "-o", str(out), cwd=tmp_path))
        assert "deep.facilitator" in line and "point" in line and "nested" in line
        assert not out.exists()


def test_json_text_nested_too_deep_is_refused_in_one_line():
    text = '{"format": "facilitator-series", "series": ' + "[" * 200 + "]" * 200 + "}"
    try:
        json_series.loads(text, source="series.json")
    except json_series.JsonFormatError as error:
        assert "series.json" in str(error) and "nested" in str(error)
    else:
        raise AssertionError("accepted")
