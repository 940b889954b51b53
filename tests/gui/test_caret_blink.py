"""The caret blinking in a Notes field repaints that field alone, and the fields look exactly
as Qt draws them (their background is the tab page's, read from the tabs, light or dark)."""

from __future__ import annotations

from collections import Counter

import pytest
from palettes import dark_palette
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.ui.application import apply_language
from facilitator.ui.notes.page import NotesPage


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            self.count[type(watched).__name__] += 1
        return False


def notes_page(window, qtbot) -> NotesPage:
    page = window.findChild(NotesPage)
    window.session_view.tabs.setCurrentWidget(page)
    qtbot.wait(100)
    return page


def test_a_blink_repaints_the_speaker_field_alone(demo_window, qtbot):
    page = notes_page(demo_window, qtbot)
    page.form.speaker.setFocus()
    qtbot.wait(100)
    paints = Paints()
    QApplication.instance().installEventFilter(paints)
    try:
        qtbot.wait(2 * QApplication.cursorFlashTime())  # four blinks
    finally:
        QApplication.instance().removeEventFilter(paints)
    assert paints.count["SpeakerField"] >= 2
    assert set(paints.count) == {"SpeakerField"}, paints.count


def unfilled(window, page) -> QImage:
    """The window as Qt draws it with the fields as Qt makes them (palette, role, not opaque)."""
    fields = page._line_edits()
    kept = [(f.palette(), f.backgroundRole()) for f in fields]
    for field in fields:
        field.setAutoFillBackground(False)
        field.setPalette(QPalette())  # nothing of its own: all inherited
        field.setBackgroundRole(QPalette.ColorRole.Base)
    image = window.grab().toImage()
    for field, (palette, role) in zip(fields, kept, strict=True):
        field.setPalette(palette)
        field.setBackgroundRole(role)
        field.setAutoFillBackground(True)
    return image


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_opaque_fields_look_exactly_as_before_light_and_dark(demo_window, qtbot, lang):
    apply_language(lang)
    page = notes_page(demo_window, qtbot)
    demo_window.setFocus()  # no caret in the pictures
    qtbot.wait(100)
    assert all(field.autoFillBackground() for field in page._line_edits())
    assert demo_window.grab().toImage() == unfilled(demo_window, page)
    app = QApplication.instance()
    light = app.palette()
    dark = dark_palette()
    try:
        app.setPalette(dark)  # the system switched to dark while the window is open
        qtbot.wait(100)
        assert demo_window.grab().toImage() == unfilled(demo_window, page)
    finally:
        app.setPalette(light)
        qtbot.wait(50)
