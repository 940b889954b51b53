"""The file stays the file (issue 18): a colleague's copy renamed over the open file, the file
deleted, its -wal deleted. Before each save the document sees it, writes nothing there, says
so in one line, and still holds everything acknowledged: a copy saved from it has every entry,
and merging that copy into what is now at the path loses nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from facilitator.app import bundled, file_ops
from facilitator.app import merge as app_merge
from facilitator.app.document import Document
from facilitator.app.file_identity import FileChanged
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge


def add_note(text: str):
    def operation(db):
        session = repo.find(db, m.Session)[0]
        record = repo.insert(db, m.Intervention(session.id, notes=text))
        return ChangeSet.of(added=[("intervention", record.id)])

    return operation


def notes_in(path: Path) -> set[str]:
    db = open_file(path, device="reader", readonly=True)
    try:
        return {i.notes for i in repo.find(db, m.Intervention)}
    finally:
        db.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def open_doc(tmp_path, demo_path):
    doc = Document.open(demo_path)
    doc.run(add_note("acknowledged before"))
    yield doc
    doc.close()


def _replace(path: Path, tmp_path: Path) -> None:
    colleague = tmp_path / "colleague.facilitator"
    file_ops.write_new_file(colleague, bundled.demo_series())
    db = open_file(colleague, device="colleague")
    session = repo.find(db, m.Session)[0]
    repo.insert(db, m.Intervention(session.id, notes="the colleague's note"))
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    os.replace(colleague, path)  # what a sync client does


def _delete(path: Path, tmp_path: Path) -> None:
    path.unlink()


def _delete_wal(path: Path, tmp_path: Path) -> None:
    Path(f"{path}-wal").unlink()


@pytest.mark.parametrize(
    ("change", "words"),
    [(_replace, "was replaced"), (_delete, "was deleted"), (_delete_wal, "journal beside")],
)
def test_a_changed_path_stops_the_writes_and_keeps_everything(open_doc, tmp_path, change, words):
    path = open_doc.path
    change(path, tmp_path)
    before = digest(path) if path.exists() else None
    with pytest.raises(FileChanged) as refused:
        open_doc.run(add_note("typed after"))
    line = str(refused.value)
    assert words in line and "\n" not in line and "Merge files" in line
    # Everything acknowledged was copied at once (fsynced): a crash from now on loses nothing.
    [kept] = [p for p in tmp_path.rglob("*.kept-*.facilitator")]
    assert kept.name in line and notes_in(kept) >= {"acknowledged before"}
    with pytest.raises(FileChanged):  # and every later save too, even if the path came back
        open_doc.run(add_note("typed later"))
    if before is not None:
        assert digest(path) == before  # nothing written into what is there now

    copy = tmp_path / "kept.facilitator"
    app_merge.save_copy_for_team(open_doc, copy)
    assert "acknowledged before" in notes_in(copy)
    assert "typed after" not in notes_in(copy)  # never acknowledged

    if path.exists():  # merge what the window holds with what is now at the path
        here = tmp_path / "now.facilitator"
        shutil.copyfile(path, here)
        target = open_file(here, device="rapporteur")
        merge(target, copy)
        target.close()
        assert "acknowledged before" in notes_in(here)


def test_nothing_changed_nothing_refused(open_doc):
    open_doc.run(add_note("second"))
    open_doc.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # a checkpoint keeps the -wal
    open_doc.run(add_note("third"))
    assert open_doc.stopped is None
