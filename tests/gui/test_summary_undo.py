"""The Summary page on the application layer, in a real main window: it reads the points
logged since the file was opened, and Edit > Undo (Ctrl+Z) takes back its edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.domain.entry import Entry, EntryPoint
from facilitator.storage import notes_store
from facilitator.storage import repository as repo
from facilitator.ui.main_window import MainWindow
from facilitator.ui.summary.link_points_dialog import LinkPointsDialog
from facilitator.ui.summary.page import SummaryPage

NEW_POINT = "Open a regional hotline for families searching for missing relatives"


@pytest.fixture
def demo_path(uncurated_demo_path):
    return uncurated_demo_path  # these tests start from a draft proposed from the points


@pytest.fixture
def window(qtbot, demo_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(demo_path)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def summary_tab(window: MainWindow) -> SummaryPage:
    page = window.session_view.show_page(SummaryPage)
    return page


def texts(lst) -> list[str]:
    return [lst.item(n).text().strip("\u2068\u2069") for n in range(lst.count())]


def log_a_note(window: MainWindow, topic_id: str) -> str:
    """Save an intervention with one classified point, as the Notes page would, and tell the
    window (the Notes page moves to the application layer in its own branch)."""
    session_id = window.session_view.content.session.id
    point = EntryPoint(NEW_POINT, kind="recommendation", topic_id=topic_id)
    entry = Entry(session_id, stakeholder_group="civil_society", points=[point])
    intervention_id = notes_store.save_entry(window.db, entry)
    window.signals.announce(
        ChangeSet.of(added=[("intervention", intervention_id), ("point", point.id)])
    )
    return point.id


def test_propose_and_link_see_a_point_logged_after_the_page_was_filled(qtbot, window):
    page = summary_tab(window)
    point_id = log_a_note(window, page.topic_id())
    qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    recommendations = page.lists["recommendation"]
    assert NEW_POINT in texts(recommendations)
    stored = repo.find(window.db, m.Takeaway, session_id=page.content.session.id)
    assert any(t.text == NEW_POINT and t.point_ids == [point_id] for t in stored)

    # "Link to points…" lists it too, and so does the provenance of its line.
    row = texts(recommendations).index(NEW_POINT)
    recommendations.setCurrentRow(row)
    assert page.linked.count() == 1 and NEW_POINT in page.linked.item(0).text()
    assert "From 1 intervention" in page.provenance.text()
    qtbot.mouseClick(page.buttons["link"], Qt.MouseButton.LeftButton)
    dialog = page.findChild(LinkPointsDialog, "linkPointsDialog")
    listed = [
        dialog.points.item(n).data(Qt.ItemDataRole.UserRole) for n in range(dialog.points.count())
    ]
    assert point_id in listed
    dialog.reject()


def test_ctrl_z_takes_back_an_edited_take_away_and_ctrl_shift_z_reapplies_it(qtbot, window):
    page = summary_tab(window)
    qtbot.mouseClick(page.propose_button, Qt.MouseButton.LeftButton)
    challenges = page.lists["challenge"]
    first_id = challenges.item(0).data(Qt.ItemDataRole.UserRole)
    before = repo.get(window.db, m.Takeaway, first_id).text

    challenges.setFocus()
    challenges.setCurrentRow(0)
    qtbot.keyClick(challenges, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Too few safe and regular pathways")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits the editor's text queued
    qtbot.waitUntil(
        lambda: (
            repo.get(window.db, m.Takeaway, first_id).text == "Too few safe and regular pathways"
        )
    )
    assert window.undo_action.text() == "&Undo Edit take-away"

    qtbot.keyClick(challenges, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert repo.get(window.db, m.Takeaway, first_id).text == before
    assert texts(challenges)[0] == before
    assert window.statusBar().currentMessage() == "Undone: Edit take-away"

    qtbot.keyClick(
        challenges,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert repo.get(window.db, m.Takeaway, first_id).text == "Too few safe and regular pathways"
    assert texts(challenges)[0] == "Too few safe and regular pathways"
    assert window.statusBar().currentMessage() == "Redone: Edit take-away"


def test_every_summary_edit_is_one_undo_step(qtbot, window, monkeypatch):
    page = summary_tab(window)
    session_id = page.content.session.id

    def live() -> list[tuple[str, str, int]]:
        found = repo.find(window.db, m.Takeaway, session_id=session_id)
        return sorted((t.id, t.text, t.position) for t in found)

    start = live()
    page.propose()
    proposed = live()
    challenges = page.lists["challenge"]
    challenges.setCurrentRow(0)
    challenges.setFocus()
    qtbot.keyClick(challenges, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    moved = live()
    page.remove()
    removed = live()
    assert len(removed) == len(moved) - 1
    for label, state in (
        ("Remove take-away", moved),
        ("Reorder take-aways", proposed),
        ("Propose take-aways", start),
    ):
        assert window.doc.history.undo_label() == label
        qtbot.keyClick(challenges, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert live() == state
        assert sorted(texts(challenges)) == sorted(
            t.text
            for t in repo.find(window.db, m.Takeaway, session_id=session_id)
            if t.kind == "challenge" and t.topic_id == page.topic_id()
        )
