"""The Notes tab fits a laptop in every language: at 1100x720 and 1366x768 the window is not
taller than the screen, no label, button or drop-down is cut, the notes field keeps its three lines and
the table shows two saved rows at 720 px and four at 768 (one and a half before the form
was held to half the height). Arabic is drawn in Noto Sans Arabic UI, whose lines are as tall as Noto
Sans's; with Noto Sans Arabic the Notes tab needed 733 px and cut the shortcut hints."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
)
from shots import shots_dir

from facilitator.app import file_ops
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.common.eliding_combo import ElidingCombo
from facilitator.ui.main_window import MainWindow
from facilitator.ui.notes.page import NotesPage

SHOTS = shots_dir("notes")


@pytest.fixture(params=["gcm-talk", "demo"])
def notes(request, qtbot, tmp_path):
    path = tmp_path / "fits.facilitator"
    file_ops.new_from_template(path, request.param)
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.open_path(path)
    win.show()
    qtbot.waitExposed(win)
    page = win.findChild(NotesPage)
    win.session_view.tabs.setCurrentWidget(page)
    yield win, page, request.param
    apply_language("en")


def field_width(combo: QComboBox) -> int:
    """The width a drop-down paints its choice in."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    style = combo.style()
    edit = QStyle.SubControl.SC_ComboBoxEditField
    return style.subControlRect(QStyle.ComplexControl.CC_ComboBox, option, edit, combo).width()


@pytest.mark.parametrize("size", [(1100, 720), (1280, 720), (1366, 768)])
@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar", "ru"])
def test_the_notes_tab_fits_a_laptop(notes, qtbot, lang, size):
    win, page, template = notes
    apply_language(lang)
    win.resize(*size)
    qtbot.wait(20)  # the layout's pending requests, as the event loop would
    QApplication.processEvents()
    assert win.minimumSizeHint().height() <= size[1] and win.height() <= size[1]
    form = page.form
    cut = [
        label.text()
        for label in form.findChildren(QLabel)
        if label.isVisible()
        and label.text()
        and label.wordWrap()
        and label.height() < label.heightForWidth(label.width())
    ]
    assert cut == []
    cut = [
        b.text()
        for b in page.findChildren(QAbstractButton)
        if b.isVisible() and b.text() and b.width() < b.sizeHint().width()
    ]
    assert cut == []
    # Each drop-down shows its choice whole, or cut with "…" and whole on hover: never
    # mid-letter ("Английскı" in Russian at 1280 px).
    for combo in (c for c in form.findChildren(QComboBox) if c.isVisible()):
        whole = combo.currentText()
        shown = combo.shown_text() if isinstance(combo, ElidingCombo) else whole
        assert combo.fontMetrics().horizontalAdvance(shown) <= field_width(combo), whole
        assert shown == whole or (shown.endswith("…") and combo.toolTip() == whole), whole
    lines = form.notes.fontMetrics().lineSpacing()
    assert form.notes.height() >= 3 * lines
    table = page.table
    if page.model.rowCount() >= 4:
        rows = 2 if size[1] < 768 else 4
        assert table.viewport().height() >= rows * table.verticalHeader().defaultSectionSize()
    if SHOTS.is_dir():
        win.grab().save(str(SHOTS / f"fits-{template}-{lang}-{size[0]}x{size[1]}.png"))


def test_the_split_the_note_taker_drags_is_kept(notes, qtbot):
    win, page, _template = notes
    win.resize(1366, 768)
    qtbot.wait(20)
    splitter = page.splitter
    handle = splitter.handle(1)
    start = handle.rect().center()
    form_before = splitter.sizes()[0]
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start + QPoint(0, 40))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + QPoint(0, 40))
    dragged = splitter.sizes()[0]
    assert dragged > form_before
    win.resize(1366, 1000)
    qtbot.wait(20)
    QApplication.processEvents()
    assert splitter.sizes()[0] == dragged  # the table takes the new height, the form keeps its own


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_notes_and_points_keep_a_third_of_a_narrow_table(notes, qtbot, lang):
    win, page, _template = notes
    apply_language(lang)
    table = page.table
    column = page.model.COLUMNS.index
    for size in ((1100, 720), (1920, 1080)):
        win.resize(*size)
        qtbot.wait(20)
        QApplication.processEvents()
        shared = table.columnWidth(column("notes")) + table.columnWidth(column("points"))
        assert shared >= table.viewport().width() / 3  # a fifth at 1100 px before
        header = table.horizontalHeader()
        assert all(  # and no heading cut mid-letter ("keholder gro")
            header.sectionSize(n) >= header.sectionSizeFromContents(n).width() for n in range(5)
        )
    # On a wide table the other columns are as wide as they were made to be.
    assert table.columnWidth(column("speaker")) == 150


def test_a_column_resized_by_hand_is_kept(notes, qtbot):
    win, page, _template = notes
    win.resize(1366, 768)
    qtbot.wait(20)
    header = page.table.horizontalHeader()
    speaker = page.model.COLUMNS.index("speaker")
    # Dragged by its right edge, 30 px to the right.
    edge = QPoint(header.sectionViewportPosition(speaker) + header.sectionSize(speaker) - 1, 5)
    before = header.sectionSize(speaker)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=edge)
    qtbot.mouseMove(header.viewport(), edge + QPoint(30, 0))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=edge + QPoint(30, 0))
    dragged = header.sectionSize(speaker)
    assert dragged > before
    win.resize(1100, 720)
    qtbot.wait(20)
    QApplication.processEvents()
    assert header.sectionSize(speaker) == dragged
