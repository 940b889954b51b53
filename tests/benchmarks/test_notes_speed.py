"""How fast note-taking is: saving an intervention with its points against a bare sqlite3
INSERT + COMMIT with the same pragmas (the ratio is printed and stored in extra_info), and
filtering 20,000 interventions by full-text search.

Run: python -m pytest tests/benchmarks/test_notes_speed.py --benchmark-only -p no:cacheprovider -s
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time

import pytest

from facilitator.app import bundled, file_ops
from facilitator.domain import model as m
from facilitator.domain.entry import Entry, EntryPoint
from facilitator.storage import notes_store as store
from facilitator.storage import open_file
from facilitator.storage import repository as repo

ROUNDS = 200


def entry_for(session_id: str, n: int) -> Entry:
    return Entry(
        session_id=session_id,
        stakeholder_group="civil_society",
        country="Niger",
        language="fr",
        started_at="2023-03-23T15:00:00Z",
        notes=f"Intervention {n}: les migrants disparus dans le désert; المهاجرين المفقودين",
        points=[
            EntryPoint("Create safe spaces along the routes", "recommendation"),
            EntryPoint("Lack of search and rescue in the desert", "challenge"),
            EntryPoint("Humanitarian Service Points in Niamey", "practice"),
        ],
    )


def bare_insert_commit_ms(path) -> list[float]:
    """One INSERT + COMMIT per round, WAL and synchronous=FULL, no app code at all."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id TEXT PRIMARY KEY, notes TEXT)")
    times = []
    for n in range(ROUNDS):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t VALUES (?, ?)", (str(n), "notes"))
        conn.execute("COMMIT")
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    return times


def test_save_intervention_with_points(benchmark, tmp_path):
    path = tmp_path / "speed.facilitator"
    file_ops.write_new_file(path, bundled.demo_series())
    db = open_file(path, device="bench")
    session_id = repo.load_series(db).sessions[0].session.id
    counter = iter(range(10**9))

    def save() -> None:
        store.save_entry(db, entry_for(session_id, next(counter)), draft_id="form")

    benchmark.pedantic(save, rounds=ROUNDS, iterations=1, warmup_rounds=5)
    db.close()
    bare = statistics.mean(bare_insert_commit_ms(tmp_path / "bare.sqlite"))
    ours = benchmark.stats.stats.mean * 1000
    benchmark.extra_info.update(
        bare_insert_commit_ms=round(bare, 3), save_ms=round(ours, 3), ratio=round(ours / bare, 2)
    )
    print(
        f"\nsave intervention + 3 points: {ours:.2f} ms; bare INSERT+COMMIT: {bare:.2f} ms; "
        f"ratio {ours / bare:.2f}"
    )
    assert ours < 10
    assert ours < 2 * bare  # issue 18: the save stays within 2x a bare INSERT + COMMIT


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    """20,000 interventions with 40,000 points in five scripts' worth of words."""
    path = tmp_path_factory.mktemp("big") / "big.facilitator"
    file_ops.write_new_file(path, bundled.demo_series())
    db = open_file(path, device="bench")
    session_id = repo.load_series(db).sessions[0].session.id
    words = (
        "migrants disappeared desert sea route family search rescue data cooperation "
        "migrantes desaparecidos búsqueda familias rutas "
        "المهاجرين المفقودين الصحراء الأسر البحث الإنقاذ "
        "мигранты пропавшие пустыня семьи поиск спасение"
    ).split()
    rng = random.Random(4)
    records: list = []
    for n in range(20_000):
        i = m.Intervention(
            session_id,
            notes=" ".join(rng.choices(words, k=25)),
            started_at=f"2023-03-23T{n % 24:02d}:{n % 60:02d}:00Z",
        )
        records.append(i)
        for k in range(2):
            records.append(m.Point(i.id, " ".join(rng.choices(words, k=8)), position=k))
    records.append(m.Intervention(session_id, notes="Mesa de Búsqueda en Zacatecas"))
    repo.insert_all(db, records)
    yield db, session_id
    db.close()


@pytest.mark.parametrize("query", ["zacatecas", "المهاجرين", "пропав", "desert rescue"])
def test_full_text_filter_over_20000_interventions(benchmark, big_file, query):
    db, session_id = big_file
    flt = store.NotesFilter(text=query)

    def search():
        total = store.count_interventions(db, session_id, flt)
        return total, store.list_interventions(db, session_id, flt, 0, 200)

    total, first_page = benchmark(search)
    assert total >= 1 and first_page
    mean_ms = benchmark.stats.stats.mean * 1000
    print(f"\nFTS filter '{query}' over 20,000 interventions: {total} found, {mean_ms:.1f} ms")
    assert mean_ms < 50
