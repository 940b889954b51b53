"""The registration-list dialog as people use it: a path typed into its field and Return reads
that file (and never opens the file picker), an Excel workbook imports like a CSV, and a large
list is read on a worker thread behind a progress dialog whose Cancel leaves nothing imported."""

from __future__ import annotations

import io
import threading

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from facilitator.app.document import Document
from facilitator.storage import participants_store as store
from facilitator.storage import repository as repo
from facilitator.ui.application import make_app
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.participants import roster_import
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


def big_list(path, rows: int) -> None:
    lines = ["Name,Organisation,Email"] + [
        f"Person {n},Org {n % 40},p{n}@x.org" for n in range(rows)
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_large_list_is_read_off_the_gui_thread_with_progress(qtbot, dialog, tmp_path):
    path = tmp_path / "big.csv"
    big_list(path, 3000)
    dialog.BACKGROUND_BYTES = 1_000
    dialog.load(path)
    assert dialog.worker is not None  # reading on its thread; the window stays responsive
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20_000)
    assert dialog.summary.text() == "3,000 people can be imported."
    assert dialog.import_button.isEnabled()


def test_cancel_while_reading_leaves_nothing_to_import(qtbot, dialog, tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    big_list(path, 100)
    gate = threading.Event()
    real = roster_import.read_table

    def slow_read(data, encoding=None):
        gate.wait(10)
        return real(data, encoding)

    monkeypatch.setattr(roster_import, "read_table", slow_read)
    dialog.BACKGROUND_BYTES = 10
    dialog.load(path)
    [cancel] = dialog.progress.findChildren(QPushButton)
    cancel.click()  # the progress dialog's Cancel button
    gate.set()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20_000)
    assert dialog.summary.text() == "Reading the list was cancelled; nothing was imported."
    assert not dialog.import_button.isEnabled()
