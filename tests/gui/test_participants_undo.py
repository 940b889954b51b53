"""Participants on the application layer: the dialogs get the window's signals, and every
edit, a whole roster import included, is one step of Edit > Undo (Ctrl+Z in the window)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from facilitator.domain import model as m
from facilitator.storage import participants_store as store
from facilitator.ui.main_window import MainWindow
from facilitator.ui.participants.dialog import ParticipantsDialog
from facilitator.ui.participants.editor import ParticipantEditor
from facilitator.ui.participants.roster_import import RosterImportDialog

ROSTER = (
    "Name;Organization;Country;E-mail\n"
    "Amélie Dupont;Croix-Rouge;France;amelie@cr.fr\n"
    "Karim Benali;Gouvernement;Maroc;karim@gov.ma\n"
    "Li Wei;Mission;Chine;li@mission.cn\n"
)
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, demo_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(demo_path)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def deleted(window: MainWindow, person_id: str) -> int:
    row = window.db.conn.execute("SELECT deleted FROM participant WHERE id = ?", (person_id,))
    return row.fetchone()[0]


def names(dialog: ParticipantsDialog) -> list[str]:
    return [p.name for p in dialog.people]


def test_an_added_participant_is_tombstoned_by_undo_and_back_with_redo(qtbot, window, monkeypatch):
    series_id = window.series.series.id
    session = window.session_view.content.session
    dialog = ParticipantsDialog(window.signals, series_id, session, window)
    dialog.show()

    def exec_(editor):
        editor.fields["name"].setText("Nadia Haddad")
        editor.registered.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ParticipantEditor, "exec", exec_)
    qtbot.mouseClick(dialog.buttons["addParticipant"], Qt.MouseButton.LeftButton)
    nadia = next(
        p for p in store.list_participants(window.db, series_id) if p.name == "Nadia Haddad"
    )
    assert nadia.id in store.session_roles(window.db, session.id)
    assert "Nadia Haddad" in names(dialog)

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert deleted(window, nadia.id) == 1  # a tombstone, which a merge carries
    assert nadia.id not in store.session_roles(window.db, session.id)
    assert "Nadia Haddad" not in names(dialog)  # the open dialog heard of the undo
    assert window.statusBar().currentMessage() == "Undone: Add participant"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert deleted(window, nadia.id) == 0
    assert nadia.id in store.session_roles(window.db, session.id)
    assert "Nadia Haddad" in names(dialog)
    dialog.close()


def test_a_roster_import_is_undone_in_one_step(qtbot, window, tmp_path):
    series_id = window.series.series.id
    session = window.series.sessions[4].session  # Arab States: no roster yet
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    people_before = {p.id for p in store.list_participants(window.db, series_id)}
    roles_before = set(store.session_roles(window.db, session.id))
    steps_before = len(window.doc.history._done)

    dialog = RosterImportDialog(window.signals, series_id, session, path, window)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text() == "Imported: 3 added, 0 completed, 0 already known."
    added = {p.id for p in store.list_participants(window.db, series_id)} - people_before
    assert len(added) == 3
    assert set(store.session_roles(window.db, session.id)) - roles_before == added
    assert len(window.doc.history._done) == steps_before + 1
    assert window.undo_action.text() == "&Undo Import a registration list"

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert {p.id for p in store.list_participants(window.db, series_id)} == people_before
    assert set(store.session_roles(window.db, session.id)) == roles_before
    assert all(deleted(window, person_id) == 1 for person_id in added)
    assert window.statusBar().currentMessage() == "Undone: Import a registration list"

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert {p.id for p in store.list_participants(window.db, series_id)} - people_before == added
    assert set(store.session_roles(window.db, session.id)) - roles_before == added


def test_attendance_and_a_merge_of_duplicates_are_undone(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from facilitator.ui.participants.dialog import COLUMNS

    series_id = window.series.series.id
    session = window.session_view.content.session
    dialog = ParticipantsDialog(window.signals, series_id, session, window)
    dialog.show()
    row = next(r for r, p in enumerate(dialog.people) if p.id in dialog.roles)
    person = dialog.people[row]
    was = dialog.roles[person.id].attended
    item = dialog.table.item(row, COLUMNS.index("attended"))
    item.setCheckState(Qt.CheckState.Unchecked if was else Qt.CheckState.Checked)
    assert store.session_roles(window.db, session.id)[person.id].attended is not was
    assert window.doc.history.undo_label() == "Change attendance"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert store.session_roles(window.db, session.id)[person.id].attended is was

    copy = m.Participant(series_id, person.name, email="copy@example.org")
    store.add_participant(window.db, copy)
    dialog.reload()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.buttons["findDuplicates"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.buttons["mergeParticipants"], Qt.MouseButton.LeftButton)
    assert len([p for p in dialog.people if p.name == person.name]) == 1
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert deleted(window, copy.id) == 0 and deleted(window, person.id) == 0
    assert len([p for p in dialog.people if p.name == person.name]) == 2
    dialog.close()
