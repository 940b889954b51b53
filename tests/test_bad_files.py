"""Bad files, on the command line and in the app: one clear line or dialog, in the user's
language, no traceback, and the file byte-for-byte unchanged."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.storage.schema import SCHEMA_VERSION

FIXTURE = Path(__file__).parent / "fixtures" / "format1.facilitator"


def _new(tmp: Path) -> Path:
    from facilitator.app import bundled, file_ops

    path = tmp / "good.facilitator"
    file_ops.write_new_file(path, bundled.template_series("gcm-talk"))
    return path


def random_bytes(tmp: Path) -> Path:
    path = tmp / "random.facilitator"
    path.write_bytes(os.urandom(64 * 1024))
    return path


def truncated(tmp: Path) -> Path:
    path = tmp / "truncated.facilitator"
    path.write_bytes(FIXTURE.read_bytes()[:9000])
    return path


def zero_bytes(tmp: Path) -> Path:
    path = tmp / "zero.facilitator"
    path.write_bytes(b"")
    return path


def other_application(tmp: Path) -> Path:
    path = tmp / "photos.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    return path


def newer_schema(tmp: Path) -> Path:
    path = _new(tmp)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    return path


def _altered(tmp: Path, statement: str) -> Path:
    path = _new(tmp)
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def extra_trigger(tmp: Path) -> Path:
    return _altered(
        tmp, "CREATE TRIGGER evil AFTER INSERT ON point BEGIN DELETE FROM intervention; END"
    )


def extra_view(tmp: Path) -> Path:
    return _altered(tmp, "CREATE VIEW everything AS SELECT * FROM participant")


def extra_table(tmp: Path) -> Path:
    return _altered(tmp, "CREATE TABLE stolen (data BLOB)")


def invalid_utf8(tmp: Path) -> Path:
    path = _new(tmp)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE session SET title = CAST(X'4E6577FF20E2' AS TEXT)")
    conn.commit()
    conn.close()
    return path


def a_directory(tmp: Path) -> Path:
    path = tmp / "folder.facilitator"
    path.mkdir()
    return path


def dangling_symlink(tmp: Path) -> Path:
    path = tmp / "link.facilitator"
    path.symlink_to(tmp / "gone.facilitator")
    return path


def symlink_to_directory(tmp: Path) -> Path:
    (tmp / "adir").mkdir()
    path = tmp / "dirlink.facilitator"
    path.symlink_to(tmp / "adir")
    return path


def huge_file(tmp: Path) -> Path:
    path = tmp / "huge.facilitator"
    with path.open("wb") as fh:
        fh.truncate(8 * 1024**3)  # 8 GiB, sparse: refused from its first bytes, not read whole
    return path


BAD_FILES = [
    random_bytes,
    truncated,
    zero_bytes,
    other_application,
    newer_schema,
    extra_trigger,
    extra_view,
    extra_table,
    invalid_utf8,
    a_directory,
    dangling_symlink,
    symlink_to_directory,
    huge_file,
]


def checksum(path: Path) -> str | None:
    if not path.is_file():
        return None
    if path.stat().st_size > 100 * 1024**2:
        return str(path.stat().st_size)
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("make", BAD_FILES, ids=lambda f: f.__name__)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_cli_refuses_with_one_line(tmp_path, make, lang):
    path = make(tmp_path)
    before = checksum(path)
    env = dict(os.environ, FACILITATOR_CONFIG_DIR=str(tmp_path / "config"))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "facilitator",
            "--lang",
            lang,
            "export",
            str(path),
            "-o",
            str(tmp_path / "out.json"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "unexpected error" not in lines[0]
    assert checksum(path) == before
    assert not (tmp_path / "out.json").exists()
    if lang == "ar":
        assert any("\u0600" <= c <= "\u06ff" for c in lines[0]), lines[0]


@pytest.mark.parametrize("make", BAD_FILES, ids=lambda f: f.__name__)
def test_app_shows_one_message(qtbot, tmp_path, make, monkeypatch):
    from facilitator.ui.application import make_app
    from facilitator.ui.main_window import MainWindow

    path = make(tmp_path)
    before = checksum(path)
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(
        "facilitator.ui.main_window.show_error", lambda parent, error: shown.append(str(error))
    )
    assert not window.open_path(path)
    assert len(shown) == 1 and "\n" not in shown[0]
    assert window.db is None
    assert checksum(path) == before


def test_a_symlink_to_a_good_file_opens(tmp_path):
    from facilitator.storage import check_file

    good = _new(tmp_path)
    link = tmp_path / "link.facilitator"
    link.symlink_to(good)
    assert check_file(link).integrity == "ok"


def test_copy_of_fixture_is_still_valid(tmp_path):
    shutil.copy(FIXTURE, tmp_path / "f.facilitator")
