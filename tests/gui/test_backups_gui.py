"""The app backs up the open file, and File > Restore a backup… brings back deleted work."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from facilitator.domain import model as m
from facilitator.storage import repository as repo
from facilitator.ui.application import make_app
from facilitator.ui.files import backup_dialog
from facilitator.ui.main_window import MainWindow


def test_backup_at_open_and_restore_from_the_menu(qtbot, demo_path, monkeypatch):
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(demo_path)
    window.backups.wait()
    victim = window.series.sessions[0].interventions[2]
    repo.delete(window.db, m.Intervention, victim.id)

    dialog = backup_dialog.RestoreBackupDialog(window.doc, window)
    assert dialog.list.count() == 1 and dialog.chosen() is not None
    monkeypatch.setattr(
        backup_dialog.RestoreBackupDialog, "exec", lambda self: QDialog.DialogCode.Accepted
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.restore_backup_action.trigger()

    ids = {i.id for i in repo.find(window.db, m.Intervention)}
    assert victim.id in ids
    assert (demo_path.parent / "demo.before-restore.facilitator").exists()
    window.close()
