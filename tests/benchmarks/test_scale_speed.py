"""Costs that must not grow with the file, at 20,000 and 200,000 interventions, each against a
bare baseline measured in the same run (ratios pair by pair), with the growth exponent
(time ~ size**k between the two sizes: 0 is flat, 1 linear) printed.

    python -m pytest tests/benchmarks/test_scale_speed.py --benchmark-only -s

The files are made once by `python -m facilitator.tools.make_large` and kept in a cache
folder (see large_files.py); the first run spends a minute or two making them.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from large_files import cache_dir, growth, large_file, writable_copy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.app import bundled, file_ops
from facilitator.app.document import Document
from facilitator.domain.changes import ChangeSet
from facilitator.storage import notes_query, open_file
from facilitator.storage import notes_store as store
from facilitator.storage import repository as repo
from facilitator.storage.notes_search import fts_query
from facilitator.ui.application import make_app
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.notes.interventions_model import PAGE
from facilitator.ui.notes.page import NotesPage

HERE = Path(__file__).parent
WORDS = {"en": "migrants", "ar": "المهاجرين", "ru": "мигранты"}


def timed_ms(fn, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def paired(ours, bare, rounds: int) -> tuple[float, float, float]:
    """Median of ours, of bare, and of the ratios of pairs run one after the other."""
    pairs = [(timed_ms(ours, 1)[0], timed_ms(bare, 1)[0]) for _ in range(rounds)]
    return (
        statistics.median(p[0] for p in pairs),
        statistics.median(p[1] for p in pairs),
        statistics.median(p[0] / max(p[1], 1e-6) for p in pairs),
    )


def report(benchmark, what: str, ours: float, bare: float, ratio: float, unit="ms") -> None:
    benchmark.extra_info[what] = {"ours": round(ours, 4), "bare": round(bare, 4), "ratio": ratio}
    print(f"\n{what}: ours {ours:.4f} {unit}, bare {bare:.4f} {unit}, ratio {ratio:.2f}")


def first_session(db) -> str:
    return repo.load_series(db, lazy=True).sessions[0].session.id


# --- change detection --------------------------------------------------------------------


def test_change_poll_against_the_bare_pragma(benchmark):
    path = large_file(200_000)
    doc = Document(open_file(path, device="bench", readonly=True))
    bare = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        benchmark.pedantic(doc.changed_elsewhere, rounds=2000, iterations=1)
        ours, base, ratio = paired(
            doc.changed_elsewhere,
            lambda: bare.execute("PRAGMA data_version").fetchone(),
            2000,
        )
    finally:
        doc.close()
        bare.close()
    report(benchmark, "change poll at 200,000", ours, base, ratio)
    assert ours < 0.1


# --- scrolling the notes table -----------------------------------------------------------


def bare_page(conn, session_id: str, key) -> list:
    """A bare keyset read on the table's order (start, first stamp, id), as the app pages."""
    made = repo.created("intervention")
    return conn.execute(
        "SELECT * FROM intervention WHERE session_id = ? AND deleted = 0"
        f" AND (started_at, {made}, id) < (?, ?, ?)"
        f" ORDER BY started_at DESC, {made} DESC, id DESC LIMIT ?",
        (session_id, *key, PAGE),
    ).fetchall()


def keys_along(db, session_id: str) -> list:
    """The keys after which the pages at the top, a quarter, the middle and the end start."""
    keys, rows = [], store.list_interventions(db, session_id, store.NotesFilter(), 0, PAGE)
    while rows:
        keys.append(rows[-1].key)
        rows = store.list_interventions(
            db, session_id, store.NotesFilter(), 0, PAGE, after=rows[-1].key
        )
    return [keys[0], keys[len(keys) // 4], keys[len(keys) // 2], keys[-2]]


def test_any_page_of_the_table_is_as_fast_at_the_end(benchmark):
    ends = {}
    for size in (20_000, 200_000):
        path = large_file(size)
        db = open_file(path, device="bench", readonly=True)
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        session_id = first_session(db)
        flt = store.NotesFilter()
        try:
            for name, key in zip(
                ("top", "quarter", "middle", "end"), keys_along(db, session_id), strict=True
            ):
                ours, base, ratio = paired(
                    lambda k=key, d=db, s=session_id, f=flt: store.list_interventions(
                        d, s, f, 0, PAGE, after=k
                    ),
                    lambda k=key, c=conn, s=session_id: bare_page(c, s, k),
                    60,
                )
                report(benchmark, f"page of {PAGE} at the {name}, {size:,}", ours, base, ratio)
                if size == 200_000:
                    assert ours < 2
                ends[size] = ours
            if size == 200_000:
                benchmark.pedantic(
                    lambda k=key, d=db, s=session_id, f=flt: store.list_interventions(
                        d, s, f, 0, PAGE, after=k
                    ),
                    rounds=50,
                    iterations=1,
                )
        finally:
            db.close()
            conn.close()
    k = growth(ends[20_000], ends[200_000])
    benchmark.extra_info["page at the end, growth exponent"] = round(k, 2)
    print(f"\npage at the end: growth exponent {k:.2f} (20,000 to 200,000)")


# --- search ------------------------------------------------------------------------------


def bare_search(conn, query: str) -> tuple:
    """A bare FTS5 query of the same words over the whole file: its count and first page."""
    total = conn.execute(
        "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", (query,)
    ).fetchone()
    return total, conn.execute(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?", (query, PAGE)
    ).fetchall()


@pytest.mark.parametrize("lang", list(WORDS))
def test_search_count_and_first_page(benchmark, lang):
    """The count of the shown session's matches and its first page of rows, against a bare
    count and first page of the same MATCH (as the app folds and expands the words: the
    Arabic word with its prefixes) over the whole file."""
    times, ratios = {}, {}
    for size in (20_000, 200_000):
        path = large_file(size)
        db = open_file(path, device="bench", readonly=True)
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        session_id = first_session(db)
        flt = store.NotesFilter(text=WORDS[lang])
        try:

            def ours(db=db, session_id=session_id, flt=flt):
                notes_query._HIT_COUNTS.clear()  # a new search: nothing remembered from the last
                store.count_interventions(db, session_id, flt)
                store.list_interventions(db, session_id, flt, 0, PAGE)

            query = f"{{body}} : ({fts_query(WORDS[lang])})"
            mean, base, ratio = paired(ours, lambda c=conn, q=query: bare_search(c, q), 20)
            report(benchmark, f"search '{WORDS[lang]}', {size:,}", mean, base, ratio)
            times[size], ratios[size] = mean, ratio
            if size == 200_000:
                benchmark.pedantic(ours, rounds=5, iterations=1)
        finally:
            db.close()
            conn.close()
    k = growth(times[20_000], times[200_000])
    benchmark.extra_info[f"search {lang}, growth exponent"] = round(k, 2)
    print(f"search {lang}: growth exponent {k:.2f}")
    assert times[200_000] < 50 and ratios[200_000] < 3


# --- Ctrl+Enter to the row shown -----------------------------------------------------------


def test_ctrl_enter_to_the_saved_row_shown(benchmark, qtbot, tmp_path):
    path = writable_copy(200_000, tmp_path)
    make_app()
    signals = DocumentSignals()
    signals.set_document(Document.open(path))
    page = NotesPage(signals)
    signals.changed.connect(page.document_changed)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    content = signals.doc.load_outline().sessions[0]
    page.set_session(signals.doc, content)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=5000)
    page.form.notes.setFocus()
    counter = iter(range(10**6))

    def one_save() -> None:
        page.form.notes.setPlainText(f"Saved at scale {next(counter)}")
        qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def one_bare() -> None:
        bare.execute("BEGIN IMMEDIATE")
        bare.execute("INSERT INTO t VALUES (?)", (next(counter),))
        bare.execute("COMMIT")

    bare = sqlite3.connect(tmp_path / "bare.sqlite", isolation_level=None)
    bare.execute("PRAGMA journal_mode=WAL")
    bare.execute("PRAGMA synchronous=FULL")
    bare.execute("CREATE TABLE t (n INTEGER)")
    try:
        benchmark.pedantic(one_save, rounds=30, iterations=1, warmup_rounds=2)
        ours, base, ratio = paired(one_save, one_bare, 30)
        assert page.model.rows[0].intervention.notes.startswith("Saved at scale"), (
            page.form.status.text(),
            page.model.rows[0].intervention,
        )
    finally:
        bare.close()
        signals.doc.close()
    report(
        benchmark, "Ctrl+Enter to the row shown, 200,000 (vs bare INSERT+COMMIT)", ours, base, ratio
    )
    assert ours < 16


def test_durable_save_against_a_bare_insert_and_commit(benchmark, tmp_path):
    """The save (intervention, three points, stamps, one transaction) against one bare
    INSERT + COMMIT, pair by pair. The bare connection has the same journal mode and
    synchronous setting as the app's, checked here: both commits are on disk when they
    return, so the ratio is the app's work, not a weaker durability on one side. The search
    document is built after (Database.index_pending, at the next search or a pause): its
    time is printed apart."""
    from test_notes_speed import entry_for

    path = writable_copy(200_000, tmp_path)
    db = open_file(path, device="bench")
    session_id = first_session(db)
    counter = iter(range(10**6))
    bare = sqlite3.connect(tmp_path / "bare.sqlite", isolation_level=None)
    bare.execute("PRAGMA journal_mode=WAL")
    bare.execute("PRAGMA synchronous=FULL")
    bare.execute("CREATE TABLE t (id TEXT PRIMARY KEY, notes TEXT)")
    pragmas = ("journal_mode", "synchronous")
    ours_pragmas = [db.conn.execute(f"PRAGMA {p}").fetchone()[0] for p in pragmas]
    bare_pragmas = [bare.execute(f"PRAGMA {p}").fetchone()[0] for p in pragmas]

    def one_save() -> None:
        store.save_entry(db, entry_for(session_id, next(counter)), draft_id="form")

    def one_bare() -> None:
        bare.execute("BEGIN IMMEDIATE")
        bare.execute("INSERT INTO t VALUES (?, ?)", (str(next(counter)), "notes"))
        bare.execute("COMMIT")

    try:
        benchmark.pedantic(one_save, rounds=100, iterations=1, warmup_rounds=3)
        for _ in range(3):  # both warm
            one_bare()
        ours, base, ratio = paired(one_save, one_bare, 200)
        db.index_pending()
        building = []  # one save, then the document it left queued
        for _ in range(100):
            one_save()
            building += timed_ms(db.index_pending, 1)
        indexing = statistics.median(building)
    finally:
        db.close()
        bare.close()
    assert ours_pragmas == bare_pragmas == ["wal", 2], (ours_pragmas, bare_pragmas)  # 2: FULL
    benchmark.extra_info["pragmas, ours and bare"] = dict(zip(pragmas, ours_pragmas, strict=True))
    report(benchmark, "durable save at 200,000 (vs bare INSERT+COMMIT)", ours, base, ratio)
    benchmark.extra_info["its search document, built after (ms)"] = round(indexing, 4)
    print(f"its search document, built after: {indexing:.4f} ms (not flushed: rebuildable)")
    assert ratio < 2, (ours, base, ratio)  # the target


# --- first frame and peak memory ---------------------------------------------------------


def start_once(kind: str, path: Path, config: Path) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FACILITATOR_CONFIG_DIR=str(config))
    # As installed: compiled bytecode kept (in the cache folder), not every module compiled
    # from source at each start as under PYTHONDONTWRITEBYTECODE.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache_dir() / "pycache")
    env["PYTHONPATH"] = os.pathsep.join([str(HERE.parents[1]), env.get("PYTHONPATH", "")])
    out = subprocess.run(
        [sys.executable, str(HERE / "first_frame.py"), kind, str(path), repr(time.time())],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024  # seconds, MiB


def test_first_frame_and_peak_memory(benchmark, tmp_path):
    demo = tmp_path / "demo.facilitator"
    file_ops.write_new_file(demo, bundled.demo_series())
    config = tmp_path / "config"
    frames, ratios, memories = {}, {}, {}
    for name, path in (
        ("demo", demo),
        ("20,000", large_file(20_000)),
        ("200,000", large_file(200_000)),
    ):
        for _ in range(2):  # bytecode written; a file last closed cleanly and backed up
            start_once("app", path, config)
        runs = [
            (start_once("app", path, config), start_once("bare", path, config)) for _ in range(5)
        ]
        ours = statistics.median(p[0][0] for p in runs)
        base = statistics.median(p[1][0] for p in runs)
        ratio = statistics.median(p[0][0] / p[1][0] for p in runs)
        report(benchmark, f"first frame, {name} (vs bare main window)", ours, base, ratio, "s")
        memory = max(p[0][1] for p in runs), max(p[1][1] for p in runs)
        report(benchmark, f"peak memory, {name}", *memory, memory[0] / memory[1], unit="MiB")
        # The earlier baseline (the table alone), for comparison with earlier figures.
        tables = [start_once("table", path, config)[0] for _ in range(3)]
        report(
            benchmark,
            f"first frame, {name} (vs bare table)",
            ours,
            statistics.median(tables),
            ours / statistics.median(tables),
            "s",
        )
        frames[name], ratios[name], memories[name] = ours, ratio, memory[0] / memory[1]
    k = growth(frames["20,000"], frames["200,000"])
    benchmark.extra_info["first frame, growth exponent"] = round(k, 2)
    print(f"\nfirst frame: growth exponent {k:.2f} (20,000 to 200,000)")
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)  # the figures are in extra_info
    # The targets of issue 19; reported above whether they hold or not.
    assert ratios["demo"] <= 2.5 and ratios["200,000"] <= 3 and memories["200,000"] <= 1.5, (
        ratios,
        memories,
    )


def test_the_announced_change_redraws_one_row(benchmark, qtbot, tmp_path):
    """What a change of one intervention made elsewhere in the window costs the table."""
    path = writable_copy(20_000, tmp_path)
    make_app()
    signals = DocumentSignals()
    signals.set_document(Document.open(path))
    page = NotesPage(signals)
    qtbot.addWidget(page)
    page.set_session(signals.doc, signals.doc.load_outline().sessions[0])
    row = page.model.rows[3].intervention.id
    changes = ChangeSet.of(changed=[("intervention", row)])
    try:
        benchmark(page.document_changed, changes)
    finally:
        signals.doc.close()
    assert page.model.row_of(row) == 3
