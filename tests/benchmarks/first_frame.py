"""One start of the app, or of a bare PySide6 window, to its first frame; run as a process by
test_scale_speed.py. Prints "<seconds from launch to the first paint> <peak RSS in KiB>".

    python tests/benchmarks/first_frame.py app FILE LAUNCHED_AT
    python tests/benchmarks/first_frame.py bare FILE LAUNCHED_AT
    python tests/benchmarks/first_frame.py table FILE LAUNCHED_AT

`bare` is the baseline of the target: a bare QMainWindow showing the same kind of first screen
with sqlite3 and stock widgets: the menu bar's six menus, the list of the file's sessions, the
five tabs of a session and, on the Notes tab, the first 200 rows of the first session in a
QTableWidget; no fonts loaded, no translations, no models. `table` is the earlier, smaller
baseline: those 200 rows in a QTableWidget alone (kept to compare with earlier figures).
"""

from __future__ import annotations

import os
import resource
import sqlite3
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def first_rows(path: str) -> tuple[list, list]:
    """The titles of the file's sessions, and the first 200 rows of the first."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    sessions = conn.execute(  # in the order the app lists them; the first is shown
        "SELECT id, title FROM session WHERE deleted = 0 ORDER BY position, date, start_time, rowid"
    ).fetchall()
    rows = conn.execute(
        "SELECT started_at, agenda_item_id, participant_id, stakeholder_group, language, notes,"
        " country FROM intervention WHERE session_id = ? AND deleted = 0"
        " ORDER BY started_at DESC, rowid DESC LIMIT 200",
        (sessions[0][0],),
    ).fetchall()
    conn.close()
    return [title for _id, title in sessions], rows


def bare_main_window(path: str):
    from PySide6.QtWidgets import (
        QApplication,
        QListWidget,
        QMainWindow,
        QSplitter,
        QTableWidget,
        QTableWidgetItem,
        QTabWidget,
        QWidget,
    )

    app = QApplication(sys.argv[:1])
    titles, rows = first_rows(path)
    window = QMainWindow()
    for title in ("&File", "&Edit", "Sess&ion", "&View", "Parti&cipants", "&Help"):
        window.menuBar().addMenu(title)
    sessions = QListWidget()
    sessions.addItems(titles)
    sessions.setCurrentRow(0)
    table = QTableWidget(len(rows), 7)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(value or "")))
    tabs = QTabWidget()
    for title in ("Overview", "Timer"):
        tabs.addTab(QWidget(), title)
    tabs.addTab(table, "Notes")
    for title in ("Guiding questions", "Summary"):
        tabs.addTab(QWidget(), title)
    tabs.setCurrentWidget(table)
    splitter = QSplitter()
    splitter.addWidget(sessions)
    splitter.addWidget(tabs)
    splitter.setSizes([300, 800])
    window.setCentralWidget(splitter)
    window.statusBar().showMessage(path)
    window.resize(1280, 800)
    window.show()
    return app, window, table.viewport()


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

    start = {"bare": bare_main_window, "table": bare_window, "app": app_window}[kind]
    app, _window, painted = start(path)

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
