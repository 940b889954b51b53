"""File > Merge conflicts…: both versions of a field edited on two laptops are visible, and
"Restore this version" brings the other one back in one click."""

from __future__ import annotations

import pytest
from merge_fixtures import T0, Wall, base_file, laptop, saved
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from facilitator.domain import model as m
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.merge.conflicts_view import ConflictsDialog


def plain(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")


@pytest.fixture
def conflicted(qtbot, tmp_path):
    """Ana's file after merging Ben's: both edited the same notes, Ana later."""
    base = base_file(tmp_path)
    record = base.interventions[0]
    ana = laptop(base, tmp_path, "ana", Wall(T0 + 10))
    ben = laptop(base, tmp_path, "ben", Wall(T0))
    repo.update(ana, m.Intervention, record.id, notes="Ana's short notes")
    repo.update(ben, m.Intervention, record.id, notes="Ben's full statement on rescue at sea")
    merge(ana, saved(ben))
    path = saved(ana)
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(path)
    yield window, record
    window.close()
    apply_language("en")


def test_both_versions_are_visible_and_one_click_restores(qtbot, conflicted):
    window, record = conflicted
    dialog = ConflictsDialog(window.signals, window)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.rowCount() == 1
    row = [plain(model.index(0, c).data()) for c in range(5)]
    assert row == [
        "Intervention: Ana's short notes",
        "notes",
        "Ana's short notes",
        "Ben's full statement on rescue at sea",
        "newest version kept",
    ]
    assert dialog.kept.text.toPlainText() == "Ana's short notes"
    assert dialog.lost.text.toPlainText() == "Ben's full statement on rescue at sea"
    assert "on laptop" in dialog.lost.meta.text() and "ben" in dialog.lost.meta.text()

    with qtbot.waitSignal(window.signals.changed) as heard:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert repo.get(window.db, m.Intervention, record.id).notes == (
        "Ben's full statement on rescue at sea"
    )
    assert dialog.kept.text.toPlainText() == "Ben's full statement on rescue at sea"
    assert dialog.lost.text.toPlainText() == "Ana's short notes"  # still there, to switch back
    assert plain(model.index(0, 4).data()) == "other version restored"
    # Every page of the window hears at once that this intervention changed.
    assert heard.args[0].ids("intervention") == {record.id}


def test_the_menu_opens_the_view(qtbot, conflicted, monkeypatch):
    window, _record = conflicted
    opened = []
    monkeypatch.setattr(
        ConflictsDialog,
        "exec",
        lambda self: opened.append(self.model.rowCount()) or QDialog.DialogCode.Rejected,
    )
    window.merge_tools.actions["mergeConflictsAction"].trigger()
    assert opened == [1]


def test_arabic_layout(qtbot, conflicted):
    window, _record = conflicted
    apply_language("ar")
    dialog = ConflictsDialog(window.signals, window)
    qtbot.addWidget(dialog)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.lost.text.toPlainText() == "Ben's full statement on rescue at sea"
