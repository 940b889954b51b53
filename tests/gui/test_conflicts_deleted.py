"""File > Merge conflicts…: an intervention deleted on one laptop and corrected on another is
listed, and "Restore this version" brings it back with its points in one click."""

from __future__ import annotations

import pytest
from merge_fixtures import T0, Wall, base_file, laptop, saved
from PySide6.QtCore import Qt
from shots import shots_dir

from facilitator.domain import model as m
from facilitator.storage import notes_store as store
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.merge.conflicts_view import ConflictsDialog

SHOTS = str(shots_dir("merge"))


def plain(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")


@pytest.fixture
def deleted(qtbot, tmp_path):
    """Ana deleted an intervention after Ben, unaware, corrected its notes."""
    base = base_file(tmp_path)
    record = base.interventions[0]
    ben = laptop(base, tmp_path, "ben", Wall(T0))
    ana = laptop(base, tmp_path, "ana", Wall(T0 + 60))
    repo.update(ben, m.Intervention, record.id, notes="Ben's correction of the notes")
    store.delete_intervention(ana, record.id)
    merge(ana, saved(ben))
    path = saved(ana)
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(path)
    yield window, record, base.points[0]
    window.close()
    apply_language("en")


def test_the_deleted_record_is_listed_and_restored_with_its_points(qtbot, deleted):
    window, record, point = deleted
    dialog = ConflictsDialog(window.signals, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    row = [plain(dialog.model.index(0, c).data()) for c in range(5)]
    assert row[:4] == [
        "Intervention: Ben's correction of the notes",
        "deleted or kept",
        "deleted",
        "present (with what was edited)",
    ]
    assert dialog.restore_button.isEnabled()
    dialog.resize(900, 420)
    dialog.grab().save(f"{SHOTS}/conflict-deleted-en.png")

    with qtbot.waitSignal(window.signals.changed):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert repo.get(window.db, m.Intervention, record.id).notes == "Ben's correction of the notes"
    assert [p.id for p in repo.find(window.db, m.Point, intervention_id=record.id)] == [point.id]
    assert plain(dialog.model.index(0, 4).data()) == "other version restored"


def test_arabic_layout(qtbot, deleted):
    window, _record, _point = deleted
    apply_language("ar")
    dialog = ConflictsDialog(window.signals, window)
    qtbot.addWidget(dialog)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.resize(900, 420)
    dialog.grab().save(f"{SHOTS}/conflict-deleted-ar.png")
