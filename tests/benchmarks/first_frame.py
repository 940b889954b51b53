"""One start of the app, or of a bare PySide6 window, to its first frame; run as a process by
test_scale_speed.py. Prints "<seconds from launch to the first paint> <peak RSS in KiB>".

    python tests/benchmarks/first_frame.py app FILE LAUNCHED_AT
    python tests/benchmarks/first_frame.py bare FILE LAUNCHED_AT

`bare` reads the first 200 rows of the file's first session with sqlite3 and shows them in a
QTableWidget: the least a window showing that table can do.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def bare_window(path: str):
    from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

    app = QApplication(sys.argv[:1])
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    session = conn.execute(  # the session the app shows first
        "SELECT id FROM session WHERE deleted = 0 ORDER BY position, date, start_time, rowid"
    ).fetchone()[0]
    rows = conn.execute(
        "SELECT started_at, agenda_item_id, participant_id, stakeholder_group, language, notes,"
        " country FROM intervention WHERE session_id = ? AND deleted = 0"
        " ORDER BY started_at DESC, rowid DESC LIMIT 200",
        (session,),
    ).fetchall()
    table = QTableWidget(len(rows), 7)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(value or "")))
    table.resize(1280, 800)
    table.show()
    return app, table, table.viewport()


def app_window(path: str):
    from pathlib import Path

    from facilitator.ui.application import make_app
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.notes.page import NotesPage

    app = make_app()
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    page = window.findChild(NotesPage)
    window.session_view.tabs.setCurrentWidget(page)  # the first screen shows the notes table
    window.open_path(Path(path))
    return app, window, page.table.viewport()


def peak_kib() -> int:
    """Peak resident memory of this process since it started: VmHWM on Linux (ru_maxrss
    there also counts the parent's memory from before the exec), else ru_maxrss."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    kind, path, launched = sys.argv[1], sys.argv[2], float(sys.argv[3])
    from PySide6.QtCore import QEvent, QObject

    app, _window, painted = (bare_window if kind == "bare" else app_window)(path)

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                seconds = time.time() - launched
                peak = peak_kib()
                print(f"{seconds:.4f} {peak}", flush=True)
                if hasattr(_window, "close_document"):
                    _window.backups.wait()  # closed cleanly, as a user's file is
                    _window.close_document()
                os._exit(0)  # the frame is drawn: nothing after it is measured
            return False

    first = FirstPaint()
    painted.installEventFilter(first)
    painted.update()
    app.exec()


if __name__ == "__main__":
    main()
