"""The notes page when the open file is replaced under it (issue 18): Ctrl+Enter says in one
line that nothing more is written there and where everything saved was kept; what was typed
stays in the form."""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shots import shots_dir

from facilitator.app import bundled, file_ops
from facilitator.app.document import Document
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.notes.page import NotesPage

NOW = dt.datetime(2023, 3, 23, 15, 40, tzinfo=dt.UTC)
CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_file_renamed_over_keeps_the_text_and_says_where_the_work_is(qtbot, tmp_path):
    path = tmp_path / "ours.facilitator"
    file_ops.write_new_file(path, bundled.demo_series())
    db = open_file(path, device="ours")
    session = repo.load_series(db).sessions[0]
    make_app()
    signals = DocumentSignals()
    signals.set_document(Document(db))
    page = NotesPage(signals, now=lambda: NOW)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.set_session(signals.doc, session)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)

    colleague = tmp_path / "colleague.facilitator"
    file_ops.write_new_file(colleague, bundled.demo_series())
    os.replace(colleague, path)  # the sync client puts a colleague's copy in its place
    page.form.notes.setPlainText("Words typed after the replacement")
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    status = page.form.status.text()
    assert "was replaced by another file" in status and ".kept-" in status
    assert page.form.notes.toPlainText() == "Words typed after the replacement"
    page.grab().save(str(shots_dir("merge") / "file-replaced-en.png"))
    apply_language("ar")
    page.grab().save(str(shots_dir("merge") / "file-replaced-ar.png"))
    apply_language("en")
    db.close()
