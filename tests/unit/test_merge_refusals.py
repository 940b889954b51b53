"""A source that is not a healthy Facilitator file of this series is refused with one line, and
neither the target nor the source changes. A hostile file cannot run anything."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from merge_fixtures import T0, Wall, base_file, digest, dump, laptop, saved

from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge


@pytest.fixture
def target(tmp_path):
    base = base_file(tmp_path)
    db = laptop(base, tmp_path, "rapporteur", Wall(T0 + 60))
    yield base, db
    db.close()


def refuse(db, source: Path, *words: str, **options) -> str:
    """Merge `source`, expect a refusal; check the target and the source are untouched."""
    before, source_bytes = dump(db), digest(source) if source.is_file() else None
    with pytest.raises(FacilitatorError) as refused:
        merge(db, source, **options)
    message = str(refused.value)
    assert "\n" not in message and "Traceback" not in message
    for word in words:
        assert word in message
    assert dump(db) == before
    if source_bytes is not None:
        assert digest(source) == source_bytes
    return message


def edit_raw(path: Path, *statements: str) -> None:
    """Change a file behind the app's back, as another tool or a hostile person would."""
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def colleague(tmp_path, base, device="ben", wall=None) -> Path:
    db = laptop(base, tmp_path, device, wall or Wall(T0))
    repo.insert(db, m.Intervention(base.session.id, notes="from a colleague"))
    return saved(db)


def test_foreign_files(target, tmp_path):
    _base, db = target
    text = tmp_path / "notes.facilitator"
    text.write_text("minutes of the meeting")
    refuse(db, text, "not a Facilitator file")
    empty = tmp_path / "empty.facilitator"
    empty.write_bytes(b"")
    refuse(db, empty, "empty")
    other = tmp_path / "other.sqlite"
    edit_raw(other, "CREATE TABLE t (x)")
    refuse(db, other, "another application")
    refuse(db, tmp_path / "missing.facilitator", "No file")
    refuse(db, tmp_path, "folder")


def test_corrupt_and_truncated_files(target, tmp_path):
    base, db = target
    source = colleague(tmp_path, base)
    data = source.read_bytes()
    truncated = tmp_path / "truncated.facilitator"
    truncated.write_bytes(data[: len(data) // 2])
    refuse(db, truncated, "truncated.facilitator")
    scrambled = tmp_path / "scrambled.facilitator"
    page = 4096
    scrambled.write_bytes(data[: 2 * page] + bytes(range(256)) * 16 + data[3 * page :])
    refuse(db, scrambled, "scrambled.facilitator")


def test_a_file_from_a_newer_version(target, tmp_path):
    base, db = target
    source = colleague(tmp_path, base)
    edit_raw(source, "PRAGMA user_version = 99")
    refuse(db, source, "newer version of Facilitator")


def test_clock_stamps_far_in_the_future(target, tmp_path):
    base, db = target
    two_days = T0 + 2 * 24 * 3600
    source = colleague(tmp_path, base, wall=Wall(two_days))
    message = refuse(db, source, "ahead of this computer's clock", now=T0)
    assert "16 Nov 2023" in message
    # A few hours of difference between laptops is normal and accepted.
    merge(db, colleague(tmp_path, base, "cy", wall=Wall(T0 + 3 * 3600)), now=T0)


def test_another_series_without_the_flag(target, tmp_path):
    _base, db = target
    other = base_file(tmp_path, "Another series")
    refuse(db, other.path, "Another series")


@pytest.mark.parametrize(
    "hostile",
    [
        # A trigger that would wipe the target if the source were attached and written to.
        "CREATE TRIGGER evil AFTER UPDATE ON series BEGIN DELETE FROM intervention; END",
        # A view that calls back into the app if a function of that name were registered.
        "CREATE VIEW evil AS SELECT facilitator_callback(id) FROM intervention",
        # A table replaced by a view of the same name.
        "DROP TABLE takeaway; CREATE VIEW takeaway AS SELECT * FROM point",
        "CREATE TABLE evil (payload TEXT)",
        "DROP TRIGGER search_point_insert",
    ],
)
def test_hostile_schema_is_refused_before_any_row_is_read(target, tmp_path, hostile, monkeypatch):
    base, db = target
    source = colleague(tmp_path, base)
    conn = sqlite3.connect(source)
    conn.executescript(hostile)
    conn.close()
    # Every connection opened while merging offers a callback into the app: it must never run.
    calls, connect = [], sqlite3.connect

    def connect_with_callback(*args, **kwargs):
        opened = connect(*args, **kwargs)
        opened.create_function("facilitator_callback", 1, calls.append)
        return opened

    monkeypatch.setattr(sqlite3, "connect", connect_with_callback)
    message = refuse(db, source, "altered outside Facilitator")
    assert calls == []
    assert "evil" in message or "takeaway" in message or "search_point_insert" in message


@pytest.mark.parametrize(
    "statement, column",
    [
        ("UPDATE intervention SET id = 'not-a-uuid' WHERE rowid = 1", "intervention.id"),
        ("UPDATE point SET position = 'third' WHERE rowid = 1", "point.position"),
        ("UPDATE point SET kind = 'rumour' WHERE rowid = 1", "point.kind"),
        ("UPDATE intervention SET hlc = 'yesterday' WHERE rowid = 1", "intervention.hlc"),
        ("UPDATE intervention SET stamps = '[1]' WHERE rowid = 1", "intervention.stamps"),
        (
            'UPDATE intervention SET stamps = \'{"notes": "9999999999999.000000.x"}\' '
            "WHERE rowid = 1",
            "intervention.stamps",
        ),
        ("UPDATE intervention SET notes = x'00ff' WHERE rowid = 1", "intervention.notes"),
        ("UPDATE session SET gcm_objectives = '[0, 99]'", "session.gcm_objectives"),
        ("UPDATE intervention SET deleted = 2 WHERE rowid = 1", "intervention.deleted"),
        ("UPDATE point SET intervention_id = 42 WHERE rowid = 1", "point.intervention_id"),
    ],
)
def test_invalid_values_are_refused_before_anything_is_written(target, tmp_path, statement, column):
    base, db = target
    source = colleague(tmp_path, base)
    edit_raw(source, statement)
    refuse(db, source, column)


def test_a_refused_source_in_the_middle_leaves_no_half_merge(target, tmp_path):
    base, db = target
    good = colleague(tmp_path, base, "ana")
    bad = colleague(tmp_path, base, "ben")
    edit_raw(bad, "UPDATE point SET kind = 'rumour' WHERE rowid = 1")
    from facilitator.cli.merge_command import merge_paths

    path = db.path
    db.close()
    before = dump(path)
    with pytest.raises(FacilitatorError):
        merge_paths(path, [str(good), str(bad)])
    assert dump(path) == before
    db2 = open_file(path, device="rapporteur")
    db2.close()
