"""The merge laws, through the real SQL on real files: for random replicas of one series with
random inserts, edits, deletes, restores, merges between them and concurrent edits,
merge(a, b) == merge(b, a), merge(merge(a, b), c) == merge(a, merge(b, c)), merge(a, a) == a,
every saved id is in the result, and each field holds the newest version any laptop wrote."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain import model as m
from facilitator.storage import create_file, open_file
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge, synced_content
from facilitator.storage.untrusted import data_columns

T0 = 1_700_000_000.0
DEVICES = (
    "laptop-b",
    "laptop-a",
    "laptop-c",
)  # not in sorted order: ties must not follow replica order
TEXTS = ("", "water", "shelter", "Agua y refugio", "المياه", "water")


class Wall:
    """A wall clock the test moves by hand; all replicas share it, so stamps collide often."""

    def __init__(self) -> None:
        self.t = T0

    def __call__(self) -> float:
        return self.t


def make_base(folder: Path) -> tuple[Path, str]:
    path = folder / "base.facilitator"
    db = create_file(path, device="base", wall=lambda: T0 - 60)
    series = m.Series("Regional consultations")
    session = m.Session(series.id, "Arab States")
    interventions = [m.Intervention(session.id, notes=f"note {n}") for n in range(3)]
    points = [m.Point(i.id, f"point {n}") for n, i in enumerate(interventions)]
    repo.insert_all(db, [series, session, *interventions, *points])
    db.conn.execute("PRAGMA journal_mode=DELETE")
    db.close()
    return path, session.id


OPS = st.lists(
    st.tuples(
        st.integers(0, 2),
        st.sampled_from(
            ["insert", "point", "edit", "edit", "delete", "restore", "pull", "tick", "concurrent"]
        ),
        st.integers(0, 1000),
        st.sampled_from(TEXTS),
    ),
    max_size=14,
)


def ids(db, cls, deleted: int) -> list[str]:
    table = {m.Intervention: "intervention", m.Point: "point"}[cls]
    rows = db.conn.execute(f"SELECT id FROM {table} WHERE deleted = ? ORDER BY id", (deleted,))
    return [r[0] for r in rows]


def apply(op, dbs, paths, session_id: str, wall: Wall) -> None:
    n, action, pick, text = op
    db = dbs[n]
    cls = m.Intervention if pick % 2 else m.Point
    if action == "tick":
        wall.t += (pick % 3) / 1000
    elif action == "insert":
        repo.insert(db, m.Intervention(session_id, notes=text))
    elif action == "point":
        live = ids(db, m.Intervention, 0)
        if live:
            repo.insert(db, m.Point(live[pick % len(live)], text or "p"))
    elif action == "edit":
        live = ids(db, cls, 0)
        if live:
            field = ("notes", "country")[pick % 4 // 2] if cls is m.Intervention else "text"
            repo.update(db, cls, live[pick % len(live)], **{field: text})
    elif action == "delete":
        live = ids(db, cls, 0)
        if live:
            repo.delete(db, cls, live[pick % len(live)])
    elif action == "restore":
        gone = ids(db, cls, 1)
        if gone:
            repo.restore(db, cls, gone[pick % len(gone)])
    elif action == "concurrent":  # the same field on every laptop in the same millisecond
        wall.t += 0.001
        for k, other in enumerate(dbs):
            live = ids(other, cls, 0)
            if live:
                field = "notes" if cls is m.Intervention else "text"
                repo.update(other, cls, live[pick % len(live)], **{field: f"{text} {k}"})
    elif action == "pull":
        other = (n + 1 + pick % 2) % 3
        merge(db, paths[other])


def merged(folder: Path, first: Path, *others: Path) -> Path:
    out = folder / f"merged-{uuid.uuid4().hex[:8]}.facilitator"
    shutil.copyfile(first, out)
    db = open_file(out, device="merger", wall=lambda: T0 + 3600)
    for other in others:
        merge(db, other)
    db.close()
    return out


def content(path: Path) -> dict:
    db = open_file(path, device="reader", readonly=True)
    try:
        return synced_content(db)
    finally:
        db.close()


def make_replicas(folder: Path, ops) -> list[Path]:
    base, session_id = make_base(folder)
    wall = Wall()
    paths = [folder / f"r{n}.facilitator" for n in range(3)]
    for path in paths:
        shutil.copyfile(base, path)
    dbs = [open_file(p, device=d, wall=wall) for p, d in zip(paths, DEVICES, strict=True)]
    try:
        for op in ops:
            apply(op, dbs, paths, session_id, wall)
    finally:
        for db in dbs:
            db.close()
    return paths


def newest_versions(replicas: list[dict]) -> dict:
    """Independently of merge: per row, the deleted flag of the newest hlc and, per field, the
    value with the greatest stamp among the replicas that hold it."""
    expected: dict = {}
    for state in replicas:
        for table, rows in state.items():
            for rid, (values, _device, hlc, deleted, stamps, _shown) in rows.items():
                best = expected.setdefault((table, rid), {"hlc": ("", 0), "fields": {}})
                best["hlc"] = max(best["hlc"], (hlc, deleted))
                for name, value, stamp in zip(data_columns(table)[1:], values, stamps, strict=True):
                    old = best["fields"].get(name)
                    if old is None or stamp > old[0]:
                        best["fields"][name] = (stamp, value)
    return expected


@settings(max_examples=20)
@given(OPS)
def test_merge_is_commutative_associative_and_idempotent(ops):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a, b, c = make_replicas(folder, ops)
        ab, ba = merged(folder, a, b), merged(folder, b, a)
        assert content(ab) == content(ba)
        left = merged(folder, ab, c)
        right = merged(folder, a, merged(folder, b, c))
        assert content(left) == content(right)
        assert content(merged(folder, a, a)) == content(a)
        assert content(merged(folder, left, a, b, c)) == content(left)


@settings(max_examples=15)
@given(OPS)
def test_nothing_saved_is_lost_and_the_newest_version_wins(ops):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_replicas(folder, ops)
        replicas = [content(p) for p in paths]
        result = content(merged(folder, *paths))
        for table, rows in result.items():
            saved = set().union(*(r[table] for r in replicas))
            assert set(rows) == saved  # every id any laptop saved, tombstones included
        for (table, rid), best in newest_versions(replicas).items():
            values, _device, hlc, deleted, _stamps, _shown = result[table][rid]
            assert (hlc, deleted) == best["hlc"]  # a newer tombstone wins, an older one loses
            names = data_columns(table)[1:]
            for name, value in zip(names, values, strict=True):
                assert value == best["fields"][name][1], (table, name)
