"""Recovery and feedback: the offer of drafts left by a crash is seen whatever tab the window
opens on; a restored draft is exactly what was on the screen (a half-typed point stays a
half-typed line, with its classification); Delete, Ctrl+Z and Ctrl+Shift+Z say in the status
line what they did."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shots import shots_dir

from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.notes.page import NotesPage

CTRL, ALT, SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
)
SHOTS = str(shots_dir("notes"))


def open_window(qtbot, path) -> MainWindow:
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.open_path(path)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    return win


@pytest.fixture(autouse=True)
def _english():
    yield
    apply_language("en")


def crash_while_typing(qtbot, path) -> None:
    """Type notes, one added point and a half-typed one, let the draft be written, and stop
    as a crash would (the window never saves)."""
    win = open_window(qtbot, path)
    page = win.findChild(NotesPage)
    win.session_view.tabs.setCurrentWidget(page)
    qtbot.keyClick(page.form, Qt.Key.Key_N, ALT)
    qtbot.keyClicks(page.form.notes, "Asked for a regional DNA database")
    qtbot.keyClick(page.form, Qt.Key.Key_P, ALT)
    qtbot.keyClicks(page.form.points.text, "Fund forensic labs")
    qtbot.keyClick(page.form.points.text, Qt.Key.Key_Return)
    qtbot.keyClicks(page.form.points.text, "Share the data with fam")
    qtbot.keyClick(page.form.points.text, Qt.Key.Key_3, CTRL)  # recommendation, not yet added
    page.drafts.flush()
    page.drafts.timer.stop()
    win.close_document()  # the file as a crash leaves it: the draft, no save


def test_the_offer_is_seen_on_the_tab_the_window_opens_on(qtbot, demo_path):
    crash_while_typing(qtbot, demo_path)
    win = open_window(qtbot, demo_path)
    assert win.session_view.tabs.currentIndex() == 0  # the Overview
    assert win.recovery.isVisible()
    english = win.recovery.text.text()
    win.grab().save(f"{SHOTS}/recovery-bar-en.png")
    apply_language("ar")
    assert win.recovery.isVisible() and win.recovery.text.text() != english
    win.grab().save(f"{SHOTS}/recovery-bar-ar.png")
    apply_language("en")
    qtbot.mouseClick(win.recovery.show_button, Qt.MouseButton.LeftButton)
    page = win.findChild(NotesPage)
    assert win.session_view.tabs.currentWidget() is page
    assert page.banner.isVisible() and not win.recovery.isVisible()


def test_a_restored_draft_is_what_was_on_the_screen(qtbot, demo_path):
    crash_while_typing(qtbot, demo_path)
    win = open_window(qtbot, demo_path)
    page = win.findChild(NotesPage)
    win.session_view.tabs.setCurrentWidget(page)
    qtbot.mouseClick(page.banner.restore_button, Qt.MouseButton.LeftButton)
    points = page.form.points
    assert page.form.notes.toPlainText() == "Asked for a regional DNA database"
    assert [points.list.item(n).text() for n in range(points.list.count())] == [
        points.list.item(0).text()
    ] and "Fund forensic labs" in points.list.item(0).text()
    assert points.text.text() == "Share the data with fam"  # still a line being typed
    assert points.kind.currentData() == "recommendation"
    # Finishing the line and saving gives both points.
    qtbot.keyClicks(points.text, "ilies")
    qtbot.keyClick(points.text, Qt.Key.Key_Return)
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    saved = win.db.conn.execute(
        "SELECT text, kind FROM point WHERE deleted = 0 AND text IN (?, ?, ?)",
        ("Fund forensic labs", "Share the data with families", "Share the data with fam"),
    ).fetchall()
    assert sorted(saved) == [
        ("Fund forensic labs", "challenge"),
        ("Share the data with families", "recommendation"),
    ]


def test_delete_undo_and_redo_say_what_they_did(qtbot, demo_path):
    win = open_window(qtbot, demo_path)
    page = win.findChild(NotesPage)
    win.session_view.tabs.setCurrentWidget(page)
    qtbot.keyClick(page.form, Qt.Key.Key_N, ALT)
    qtbot.keyClicks(page.form.notes, "To be deleted")
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    assert page.form.status.text().startswith("Saved")
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.form.status.text().startswith("Deleted the intervention of")
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)  # Edit > Undo of the window
    assert page.form.status.text() == "Undone: Deletion of an intervention"
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert page.form.status.text() == "Redone: Deletion of an intervention"
