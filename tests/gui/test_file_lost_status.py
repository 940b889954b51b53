"""The line that says the open file was moved away stays true in a new interface language:
the status bar says it again in Arabic, with the place everything saved was kept."""

from __future__ import annotations

import os

from facilitator.i18n import gettext_in
from facilitator.ui.application import apply_language


def test_the_file_lost_line_follows_a_language_switch(demo_window, tmp_path):
    win = demo_window
    path = win.doc.path
    os.replace(path, tmp_path / "moved-away.facilitator")  # a sync client takes it away
    win.signals._file_changed(str(path))  # what the file watcher calls
    english = win.statusBar().currentMessage()
    assert "was deleted or moved away" in english and ".kept-" in english
    apply_language("ar")
    arabic = win.statusBar().currentMessage()
    said = gettext_in("ar", "{name} was deleted or moved away. {what_now}")
    assert said.split("{name}")[1].split("{what_now}")[0].strip() in arabic
    assert path.name in arabic and ".kept-" in arabic
    assert win.statusBar().toolTip() == arabic  # whole on hover, however narrow the window
