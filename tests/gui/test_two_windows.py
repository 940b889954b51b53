"""Two windows (or two app instances) on one file: the second opens it read-only and says so,
so no edit of the first can be overwritten."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from facilitator.ui.application import make_app
from facilitator.ui.main_window import MainWindow


def window(qtbot, monkeypatch, shown):
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    monkeypatch.setattr(
        "facilitator.ui.main_window.show_error", lambda parent, e: shown.append(str(e))
    )
    return win


def test_second_window_is_read_only(qtbot, monkeypatch, demo_path):
    shown: list[str] = []
    first = window(qtbot, monkeypatch, shown)
    second = window(qtbot, monkeypatch, shown)
    assert first.open_path(demo_path) and not first.db.readonly
    assert second.open_path(demo_path) and second.db.readonly
    assert len(shown) == 1 and "read-only" in shown[0]
    first.close()
    third = window(qtbot, monkeypatch, shown)
    assert third.open_path(demo_path) and not third.db.readonly  # the lock went with the window


def test_another_app_instance_holds_the_file(qtbot, monkeypatch, demo_path, tmp_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from facilitator import settings
            from facilitator.storage.instance_lock import InstanceLock
            lock = InstanceLock(settings.locks_dir(), Path({str(demo_path)!r}))
            assert lock.acquire()
            print("locked", flush=True)
            time.sleep(60)
        """),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        shown: list[str] = []
        win = window(qtbot, monkeypatch, shown)
        assert win.open_path(demo_path) and win.db.readonly
    finally:
        holder.kill()
        holder.wait()
    shown2: list[str] = []
    again = window(qtbot, monkeypatch, shown2)
    assert again.open_path(demo_path) and not again.db.readonly  # a killed instance frees it
