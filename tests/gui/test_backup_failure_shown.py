"""A failed automatic backup is shown to the user, not only logged (issue 18)."""

from __future__ import annotations

from facilitator.app import backups as app_backups
from facilitator.ui.application import make_app
from facilitator.ui.main_window import MainWindow


def test_a_failed_backup_says_so_in_the_status_bar(qtbot, demo_path, monkeypatch):
    def failing(doc):
        def take():
            raise OSError(28, "No space left on device")

        return take

    monkeypatch.setattr(app_backups, "backup_job", failing)
    logged: list[str] = []  # the real logger would keep a handler on this test's folder
    monkeypatch.setattr(
        "facilitator.ui.files.backup_dialog.logger",
        lambda: type("L", (), {"warning": lambda self, *a: logged.append(a[0])})(),
    )
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(demo_path)  # a backup is taken at open, on a worker thread
    qtbot.waitUntil(
        lambda: "automatic backup failed" in window.statusBar().currentMessage(), timeout=5000
    )
    assert "No space left" in window.statusBar().currentMessage()
    assert logged == ["automatic backup failed: %r"]  # and in the log, as before
    window.close()
