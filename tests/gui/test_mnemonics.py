"""No mnemonic (Alt+letter) means two things at once, in any of the five languages, and the
classification keys of the Notes tab work on AZERTY, where the digits need Shift.

Qt fires the mnemonic of whichever visible widget registered the letter first: with "&Points"
on the Notes tab and "&Participants" in the menu bar, Alt+P opened the registration import
and the typed point became a file name. So each tab page, counted with the menu bar, each
menu, and each dialog must give every letter at most once."""

from __future__ import annotations

import pytest
from mnemonic_walk import clashes, menu_scopes, window_mnemonics
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from facilitator.i18n import LANGUAGES
from facilitator.ui import windows
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.notes.page import NotesPage

CTRL, ALT, SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
)
# The unshifted characters of the AZERTY digit row: "&é\"'(-è_çà" are 1..9, 0.
AZERTY = [
    (Qt.Key.Key_Ampersand, "&"),
    (Qt.Key.Key_Eacute, "é"),
    (Qt.Key.Key_QuoteDbl, '"'),
    (Qt.Key.Key_Apostrophe, "'"),
    (Qt.Key.Key_ParenLeft, "("),
    (Qt.Key.Key_Minus, "-"),
    (Qt.Key.Key_Egrave, "è"),
    (Qt.Key.Key_Underscore, "_"),
    (Qt.Key.Key_Ccedilla, "ç"),
]


@pytest.fixture
def window(qtbot, demo_path):
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.open_path(demo_path)
    win.show()
    yield win
    apply_language("en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_mnemonic_clash_on_any_tab_or_menu(window, lang):
    apply_language(lang)
    found = []
    for tab in windows.session_tabs(window):
        found += [f"[{tab}] {c}" for c in clashes(window_mnemonics(window))]
    for path, letters in menu_scopes(window).items():
        found += [f"[menu {path}] {c}" for c in clashes(letters)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_mnemonic_clash_in_any_dialog(window, qtbot, lang):
    apply_language(lang)
    found = []
    for name, factory in sorted(windows.dialogs().items()):
        dialog = factory(window)
        qtbot.addWidget(dialog)
        dialog.show()
        found += [f"[{name}] {c}" for c in clashes(window_mnemonics(dialog))]
        if isinstance(dialog, QMainWindow):
            for path, letters in menu_scopes(dialog).items():
                found += [f"[{name} menu {path}] {c}" for c in clashes(letters)]
        dialog.close()
    assert not found, "\n".join(found)


def press(widget, key, modifiers, text):
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, modifiers, text)
        QApplication.sendEvent(widget, event)


@pytest.fixture
def points(window, qtbot):
    page = window.findChild(NotesPage)
    window.session_view.tabs.setCurrentWidget(page)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    page.form.points.text.setFocus()
    return page.form.points


@pytest.mark.parametrize("shifted", [True, False], ids=["shift-digit", "unshifted-key"])
def test_kind_and_topic_keys_as_an_azerty_keyboard_sends_them(points, qtbot, shifted):
    """AZERTY sends Ctrl+Shift+1 for the digit, or Ctrl+& for the unshifted key."""
    for n in (5, 2):
        key, text = (Qt.Key(Qt.Key.Key_0 + n), str(n)) if shifted else AZERTY[n - 1]
        mods = CTRL | SHIFT if shifted else CTRL
        qtbot.keyClick(points.text, key, mods) if shifted else press(points.text, key, mods, "")
        assert points.kind.currentIndex() == n - 1
    for n in (2, 1):
        key, text = (Qt.Key(Qt.Key.Key_0 + n), str(n)) if shifted else AZERTY[n - 1]
        mods = ALT | SHIFT if shifted else ALT
        qtbot.keyClick(points.text, key, mods) if shifted else press(points.text, key, mods, "")
        assert points.topic.currentIndex() == n  # 0 is "No topic"
    assert points.text.text() == ""  # no stray "&" or "é" typed into the point
