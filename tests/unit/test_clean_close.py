"""The whole-file integrity check runs at every open except of a file this app closed cleanly
and nothing touched since (it reads 286 MiB at 200,000 interventions)."""

from __future__ import annotations

import os

import pytest

from facilitator.app.document import Document
from facilitator.errors import FacilitatorError
from facilitator.storage import database


@pytest.fixture
def checks(monkeypatch) -> list[bool]:
    seen: list[bool] = []
    original = database.probe

    def probe(path, *, check=True):
        seen.append(check)
        return original(path, check=check)

    monkeypatch.setattr(database, "probe", probe)
    return seen


def test_a_file_closed_cleanly_is_not_checked_again_until_it_changes(demo_path, checks):
    Document.open(demo_path).close()
    Document.open(demo_path).close()
    assert checks == [True, False]
    stat = demo_path.stat()
    os.utime(demo_path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # copied over, say
    Document.open(demo_path).close()
    assert checks == [True, False, True]


def test_a_file_damaged_after_a_clean_close_is_refused(demo_path):
    Document.open(demo_path).close()
    data = bytearray(demo_path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // size):
        data[page * size] = 0xFF  # no b-tree page is of that type
    demo_path.write_bytes(bytes(data))  # same size, new modification time
    with pytest.raises(FacilitatorError):
        doc = Document.open(demo_path)
        doc.load_series()
        doc.close()


def test_a_file_open_elsewhere_is_checked(demo_path, checks):
    Document.open(demo_path).close()
    first = Document.open(demo_path)
    try:
        Document.open(demo_path).close()  # read-only: another window has it
    finally:
        first.close()
    Document.open(demo_path).close()
    assert checks == [True, False, True, False]  # a -wal beside it: in use, checked


def test_an_empty_wal_left_by_a_reader_is_no_change(demo_path, checks):
    """A read-only connection of another program leaves an empty -wal: nothing in it, the
    file as the app left it, so not checked again; a -wal holding pages is."""
    import sqlite3

    Document.open(demo_path).close()
    reader = sqlite3.connect(f"file:{demo_path}?mode=ro", uri=True)
    reader.execute("SELECT count(*) FROM intervention").fetchone()
    reader.close()
    wal = demo_path.with_name(demo_path.name + "-wal")
    assert wal.exists() and wal.stat().st_size == 0
    Document.open(demo_path).close()
    assert checks == [True, False]
    Document.open(demo_path).close()
    wal.write_bytes(b"\0" * 32)  # pages of a write the app did not see closed
    Document.open(demo_path).close()
    assert checks == [True, False, False, True]
