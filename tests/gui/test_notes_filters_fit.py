"""The filter drop-downs over the notes table at 1100 px, in every language: a choice that fits
shows whole, one that does not is cut with "…" (never mid-letter) and shown whole on hover;
the short ones are not cut to make room for the long ones (on a fresh install, at 1100 px,
French, Spanish and Russian cut most of them: their tooltips say them whole)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget

from facilitator.app import file_ops
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow


@pytest.fixture
def notes(qtbot, tmp_path):
    path = tmp_path / "new.facilitator"
    file_ops.new_from_template(path, "regional-consultation")
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1100, 720)
    win.open_path(path)
    win.show()
    qtbot.waitExposed(win)
    win.findChild(QTabWidget).setCurrentIndex(2)
    yield win
    apply_language("en")


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar", "ru"])
def test_each_filter_shows_its_choice_whole_or_cut_with_an_ellipsis(notes, qtbot, lang):
    apply_language(lang)
    qtbot.wait(20)  # the layout's pending requests, as the event loop would
    QApplication.processEvents()
    page = notes.findChild(QTabWidget).currentWidget()
    combos = list(page.filters.combos.values())
    cut = []
    for combo in combos:
        shown, whole = combo.shown_text(), combo.currentText()
        assert combo.fontMetrics().horizontalAdvance(shown) <= combo.width()
        if shown != whole:
            assert shown.endswith("…") or shown.startswith("…"), shown
            assert combo.toolTip() == whole
            cut.append(combo)
    # A combo is cut only when it is as wide as any other: the narrow ones show whole.
    widest = max(c.width() for c in combos)
    assert all(c.width() >= widest - 2 for c in cut), [c.currentText() for c in cut]
    if cut:  # and no room is kept where it is not needed
        whole = [c for c in combos if c not in cut]
        assert all(c.width() <= c.whole_width() + 2 for c in whole), [c.width() for c in whole]
