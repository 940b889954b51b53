"""One change signal: every page that shows notes, points, take-aways or people shows the
file as it is now, after its own writes, a language switch, and a merge by another program.
The Summary tab proposes from, links to and traces the points logged since the file opened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.domain.entry import Entry, EntryPoint
from facilitator.storage import notes_store as store
from facilitator.storage import open_file
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.notes.page import NotesPage
from facilitator.ui.questions.page import QuestionsPage
from facilitator.ui.summary.page import SummaryPage

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
NEW_POINT = "Consular registries should share data on missing migrants"


@pytest.fixture
def window(qtbot, demo_path):
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.open_path(demo_path)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    yield win
    apply_language("en")


def log_point(qtbot, window, text: str) -> None:
    """A recommendation typed on the Notes tab, from the keyboard, and saved."""
    page = window.findChild(NotesPage)
    window.session_view.tabs.setCurrentWidget(page)
    qtbot.keyClick(page.form, Qt.Key.Key_N, ALT)
    qtbot.keyClicks(page.form.notes, "Notes of the new intervention")
    qtbot.keyClick(page.form, Qt.Key.Key_P, ALT)
    qtbot.keyClicks(page.form.points.text, text)
    qtbot.keyClick(page.form.points.text, Qt.Key.Key_3, CTRL)  # recommendation
    qtbot.keyClick(page.form.points.text, Qt.Key.Key_Return)
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    assert "Saved" in page.form.status.text()


def summary_texts(page: SummaryPage) -> list[str]:
    found = []
    for n in range(page.topic_box.count()):
        page.topic_box.setCurrentIndex(n)
        for lst in page.lists.values():
            found += [lst.item(r).text().strip("\u2068\u2069") for r in range(lst.count())]
    return found


def propose_and_check(qtbot, window, monkeypatch, text: str) -> None:
    summary = window.findChild(SummaryPage)
    window.session_view.tabs.setCurrentWidget(summary)
    monkeypatch.setattr(
        "facilitator.ui.summary.page.QMessageBox.question",
        lambda *a, **k: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Yes,
    )
    qtbot.mouseClick(summary.propose_button, Qt.MouseButton.LeftButton)
    assert any(text in t for t in summary_texts(summary))
    # Link to points… lists it, and the provenance of its take-away names its point.
    for n in range(summary.topic_box.count()):
        summary.topic_box.setCurrentIndex(n)
        lst = summary.lists["recommendation"]
        rows = [r for r in range(lst.count()) if text in lst.item(r).text()]
        if rows:
            lst.setCurrentRow(rows[0])
            break
    linked = [summary.linked.item(r).text() for r in range(summary.linked.count())]
    assert any(text in t for t in linked)
    dialog = summary.open_link_dialog()
    qtbot.addWidget(dialog)
    listed = [dialog.points.item(r).text() for r in range(dialog.points.count())]
    dialog.reject()
    assert any(text in t for t in listed)


def test_summary_sees_a_point_logged_since_the_file_opened(qtbot, window, monkeypatch):
    log_point(qtbot, window, NEW_POINT)
    propose_and_check(qtbot, window, monkeypatch, NEW_POINT)


def test_pages_keep_no_stale_copy_after_a_language_switch(qtbot, window, monkeypatch):
    log_point(qtbot, window, NEW_POINT)
    window.language_actions["fr"].trigger()  # re-shows the session from the window's copy
    window.language_actions["en"].trigger()
    propose_and_check(qtbot, window, monkeypatch, NEW_POINT)
    notes = window.findChild(NotesPage)
    assert any(any(p.text == NEW_POINT for p in r.points) for r in notes.model.rows)


def test_a_merged_point_reaches_every_page(qtbot, window, monkeypatch):
    session = window.series.sessions[0].session
    question = window.series.sessions[0].questions[0]
    other = open_file(window.doc.path, device="colleague")
    try:
        entry = Entry(
            session_id=session.id,
            notes="From a colleague's laptop",
            points=[
                EntryPoint(
                    text="A merged recommendation", kind="recommendation", question_id=question.id
                )
            ],
        )
        store.save_entry(other, entry, draft_id=None)
    finally:
        other.close()
    window.signals._file_changed(str(window.doc.path))  # what the file watcher calls
    notes = window.findChild(NotesPage)
    qtbot.waitUntil(lambda: notes.model.row_of(entry.intervention_id) >= 0, timeout=3000)
    questions = window.findChild(QuestionsPage)
    window.session_view.tabs.setCurrentWidget(questions)
    assert "A merged recommendation" in questions_text(questions)
    propose_and_check(qtbot, window, monkeypatch, "A merged recommendation")
    # Switching sessions and back shows the file, not the copy read when it was opened.
    window.sessions.setCurrentRow(1)
    window.sessions.setCurrentRow(0)
    window.session_view.tabs.setCurrentWidget(questions)
    assert "A merged recommendation" in questions_text(questions)
    assert window.series.sessions[0].points and any(
        p.text == "A merged recommendation" for p in window.series.sessions[0].points
    )


def questions_text(page: QuestionsPage) -> str:
    from facilitator.ui import windows

    return (
        " ".join(t for _w, t in windows.visible_texts(page))
        + " ".join(page.findChild(type(page.list)).item(n).text() for n in range(0))
        + _all_item_texts(page)
    )


def _all_item_texts(page) -> str:
    from PySide6.QtWidgets import QListWidget, QTreeWidget

    texts = []
    for lst in page.findChildren(QListWidget):
        texts += [lst.item(n).text() for n in range(lst.count())]
    for tree in page.findChildren(QTreeWidget):
        it = tree.invisibleRootItem()
        stack = [it]
        while stack:
            node = stack.pop()
            for c in range(node.childCount()):
                child = node.child(c)
                texts += [child.text(k) for k in range(tree.columnCount())]
                stack.append(child)
    return " ".join(texts)
