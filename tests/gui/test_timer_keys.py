"""Timer keys go where the moderator expects: never through menus, popups, dialogs or text
fields, always on the timer page (even before it was clicked) and on the stage view."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from timer_fixtures import make_file

from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.timer.page import TimerPage

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


def logged(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT action FROM timer_event ORDER BY rowid")]
    finally:
        conn.close()


@pytest.fixture
def win(qtbot, tmp_path, clock):
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(make_file(tmp_path))
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window
    window.findChild(TimerPage).close_stage()
    apply_language("en")


def press(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the keyboard sends it: to the open popup, else to the focused widget."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    target = target or QApplication.activeWindow()
    qtbot.keyClick(target, k, modifier)


def close_popups(qtbot) -> None:
    while QApplication.activePopupWidget() is not None:
        QApplication.activePopupWidget().close()
        qtbot.wait(1)


def test_menu_keys_never_drive_the_timer(win, qtbot):
    page = win.findChild(TimerPage)
    for tab in range(win.session_view.tabs.count()):
        win.session_view.tabs.setCurrentIndex(tab)
        qtbot.wait(5)
        for keys in (
            [(K.Key_F, ALT), (K.Key_Right, None), (K.Key_Right, None), (K.Key_Space, None)],
            [(K.Key_V, ALT), (K.Key_Down, None), (K.Key_Right, None), (K.Key_PageDown, None)],
            [(K.Key_E, ALT), (K.Key_Space, None), (K.Key_Plus, None), (K.Key_Minus, None)],
        ):
            for k, modifier in keys:
                press(qtbot, k, modifier or Qt.KeyboardModifier.NoModifier)
            close_popups(qtbot)
    assert logged(page.doc.path) == []


def test_the_view_menu_shows_the_keys_without_taking_them(win, qtbot):
    menu = win.findChild(QMenu, "timerMenu")
    texts = [a.text() for a in menu.actions()]
    assert any("\t" in text for text in texts)  # the key is shown in the menu
    assert all(not a.shortcuts() for a in menu.actions())


def test_space_works_on_the_shown_timer_page_before_it_is_clicked(win, qtbot):
    page = win.findChild(TimerPage)
    win.session_view.tabs.setCurrentWidget(page)
    win.sessions.setFocus()  # the moderator clicked the session in the list
    qtbot.waitUntil(win.sessions.hasFocus)
    press(qtbot, K.Key_Space)
    assert logged(page.doc.path) == ["start"]


def test_letters_typed_on_the_page_go_to_the_speaker_field(win, qtbot):
    page = win.findChild(TimerPage)
    win.session_view.tabs.setCurrentWidget(page)
    page.setFocus()
    qtbot.waitUntil(page.hasFocus)
    for char in "Jo Smith":
        press(qtbot, K.Key_Space if char == " " else getattr(K, f"Key_{char.upper()}"))
    assert logged(page.doc.path) == []
    assert page.queue.picker.lineEdit().text().lower() == "jo smith"


def test_the_timer_page_shows_where_the_keys_go(win, qtbot):
    page = win.findChild(TimerPage)
    win.session_view.tabs.setCurrentWidget(page)
    page.setFocus()
    qtbot.waitUntil(page.hasFocus)
    assert page.focus_cue.isVisible()
    page.queue.picker.setFocus()
    qtbot.waitUntil(lambda: not page.focus_cue.isVisible())


def test_keys_work_on_the_stage_view_and_it_never_takes_focus(win, qtbot):
    page = win.findChild(TimerPage)
    win.session_view.tabs.setCurrentWidget(page)
    page.open_stage()
    qtbot.addWidget(page.stage)
    assert page.stage.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert QApplication.activeWindow() is win
    page.stage.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.stage)
    qtbot.keyClick(page.stage, K.Key_Space)
    qtbot.keyClick(page.stage, K.Key_PageDown)
    assert logged(page.doc.path) == ["start", "next"]


def test_no_timer_key_reaches_a_dialog_or_a_popup(win, qtbot):
    page = win.findChild(TimerPage)
    win.session_view.tabs.setCurrentWidget(page)
    picker = page.queue.picker
    picker.setFocus()
    picker.showPopup()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    for k in (K.Key_Space, K.Key_PageDown, K.Key_Plus):
        press(qtbot, k)
    close_popups(qtbot)
    menu = QMenu(page)
    menu.addAction("x")
    menu.popup(page.mapToGlobal(page.rect().center()))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    for k in (K.Key_Space, K.Key_PageDown, K.Key_Minus):
        press(qtbot, k)
    close_popups(qtbot)
    assert logged(page.doc.path) == []
