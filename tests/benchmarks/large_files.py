"""The 20,000 and 200,000 intervention files of the benchmarks, made once and kept.

They are made by `python -m facilitator.tools.make_large` into a cache folder
(FACILITATOR_BENCH_CACHE, else facilitator-bench in the temporary folder), named after a hash
of the generator and the schema, so a change to either makes them again and a run after the
first reuses them. They are never committed.
"""

from __future__ import annotations

import hashlib
import math
import os
import shutil
import tempfile
from pathlib import Path

import facilitator.storage.schema as schema
import facilitator.tools.make_large as make_large

SIZES = (20_000, 200_000)


def cache_dir() -> Path:
    folder = os.environ.get("FACILITATOR_BENCH_CACHE")
    path = Path(folder) if folder else Path(tempfile.gettempdir()) / "facilitator-bench"
    path.mkdir(parents=True, exist_ok=True)
    return path


def large_file(interventions: int) -> Path:
    """The cached file of `interventions`, made first if missing (read it, do not write it:
    tests that write take a copy with `writable_copy`)."""
    digest = hashlib.sha256()
    for module in (make_large, schema):
        digest.update(Path(module.__file__).read_bytes())
    path = cache_dir() / f"large-{interventions}-{digest.hexdigest()[:12]}.facilitator"
    if not path.exists():
        partial = path.with_name(path.name + f".making-{os.getpid()}")
        partial.unlink(missing_ok=True)
        make_large.make_large(partial, interventions)
        os.replace(partial, path)  # only a whole file is ever reused
    return path


def writable_copy(interventions: int, folder: Path) -> Path:
    target = folder / f"copy-{interventions}.facilitator"
    shutil.copyfile(large_file(interventions), target)
    return target


def growth(small: float, large: float, ratio: float = 10.0) -> float:
    """The exponent k of time ~ size**k between two sizes `ratio` apart (0: flat, 1: linear)."""
    return math.log(max(large, 1e-9) / max(small, 1e-9)) / math.log(ratio)
