"""The notes table highlights the words a search matched, whole, even where folding found
them (a shadda inside an Arabic word, a Russian ё, a name without its accents)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from shots import shots_dir

from facilitator.domain import model as m
from facilitator.domain.entry import Entry, EntryPoint
from facilitator.storage import notes_store as store
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.notes.highlight import HIGHLIGHT_ROLE, HighlightDelegate
from facilitator.ui.notes.page import NotesPage

SHOTS = str(shots_dir("notes"))


@pytest.fixture
def window(qtbot, demo_path):
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.open_path(demo_path)
    session = win.series.sessions[0].session
    speaker = m.Participant(session.series_id, "José Pérez", country="Mexico")
    entry = Entry(
        session_id=session.id,
        notes="دعم أسر المهاجرّين المفقودين — Приём в консульстве",
        points=[EntryPoint("Forensic databases for missing migrants", "recommendation")],
    )
    store.save_entry(win.db, entry, new_speaker=speaker)
    win.signals._file_changed(str(win.db.path))
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    page = win.findChild(NotesPage)
    win.session_view.tabs.setCurrentWidget(page)
    yield win, page, entry.intervention_id
    apply_language("en")


def type_text(widget, text):
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def search(qtbot, page, text):
    box = page.findChild(QLineEdit, "notesSearch")
    box.setFocus()
    box.selectAll()
    type_text(box, text)
    qtbot.waitUntil(lambda: page.model.filter.text == text, timeout=3000)


def highlighted(page, row, column):
    model = page.model
    index = model.index(row, model.COLUMNS.index(column))
    shown = model.data(index)
    return [shown[a:b] for a, b in model.data(index, HIGHLIGHT_ROLE) or []]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_matched_words_are_highlighted_whole(qtbot, window, lang):
    win, page, target = window
    apply_language(lang)
    search(qtbot, page, "المهاجرين jose прием")
    assert [r.intervention.id for r in page.model.rows] == [target]
    assert isinstance(page.table.itemDelegate(), HighlightDelegate)
    assert highlighted(page, 0, "notes") == ["المهاجرّين", "Приём"]
    assert highlighted(page, 0, "speaker") == ["José"]
    assert highlighted(page, 0, "points") == []
    win.grab().save(f"{SHOTS}/search-highlight-{lang}.png")


def test_no_search_no_highlight(qtbot, window):
    _win, page, _target = window
    search(qtbot, page, "")
    assert all(
        page.model.data(page.model.index(r, c), HIGHLIGHT_ROLE) is None
        for r in range(page.model.rowCount())
        for c in range(page.model.columnCount())
    )


def highlight_pixels(page, row, column):
    """How many pixels of the cell are in the palette's highlight colour."""
    table = page.table
    rect = table.visualRect(page.model.index(row, page.model.COLUMNS.index(column)))
    image = table.viewport().grab(rect).toImage()
    colour = table.palette().color(table.palette().ColorRole.Highlight).rgb()
    return sum(
        image.pixel(x, y) == colour for x in range(image.width()) for y in range(image.height())
    )


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_match_past_the_end_of_its_cell_is_shown_highlighted(qtbot, window, lang):
    win, page, _target = window
    apply_language(lang)
    session = win.series.sessions[0].session
    long_note = "Consultations on regular pathways and return " * 8 + "ended with a quokka."
    store.save_entry(win.db, Entry(session_id=session.id, notes=long_note))
    win.signals._file_changed(str(win.db.path))
    search(qtbot, page, "quokka")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    page.table.clearSelection()
    page.table.setCurrentIndex(page.model.index(-1, -1))
    table = page.table
    column = page.model.COLUMNS.index("notes")
    assert table.fontMetrics().horizontalAdvance(long_note) > table.columnWidth(column)
    assert highlighted(page, 0, "notes") == ["quokka"]
    qtbot.waitUntil(lambda: highlight_pixels(page, 0, "notes") > 40, timeout=2000)
    win.grab().save(f"{SHOTS}/search-highlight-long-{lang}.png")
