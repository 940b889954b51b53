"""The app backs up the open file, and File > Restore a backup… brings back deleted work."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from facilitator.app import bundled, file_ops
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


def test_the_backup_at_open_starts_once_the_window_is_drawn_and_is_never_skipped(
    qtbot, demo_path, tmp_path
):
    """Opening starts no copy before the first frame (a large file's copy would slow it); the
    event loop's next turn starts it, and a file closed or replaced before then still gets
    its backup at open."""
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    started = []
    original = window.backups.pool.start
    window.backups.pool.start = lambda job: (started.append(job), original(job))
    assert window.open_path(demo_path)
    assert started == []  # not inside open_path
    qtbot.waitUntil(lambda: len(started) == 1, timeout=2000)
    window.backups.wait()
    assert len(window_backups(window)) == 1
    # Another file opened at once, before the loop turns: the first one's backup still starts.
    other = tmp_path / "other.facilitator"
    other.write_bytes(demo_path.read_bytes())
    third = tmp_path / "third.facilitator"  # a file of its own (its own backup folder)
    file_ops.write_new_file(third, bundled.demo_series())
    started.clear()
    assert window.open_path(other)
    assert window.open_path(third)
    assert len(started) == 1  # other's, started when third replaced it
    window.backups.wait()  # third's, started by the wait
    assert len(started) == 2
    assert [b.path.name.rsplit("-", 1)[0] for b in window_backups(window)] == ["third"]
    assert window.doc.path == third
    window.close()


def window_backups(window) -> list:
    from facilitator.app import backups

    return backups.list_backups(window.doc)
