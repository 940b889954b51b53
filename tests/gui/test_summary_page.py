"""The summary editor: propose a draft from the points, edit, reorder (keys and drag and
drop), link to points, see provenance, export from the app off the GUI thread."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.storage import repository as repo
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.files.export_dialog import ExportDialog, ExportWorker
from facilitator.ui.summary.page import SummaryPage


@pytest.fixture
def demo_path(uncurated_demo_path):
    return uncurated_demo_path  # these tests start from a draft proposed from the points


@pytest.fixture
def page(qtbot, demo_db):
    signals = DocumentSignals()
    signals.set_document(Document(demo_db))
    widget = SummaryPage(signals)
    signals.changed.connect(widget.document_changed)  # as the SessionView connects its pages
    qtbot.addWidget(widget)
    content = repo.load_series(demo_db).sessions[0]
    widget.set_session(signals.doc, content)
    widget.resize(1000, 700)
    return widget


def stored(db, session_id: str, kind: str, topic_id: str) -> list[m.Takeaway]:
    found = repo.find(db, m.Takeaway, session_id=session_id)
    return sorted(
        (t for t in found if t.kind == kind and t.topic_id == topic_id), key=lambda t: t.position
    )


def texts(lst) -> list[str]:
    return [lst.item(n).text().strip("\u2068\u2069") for n in range(lst.count())]


def test_propose_edit_reorder_link_and_export(qtbot, page, demo_db, tmp_path):
    sid, topic = page.content.session.id, page.topic_id()
    assert page.lists["challenge"].count() == 0
    page.propose()
    challenges = page.lists["challenge"]
    assert challenges.count() == 5 and page.lists["practice"].count() == 6
    assert texts(challenges) == [t.text for t in stored(demo_db, sid, "challenge", topic)]

    # Edit: the new words are in the file as soon as the line shows them.
    challenges.item(0).setText("Weak coordination between institutions <b>&</b>")
    assert (
        stored(demo_db, sid, "challenge", topic)[0].text
        == "Weak coordination between institutions <b>&</b>"
    )

    # Reorder with the keyboard: Ctrl+Down moves the current line one down.
    challenges.setCurrentRow(0)
    challenges.setFocus()
    qtbot.keyClick(challenges, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    order = [t.text for t in stored(demo_db, sid, "challenge", topic)]
    assert order[1] == "Weak coordination between institutions <b>&</b>"
    assert texts(challenges) == order

    # Reorder by drag and drop (the model move a drop performs).
    challenges.model().moveRow(QModelIndex(), 4, QModelIndex(), 0)
    dropped = [t.text for t in stored(demo_db, sid, "challenge", topic)]
    assert dropped[0] == order[4] and texts(challenges) == dropped

    # Link the first line to two points and see where it came from.
    challenges.setCurrentRow(0)
    dialog = page.open_link_dialog()
    points = dialog.points
    for n in range(points.count()):
        points.item(n).setCheckState(Qt.CheckState.Unchecked)
    points.item(0).setCheckState(Qt.CheckState.Checked)
    points.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    first = stored(demo_db, sid, "challenge", topic)[0]
    assert first.point_ids == [page.content.points[0].id, page.content.points[1].id]
    assert "2 interventions" in page.provenance.text()
    assert page.linked.count() == 2

    # Export the session from the editor, in Arabic, off the GUI thread.
    page.export()
    export = page.findChild(ExportDialog)
    export.format_box.setCurrentIndex(export.format_box.findData("md"))
    export.language_box.setCurrentIndex(export.language_box.findData("ar"))
    assert export.path_edit.text().endswith("demo-ar.md")  # the proposed name follows
    out = tmp_path / "summary-ar.md"
    export.path_edit.setText(str(out))
    export.start()
    # Nothing is translated: the export lists the texts and offers the originals.
    missing = export.findChild(QMessageBox, "missingVersions")
    assert missing is not None and missing.isVisible()
    with qtbot.waitSignal(export.finished_export, timeout=20000):
        missing.defaultButton().click()
    text = out.read_text(encoding="utf-8")
    assert text.startswith('<div dir="rtl">')
    assert "Weak coordination between institutions \\<b\\>\\&\\</b\\>" in text
    assert text.index(dropped[0].split()[0]) < text.index("Weak coordination between")


def test_emptied_line_keeps_its_words(page, demo_db):
    page.propose()
    lst = page.lists["recommendation"]
    before = texts(lst)[0]
    lst.item(0).setText("   ")
    assert texts(lst)[0] == before


def test_add_appends_to_the_active_list(page, demo_db):
    page.add()
    lst = page.lists["challenge"]
    assert lst.count() == 1
    assert repo.find(demo_db, m.Takeaway, session_id=page.content.session.id)[0].kind == "challenge"


def test_cancelled_export_writes_nothing(qtbot, demo_db, tmp_path):
    content = repo.load_series(demo_db)
    out = tmp_path / "cancelled.pdf"
    worker = ExportWorker("pdf", content, out, "en", None)
    worker.stop.set()
    with qtbot.waitSignal(worker.cancelled, timeout=20000):
        worker.start()
    worker.wait()
    assert not out.exists()


def test_file_menu_has_export(qtbot):
    from facilitator.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.export_action in window.file_menu.actions()
    assert window.export_action.text() == "&Export…"
    assert "Summary" in [
        window.session_view.tabs.tabText(n) for n in range(window.session_view.tabs.count())
    ]
