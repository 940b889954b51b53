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


def test_a_window_opened_on_notes_makes_no_other_tab_and_measures_the_timer_when_shown(
    qtbot, window, demo_path, tmp_path
):
    """The Overview, Guiding questions and Summary are made when first shown; the Timer page
    measures its agenda table and its queue then, as a window opened on it does."""
    window.session_view.tabs.setCurrentWidget(window.findChild(NotesPage))
    assert window.open_path(demo_path)
    view = window.session_view
    assert view._editors is None  # noqa: SLF001 (the Overview's editors: not made)
    assert window.findChild(QuestionsPage) is None and window.findChild(SummaryPage) is None
    timer = window.findChild(TimerPage)
    view.tabs.setCurrentWidget(timer)
    qtbot.wait(10)
    heights = [timer.table.rowHeight(r) for r in range(timer.model.rowCount())]
    queue_width = timer.queue_scroll.minimumWidth()
    # The same file in a window opened on the Timer tab.
    other = make_app() and MainWindow()
    qtbot.addWidget(other)
    other.resize(1400, 900)
    other.show()
    qtbot.waitExposed(other)
    other.session_view.tabs.setCurrentWidget(other.findChild(TimerPage))
    copy = tmp_path / "copy.facilitator"
    copy.write_bytes(demo_path.read_bytes())
    assert other.open_path(copy)
    shown = other.findChild(TimerPage)
    qtbot.wait(10)
    assert heights == [shown.table.rowHeight(r) for r in range(shown.model.rowCount())]
    assert heights and queue_width == shown.queue_scroll.minimumWidth() > 0
    # Shown, the other pages are made, told, and are the ones findChild finds; the keyboard
    # focus goes to the page's first control, as with a tab made at start.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    view.tabs.setCurrentWidget(window.findChild(NotesPage))
    window.findChild(NotesPage).form.speaker.setFocus()
    assert view.show_page(QuestionsPage) is window.findChild(QuestionsPage)
    assert window.findChild(QuestionsPage).isVisible()
    assert QApplication.focusWidget() is window.findChild(QuestionsPage).list
    view.tabs.setCurrentIndex(0)
    assert view._editors is not None and view.details_box.isVisible()  # noqa: SLF001
    other.close_document()


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
