"""The merge laws for versions of texts (the translation table), through the real SQL on real
files: random versions written, rewritten and cleared on three laptops (often the same text in
the same language on several laptops in the same millisecond), random merges between them;
merge(a, b) == merge(b, a), merge(merge(a, b), c) == merge(a, merge(b, c)), merge(a, a) == a,
every version any laptop saved is in the result, and each holds the newest text written."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain import model as m
from facilitator.storage import create_file, open_file, translation_store
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge, synced_content
from facilitator.storage.untrusted import data_columns

T0 = 1_700_000_000.0
DEVICES = ("laptop-b", "laptop-a", "laptop-c")
TEXTS = ("", "Manque de moyens", "Falta de medios", "نقص الموارد", "Нехватка средств", "x")
LANGS = ("fr", "es", "ar", "ru")


class Wall:
    def __init__(self) -> None:
        self.t = T0

    def __call__(self) -> float:
        return self.t


def make_base(folder: Path) -> tuple[Path, list[tuple[str, str, str]]]:
    path = folder / "base.facilitator"
    db = create_file(path, device="base", wall=lambda: T0 - 60)
    series = m.Series("Regional consultations")
    topic = m.Topic(series.id, "Missing migrants")
    session = m.Session(series.id, "Arab States", background="Why we meet")
    takeaways = [m.Takeaway(session.id, f"take-away {n}", "challenge", topic.id) for n in range(2)]
    repo.insert_all(db, [series, topic, session, *takeaways])
    db.conn.execute("PRAGMA journal_mode=DELETE")
    db.close()
    owners = [("takeaway", t.id, "text") for t in takeaways]
    owners += [("topic", topic.id, "name"), ("session", session.id, "background")]
    return path, owners


OPS = st.lists(
    st.tuples(
        st.integers(0, 2),
        st.sampled_from(["set", "set", "clear", "pull", "tick", "concurrent"]),
        st.integers(0, 1000),
        st.sampled_from(TEXTS),
    ),
    max_size=14,
)


def apply(op, dbs, paths, owners, wall: Wall) -> None:
    n, action, pick, text = op
    owner, lang = owners[pick % len(owners)], LANGS[pick // len(owners) % len(LANGS)]
    if action == "tick":
        wall.t += (pick % 3) / 1000
    elif action == "set":
        translation_store.set_version(dbs[n], *owner, lang, text)
    elif action == "clear":
        translation_store.set_version(dbs[n], *owner, lang, "")
    elif action == "concurrent":  # the same version on every laptop in the same millisecond
        wall.t += 0.001
        for k, db in enumerate(dbs):
            translation_store.set_version(db, *owner, lang, f"{text} {k}")
    elif action == "pull":
        merge(dbs[n], paths[(n + 1 + pick % 2) % 3])


def make_replicas(folder: Path, ops) -> list[Path]:
    base, owners = make_base(folder)
    wall = Wall()
    paths = [folder / f"r{n}.facilitator" for n in range(3)]
    for path in paths:
        shutil.copyfile(base, path)
    dbs = [open_file(p, device=d, wall=wall) for p, d in zip(paths, DEVICES, strict=True)]
    try:
        for op in ops:
            apply(op, dbs, paths, owners, wall)
    finally:
        for db in dbs:
            db.close()
    return paths


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


@settings(max_examples=20, deadline=None)
@given(OPS)
def test_merging_versions_is_commutative_associative_and_idempotent(ops):
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


@settings(max_examples=15, deadline=None)
@given(OPS)
def test_no_version_is_lost_and_the_newest_text_and_tombstone_win(ops):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_replicas(folder, ops)
        replicas = [content(p)["translation"] for p in paths]
        result = content(merged(folder, *paths))["translation"]
        assert set(result) == set().union(*replicas)  # one record per (text, language)
        names = data_columns("translation")[1:]
        for rid, (values, _device, hlc, deleted, _stamps, _shown) in result.items():
            versions = [r[rid] for r in replicas if rid in r]
            assert (hlc, deleted) == max((v[2], v[3]) for v in versions)
            for k, name in enumerate(names):
                newest = max(versions, key=lambda v, k=k: v[4][k])
                assert values[k] == newest[0][k], name
