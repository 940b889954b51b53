"""The Overview's editors read the roster and the agenda when their tab is shown: a file opened
while the Notes tab is on screen reads neither, and the Overview shows the same session as a
window opened on it."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget

from facilitator.domain.changes import ChangeSet
from facilitator.ui.application import make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.notes.page import NotesPage


def notes_first_window(qtbot, path) -> MainWindow:
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.session_view.tabs.setCurrentWidget(win.findChild(NotesPage))
    assert win.open_path(path)
    return win


def test_the_overview_is_told_when_its_tab_is_shown(qtbot, demo_path):
    win = notes_first_window(qtbot, demo_path)
    view = win.session_view
    assert view.roles_box.session is None and view.agenda_box.model.rowCount() == 0
    view.tabs.setCurrentIndex(0)
    talk = win.series.sessions[0]
    assert view.roles_box.session.id == talk.session.id
    assert view.agenda_box.model.rowCount() == len(talk.agenda)
    title = win.findChild(QLineEdit, "field-title")
    assert title.text() == talk.session.title
    # Another session chosen on the Overview is shown at once, as before.
    win.findChild(QListWidget, "sessionList").setCurrentRow(4)
    assert title.text() == win.series.sessions[4].session.title


def test_a_change_while_the_overview_waits_reads_no_closed_file(qtbot, demo_path, tmp_path):
    """Shown with file A, then file B opened on the Notes tab: the editors hold nothing of A
    (closed), so a change of B's participants reads nothing closed."""
    other = tmp_path / "other.facilitator"
    shutil.copy(demo_path, other)
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(demo_path)  # on the Overview: its editors read file A
    win.session_view.tabs.setCurrentWidget(win.findChild(NotesPage))
    assert win.open_path(other)
    view = win.session_view
    assert view.roles_box.doc is None and view.agenda_box.doc is None
    win.signals.announce(ChangeSet.of(changed=[("participant", "someone")]))
    view.tabs.setCurrentIndex(0)
    assert view.roles_box.doc is win.doc and view.agenda_box.doc is win.doc
    assert win.findChild(QLineEdit, "field-title").text() == win.series.sessions[0].session.title


def test_the_overview_made_at_open_keeps_the_focus_order_of_one_made_at_start(qtbot, demo_path):
    """Made when the file opens (the window shown on the Overview, as the app starts), its
    controls follow its tab in the Tab order, and activating the window focuses the sessions
    list, as in a window whose Overview was made with it."""
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(demo_path)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    assert QApplication.focusWidget() is win.sessions
    tab_bar = win.session_view.tabs.tabBar()
    tab_bar.setFocus()
    qtbot.keyClick(tab_bar, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is win.session_view.scroll
    qtbot.keyClick(win.session_view.scroll, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is win.findChild(QLineEdit, "field-title")
