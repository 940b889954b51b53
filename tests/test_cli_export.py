"""`facilitator export FILE --format F --lang L [--session ID] -o PATH`, one run per format."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import docx
import openpyxl
import pytest

from facilitator.app import bundled, file_ops


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.facilitator"
    file_ops.write_new_file(path, bundled.demo_series())
    return path


def run(*args, cwd):
    env = dict(os.environ, LANG="en_US.UTF-8")
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def check_output(fmt: str, path) -> None:
    if fmt == "pdf":
        assert path.read_bytes().startswith(b"%PDF-")
    elif fmt == "docx":
        assert "Background" in [p.text for p in docx.Document(str(path)).paragraphs]
    elif fmt == "md":
        assert "## Background" in path.read_text(encoding="utf-8")
    elif fmt == "csv":
        rows = list(csv.reader(path.open(encoding="utf-8-sig")))
        assert len(rows) == 1 + 25  # the 23 March 2023 talk's interventions
    elif fmt == "xlsx":
        assert len(openpyxl.load_workbook(path).sheetnames) == 2
    else:
        assert json.loads(path.read_text(encoding="utf-8"))["format"] == "facilitator.series"


@pytest.mark.parametrize("fmt", ["pdf", "docx", "md", "csv", "xlsx", "json"])
def test_export_each_format(demo_file, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = run(
        "export",
        str(demo_file),
        "--format",
        fmt,
        "--lang",
        "en",
        "--session",
        "1",
        "-o",
        str(out),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote ") and str(out) in result.stdout
    check_output(fmt, out)


def test_arabic_pdf_of_the_whole_series_keeps_english_messages(demo_file, tmp_path):
    out = tmp_path / "series-ar.pdf"
    result = run(
        "export", str(demo_file), "--format", "pdf", "--lang", "ar", "-o", str(out), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote ")  # --lang after `export` is the report's language
    assert out.stat().st_size > 10_000


def test_unknown_session_is_one_line(demo_file, tmp_path):
    result = run(
        "export",
        str(demo_file),
        "--format",
        "md",
        "--session",
        "42",
        "-o",
        str(tmp_path / "x.md"),
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "42" in result.stderr
    assert not (tmp_path / "x.md").exists()
