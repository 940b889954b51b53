"""Use the app on a large file as a note-taker would, by script, and say how long each step took:
open on the Notes tab, scroll the table to its end, search in English, Arabic and Russian,
save ten notes with Ctrl+Enter (the time to the save handled, the row in the table, and to
everything repainted: the event loop has nothing left to do). Screenshots of each step go to the folder given.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/drive_at_scale.py FILE SHOTS [--lang ar]

Work on a copy: the note is saved into FILE.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.notes.page import NotesPage

SEARCHES = ("migrants", "المهاجرين", "мигранты")
SAVES = 10


class PaintWatch(QObject):
    """How many widgets painted since `reset` (an application-wide filter)."""

    def __init__(self) -> None:
        super().__init__()
        self.widgets = 0
        QApplication.instance().installEventFilter(self)

    def reset(self) -> None:
        self.widgets = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.widgets += 1
        return False


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
    total = page.model.total
    painted = PaintWatch()
    handled, shown = [], []
    for n in range(SAVES):
        page.form.notes.setPlainText(f"Saved at 200,000 interventions ({n + 1}): quokka row")
        settle()
        painted.reset()
        start = time.perf_counter()
        QTest.keyClick(page.form.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        handled.append((time.perf_counter() - start) * 1000)
        settle()  # the repaint: the table's rows, the labels and fields that changed
        shown.append((time.perf_counter() - start) * 1000)
    top = page.model.rows[0].intervention.notes if page.model.rows else ""
    print(
        f"Ctrl+Enter, {SAVES} saves: saved, the row in the table, in "
        f"{statistics.median(handled):.1f} ms (median; {min(handled):.1f}-{max(handled):.1f}); "
        f"repainted in {statistics.median(shown):.1f} ms ({min(shown):.1f}-{max(shown):.1f}); "
        f"widgets painted by the last save {painted.widgets}; status {page.form.status.text()!r}; "
        f"total {total} -> {page.model.total}; top row {top[:40]!r}"
    )
    window.grab().save(str(args.shots / f"6-saved-{args.lang}.png"))
    # Searched at once: the saves' search documents were left queued; the search builds them.
    start = time.perf_counter()
    page.filters.search.setText("quokka")
    page.filters._delay.stop()
    page.filters.changed.emit()
    settle()
    print(
        f"search 'quokka' right after the saves: {page.model.total} found (of {SAVES} saved),"
        f" first page shown in {(time.perf_counter() - start) * 1000:.1f} ms"
    )
    window.grab().save(str(args.shots / f"7-saved-found-{args.lang}.png"))
    window.backups.wait()
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main()
