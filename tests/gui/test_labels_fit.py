"""Long French, Spanish, Russian (and Arabic) labels fit: at 1280x720 no button on any tab, and
none in any dialog at its own size, is narrower than its text needs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton

from facilitator.ui import windows
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow


def cut_buttons(widget) -> list[str]:
    return [
        f"{b.text()!r} ({b.width()} < {b.sizeHint().width()})"
        for b in widget.findChildren(QAbstractButton)
        if b.isVisible() and b.text() and b.width() < b.sizeHint().width() - 2
    ]


@pytest.mark.parametrize("lang", ["fr", "es", "ru", "ar"])
def test_nothing_is_cut_off_at_1280_by_720(qtbot, demo_path, lang):
    make_app()
    apply_language(lang)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.open_path(demo_path)
    window.show()
    found = []
    for tab in windows.session_tabs(window):
        qtbot.wait(10)
        found += [f"{tab}: {cut}" for cut in cut_buttons(window)]
    for name, factory in windows.dialogs().items():
        dialog = factory(window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(10)
        found += [f"{name}: {cut}" for cut in cut_buttons(dialog)]
        dialog.close()
    apply_language("en")
    assert not found, "\n".join(found)
