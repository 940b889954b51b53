"""Participants and attendance: import a registration list through the dialog, tick attendance
and see the figures computed, add, edit and merge duplicates; all reachable from the menu."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.i18n.catalog import PSEUDO
from facilitator.storage import participants_store as store
from facilitator.storage import repository as repo
from facilitator.ui import windows
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.main_window import MainWindow
from facilitator.ui.participants import dialog as participants_dialog
from facilitator.ui.participants.dialog import COLUMNS, ParticipantsDialog
from facilitator.ui.participants.editor import ParticipantEditor
from facilitator.ui.participants.roster_import import RosterImportDialog

ROSTER = (
    "Prénom;Nom;Organisation;Catégorie;Pays;Sexe;Courriel;Présent\n"
    "Amélie;Dupont;Croix-Rouge;Société civile;France;F;amelie@cr.fr;oui\n"
    ";;Sans nom;;;;;\n"
    "Karim;Benali;Gouvernement;État membre;Maroc;H;karim@gov.ma;oui\n"
    "Li;Wei;Mission;État membre;Chine;H;li@mission.cn;non\n"
)


@pytest.fixture
def series(demo_db):
    content = repo.load_series(demo_db)
    return content.series.id, content.sessions[4].session  # Arab States: no roster yet


@pytest.fixture
def signals(demo_db):
    """The window's change signal over the demo file, as the main window gives the dialogs."""
    make_app()
    signals = DocumentSignals()
    signals.set_document(Document(demo_db))
    return signals


@pytest.fixture
def roster_file(tmp_path):
    path = tmp_path / "inscriptions.csv"
    path.write_bytes(b"\xef\xbb\xbf" + ROSTER.encode("utf-8"))
    return path


def test_import_dialog_guesses_columns_reports_bad_rows_and_imports(
    qtbot, demo_db, signals, series, roster_file
):
    make_app()
    series_id, session = series
    dialog = RosterImportDialog(signals, series_id, session, roster_file)
    qtbot.addWidget(dialog)
    fields = [dialog.mapping.cellWidget(r, 2).currentData() for r in range(8)]
    assert fields == [
        "first_name",
        "last_name",
        "organisation",
        "stakeholder_group",
        "country",
        "gender",
        "email",
        "attended",
    ]
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems == ["Line 3: no name"]
    assert dialog.summary.text().startswith("3 people can be imported.")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text() == "Imported: 3 added, 0 completed, 0 already known."
    figures = store.figures(demo_db, series_id, session.id)
    assert (figures.registered, figures.attended, figures.member_states, figures.cso) == (
        3,
        2,
        1,
        1,
    )


def test_a_column_can_be_reassigned_in_the_dialog(qtbot, demo_db, signals, series, tmp_path):
    make_app()
    path = tmp_path / "list.csv"
    path.write_text("Delegate,Place\nAna,Chile\n", encoding="utf-8")
    dialog = RosterImportDialog(signals, *series, path)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert "names" in dialog.summary.text()
    for row, field in ((0, "name"), (1, "country")):
        combo = dialog.mapping.cellWidget(row, 2)
        combo.setCurrentIndex(combo.findData(field))
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    ana = next(p for p in store.list_participants(demo_db, series[0]) if p.name == "Ana")
    assert ana.country == "Chile"


def test_a_windows_1252_list_is_read_and_a_wrong_encoding_is_refused_in_one_line(
    qtbot, demo_db, signals, series, tmp_path
):
    """Excel's plain "CSV (Comma delimited)" on Windows: guessed, previewed, importable; forcing
    UTF-8 on it gives one line naming the line, and the file is left as it was."""
    make_app()
    path = tmp_path / "latin1.csv"
    data = "Nom;Organisation\nJosé Müller;Société civile\n".encode("cp1252")
    path.write_bytes(data)
    dialog = RosterImportDialog(signals, *series, path)
    qtbot.addWidget(dialog)
    assert dialog.preview.text() == (
        "Read as Windows-1252 (Excel's “CSV”, Western European). First names: \u2068José Müller\u2069"
    )
    assert dialog.summary.text() == "1 person can be imported."
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))
    dialog.encoding.activated.emit(dialog.encoding.currentIndex())  # chosen in the list
    assert dialog.summary.text() == (
        "Line 2 cannot be read as UTF-8; choose another encoding above."
    )
    assert not dialog.import_button.isEnabled()
    assert path.read_bytes() == data


def test_attendance_ticks_update_the_computed_figures(qtbot, demo_db, signals, series, roster_file):
    make_app()
    series_id, session = series
    RosterImportDialog(signals, series_id, session, roster_file).do_import()
    dialog = ParticipantsDialog(signals, series_id, session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Registered: 3 · Participants: 2 · Member States: 1" in dialog.figures.text()
    row = next(r for r, p in enumerate(dialog.people) if p.name == "Li Wei")
    item = dialog.table.item(row, COLUMNS.index("attended"))
    item.setCheckState(Qt.CheckState.Checked)
    assert "Participants: 3 · Member States: 2 · Civil society organizations: 1" in (
        dialog.figures.text()
    )
    assert store.session_roles(demo_db, session.id)[dialog.people[row].id].attended


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_add_edit_and_merge_duplicates(qtbot, demo_db, signals, series, monkeypatch, lang):
    make_app()
    apply_language(lang)  # right to left, the duplicates found are selected too
    series_id, session = series
    dialog = ParticipantsDialog(signals, series_id, session)
    qtbot.addWidget(dialog)
    dialog.show()

    def fill(values, registered=True):
        def exec_(editor):
            for name, value in values.items():
                editor.fields[name].setText(value)
            editor.registered.setChecked(registered)
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(ParticipantEditor, "exec", exec_)

    fill({"name": "Fatima Zahra", "organisation": "Red Crescent", "country": "Egypt"})
    dialog.add()
    fill({"name": "fatima  ZAHRA\u200f", "email": "fz@rc.eg"})
    dialog.add()
    assert len(store.duplicate_groups(demo_db, series_id)) == 1
    qtbot.mouseClick(dialog.buttons["findDuplicates"], Qt.MouseButton.LeftButton)
    assert len(dialog.selected_ids()) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.buttons["mergeParticipants"], Qt.MouseButton.LeftButton)
    fatimas = [p for p in store.list_participants(demo_db, series_id) if "atima" in p.name]
    assert len(fatimas) == 1
    assert (fatimas[0].organisation, fatimas[0].email) == ("Red Crescent", "fz@rc.eg")
    assert len(store.session_roles(demo_db, session.id)) == 1

    row = next(r for r, p in enumerate(dialog.people) if p.id == fatimas[0].id)
    cell = dialog.table.visualRect(dialog.table.model().index(row, 0)).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    fill({"title": "Coordinator"})
    dialog.edit_selected()
    assert repo.get(demo_db, m.Participant, fatimas[0].id).title == "Coordinator"
    apply_language("en")


def test_the_editor_refuses_a_nameless_participant(qtbot):
    make_app()
    editor = ParticipantEditor(m.Participant("s", ""), None)
    qtbot.addWidget(editor)
    editor._accept()
    assert editor.result() != QDialog.DialogCode.Accepted
    assert editor.error.text() == "A participant needs a name."


def test_the_editor_keeps_a_group_that_was_not_recorded(qtbot):
    """A speaker typed in on the Notes tab with "Not recorded": the editor shows no group, and
    saving the other fields gives them none (it showed, and wrote, "Member State")."""
    make_app()
    editor = ParticipantEditor(m.Participant("s", "Karim Benali", stakeholder_group=""), None)
    qtbot.addWidget(editor)
    assert editor.group.currentText() == "Not stated"
    assert editor.values()["stakeholder_group"] == ""
    chosen = ParticipantEditor(m.Participant("s", "Amina", stakeholder_group="youth"), None)
    qtbot.addWidget(chosen)
    assert chosen.values()["stakeholder_group"] == "youth"


def test_the_participants_menu_opens_both_dialogs_and_retranslates(qtbot, demo_path, monkeypatch):
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(demo_path)
    menu = window.findChild(QMenu, "participantsMenu")
    assert menu is not None and menu.title() == "Parti&cipants"
    opened = []
    monkeypatch.setattr(ParticipantsDialog, "exec", lambda self: opened.append(self) or 0)
    monkeypatch.setattr(RosterImportDialog, "exec", lambda self: opened.append(self) or 0)
    for action in menu.actions():
        action.trigger()
    assert [type(d).__name__ for d in opened] == ["ParticipantsDialog", "RosterImportDialog"]
    assert opened[0].session.id == window.session_view.content.session.id
    apply_language(PSEUDO)
    try:
        assert menu.title() == "\u27e6Parti&cipants\u27e7"
        assert all(a.text().startswith("\u27e6") for a in menu.actions())
    finally:
        apply_language("en")


MARKED = re.compile("\u27e6[^\u27e7]*\u27e7")


def test_every_text_of_the_dialogs_goes_through_the_catalogs(
    qtbot, demo_db, signals, series, roster_file
):
    make_app()
    apply_language(PSEUDO)
    try:
        for dialog in (
            ParticipantsDialog(signals, *series),
            RosterImportDialog(signals, *series, roster_file),
            ParticipantEditor(
                m.Participant("s", "Ana"),
                participants_dialog.Registration(True, False, "participant"),
            ),
        ):
            qtbot.addWidget(dialog)
            dialog.show()
            leaks = []
            for where, text in windows.visible_texts(dialog):
                rest = MARKED.sub("", text)
                if re.search(r"[A-Za-z]{3,}", rest) and "Ana" not in rest:
                    leaks.append(f"{where}: {text!r}")
            assert not [x for x in leaks if "Table" not in x], leaks
            dialog.close()
    finally:
        apply_language("en")
