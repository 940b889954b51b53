"""What the new-user walk found in the main window: menu entries that did nothing with no file
open are greyed out until one is; status-bar lines follow a language switch (and a line made
in one direction keeps its full stop at its end in the other); a damaged file is one line in
the interface language when opened in the app."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from facilitator.app import bundled, file_ops
from facilitator.storage import create_file
from facilitator.storage import repository as repo
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow

FSI, PDI = "\u2068", "\u2069"
NEED_A_FILE = [
    "restoreBackupAction",
    "addSessionAction",
    "seriesDetailsAction",
    "manageParticipants",
    "importRosterAction",
    "exportAction",
]


@pytest.fixture
def window(qtbot):
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    apply_language("en")


def action(win: MainWindow, name: str) -> QAction:
    return win.findChild(QAction, name)


def test_file_entries_are_greyed_out_until_a_file_is_open(window, demo_path):
    assert [n for n in NEED_A_FILE if action(window, n).isEnabled()] == []
    assert window.open_path(demo_path)
    assert [n for n in NEED_A_FILE if not action(window, n).isEnabled()] == []
    window.close_document()
    assert [n for n in NEED_A_FILE if action(window, n).isEnabled()] == []


def test_the_clock_warning_follows_a_language_switch(window, tmp_path):
    path = tmp_path / "ahead.facilitator"
    db = create_file(path, device="colleague", wall=lambda: time.time() + 3600)
    repo.save_series(db, bundled.demo_series())
    db.close()
    assert window.open_path(path)
    assert "clock is 60 minutes behind" in window.statusBar().currentMessage()
    apply_language("ar")
    arabic = window.statusBar().currentMessage()
    assert "behind" not in arabic and "دقيقة" in arabic
    assert arabic.endswith(".")  # an Arabic sentence: drawn right to left, its stop at the end
    apply_language("en")
    assert "clock is 60 minutes behind" in window.statusBar().currentMessage()


def test_a_saved_team_copy_is_said_again_in_arabic_with_its_path_isolated(
    window, demo_path, tmp_path, monkeypatch
):
    assert window.open_path(demo_path)
    target = tmp_path / "out" / "copy.facilitator"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.merge_tools.actions["shareCopyAction"].trigger()
    assert window.statusBar().currentMessage().startswith("Saved a copy for the team")
    apply_language("ar")
    arabic = window.statusBar().currentMessage()
    assert "Saved" not in arabic and f"{FSI}{target}{PDI}" in arabic


def test_a_line_made_elsewhere_is_isolated(window):
    window.say("The file was replaced by another program.")
    apply_language("ar")  # still shown, in its own direction: its full stop stays at its end
    assert window.statusBar().currentMessage() == (
        f"{FSI}The file was replaced by another program.{PDI}"
    )


def test_a_message_that_stays_keeps_staying_after_a_switch(window, qtbot):
    window.say(lambda: "x", 0)
    apply_language("fr")
    assert window._said_timeout == 0  # not turned into a 5-second message by the switch


@pytest.mark.parametrize("lang, says", [("en", "is damaged"), ("ar", "تالف")])
def test_a_truncated_file_opened_in_the_app_is_one_clear_line(
    window, tmp_path, monkeypatch, lang, says
):
    whole = tmp_path / "whole.facilitator"
    file_ops.write_new_file(whole, bundled.demo_series())
    cut = tmp_path / "cut.facilitator"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size * 2 // 5])
    shown: list[str] = []
    monkeypatch.setattr(
        "facilitator.ui.main_window.show_error", lambda parent, error: shown.append(str(error))
    )
    apply_language(lang)
    assert not window.open_path(cut)
    assert len(shown) == 1 and says in shown[0]
    assert "malformed" not in shown[0] and "database" not in shown[0]
