"""Switching the interface language live: while a dialog is open and a note is being typed,
nothing typed is lost, every visible string changes, Arabic mirrors every window, and the
choice is remembered for the next start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPlainTextEdit

from facilitator import settings
from facilitator.cli.main import choose_language
from facilitator.i18n import get_language
from facilitator.ui import windows
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.notes.page import NotesPage


@pytest.fixture
def window(qtbot, demo_path):
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.open_path(demo_path)
    win.show()
    yield win
    apply_language("en")


def type_text(qtbot, widget, text):
    """Type as a keyboard in any layout would: non-ASCII characters arrive as key events that
    carry their text (QTest.keyClicks only knows ASCII keys)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def chrome(widget) -> dict[str, str]:
    return {
        where: text for where, text in windows.visible_texts(widget) if "language-" not in where
    }


def test_switching_while_typing_with_a_dialog_open(window, qtbot):
    notes_page = window.findChild(NotesPage)
    window.session_view.tabs.setCurrentWidget(notes_page)
    typing = notes_page.findChild(QPlainTextEdit, "notes")
    type_text(qtbot, typing, "Half-typed note: المهاجرين and пропавшие ")
    dialog = windows.dialogs()["participants"](window)
    qtbot.addWidget(dialog)
    dialog.show()
    before_window, before_dialog = chrome(window), chrome(dialog)

    window.language_actions["fr"].trigger()  # View > Language > Français

    assert get_language() == "fr"
    assert typing.toPlainText() == "Half-typed note: المهاجرين and пропавшие "
    after_window, after_dialog = chrome(window), chrome(dialog)
    for before, after in ((before_window, after_window), (before_dialog, after_dialog)):
        same = [
            w
            for w in before
            if w in after and before[w] == after[w] and any(c.isalpha() for c in before[w])
        ]
        # user data (names, titles, notes) stays as written; interface text must all change
        interface = [
            w
            for w in same
            if not w.startswith(("QListWidget", "QLabel#sessionTitle", "QLabel#seriesTitle"))
        ]
        assert len(interface) <= len(before) * 0.15, interface[:20]
    assert window.file_menu.title() == "&Fichier"
    assert settings.language() == "fr" and choose_language([]) == "fr"


def test_arabic_mirrors_every_window_and_qt_buttons(window, qtbot):
    dialog = windows.dialogs()["restore-backup"](window)
    qtbot.addWidget(dialog)
    dialog.show()
    apply_language("ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft() and dialog.isRightToLeft()
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() not in ("Cancel", "&Cancel")  # Qt's own strings, from qtbase_ar.qm


@pytest.mark.parametrize(
    "script", ["مرحبا بالمشاركين، شكراً", "Добро пожаловать, участники", "Añadir ñ, é, ü"]
)
def test_text_fields_take_any_script(window, qtbot, script):
    notes_page = window.findChild(NotesPage)
    window.session_view.tabs.setCurrentWidget(notes_page)
    typing = notes_page.findChild(QPlainTextEdit, "notes")
    typing.clear()
    type_text(qtbot, typing, script)
    assert typing.toPlainText() == script
