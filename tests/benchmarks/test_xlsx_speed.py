"""The XLSX export of 100,000 interventions: written by openpyxl's write-only workbook, its
working memory bounded (not growing with the rows as a normal workbook's cells do), and its
time against bare openpyxl write-only writing the same values in the same run.

    python -m pytest tests/benchmarks/test_xlsx_speed.py --benchmark-only -s

Working memory is what tracemalloc sees at its peak during the export beyond the tables it is
given (the rows the privacy pass built, held once). Both write a file: ours through the
temporary file of exports.atomic (replaced onto the target at the end), the bare one saved
straight to its path. Bounded: ours within a few MiB of the bare one's at 100,000, and not
growing with the rows (exponent under 0.2 from 10,000 to 100,000).
"""

from __future__ import annotations

import datetime as dt
import time
import tracemalloc
from pathlib import Path

from large_files import growth
from openpyxl import Workbook

from facilitator.exports.atomic import atomic_file
from facilitator.exports.tables import Table, write_xlsx

T0 = dt.datetime(2024, 5, 14, 9, 0)
HEADERS = ["Session", "Date", "Start (UTC)", "Duration", "Seconds", "Speaker", "Notes"]


def tables_of(interventions: int) -> list[Table]:
    rows = [
        [
            "Regional consultation",
            T0.date(),
            T0 + dt.timedelta(seconds=30 * n),
            dt.timedelta(seconds=90 + n % 300),
            90 + n % 300,
            f"Speaker {n % 2000}",
            f"Intervention {n}: families of missing migrants ask for data shared across borders",
        ]
        for n in range(interventions)
    ]
    points = [[f"Point {n}", "recommendation", "Missing migrants"] for n in range(interventions)]
    return [
        Table("Interventions", HEADERS, rows),
        Table("Points", ["Text", "Kind", "Topic"], points),
    ]


def bare_xlsx(tables: list[Table], path: Path) -> None:
    book = Workbook(write_only=True)
    for table in tables:
        sheet = book.create_sheet(table.name)
        sheet.append(table.headers)
        for row in table.rows:
            sheet.append(row)
    book.save(path)


def ours_xlsx(tables: list[Table], path: Path) -> None:
    """As the export writes it (registry._xlsx, after the privacy pass)."""
    with atomic_file(path) as out:
        write_xlsx(tables, out)


def measured(fn, tables, path: Path) -> tuple[float, float]:
    """(seconds, peak working MiB beyond what was allocated before): the time of a run
    without tracemalloc (it slows allocation threefold), the memory of a run with it."""
    start = time.perf_counter()
    fn(tables, path)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    fn(tables, path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, (peak - before) / 2**20


def test_xlsx_of_100000_interventions_in_bounded_memory(benchmark, tmp_path):
    figures = {}
    for size in (10_000, 100_000):
        tables = tables_of(size)
        ours = measured(ours_xlsx, tables, tmp_path / "ours.xlsx")
        bare = measured(bare_xlsx, tables, tmp_path / "bare.xlsx")
        figures[size] = ours, bare
        print(
            f"\nXLSX of {size:,}: ours {ours[0]:.2f} s, {ours[1]:.1f} MiB working;"
            f" bare write-only {bare[0]:.2f} s, {bare[1]:.1f} MiB; time ratio {ours[0] / bare[0]:.2f};"
            f" file {(tmp_path / 'ours.xlsx').stat().st_size / 2**20:.1f} MiB"
        )
        benchmark.extra_info[f"{size}"] = {
            "ours_s": round(ours[0], 3),
            "ours_mib": round(ours[1], 1),
            "bare_s": round(bare[0], 3),
            "bare_mib": round(bare[1], 1),
        }
    k_time = growth(figures[10_000][0][0], figures[100_000][0][0])
    # Memory exponents over a floor of 1 MiB: below it, tracemalloc's noise is the growth.
    k_memory = growth(max(figures[10_000][0][1], 1), max(figures[100_000][0][1], 1))
    k_bare = growth(max(figures[10_000][1][1], 1), max(figures[100_000][1][1], 1))
    print(
        f"growth exponents: time {k_time:.2f}, working memory {k_memory:.2f}"
        f" (the bare one's {k_bare:.2f})"
    )
    benchmark.extra_info["growth"] = {"time": round(k_time, 2), "memory": round(k_memory, 2)}
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)  # the figures are in extra_info
    # The sheets stream to openpyxl's temporary files and from them into the export's own
    # temporary file: no cell kept (a normal workbook of 10,000 took 33 MiB), no output held
    # in memory (99 MiB at 100,000 when it was built in memory and rewritten).
    ours_mib, bare_mib = figures[100_000][0][1], figures[100_000][1][1]
    assert ours_mib < bare_mib + 3, figures
    assert k_memory < 0.2, figures
