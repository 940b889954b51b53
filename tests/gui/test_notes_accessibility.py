"""The Notes tab to a screen reader and in a dark theme: every control it can reach has a
name of its own (not its current value), and the recovery banners keep a contrast of at least
4.5:1 whatever the palette."""

from __future__ import annotations

from collections import Counter

import pytest
from palettes import contrast, dark_palette
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from facilitator.app.notes import Draft
from facilitator.domain.entry import Entry
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.notes.banner import DraftBanner, RecoveryBar
from facilitator.ui.notes.page import NotesPage


@pytest.fixture
def page(qtbot, demo_path):
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.open_path(demo_path)
    win.show()
    notes = win.findChild(NotesPage)
    win.session_view.tabs.setCurrentWidget(notes)
    yield notes
    apply_language("en")


def name_of(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_control_has_a_name_of_its_own(page, lang):
    apply_language(lang)
    missing = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget.parent(), QComboBox):
            continue  # a drop-down's own line edit or list
        name = name_of(widget)
        if not name or (isinstance(widget, QComboBox) and name == widget.currentText()):
            missing.append(f"{type(widget).__name__}#{widget.objectName()}: {name!r}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_banners_keep_their_contrast(qtbot, dark):
    app = make_app()
    before = app.palette()
    if dark:
        app.setPalette(dark_palette())
    try:
        banner = DraftBanner()
        qtbot.addWidget(banner)
        banner.offer(
            [Draft("d", Entry(session_id="s", notes="Half typed"), "2023-03-23T15:00:00Z")]
        )
        bar = RecoveryBar()
        qtbot.addWidget(bar)
        bar.set_waiting(2, notes_shown=False)
        for frame, label in ((banner, banner.text), (bar, bar.text)):
            frame.resize(700, 80)
            frame.show()
            image = frame.grab(label.geometry()).toImage()
            colours = Counter(
                image.pixel(x, y) for x in range(image.width()) for y in range(image.height())
            )
            background = QColor.fromRgb(colours.most_common(1)[0][0])
            ink = max((QColor.fromRgb(p) for p in colours), key=lambda c: contrast(c, background))
            assert contrast(ink, background) >= 4.5, (
                label.objectName(),
                ink.name(),
                background.name(),
            )
    finally:
        app.setPalette(before)
    assert QApplication.instance() is app
