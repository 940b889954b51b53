"""Use the app on a large file as a note-taker would, by script, and say how long each step took:
open on the Notes tab, scroll the table to its end, search in English, Arabic and Russian,
save a note with Ctrl+Enter. Screenshots of each step go to the folder given.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/drive_at_scale.py FILE SHOTS [--lang ar]

Work on a copy: the note is saved into FILE.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.notes.page import NotesPage

SEARCHES = ("migrants", "المهاجرين", "мигранты")


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("shots", type=Path)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    args.shots.mkdir(parents=True, exist_ok=True)
    app = make_app()
    apply_language(args.lang)
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    page = window.findChild(NotesPage)
    window.session_view.tabs.setCurrentWidget(page)
    start = time.perf_counter()
    window.open_path(args.file)
    settle()
    print(f"open to the notes table shown: {time.perf_counter() - start:.3f} s")
    print(f"  rows loaded {page.model.rowCount()} of {page.model.total}")
    window.grab().save(str(args.shots / f"1-open-{args.lang}.png"))

    start, pages, worst = time.perf_counter(), 0, 0.0
    while page.model.canFetchMore():
        one = time.perf_counter()
        page.table.scrollToBottom()
        settle()
        worst = max(worst, time.perf_counter() - one)
        pages += 1
    print(
        f"scrolled to the end: {page.model.rowCount()} rows, {pages} pages, "
        f"{time.perf_counter() - start:.2f} s, slowest page with its repaint {worst * 1000:.1f} ms"
    )
    window.grab().save(str(args.shots / f"2-end-{args.lang}.png"))

    for n, word in enumerate(SEARCHES, start=3):
        page.filters.search.setText(word)
        start = time.perf_counter()
        page.filters._delay.stop()  # the end of the search box's short typing delay, now
        page.filters.changed.emit()
        settle()
        print(
            f"search {word!r}: {page.model.total} found, first page shown in "
            f"{(time.perf_counter() - start) * 1000:.1f} ms"
        )
        window.grab().save(str(args.shots / f"{n}-search-{args.lang}.png"))
    page.filters.search.clear()
    page.filters._delay.stop()
    page.filters.changed.emit()
    settle()

    page.activateWindow()
    page.form.notes.setFocus()
    page.form.notes.setPlainText("Saved at 200,000 interventions: the row shows at once")
    total = page.model.total
    start = time.perf_counter()
    QTest.keyClick(page.form.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    shown = time.perf_counter() - start
    top = page.model.rows[0].intervention.notes if page.model.rows else ""
    settle()
    print(
        f"Ctrl+Enter to the row shown: {shown * 1000:.1f} ms; status {page.form.status.text()!r}; "
        f"total {total} -> {page.model.total}; top row {top[:40]!r}"
    )
    window.grab().save(str(args.shots / f"6-saved-{args.lang}.png"))
    window.backups.wait()
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main()
