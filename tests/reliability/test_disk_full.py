"""A real small filesystem that fills up mid-session: the note-taker
sees one clear line, the text stays in the form, nothing saved before is lost, and saving
works again once space (or write access) returns. Needs root to mount a tmpfs; skipped
otherwise (a file made read-only mid-session is tested in tests/gui/test_notes_page.py with
PRAGMA query_only: as root, neither chmod nor remounting a busy tmpfs read-only denies writes)."""

from __future__ import annotations

import datetime as dt
import subprocess
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.app import bundled, file_ops
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.storage import check_file, open_file
from facilitator.storage import repository as repo
from facilitator.ui.application import make_app
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.notes.page import NotesPage

CTRL = Qt.KeyboardModifier.ControlModifier
NOW = dt.datetime(2023, 3, 23, 14, 30, tzinfo=dt.UTC)


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def open_page(qtbot, path):
    make_app()
    db = open_file(path, device="laptop")
    session = repo.load_series(db).sessions[0]
    signals = DocumentSignals()
    signals.set_document(Document(db))
    page = NotesPage(signals, now=lambda: NOW)
    signals.changed.connect(page.document_changed)  # as the session view wires its pages
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.set_session(signals.doc, session)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    return db, page


def save(qtbot, page, notes: str) -> str:
    page.form.notes.setPlainText(notes)
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    return page.form.status.text()


def test_disk_full_then_space_returns(qtbot, small_disk):
    path = small_disk / "talk.facilitator"
    file_ops.write_new_file(path, bundled.template_series("gcm-talk"))
    db, page = open_page(qtbot, path)
    assert "Saved" in save(qtbot, page, "Saved before the disk filled up")
    filler = small_disk / "filler"
    with filler.open("wb") as fh:  # fill the disk to the last byte
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    long_text = "Words typed while the disk is full. " + uuid.uuid4().hex * 2000
    status = save(qtbot, page, long_text)
    assert "disk is full" in status and "\n" not in status
    assert page.form.notes.toPlainText() == long_text  # still in the window
    filler.unlink()  # space returns
    assert "Saved" in save(qtbot, page, long_text)
    db.close()
    assert check_file(path).integrity == "ok"
    db = open_file(path, device="check")
    notes = {i.notes for i in repo.find(db, m.Intervention)}
    db.close()
    assert "Saved before the disk filled up" in notes and long_text.strip() in notes
