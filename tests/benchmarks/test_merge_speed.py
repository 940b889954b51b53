"""Merge speed: five laptops' files of 2,000 interventions each (with a point each) into one
under 2 s, and a cost that grows linearly with the number of rows (1x, 2x, 4x).

Run: python -m pytest tests/benchmarks/test_merge_speed.py --benchmark-only -p no:cacheprovider
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from merge_fixtures import T0, Wall, base_file

from facilitator.domain import model as m
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge

LAPTOPS = 5
INTERVENTIONS = 2000


def team_files(folder: Path, per_file: int) -> tuple[Path, list[Path]]:
    """The organiser's file and five colleagues' files, each with its own interventions."""
    folder.mkdir(parents=True, exist_ok=True)
    base = base_file(folder)
    files = []
    for n in range(LAPTOPS):
        path = folder / f"laptop{n}.facilitator"
        shutil.copyfile(base.path, path)
        db = open_file(path, device=f"laptop{n}", wall=Wall(T0 + n))
        records: list = []
        for k in range(per_file):
            i = m.Intervention(
                base.session.id, notes=f"Laptop {n} intervention {k} on search and rescue"
            )
            records += [i, m.Point(i.id, f"Point {k}", kind="recommendation")]
        repo.insert_all(db, records)
        db.close()
        files.append(path)
    return base.path, files


def merge_all(base: Path, files: list[Path], folder: Path) -> int:
    target = folder / "merged.facilitator"
    for leftover in folder.glob("merged.facilitator*"):
        leftover.unlink()
    shutil.copyfile(base, target)
    db = open_file(target, device="rapporteur", wall=Wall(T0 + 3600))
    try:
        for path in files:
            merge(db, path)
        return repo.count(db, m.Intervention)
    finally:
        db.close()


@pytest.fixture(scope="module")
def five_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("merge-speed")
    return (*team_files(folder / "1x", INTERVENTIONS), folder / "1x")


def test_five_files_of_2000_interventions_under_two_seconds(benchmark, five_files):
    base, files, folder = five_files
    count = benchmark.pedantic(merge_all, args=(base, files, folder), rounds=3, iterations=1)
    assert count == 3 + LAPTOPS * INTERVENTIONS
    assert benchmark.stats.stats.max < 2.0


def best_of(rounds: int, base: Path, files: list[Path], folder: Path) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        merge_all(base, files, folder)
        best = min(best, time.perf_counter() - start)
    return best


def test_cost_grows_linearly(benchmark, tmp_path_factory):
    """1x = five files of 500 interventions; 4x = five files of 2,000 (benchmarked)."""
    folder = tmp_path_factory.mktemp("merge-scale")
    sets = {k: team_files(folder / f"{k}x", INTERVENTIONS * k // 4) for k in (1, 2, 4)}
    seconds = {k: best_of(3, *sets[k], folder / f"{k}x") for k in (1, 2)}
    benchmark.pedantic(merge_all, args=(*sets[4], folder / "4x"), rounds=3, iterations=1)
    seconds[4] = benchmark.stats.stats.min
    benchmark.extra_info.update({f"{k}x_seconds": round(v, 3) for k, v in seconds.items()})
    print("\nmerge seconds by scale:", {k: round(v, 3) for k, v in seconds.items()})
    # Linear: four times the rows costs about four times as long, far from sixteen.
    assert seconds[2] / seconds[1] < 3
    assert seconds[4] / seconds[1] < 6
