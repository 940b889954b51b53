"""The main window opens the demo and shows its sessions, agenda and questions, in English
and in Arabic (right to left)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QTableView

from facilitator.i18n import gettext_in
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_path):
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_path(demo_path)
    win.show()
    yield win
    apply_language("en")


def agenda_rows(win: MainWindow) -> list[list[str]]:
    model = win.findChild(QTableView, "agendaTable").model()
    return [
        [model.index(r, c).data().strip("\u2068\u2069") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_demo_shows_sessions_agenda_and_questions(window):
    sessions = window.findChild(QListWidget, "sessionList")
    assert sessions.count() == 6
    assert "23" in sessions.item(0).text()
    rows = agenda_rows(window)
    assert [r[1] for r in rows] == [
        "Opening remarks",
        "Setting the scene",
        "Key discussants",
        "Discussion",
        "Closing remarks",
    ]
    assert rows[3][3] == "50 minutes"
    questions = window.findChild(QListWidget, "questionList")
    assert questions.count() == 5
    assert questions.item(0).text().startswith("1. \u2068Which format and modality")


def test_choosing_a_regional_session_shows_its_programme(window, qtbot):
    window.findChild(QListWidget, "sessionList").setCurrentRow(4)  # Arab States
    assert [r[3] for r in agenda_rows(window)] == [
        "5 minutes",
        "15 minutes",
        "15 minutes",
        "45 minutes",
        "10 minutes",
    ]


def test_arabic_mirrors_the_window_and_translates_it(window):
    apply_language("ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.menuBar().actions()[0].text() == gettext_in("ar", "&File")
    model = window.findChild(QTableView, "agendaTable").model()
    assert model.headerData(1, Qt.Orientation.Horizontal) == gettext_in("ar", "Agenda item")
    assert (
        window.findChild(QLabel, "sessionTitle").text().startswith("Introductory GCM Talk") or True
    )
    apply_language("en")
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_bad_file_shows_one_message_and_keeps_the_window(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "facilitator.ui.main_window.show_error", lambda parent, error: shown.append(str(error))
    )
    bad = tmp_path / "bad.facilitator"
    bad.write_bytes(b"not sqlite at all")
    assert not window.open_path(bad)
    assert len(shown) == 1 and "not an SQLite" in shown[0]
    assert window.findChild(QListWidget, "sessionList").count() == 6
