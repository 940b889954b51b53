"""The search box: its typing delay may end after the file was closed (typing, then closing the
window or opening another file): the search is dropped, nothing raises; a new search shows
its first rows."""

from __future__ import annotations

from facilitator.app.document import Document
from facilitator.storage import repository as repo
from facilitator.ui.application import make_app
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.notes.page import NotesPage


def test_a_search_ending_after_the_file_closed_is_dropped(qtbot, demo_path):
    make_app()
    signals = DocumentSignals()
    doc = Document.open(demo_path)
    signals.set_document(doc)
    page = NotesPage(signals)
    qtbot.addWidget(page)
    page.set_session(doc, repo.load_series(doc.db, lazy=True).sessions[0])
    total = page.model.total
    qtbot.keyClicks(page.filters.search, "migrants")
    doc.close()
    with qtbot.waitSignal(page.filters.changed, timeout=3000):
        pass  # the delay ends: _filter runs on a closed file
    assert page.model.total == total  # the table is left as it was


def test_a_new_search_shows_its_first_rows(qtbot, demo_path):
    make_app()
    signals = DocumentSignals()
    doc = Document.open(demo_path)
    signals.set_document(doc)
    page = NotesPage(signals)
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.set_session(doc, repo.load_series(doc.db, lazy=True).sessions[0])
    page.show()
    qtbot.waitExposed(page)
    page.table.scrollToBottom()
    assert page.table.verticalScrollBar().value() > 0
    with qtbot.waitSignal(page.filters.changed, timeout=3000):
        qtbot.keyClicks(page.filters.search, "a")
    assert page.table.verticalScrollBar().value() == 0
    doc.close()
