"""Open reads what the first screen shows: a shown window tells each page of the session once,
the hidden tabs when first shown, and a save puts its row in the table without a reload."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.notes.page import NotesPage
from facilitator.ui.questions.page import QuestionsPage
from facilitator.ui.summary.page import SummaryPage
from facilitator.ui.timer.page import TimerPage

PAGES = (TimerPage, NotesPage, QuestionsPage, SummaryPage)


@pytest.fixture
def told(monkeypatch) -> Counter:
    """How many times each page class was told of a session."""
    counts: Counter = Counter()
    for cls in PAGES:
        original = cls.set_session

        def spy(self, doc, content, _original=original, _name=cls.__name__):
            counts[_name] += 1
            return _original(self, doc, content)

        monkeypatch.setattr(cls, "set_session", spy)
    return counts


@pytest.fixture
def window(qtbot):
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    apply_language("en")


def test_a_shown_window_tells_the_timer_once_and_the_other_tabs_when_shown(window, told, demo_path):
    # The Timer and Notes pages are told at once (the clock and the stage view run; the Notes
    # page's recovery banner speaks for every tab); Questions and Summary when first shown.
    window.session_view.tabs.setCurrentIndex(0)  # the Overview
    assert window.open_path(demo_path)
    assert told == {"TimerPage": 1, "NotesPage": 1}
    window.session_view.show_page(QuestionsPage)
    assert told == {"TimerPage": 1, "NotesPage": 1, "QuestionsPage": 1}
    window.sessions.setCurrentRow(1)
    assert told == {"TimerPage": 2, "NotesPage": 2, "QuestionsPage": 2}
    window.session_view.show_page(SummaryPage)
    assert told == {"TimerPage": 2, "NotesPage": 2, "QuestionsPage": 2, "SummaryPage": 1}
    told.clear()
    apply_language("fr")
    assert told == {"TimerPage": 1, "NotesPage": 1, "SummaryPage": 1}  # once each


def test_the_tab_shown_at_open_is_told_once(window, told, demo_path):
    window.session_view.tabs.setCurrentWidget(window.findChild(NotesPage))
    assert window.open_path(demo_path)
    assert told == {"TimerPage": 1, "NotesPage": 1}
    assert window.findChild(NotesPage).model.rowCount() > 0


def test_ctrl_enter_puts_the_saved_row_in_the_table_without_reading_it_again(
    qtbot, window, demo_path, monkeypatch
):
    window.session_view.tabs.setCurrentWidget(window.findChild(NotesPage))
    assert window.open_path(demo_path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    page = window.findChild(NotesPage)
    before = page.model.total
    reloads = []
    monkeypatch.setattr(page.model, "reload", lambda keep=None: reloads.append(keep))
    page.form.notes.setFocus()
    qtbot.keyClicks(page.form.notes, "Keyset paging at scale")
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Saved" in page.form.status.text()
    assert reloads == []
    assert page.model.total == before + 1
    saved = [r for r in page.model.rows if r.intervention.notes == "Keyset paging at scale"]
    assert len(saved) == 1
    assert page.table.selectionModel().selectedRows()[0].row() == page.model.rows.index(saved[0])
    window.undo_action.trigger()  # the undo takes the row out the same way
    assert reloads == [] and page.model.total == before
    assert not [r for r in page.model.rows if r.intervention.notes == "Keyset paging at scale"]
