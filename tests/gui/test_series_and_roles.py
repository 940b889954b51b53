"""Session > Series details… (title, description, the topics codebook) and the Roles group of
the Overview (moderator, rapporteur, note-takers from the roster or typed), all undoable and
driven with real key events; the moderator then appears in the Markdown report."""

from __future__ import annotations

import pytest
from prepare_helpers import focus, type_line
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QListWidget

from facilitator.app import file_ops
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.storage import participants_store, prepare_agenda
from facilitator.storage import repository as repo
from facilitator.ui.main_window import MainWindow
from facilitator.ui.prepare.series_dialog import SeriesDialog


@pytest.fixture
def window(template_window):
    yield template_window


def undo(qtbot, win: MainWindow) -> None:
    focus(qtbot, win.sessions)
    qtbot.keyClick(win.sessions, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot, win: MainWindow) -> None:
    focus(qtbot, win.sessions)
    qtbot.keyClick(
        win.sessions,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def topics(win: MainWindow) -> list[str]:
    return [t.name for t in prepare_agenda.topics(win.db, win.series.series.id)]


@pytest.fixture
def dialog(window, qtbot):
    dialog = SeriesDialog(window.signals, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog


def test_the_session_menu_opens_the_series_details(window, qtbot):
    action = next(
        a
        for a in window.prepare_menu.session_menu.actions()
        if a.objectName() == "seriesDetailsAction"
    )
    seen = []

    def close() -> None:
        shown = QApplication.activeModalWidget()
        seen.append(shown)
        shown.reject()

    QTimer.singleShot(0, close)
    action.trigger()
    assert isinstance(seen[0], SeriesDialog)
    assert seen[0].title_edit.text() == window.series.series.title


def test_edit_the_series_title_then_undo_it(window, dialog, qtbot):
    old = window.series.series.title
    type_line(qtbot, dialog.title_edit, "GCM Talks 2024")
    assert repo.get_series(window.db).title == "GCM Talks 2024"
    assert window.series_title.text() == "GCM Talks 2024"
    assert window.undo_action.text().endswith("Edit series details")
    undo(qtbot, window)
    assert repo.get_series(window.db).title == old
    assert dialog.title_edit.text() == old  # the dialog redraws from the change set
    # An empty title is refused with one line, and nothing is written.
    type_line(qtbot, dialog.title_edit, " ")
    assert dialog.error.isVisible() and dialog.error.text()
    assert repo.get_series(window.db).title == old


def test_add_reorder_delete_topics_with_undo_and_a_refused_delete(window, dialog, qtbot):
    editor = dialog.topics
    for name in ("Missing migrants", "Humanitarian assistance", "Cross-cutting"):
        prepare_agenda.add_topic(window.db, window.series.series.id, name)
    window.signals.announce(ChangeSet.of(added=[("topic", "seeded")]))
    assert editor.view.count() == 3  # the dialog read the topics again
    before = topics(window)
    assert "Alt+1" in editor.hint.text()
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    name = editor.edits["name"]
    assert name.hasFocus()
    qtbot.keyClicks(name, "Return of migrants")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert topics(window) == [*before, "Return of migrants"]
    type_line(qtbot, editor.edits["colour"], "#1F77B4")
    added = prepare_agenda.topics(window.db, window.series.series.id)[-1]
    assert added.colour == "#1f77b4"
    type_line(qtbot, editor.edits["colour"], "blue")
    assert editor.field_error.isVisible()

    # Ctrl+Up twice in the list moves it up two places; undo moves it back one.
    focus(qtbot, editor.view)
    qtbot.keyClick(editor.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    moved = topics(window)
    assert moved.index("Return of migrants") == len(before) - 2
    assert editor.view.currentItem().text().count("Return of migrants")
    undo(qtbot, window)
    assert topics(window).index("Return of migrants") == len(before) - 1
    assert editor.view.item(len(before) - 1).text().count("Return of migrants")

    # Delete it, undo brings it back with its colour, redo deletes it again.
    editor.select(added.id)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert "Return of migrants" not in topics(window)
    assert editor.view.count() == len(before)
    undo(qtbot, window)
    assert "Return of migrants" in topics(window)
    assert repo.get(window.db, m.Topic, added.id).colour == "#1f77b4"
    redo(qtbot, window)
    assert "Return of migrants" not in topics(window)

    # A topic that points are filed under cannot be deleted: the file says why.
    used = prepare_agenda.topics(window.db, window.series.series.id)[0]
    session = window.series.sessions[0].session
    with window.db.transaction():
        intervention = repo.insert(window.db, m.Intervention(session.id))
        repo.insert(window.db, m.Point(intervention.id, "A point", topic_id=used.id))
    window.signals.announce(ChangeSet.all())
    editor.select(used.id)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.error.isVisible()
    assert used.name in editor.error.text()
    assert used.name in topics(window)


def add_people(win: MainWindow, *names: str) -> None:
    with win.db.transaction():
        for name in names:
            participants_store.add_participant(win.db, m.Participant(win.series.series.id, name))
    win.signals.announce(ChangeSet.of(added=[("participant", "x")]))


def roles(win: MainWindow) -> dict[str, str]:
    session = win.series.sessions[0].session
    people = {p.id: p.name for p in repo.find(win.db, m.Participant)}
    held = participants_store.session_roles(win.db, session.id).values()
    return {people[r.participant_id]: r.role for r in held}


def test_choose_a_moderator_by_typing_part_of_a_name_and_return(window, qtbot, tmp_path):
    add_people(window, "María López", "Amina Diallo")
    combo = window.session_view.findChild(QComboBox, "role-moderator")
    assert combo.count() == 2  # the roster, offered as soon as it changed
    focus(qtbot, combo)
    qtbot.keyClicks(combo.lineEdit(), "mar")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert roles(window) == {"María López": "moderator"}
    assert combo.currentText() == "María López"
    undo(qtbot, window)
    assert roles(window) == {}
    assert combo.currentText() == ""
    redo(qtbot, window)
    assert roles(window) == {"María López": "moderator"}

    # The report names her on its moderator line.
    path = window.doc.path
    window.close_document()
    written = file_ops.export_path(path, "md", tmp_path / "report.md", "en")
    text = "\n".join(p.read_text(encoding="utf-8") for p in written)
    line = next(x for x in text.splitlines() if "The moderator was" in x)
    assert "María López" in line


def test_a_typed_name_as_note_taker_joins_the_roster(window, qtbot):
    add_people(window, "Amina Diallo")
    combo = window.session_view.findChild(QComboBox, "role-note_taker")
    focus(qtbot, combo)
    qtbot.keyClicks(combo.lineEdit(), "Jean Dupont")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert roles(window) == {"Jean Dupont": "note_taker"}
    assert "Jean Dupont" in [p.name for p in repo.find(window.db, m.Participant)]
    listed = window.session_view.findChild(QListWidget, "noteTakers")
    assert [listed.item(r).text() for r in range(listed.count())] == ["Jean Dupont"]
    assert combo.currentText() == ""  # ready for the next note-taker
    assert combo.findText("Jean Dupont") >= 0  # and offered by every picker
    # A second note-taker from the roster; a rapporteur too.
    qtbot.keyClicks(combo.lineEdit(), "ami")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert roles(window) == {"Jean Dupont": "note_taker", "Amina Diallo": "note_taker"}
    # Undo takes back the person and the role in one step.
    undo(qtbot, window)
    undo(qtbot, window)
    assert roles(window) == {}
    assert "Jean Dupont" not in [p.name for p in repo.find(window.db, m.Participant)]
    assert listed.count() == 0
    assert window.session_view.findChild(QLabel, "rolesError").isHidden()
    assert isinstance(combo.lineEdit(), QLineEdit)
