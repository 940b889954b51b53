"""Merging five laptops' files of 20,000 interventions each (a point each) against the bare
SQL merge (merge_once.py: ATTACH and INSERT OR REPLACE) in the same run, each in a process of
its own so its peak memory is its own; and the peak memory at 5 x 2,000 and 5 x 20,000 (flat
in the sources' size is the target).

    python -m pytest tests/benchmarks/test_merge_scale.py --benchmark-only -s
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from large_files import growth
from test_merge_speed import team_files

HERE = Path(__file__).parent


def merge_once(kind: str, base: Path, files: list[Path], folder: Path) -> tuple[float, float]:
    target = folder / f"merged-{kind}.facilitator"
    for leftover in folder.glob(f"{target.name}*"):
        leftover.unlink()
    shutil.copyfile(base, target)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(HERE.parents[1]), str(HERE), env.get("PYTHONPATH", "")]
    )
    out = subprocess.run(
        [sys.executable, str(HERE / "merge_once.py"), kind, str(target), *map(str, files)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024  # seconds, MiB


def test_five_files_of_20000_against_the_bare_sql_merge(benchmark, tmp_path):
    figures = {}
    for per_file in (2_000, 20_000):
        folder = tmp_path / f"{per_file}"
        base, files = team_files(folder, per_file)
        runs = [
            (merge_once("ours", base, files, folder), merge_once("bare", base, files, folder))
            for _ in range(2)
        ]
        ours = statistics.median(r[0][0] for r in runs)
        bare = statistics.median(r[1][0] for r in runs)
        ratio = statistics.median(r[0][0] / r[1][0] for r in runs)
        memory = max(r[0][1] for r in runs), max(r[1][1] for r in runs)
        figures[per_file] = ours, ratio, memory
        print(
            f"\nmerge 5 x {per_file:,}: ours {ours:.2f} s, bare {bare:.2f} s, ratio {ratio:.2f};"
            f" peak memory ours {memory[0]:.0f} MiB, bare {memory[1]:.0f} MiB"
        )
        benchmark.extra_info[f"5 x {per_file}"] = {
            "ours_s": round(ours, 3),
            "bare_s": round(bare, 3),
            "ratio": round(ratio, 2),
            "ours_mib": round(memory[0], 1),
            "bare_mib": round(memory[1], 1),
        }
    k = growth(figures[2_000][0], figures[20_000][0])
    k_memory = growth(figures[2_000][2][0], figures[20_000][2][0])
    print(f"growth exponents: time {k:.2f}, peak memory {k_memory:.2f}")
    benchmark.extra_info["growth"] = {"time": round(k, 2), "memory": round(k_memory, 2)}
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)  # the figures are in extra_info
    assert figures[20_000][1] <= 2.5, figures
    assert k_memory < 0.1, figures  # flat in the sources' size
