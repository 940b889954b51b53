"""Importing a registration list: 10,000 rows read, checked and written in under 2 s, against a
bare baseline in the same run (csv.reader and one executemany INSERT in one transaction, no
cleaning, no matching, no clock stamps); and the growth exponent of our import between 2,500
and 10,000 rows (1.0 is linear; the import was quadratic before: 4,000 rows took minutes).

Run: python -m pytest tests/benchmarks/test_roster_import_speed.py --benchmark-only -s
"""

from __future__ import annotations

import csv
import io
import math
import sqlite3
import time

from facilitator.app import file_ops
from facilitator.domain.roster_csv import parse_roster
from facilitator.storage import open_file
from facilitator.storage import participants_store as store
from facilitator.storage import repository as repo

GROUPS = ("Civil society", "Member State", "Academia", "ONG", "Sociedad civil")


def roster(rows: int) -> bytes:
    lines = ["Name;Organisation;Email;Stakeholder group;Country;Attended"]
    lines += [
        f"Persona {n} Núñez;Org {n % 60};p{n}@example.org;{GROUPS[n % 5]};Chile;{'sí' if n % 3 else 'no'}"
        for n in range(rows)
    ]
    return "\n".join(lines).encode("cp1252")  # Excel's plain CSV, as most lists arrive


def ours(tmp_path, rows: int, name: str) -> float:
    data = roster(rows)
    path = tmp_path / f"{name}.facilitator"
    file_ops.new_from_template(path, "gcm-talk")
    db = open_file(path, device="bench")
    try:
        content = repo.load_series(db)
        start = time.perf_counter()
        parsed = parse_roster(data)
        store.import_roster(db, content.series.id, content.sessions[0].session.id, parsed.rows)
        elapsed = time.perf_counter() - start
        assert len(parsed.rows) == rows
    finally:
        db.close()
    return elapsed


def bare(tmp_path, rows: int) -> float:
    data = roster(rows)
    conn = sqlite3.connect(tmp_path / f"bare{time.perf_counter_ns()}.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE p (name, organisation, email, grp, country, attended)")
    start = time.perf_counter()
    reader = csv.reader(io.StringIO(data.decode("cp1252")), delimiter=";")
    next(reader)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?, ?)", reader)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def test_ten_thousand_rows_against_a_bare_import(benchmark, tmp_path):
    runs = iter(range(1000))
    benchmark.pedantic(lambda: ours(tmp_path, 10_000, f"r{next(runs)}"), rounds=3)
    baseline = min(bare(tmp_path, 10_000) for _ in range(3))
    mean = benchmark.stats["mean"]
    benchmark.extra_info.update(bare_s=baseline, ratio=mean / baseline)
    print(f"\n10,000 rows: ours {mean:.2f} s, bare {baseline:.3f} s, ratio {mean / baseline:.1f}")
    assert mean < 2.0


def test_the_import_grows_linearly(benchmark, tmp_path):
    small = min(ours(tmp_path, 2_500, f"s{n}") for n in range(2))
    large = benchmark.pedantic(lambda: ours(tmp_path, 10_000, "l"), rounds=1)
    large = benchmark.stats["min"]
    exponent = math.log(large / small) / math.log(4)
    benchmark.extra_info.update(exponent=exponent)
    print(f"\n2,500 rows {small:.2f} s, 10,000 rows {large:.2f} s: exponent {exponent:.2f}")
    assert exponent < 1.3
