"""Drive the real moderator screen on a file, then wait to be killed (tests/test_timer_crash.py).

    python tests/harness_timer.py FILE

It opens FILE through the main window (the same storage path as the app), presses the
moderator's keys on the timer page, prints 'ack <action>' once each key press has returned
(the action is then committed), prints 'idle', and keeps the event loop running (refreshes,
heartbeats) until it is killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.ui.application import make_app  # noqa: E402
from facilitator.ui.main_window import MainWindow  # noqa: E402
from facilitator.ui.timer.page import TimerPage  # noqa: E402

# (action, key, modifier, then wait this many milliseconds)
SCRIPT = [
    ("start", Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, 400),
    ("next", Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier, 300),
    ("adjust", Qt.Key.Key_Plus, Qt.KeyboardModifier.NoModifier, 200),
    ("floor", Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier, 500),
    ("pause", Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, 700),
    ("resume", Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, 300),
]


def main(path: str) -> int:
    app = make_app()
    window = MainWindow()
    if not window.open_path(Path(path)):
        return 1
    window.show()
    page = window.findChild(TimerPage)
    window.session_view.tabs.setCurrentWidget(page)
    window.activateWindow()
    page.queue.picker.setEditText("Civil society")
    page.queue.add_speaker()
    page.setFocus()
    for _ in range(100):
        if QApplication.focusWidget() is page:
            break
        QTest.qWait(20)
    for action, key, modifier, wait in SCRIPT:
        QTest.keyClick(QApplication.focusWidget() or page, key, modifier)
        print(f"ack {action}", flush=True)
        QTest.qWait(wait)
    print("idle", flush=True)
    while True:
        QTest.qWait(100)
        app.processEvents()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
