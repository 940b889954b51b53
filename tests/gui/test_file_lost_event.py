"""The open file replaced under the app is noticed when the file system says so, not only at
the next save: the window says in one line that nothing more is written there and where all
that was saved is kept, and that copy holds every saved note."""

from __future__ import annotations

import os

from facilitator.app import bundled, file_ops
from facilitator.domain import model as m
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.ui.application import make_app
from facilitator.ui.main_window import MainWindow


def test_a_file_renamed_over_the_open_one_is_said_at_once_and_its_work_kept(qtbot, tmp_path):
    ours, theirs = tmp_path / "ours.facilitator", tmp_path / "theirs.facilitator"
    file_ops.write_new_file(ours, bundled.demo_series())
    file_ops.write_new_file(theirs, bundled.template_series("gcm-talk"))
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_path(ours)
    saved = repo.count(win.db, m.Intervention)
    assert saved > 0
    os.replace(theirs, ours)  # what a sync client does with a colleague's copy
    qtbot.waitUntil(lambda: "Nothing more is written there" in win.statusBar().currentMessage())
    [kept] = tmp_path.glob("ours.kept-*.facilitator")
    copy = open_file(kept, device="check", readonly=True)
    try:
        assert repo.count(copy, m.Intervention) == saved  # everything saved, in the copy
    finally:
        copy.close()
    assert win.doc.stopped is not None  # and the replaced path is never written
    win.close_document()
