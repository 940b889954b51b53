"""A merge and a restored conflict reach every page through the window's one change signal:
the pages show a colleague's intervention without reopening the file, and Edit > Undo takes
back a restored version."""

from __future__ import annotations

import pytest
from merge_fixtures import T0, Wall, base_file, laptop, saved
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from facilitator.app import bundled, file_ops
from facilitator.domain import model as m
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.merge.conflicts_view import ConflictsDialog
from facilitator.ui.notes.page import NotesPage
from facilitator.ui.summary.page import SummaryPage


def plain(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")


@pytest.fixture
def window(qtbot):
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    yield win
    win.close()
    apply_language("en")


def test_a_merged_intervention_shows_in_the_notes_and_summary_at_once(
    qtbot, window, demo_path, tmp_path, monkeypatch
):
    assert window.open_path(demo_path)
    first = window.series.sessions[0].session.id
    colleague = tmp_path / "ana.facilitator"
    file_ops.write_new_file(colleague, bundled.demo_series())
    db = open_file(colleague, device="ana")
    added = repo.insert(db, m.Intervention(first, notes="Ana's note from the back row"))
    db.close()

    notes = window.findChild(NotesPage)
    summary = window.session_view.page(SummaryPage)
    before = notes.model.rowCount()
    heard = []
    window.signals.changed.connect(heard.append)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(colleague)], ""))
    window.merge_tools.actions["mergeFilesAction"].trigger()
    dialog = window.merge_tools.dialog
    qtbot.waitUntil(lambda: dialog.batch is not None and not dialog.running(), timeout=20000)

    assert any(changes.touches("intervention") for changes in heard)
    assert notes.model.rowCount() == before + 1  # the notes table, without reopening
    assert added.id in {i.id for i in summary.content.interventions}
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the report closes; the file stays merged
    assert not dialog.isVisible()
    assert notes.model.rowCount() == before + 1


@pytest.fixture
def conflicted(tmp_path):
    """Ana's file after merging Ben's: both edited the same notes, Ana later."""
    base = base_file(tmp_path)
    record = base.interventions[0]
    ana = laptop(base, tmp_path, "ana", Wall(T0 + 10))
    ben = laptop(base, tmp_path, "ben", Wall(T0))
    repo.update(ana, m.Intervention, record.id, notes="Ana's short notes")
    repo.update(ben, m.Intervention, record.id, notes="Ben's full statement on rescue at sea")
    merge(ana, saved(ben))
    return saved(ana), record


def test_edit_undo_takes_back_a_restored_version(qtbot, window, conflicted):
    path, record = conflicted
    assert window.open_path(path)
    dialog = ConflictsDialog(window.signals, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not window.undo_action.isEnabled()

    dialog.restore_button.setFocus()
    qtbot.keyClick(dialog.restore_button, Qt.Key.Key_Space)
    assert repo.get(window.db, m.Intervention, record.id).notes.startswith("Ben's")
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo Restore the other version"

    with qtbot.waitSignal(window.signals.changed) as heard:
        window.undo_action.trigger()
    assert heard.args[0].ids("intervention") == {record.id}
    assert repo.get(window.db, m.Intervention, record.id).notes == "Ana's short notes"
    # The open view follows, as it was before the restore, Ben's laptop named again.
    assert dialog.kept.text.toPlainText() == "Ana's short notes"
    assert dialog.lost.text.toPlainText() == "Ben's full statement on rescue at sea"
    assert "ben" in dialog.lost.meta.text()
    assert plain(dialog.model.index(0, 4).data()) == "newest version kept"
    assert "Undone: Restore the other version" in window.statusBar().currentMessage()

    window.redo_action.trigger()
    assert repo.get(window.db, m.Intervention, record.id).notes.startswith("Ben's")
    assert plain(dialog.model.index(0, 4).data()) == "other version restored"
