"""Help is the last menu, with the guide in the interface language and About with versions;
File > Open Recent and the window's size come back at the next start."""

from __future__ import annotations

from PySide6.QtCore import Qt

from facilitator import __version__
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.help import GuideDialog, about_text
from facilitator.ui.main_window import MainWindow


def test_help_is_the_last_menu_and_the_guide_follows_the_language(qtbot):
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    menus = [a.menu() for a in window.menuBar().actions()]
    assert menus[-1] is window.help_menu
    apply_language("ar")
    try:
        guide = GuideDialog(window)
        qtbot.addWidget(guide)
        text = guide.browser.toPlainText()
        assert "Facilitator" in text and "الجلسة" in text  # the Arabic guide, not the English
    finally:
        apply_language("en")
    english = GuideDialog(window)
    qtbot.addWidget(english)
    assert "Timer" in english.browser.toPlainText()


def test_about_names_every_version():
    text = about_text()
    assert __version__ in text and "Qt " in text and "Python " in text and "File format" in text


def test_recent_files_and_window_geometry_survive_a_restart(qtbot, demo_path):
    make_app()
    first = MainWindow()
    qtbot.addWidget(first)
    assert first.open_path(demo_path)
    first.resize(700, 500)  # fits the offscreen screen (800x600), so nothing is clamped
    size = first.size()
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    assert (size.width(), size.height()) == (700, 500) and second.size() == size
    second.recent_menu.rebuild()
    entries = [a for a in second.recent_menu.actions() if a.statusTip()]
    assert entries and entries[0].statusTip() == str(demo_path.resolve())
    entries[0].trigger()
    assert second.doc is not None and second.doc.same_file(demo_path)
    assert Qt.LayoutDirection.LeftToRight == second.layoutDirection()
