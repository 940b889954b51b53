"""A damaged file or bad JSON is told in one line of the user's language: SQLite's and
Python's English reasons ("database disk image is malformed", "Expecting value") are said in
that language or logged, never pasted into the line."""

from __future__ import annotations

import re

import pytest
from test_cli import one_line_error, run

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def truncated(tmp_path):
    made = run("new", "whole.facilitator", cwd=tmp_path)
    assert made.returncode == 0, made
    whole = (tmp_path / "whole.facilitator").read_bytes()
    (tmp_path / "cut.facilitator").write_bytes(whole[: len(whole) * 2 // 5])
    return tmp_path


def test_a_truncated_file_is_one_english_line_with_what_to_do(truncated):
    line = one_line_error(run("check", "cut.facilitator", cwd=truncated))
    assert "cut.facilitator is damaged and cannot be read" in line
    assert "restore a backup" in line
    assert "malformed" not in line


def test_the_arabic_line_holds_no_english_sqlite_words(truncated):
    line = one_line_error(run("check", "cut.facilitator", cwd=truncated, lang="ar"))
    assert "تالف" in line
    # Only the program's and the file's own names are in Latin letters.
    words = set(LATIN_WORD.findall(line.replace("cut.facilitator", "")))
    assert words == {"facilitator"}, line
    log = (truncated / "config" / "facilitator.log").read_text(encoding="utf-8")
    assert "database disk image is malformed" in log  # the detail is kept, for whoever helps


@pytest.mark.parametrize(
    "text, english",
    [('{"format": ', "Expecting value"), ('{"a" 1}', "Expecting ':'"), ("[1] x", "Extra data")],
)
def test_a_json_syntax_error_is_said_in_arabic(tmp_path, text, english):
    (tmp_path / "bad.json").write_text(text, encoding="utf-8")
    line = one_line_error(run("import", "s.facilitator", "bad.json", cwd=tmp_path, lang="ar"))
    assert "JSON" in line and english not in line
    assert set(LATIN_WORD.findall(line.replace("s.facilitator", ""))) <= {
        "JSON",
        "json",
        "bad",
        "facilitator",
    }
    english_line = one_line_error(run("import", "s.facilitator", "bad.json", cwd=tmp_path))
    assert "not valid JSON (line 1" in english_line and english not in english_line
