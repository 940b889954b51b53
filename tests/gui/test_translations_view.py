"""Summary tab > Translations…: the side-by-side view of the session's texts and their versions,
driven with real key events in a real main window, in English and Arabic."""

from __future__ import annotations

import pytest
from mnemonic_walk import clashes, window_mnemonics
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from shots import shots_dir

from facilitator.domain import model as m
from facilitator.i18n import LANGUAGES
from facilitator.storage import repository as repo
from facilitator.ui.application import apply_language
from facilitator.ui.main_window import MainWindow
from facilitator.ui.summary.page import SummaryPage
from facilitator.ui.summary.translations_view import ORIGINAL, VERSION, TranslationsDialog

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, demo_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(demo_path)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window
    apply_language("en")


def open_view(qtbot, window: MainWindow) -> TranslationsDialog:
    page = window.session_view.show_page(SummaryPage)
    # Keyboard: the button takes focus with Tab like any other, Space presses it.
    page.translations_button.setFocus()
    qtbot.keyClick(page.translations_button, Qt.Key.Key_Space)
    dialog = window.findChild(TranslationsDialog, "translationsDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    return dialog


def type_text(qtbot, widget, text: str) -> None:
    """Key events that carry their text, as an Arabic keyboard sends them (QTest.keyClicks
    knows only ASCII keys)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def versions(window: MainWindow) -> dict[tuple[str, str], str]:
    return {(t.owner_id, t.language): t.text for t in repo.find(window.db, m.Translation)}


def row_of(dialog: TranslationsDialog, owner_table: str) -> int:
    return next(n for n, e in enumerate(dialog.sheet.entries) if e.owner_table == owner_table)


def test_a_version_typed_with_keys_is_saved_listed_and_undone(qtbot, window):
    dialog = open_view(qtbot, window)
    entries = dialog.sheet.entries
    kinds = {e.owner_table for e in entries}
    assert {"topic", "session", "agenda_item", "takeaway"} <= kinds
    # Every text is missing in the four other languages at first.
    assert dialog.table.item(0, 3).text() == "fr, es, ar, ru"
    assert "French: 55" in dialog.counts.text()

    dialog.table.setFocus()
    first = row_of(dialog, "takeaway")
    dialog.table.setCurrentCell(first - 1, VERSION)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # the first take-away
    entry = dialog.sheet.entries[dialog.table.currentRow()]
    assert entry.owner_table == "takeaway"
    assert dialog.original.toPlainText() == entry.original
    dialog.version.setFocus()
    qtbot.keyClicks(dialog.version, "Manque de ressources humaines")
    qtbot.keyClick(dialog.version, Qt.Key.Key_Return, CTRL)
    assert versions(window)[(entry.owner_id, "fr")] == "Manque de ressources humaines"
    row = dialog.table.currentRow()
    assert dialog.table.item(row, VERSION).text().strip("\u2068\u2069") == (
        "Manque de ressources humaines"
    )
    assert dialog.table.item(row, 3).text() == "es, ar, ru"
    assert "French: 54" in dialog.counts.text()

    # A version typed and left by moving to the next text is saved too.
    qtbot.keyClicks(dialog.version, " (bis)")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert versions(window)[(entry.owner_id, "fr")] == "Manque de ressources humaines (bis)"

    # Edit > Undo takes the last edit back, also from the view.
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, CTRL)
    assert versions(window)[(entry.owner_id, "fr")] == "Manque de ressources humaines"

    # Another language: the same row shows no version there; emptying the French one
    # removes it.
    dialog.lang_box.setFocus()
    qtbot.keyClick(dialog.lang_box, Qt.Key.Key_Down)
    assert dialog.language() == "es"
    dialog.table.setCurrentCell(row, ORIGINAL)
    assert dialog.version.toPlainText() == ""
    qtbot.keyClick(dialog.lang_box, Qt.Key.Key_Up)
    dialog.table.setCurrentCell(row, ORIGINAL)
    dialog.version.setFocus()
    qtbot.keyClick(dialog.version, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(dialog.version, Qt.Key.Key_Delete)
    qtbot.keyClick(dialog.version, Qt.Key.Key_Return, CTRL)
    assert (entry.owner_id, "fr") not in versions(window)
    dialog.close()


def test_a_multi_paragraph_version_keeps_its_lines_and_closing_saves_it(qtbot, window):
    dialog = open_view(qtbot, window)
    row = row_of(dialog, "session")  # the background, several paragraphs
    dialog.table.setCurrentCell(row, VERSION)
    entry = dialog.sheet.entries[row]
    dialog.version.setFocus()
    qtbot.keyClicks(dialog.version, "Premier paragraphe.")
    qtbot.keyClick(dialog.version, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.version, "Second paragraphe.")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closing the view keeps what was typed
    assert versions(window)[(entry.owner_id, "fr")] == "Premier paragraphe.\nSecond paragraphe."


def test_in_arabic_the_view_is_right_to_left_translated_and_an_arabic_version_is_saved(
    qtbot, window
):
    apply_language("ar")
    dialog = open_view(qtbot, window)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.windowTitle() != "Translations of the summary"
    assert "English" not in dialog.source_box.currentText()  # language names in Arabic
    # Choose Arabic with the keyboard: the version pane turns right to left.
    dialog.lang_box.setFocus()
    while dialog.language() != "ar":
        qtbot.keyClick(dialog.lang_box, Qt.Key.Key_Down)
    row = row_of(dialog, "takeaway")
    dialog.table.setCurrentCell(row, VERSION)
    assert dialog.version.layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.version.setFocus()
    type_text(qtbot, dialog.version, "نقص الموارد البشرية")
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    entry = dialog.sheet.entries[row]
    assert versions(window)[(entry.owner_id, "ar")] == "نقص الموارد البشرية"
    dialog.resize(1100, 640)
    dialog.grab().save(str(shots_dir("content") / "translations-ar.png"))
    dialog.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_view_has_accessible_names_and_no_mnemonic_clash(qtbot, window, lang):
    apply_language(lang)
    dialog = open_view(qtbot, window)
    assert not clashes(window_mnemonics(dialog))
    for widget in (dialog.table, dialog.original, dialog.version):
        assert widget.accessibleName()
    assert dialog.source_label.buddy() is dialog.source_box
    assert dialog.lang_label.buddy() is dialog.lang_box
    if lang == "en":
        row = row_of(dialog, "takeaway")
        dialog.table.setCurrentCell(row, VERSION)
        dialog.resize(1100, 640)
        dialog.grab().save(str(shots_dir("content") / "translations-en.png"))
    dialog.close()


def test_switching_the_interface_language_retranslates_the_open_view(qtbot, window):
    dialog = open_view(qtbot, window)
    assert dialog.save_button.text() == "&Save version"
    apply_language("fr")
    assert dialog.save_button.text() not in ("&Save version", "")
    assert "Français" not in dialog.lang_box.itemText(0) or dialog.language() == "fr"
    dialog.close()


def test_choosing_the_language_of_the_originals_changes_the_languages_offered(qtbot, window):
    dialog = open_view(qtbot, window)
    dialog.source_box.setFocus()
    qtbot.keyClick(dialog.source_box, Qt.Key.Key_Down)  # English -> French
    assert repo.get_series(window.db).content_language == "fr"
    offered = [dialog.lang_box.itemData(n) for n in range(dialog.lang_box.count())]
    assert offered == ["en", "es", "ar", "ru"]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, CTRL)  # one undo step
    assert repo.get_series(window.db).content_language == "en"
    assert dialog.source_box.currentData() == "en"
    dialog.close()


def test_opening_another_file_closes_the_view_of_the_first(qtbot, window, demo_path, tmp_path):
    import shutil

    other = tmp_path / "other.facilitator"
    shutil.copyfile(demo_path, other)
    dialog = open_view(qtbot, window)
    window.open_path(other)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
