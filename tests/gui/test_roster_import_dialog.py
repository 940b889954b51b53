"""The registration-list dialog as people use it: a path typed into its field and Return reads
that file (and never opens the file picker), and an Excel workbook imports like a CSV. (The
large-list reading on a worker thread has no GUI test here: after some other GUI tests it
crashed the test process; see the closing note of 2 December 2026.)"""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from facilitator.app.document import Document
from facilitator.storage import participants_store as store
from facilitator.storage import repository as repo
from facilitator.ui.application import make_app
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.participants.roster_import import RosterImportDialog


@pytest.fixture
def dialog(qtbot, demo_db, monkeypatch):
    make_app()
    signals = DocumentSignals()
    signals.set_document(Document(demo_db))
    content = repo.load_series(demo_db)

    def no_picker(*args, **kwargs):
        raise AssertionError("the file picker opened")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(no_picker))
    dialog = RosterImportDialog(signals, content.series.id, content.sessions[4].session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_typed_path_and_return_read_that_file(qtbot, dialog, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Name,Country\nAna,Chile\n", encoding="utf-8")
    dialog.path.setFocus()
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert dialog.summary.text() == "1 person can be imported."
    assert dialog.preview.text().startswith("Read as UTF-8.")


def test_an_excel_workbook_imports_like_a_csv(qtbot, dialog, demo_db, tmp_path):
    book = Workbook()
    for row in (["Full name", "Organization", "Country"], ["Zanele Dube", "IOM", "South Africa"]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "list.xlsx"
    path.write_bytes(buffer.getvalue())
    dialog.load(path)
    assert dialog.preview.text().startswith("Read from an Excel workbook.")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    series_id = dialog.series_id
    zanele = next(p for p in store.list_participants(demo_db, series_id) if p.name == "Zanele Dube")
    assert (zanele.organisation, zanele.country) == ("IOM", "South Africa")
