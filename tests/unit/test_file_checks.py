"""Foreign, damaged, newer and tampered files are refused with one line and left untouched;
older files are migrated forward with a backup beside them."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from facilitator.errors import FacilitatorError
from facilitator.storage import check_file, create_file, open_file
from facilitator.storage import repository as repo
from facilitator.storage.schema import APPLICATION_ID, SCHEMA_VERSION

FIXTURE_V1 = Path(__file__).parents[1] / "fixtures" / "format1.facilitator"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def made_file(tmp_path: Path) -> Path:
    path = tmp_path / "ok.facilitator"
    create_file(path, device="d").close()
    return path


def refused(path: Path, *words: str) -> str:
    before = digest(path) if path.is_file() else None
    with pytest.raises(FacilitatorError) as info:
        open_file(path, device="d")
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    for word in words:
        assert word in message
    if before is not None:
        assert digest(path) == before, "a refused file must not be modified"
    return message


def test_missing_file(tmp_path):
    refused(tmp_path / "nope.facilitator", "No file at")


def test_folder(tmp_path):
    refused(tmp_path, "folder")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.facilitator"
    path.write_bytes(b"")
    refused(path, "empty")


def test_random_bytes(tmp_path):
    path = tmp_path / "random.facilitator"
    path.write_bytes(bytes(range(256)) * 40)
    refused(path, "not an SQLite database")


def test_sqlite_file_of_another_application(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    refused(path, "another application")


def test_file_from_a_newer_version(tmp_path):
    path = made_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    refused(path, "newer version", "update Facilitator")


def test_truncated_file(tmp_path):
    path = tmp_path / "demo.facilitator"
    shutil.copy(FIXTURE_V1, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    refused(path)


@pytest.mark.parametrize("size", [16, 50, 71, 99, 100, 511])
def test_a_file_cut_short_after_its_first_bytes_is_damaged_not_foreign(tmp_path, size):
    path = tmp_path / "demo.facilitator"
    path.write_bytes(FIXTURE_V1.read_bytes()[:size])  # a copy stopped part-way
    refused(path, "is damaged", "restore a backup")


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE TABLE extra (x)",
        "CREATE VIEW v AS SELECT 1",
        "CREATE TRIGGER t AFTER INSERT ON series BEGIN DELETE FROM session; END",
    ],
)
def test_tampered_schema(tmp_path, statement):
    path = made_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()
    refused(path, "altered outside Facilitator")


def test_old_format_is_migrated_with_a_backup(tmp_path):
    path = tmp_path / "old.facilitator"
    shutil.copy(FIXTURE_V1, path)
    original = digest(path)
    db = open_file(path, device="d")
    try:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        series = repo.load_series(db)
        assert series.series.title == "Format 1 fixture series"
        assert series.sessions[0].points[0].text == "Mesa de Búsqueda established in 2019"
        # rows written before the upgrade are searchable afterwards
        hits = db.conn.execute(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'пропавшие'"
        ).fetchone()[0]
        assert hits == 1
    finally:
        db.close()
    backup = tmp_path / "old.format1.backup.facilitator"
    assert backup.exists() and digest(backup) == original


def test_check_reports_a_healthy_file(demo_path):
    report = check_file(demo_path)
    assert report.schema_version == SCHEMA_VERSION and report.integrity == "ok"
    assert report.sessions >= 1


def test_new_files_carry_our_application_id(tmp_path):
    path = made_file(tmp_path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_read_only_open_does_not_change_the_file(demo_path):
    before = digest(demo_path)
    db = open_file(demo_path, device="d", readonly=True)
    repo.load_series(db)
    db.close()
    assert digest(demo_path) == before
