"""The rapporteur sees what an export changes: File > Export… lists each place where a hidden
name was found and replaced, says what the app cannot know, and writes only after "Export";
the Summary tab marks the take-aways that needed it."""

from __future__ import annotations

from pathlib import Path

import pytest
from privacy_data import HIDDEN, series
from privacy_scan import leaks
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from facilitator.app.document import Document
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.new_file import write_new_file
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.files.export_dialog import ExportDialog
from facilitator.ui.files.privacy_dialog import PrivacyDialog
from facilitator.ui.summary.page import SummaryPage


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "hidden.facilitator"
    write_new_file(path, series(), device="test")
    db = open_file(path, device="test")
    yield Document(db)
    db.close()


def start_export(qtbot, doc, fmt: str, out) -> tuple[ExportDialog, PrivacyDialog]:
    session_id = repo.load_series(doc.db).sessions[0].session.id
    dialog = ExportDialog(None, doc, session_id)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
    dialog.path_edit.setText(str(out))
    dialog.start()
    check = dialog.findChild(PrivacyDialog)
    assert check is not None and check.isVisible()
    return dialog, check


def test_the_privacy_list_shows_each_replacement_before_anything_is_written(qtbot, doc, tmp_path):
    out = tmp_path / "report.md"
    dialog, check = start_export(qtbot, doc, "md", out)
    rows = check.rows()
    where = [r[0].strip("\u2068\u2069") for r in rows]
    assert "Session “Regional consultation”: agenda item 2, title" in where
    assert any(r[2].strip("\u2068\u2069") == "Testimony - […]" for r in rows)
    assert any("Kuznetsova" in r[1] for r in rows)
    assert "nickname" in check.findChild(QLabel, "privacyUnknown").text()
    assert not out.exists()  # nothing is written before the rapporteur has seen the list
    with qtbot.waitSignal(dialog.finished_export, timeout=20000):
        check.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert leaks([out], HIDDEN) == []


def test_cancel_in_the_privacy_check_writes_nothing(qtbot, doc, tmp_path):
    out = tmp_path / "report.pdf"
    dialog, check = start_export(qtbot, doc, "pdf", out)
    check.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not check.isVisible() and dialog.worker is None and not out.exists()


def test_the_suggested_file_name_has_no_hidden_name(qtbot, tmp_path):
    path = tmp_path / "Testimony Ezehi.facilitator"
    write_new_file(path, series(), device="test")
    db = open_file(path, device="test")
    try:
        dialog = ExportDialog(None, Document(db), None)
        qtbot.addWidget(dialog)
        assert Path(dialog.path_edit.text()).name == "Testimony _-en.pdf"
    finally:
        db.close()


def test_the_archive_says_it_keeps_every_name(qtbot, doc, tmp_path):
    _dialog, check = start_export(qtbot, doc, "json", tmp_path / "archive.json")
    assert check.rows() == []
    assert "keeps every name" in check.intro.text()


def test_the_summary_tab_marks_the_takeaways_that_name_someone(qtbot, doc):
    signals = DocumentSignals()
    signals.set_document(doc)
    page = SummaryPage(signals)
    signals.changed.connect(page.document_changed)
    qtbot.addWidget(page)
    page.set_session(doc, repo.load_series(doc.db).sessions[0])
    page.topic_box.setCurrentIndex(page.topic_box.findData(None))
    lst = page.lists["recommendation"]
    assert lst.count() == 4
    for n in range(lst.count()):
        assert not lst.item(n).icon().isNull()
        assert "[…]" in lst.item(n).toolTip()
    note = page.findChild(QLabel, "summaryPrivacyNote")
    assert note.isVisibleTo(page) and "4 take-aways" in note.text()
    # Rephrased without the name: the mark goes at once.
    lst.item(0).setText("A participant called for…")
    assert lst.item(0).icon().isNull() and lst.item(0).toolTip() == ""
    assert "3 take-aways" in note.text()
    lst.setCurrentRow(1)
    assert not page.linked.item(0).icon().isNull()  # the point it came from is marked too
