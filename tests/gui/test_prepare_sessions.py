"""The Session menu and File > New series…: add, duplicate (then give the copy its own date,
time, zone and languages), delete with a confirmation when notes exist, all undoable."""

from __future__ import annotations

import pytest
from prepare_helpers import field, focus, type_line
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QListWidget, QMessageBox

from facilitator.domain import model as m
from facilitator.storage import repository as repo
from facilitator.ui.main_window import MainWindow


@pytest.fixture
def window(template_window):
    yield template_window


def action(win: MainWindow, name: str):
    return next(a for a in win.findChildren(type(win.undo_action)) if a.objectName() == name)


def sessions(win: MainWindow) -> list[m.Session]:
    return repo.find(win.db, m.Session, series_id=win.series.series.id)


def test_duplicate_a_session_and_change_its_date_time_zone_and_languages(window, qtbot):
    win = window
    type_line(qtbot, field(win, "interpretation"), "en, fr, es")
    original = sessions(win)[0]
    action(win, "duplicateSessionAction").trigger()
    both = sessions(win)
    assert [s.title for s in both] == ["New GCM Talk", "New GCM Talk (copy)"]
    assert win.findChild(QListWidget, "sessionList").currentRow() == 1
    copy = both[1]
    assert len(repo.find(win.db, m.AgendaItem, session_id=copy.id)) == 5
    assert win.session_view.content.session.id == copy.id

    type_line(qtbot, field(win, "date"), "2024-05-14")
    time = field(win, "start_time")
    focus(qtbot, time)
    qtbot.keyClicks(time, "1000")
    qtbot.keyClick(time, Qt.Key.Key_Tab)
    type_line(qtbot, field(win, "timezone", QComboBox), "Asia/Amman")
    type_line(qtbot, field(win, "interpretation"), "ar en")
    copy = repo.get(win.db, m.Session, copy.id)
    assert (copy.date, copy.start_time, copy.timezone) == ("2024-05-14", "10:00", "Asia/Amman")
    assert copy.interpretation == ["ar", "en"]
    kept = repo.get(win.db, m.Session, original.id)
    assert (kept.date, kept.timezone, kept.interpretation) == (
        "",
        "Europe/Zurich",
        ["en", "fr", "es"],
    )

    # An unknown zone is refused with its line; the file keeps Asia/Amman.
    type_line(qtbot, field(win, "timezone", QComboBox), "Mars/Olympus")
    assert repo.get(win.db, m.Session, copy.id).timezone == "Asia/Amman"
    shown = [e.text() for e in win.session_view.findChildren(QLabel, "fieldError") if e.isVisible()]
    assert shown == ["Time zone: “Mars/Olympus” is unknown; choose a zone such as Europe/Zurich."]

    for _n in range(5):  # undo the four edits and the duplicate
        win.undo_action.trigger()
    assert [s.id for s in sessions(win)] == [original.id]
    win.redo_action.trigger()
    assert [s.id for s in sessions(win)] == [original.id, copy.id]


def test_add_and_delete_sessions_with_a_confirmation_when_notes_exist(window, qtbot, monkeypatch):
    win = window
    action(win, "addSessionAction").trigger()
    assert [s.title for s in sessions(win)] == ["New GCM Talk", "New session"]
    action(win, "deleteSessionAction").trigger()  # no notes: no question asked
    assert [s.title for s in sessions(win)] == ["New GCM Talk"]
    win.undo_action.trigger()
    assert [s.title for s in sessions(win)] == ["New GCM Talk", "New session"]

    first = sessions(win)[0]
    win.findChild(QListWidget, "sessionList").setCurrentRow(0)
    with win.db.transaction():
        repo.insert_all(win.db, [m.Intervention(first.id, stakeholder_group="civil_society")])
    asked = []

    def answer(reply):
        def question(*args, **kwargs):
            asked.append(args[2])
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    action(win, "deleteSessionAction").trigger()
    assert len(sessions(win)) == 2 and "holds notes" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    action(win, "deleteSessionAction").trigger()
    assert [s.title for s in sessions(win)] == ["New session"]
    win.undo_action.trigger()
    assert [s.id for s in sessions(win)][0] == first.id


def test_new_series_empty_or_from_a_template(window, qtbot, tmp_path, monkeypatch):
    win = window
    target = tmp_path / "empty.facilitator"
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda *a, **k: ("An empty series (one session, no agenda)", True)
    )
    monkeypatch.setattr(
        "facilitator.ui.prepare.menu.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), ""),
    )
    action(win, "newSeriesAction").trigger()
    assert win.doc.same_file(target)
    assert [s.title for s in sessions(win)] == ["New session"]
    assert win.session_view.agenda_model.rowCount() == 0


def test_a_new_file_named_without_its_extension_gets_it(window, qtbot, tmp_path, monkeypatch):
    win = window
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][1], True))
    monkeypatch.setattr(
        "facilitator.ui.prepare.menu.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(tmp_path / "Talk 2023"), ""),
    )
    action(win, "newSeriesAction").trigger()
    made = tmp_path / "Talk 2023.facilitator"
    assert made.is_file() and not (tmp_path / "Talk 2023").exists()
    assert win.doc.same_file(made)
