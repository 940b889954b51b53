"""The five languages without traps: lists joined with the language's own comma (no Latin
comma in Arabic), key names as Qt prints them in that language, one English word with two
meanings told apart by a context, the review's corrections in the catalogs, and a window
switched live equal, text for text and number for number, to a fresh one in that language."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication

from facilitator.app.merge_summary import field_label
from facilitator.i18n import gettext_in
from facilitator.ui import windows
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.notes.page import NotesPage
from facilitator.ui.participants.dialog import ParticipantsDialog
from facilitator.ui.summary.page import SummaryPage

NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture(autouse=True)
def _english():
    make_app()
    yield
    apply_language("en")


def open_window(qtbot, path, lang: str) -> MainWindow:
    apply_language(lang)
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.open_path(path)
    win.show()
    return win


def test_arabic_lists_use_the_arabic_comma(qtbot, demo_path):
    win = open_window(qtbot, demo_path, "ar")
    hint = win.findChild(NotesPage).form.points.hint.text()
    assert "," not in hint and "،" in hint


@pytest.mark.parametrize("lang", ["fr", "es", "ru"])
def test_key_names_in_instructions_are_qts_own(qtbot, demo_path, lang):
    win = open_window(qtbot, demo_path, lang)
    page = win.findChild(NotesPage)
    enter = QKeySequence("Return").toString(NATIVE)
    assert enter in page.form.points.text.placeholderText()
    assert enter in page.undo_bar.hint.text()
    tip = win.session_view.page(SummaryPage).lists["challenge"].toolTip()
    assert QKeySequence("Ctrl+Up").toString(NATIVE) in tip
    if lang == "fr":
        assert "Enter" not in page.undo_bar.hint.text() and "Ctrl+Up" not in tip


def test_one_word_two_meanings(qtbot, demo_path):
    win = open_window(qtbot, demo_path, "ar")
    dialog = ParticipantsDialog(win.signals, win.series.series.id, None, win)
    qtbot.addWidget(dialog)
    headers = [
        dialog.table.model().headerData(c, Qt.Orientation.Horizontal)
        for c in range(dialog.table.model().columnCount())
    ]
    assert "المنظمة" in headers and "التنظيم" not in headers
    apply_language("ru")
    assert field_label("title", "participant") == "должность"
    assert field_label("name", "topic") == "название"
    assert field_label("name", "participant") == "имя"


@pytest.mark.parametrize(
    "lang, msgid, expected",
    [
        ("es", "No topic", "Sin eje temático"),
        ("es", "Stage view", "Pantalla para la sala"),
        ("ar", "The moderator was {person}.", "إدارة الحوار: {person}."),
        ("ar", "Speaking", "الكلمة جارية"),
        ("ru", "Move up", "Вверх"),
        ("ru", "Full name", "Полное имя"),
        ("fr", "Leave full screen ({key})", "Quitter le plein écran ({key})"),  # {key}: Échap
    ],
)
def test_corrections_of_the_review_are_in_the_catalogs(lang, msgid, expected):
    assert gettext_in(lang, msgid) == expected


def shown(win: MainWindow) -> dict[str, str]:
    """Every visible text, spin box and the status line, tab by tab."""
    name = win.doc.path.name
    out = {}
    for tab in windows.session_tabs(win):
        QApplication.processEvents()
        for where, text in windows.visible_texts(win):
            if "recentFile" not in where:  # the two windows' files are the recent files
                out[f"{tab}: {where}"] = text.replace(name, "FILE")
        for box in win.findChildren(QAbstractSpinBox):
            if box.isVisibleTo(win):
                out[f"{tab}: spin {box.objectName()}"] = box.text()
        out[f"{tab}: status"] = win.statusBar().currentMessage().replace(name, "FILE")
    return out


def undo_a_change(win: MainWindow) -> None:
    """Something that leaves a message in the status line: a step undone from Edit > Undo."""
    page = win.findChild(NotesPage)
    win.session_view.tabs.setCurrentWidget(page)
    page.form.notes.setPlainText("A note to undo")
    page.save()
    win.undo_action.trigger()
    assert win.statusBar().currentMessage()


@pytest.mark.parametrize("before, after", [("ru", "en"), ("en", "ar"), ("ar", "fr")])
def test_a_live_switch_shows_what_a_fresh_window_shows(qtbot, demo_path, before, after):
    copy = demo_path.with_name("fresh.facilitator")
    shutil.copy(demo_path, copy)
    live = open_window(qtbot, demo_path, before)
    undo_a_change(live)
    apply_language(after)
    switched = shown(live)
    fresh = open_window(qtbot, copy, after)
    undo_a_change(fresh)
    expected = shown(fresh)
    differ = [
        f"{k}: live {switched.get(k)!r}, fresh {expected.get(k)!r}"
        for k in sorted(set(switched) | set(expected))
        if switched.get(k) != expected.get(k)
    ]
    assert not differ, "\n".join(differ)
