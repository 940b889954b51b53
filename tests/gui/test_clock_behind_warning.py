"""The app warns at open when this computer's clock is behind the file's newest stamp (issue
18): one line in the status bar, not a dialog; a file with no such stamp says nothing."""

from __future__ import annotations

import time

from facilitator.app import bundled
from facilitator.storage import create_file, new_file
from facilitator.storage import repository as repo
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow


def test_a_file_from_a_clock_an_hour_ahead_is_named_at_open(qtbot, tmp_path):
    path = tmp_path / "ahead.facilitator"
    db = create_file(path, device="colleague", wall=lambda: time.time() + 3600)  # an hour fast
    repo.save_series(db, bundled.demo_series())
    db.close()
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(path)
    message = window.statusBar().currentMessage()
    assert "clock is 60 minutes behind the newest change" in message  # (a few ms under the hour)
    apply_language("ar")
    window.merge_tools.after_open(path)
    arabic = window.statusBar().currentMessage()
    assert "دقيقة" in arabic and "minutes" not in arabic  # the span in the interface language
    apply_language("en")
    window.close()


def test_a_right_clock_says_nothing(qtbot, tmp_path):
    path = tmp_path / "fine.facilitator"
    new_file.write_new_file(path, bundled.demo_series(), device="colleague")
    make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(path)
    assert "behind" not in window.statusBar().currentMessage()
    window.close()
