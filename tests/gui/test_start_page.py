"""The window with no file open is a start page (issue of the new-user walk): a welcome, the
File menu's ways to begin as buttons, and the recent files with their folders; every button
is reached with Tab and pressed with Return, and runs the File menu's own action."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCommandLinkButton, QLabel

from facilitator import settings
from facilitator.app import bundled, file_ops
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow


@pytest.fixture
def fresh(qtbot):
    """A first start: no file, no recent files (the config folder is a new one per test)."""
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    yield win
    apply_language("en")


def buttons(win: MainWindow) -> list[QCommandLinkButton]:
    return [b for b in win.empty.findChildren(QCommandLinkButton) if b.isVisible()]


def two_talks(tmp_path):
    paths = [tmp_path / "Regional" / "talk.facilitator", tmp_path / "Global" / "talk.facilitator"]
    for path in paths:
        path.parent.mkdir()
        file_ops.write_new_file(path, bundled.demo_series())
        settings.remember_recent(path)
    return paths  # Global's is the newest


def test_a_first_start_welcomes_and_offers_the_file_menus_ways_in(fresh):
    assert fresh.stack.currentWidget() is fresh.empty
    texts = [b.text() for b in buttons(fresh)]
    assert texts == ["New series…", "New from template…", "Open…", "Open the demo series"]
    labels = " ".join(label.text() for label in fresh.empty.findChildren(QLabel))
    assert "Welcome to Facilitator" in labels
    assert "File > New" not in labels  # a menu item of that name does not exist
    assert fresh.findChild(QLabel, "startNoRecent").isVisible()
    for button in buttons(fresh):
        assert button.accessibleName() == button.text()
        assert button.accessibleDescription() == button.description()
        assert "&" not in button.text()  # the menu bar keeps the Alt letters


def test_tab_walks_the_buttons_and_return_opens_the_demo(fresh, qtbot):
    fresh.empty.focus_first()
    seen = [QApplication.focusWidget().objectName()]
    for _n in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().objectName())
    assert seen == ["startNewSeries", "startNewFromTemplate", "startOpen", "startDemo"]
    with qtbot.waitSignal(fresh.demo_action.triggered):  # the menu's action, not a copy of it
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert fresh.doc is not None and fresh.stack.currentWidget() is fresh.splitter
    assert fresh.sessions.count() == 6


def test_each_button_triggers_its_menu_action(fresh, qtbot, monkeypatch):
    for action in (fresh.prepare_menu.new_series_action, fresh.new_action, fresh.open_action):
        triggered = []
        monkeypatch.setattr(
            "PySide6.QtWidgets.QInputDialog.getItem", lambda *a, **k: ("", False)
        )  # the dialogs the actions open are cancelled
        monkeypatch.setattr(
            "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: ("", "")
        )
        action.triggered.connect(lambda _c=False, t=triggered: t.append(1))
        button = next(b for b in buttons(fresh) if b.text() == action.text().replace("&", ""))
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)
        assert triggered == [1]


def test_recent_files_show_their_folders_and_open_with_return(qtbot, tmp_path):
    regional, global_ = two_talks(tmp_path)
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    recent = [b for b in buttons(win) if b.objectName() == "startRecentFile"]
    assert [b.text().strip("\u2068\u2069") for b in recent] == ["talk.facilitator"] * 2
    folders = [b.description().strip("\u2068\u2069") for b in recent]
    # Told apart by their folders, long ones elided in the middle (the ends tell them apart).
    assert folders[0].endswith("Global") and folders[1].endswith("Regional")
    assert all(f.startswith(str(tmp_path)[:5]) for f in folders)
    assert [b.toolTip() for b in recent] == [str(global_), str(regional)]
    assert not win.findChild(QLabel, "startNoRecent").isVisible()
    # The last way in is followed by the recent files in the Tab chain.
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    demo = win.findChild(QCommandLinkButton, "startDemo")
    demo.setFocus()
    qtbot.keyClick(demo, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is recent[0]
    qtbot.keyClick(recent[0], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is recent[1]
    qtbot.keyClick(recent[1], Qt.Key.Key_Return)
    assert win.doc is not None and win.doc.same_file(regional)


def test_the_start_page_follows_a_language_switch(fresh):
    apply_language("ar")
    texts = [b.text() for b in buttons(fresh)]
    assert texts[3] == "فتح السلسلة التجريبية"
    assert fresh.findChild(QLabel, "startTitle").text() == "مرحبًا بك في Facilitator"
    assert all(b.description() and "series" not in b.description() for b in buttons(fresh))


def test_the_recent_menu_shows_each_files_folder(qtbot, tmp_path):
    regional, global_ = two_talks(tmp_path)
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.recent_menu.rebuild()
    entries = [a for a in win.recent_menu.actions() if a.objectName() == "recentFile"]
    assert len({a.text() for a in entries}) == 2  # the same name, two folders
    assert "Regional" in entries[1].text() and "Global" in entries[0].text()
    assert [a.toolTip() for a in entries] == [str(global_), str(regional)]
    assert win.recent_menu.toolTipsVisible()
