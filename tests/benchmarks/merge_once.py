"""One merge of several files into a copy of the base, in a process of its own; run by
test_merge_scale.py. Prints "<seconds> <peak RSS in KiB>".

    python tests/benchmarks/merge_once.py ours|bare TARGET SOURCE...

`bare` is the least SQL can do: ATTACH each source and INSERT OR REPLACE its interventions
and points into the target, one transaction per source (no stamps compared, no validation).
"""

from __future__ import annotations

import sqlite3
import sys
import time

from first_frame import peak_kib


def bare(target: str, sources: list[str]) -> None:
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    for source in sources:
        conn.execute("ATTACH ? AS src", (f"file:{source}?mode=ro",))
        conn.execute("BEGIN IMMEDIATE")
        for table in ("intervention", "point"):
            conn.execute(f"INSERT OR REPLACE INTO main.{table} SELECT * FROM src.{table}")
        conn.execute("COMMIT")
        conn.execute("DETACH src")
    conn.close()


def ours(target: str, sources: list[str]) -> None:
    from facilitator.storage import open_file
    from facilitator.storage.merge import merge

    db = open_file(target, device="rapporteur")
    try:
        for source in sources:
            merge(db, source)
    finally:
        db.close()


def main() -> None:
    kind, target, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
    start = time.perf_counter()
    (bare if kind == "bare" else ours)(target, sources)
    print(f"{time.perf_counter() - start:.4f} {peak_kib()}", flush=True)


if __name__ == "__main__":
    main()
