"""A law of deletes over three laptops (issue 18): with random edits, deletes of interventions
and of single points, restores (undo) and merges in random orders, no live intervention ever
lacks a point it had when its winning version was written, unless that point was later
deleted on its own; and a point deleted on its own never comes back with its intervention."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain import model as m
from facilitator.storage import create_file, open_file
from facilitator.storage import notes_store as store
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge, synced_content

T0 = 1_700_000_000.0
DEVICES = ("laptop-b", "laptop-a", "laptop-c")
ACTIONS = ("edit", "edit_point", "delete", "delete_point", "restore", "pull", "tick")
OPS = st.lists(
    st.tuples(st.integers(0, 2), st.sampled_from(ACTIONS), st.integers(0, 1000)), max_size=16
)


class Wall:
    def __init__(self) -> None:
        self.t = T0

    def __call__(self) -> float:
        return self.t


class Team:
    """Three laptops and what the test knows of the versions they wrote."""

    def __init__(self, folder: Path) -> None:
        base = folder / "base.facilitator"
        db = create_file(base, device="base", wall=lambda: T0 - 60)
        series = m.Series("Regional consultations")
        session = m.Session(series.id, "Arab States")
        self.interventions = [m.Intervention(session.id, notes=f"note {n}") for n in range(2)]
        points = [m.Point(i.id, f"p{n}", position=n) for i in self.interventions for n in (0, 1)]
        repo.insert_all(db, [series, session, *self.interventions, *points])
        db.conn.execute("PRAGMA journal_mode=DELETE")
        db.close()
        self.wall = Wall()
        self.paths = [folder / f"r{n}.facilitator" for n in range(3)]
        for path in self.paths:
            shutil.copyfile(base, path)
        self.dbs = [
            open_file(p, device=d, wall=self.wall) for p, d in zip(self.paths, DEVICES, strict=True)
        ]
        self.children_at: dict[str, set[str]] = {}  # intervention hlc -> its live points then
        self.own_deletes: set[str] = set()  # hlc of every point deleted on its own

    def live_points(self, db, intervention_id: str) -> set[str]:
        return {p.id for p in repo.find(db, m.Point, intervention_id=intervention_id)}

    def remember(self, db, intervention_id: str) -> None:
        hlc = db.conn.execute(
            "SELECT hlc FROM intervention WHERE id = ?", (intervention_id,)
        ).fetchone()[0]
        self.children_at[hlc] = self.live_points(db, intervention_id)

    def apply(self, n: int, action: str, pick: int) -> None:
        db = self.dbs[n]
        target = self.interventions[pick % 2].id
        alive = db.conn.execute(
            "SELECT deleted = 0 FROM intervention WHERE id = ?", (target,)
        ).fetchone()[0]
        self.wall.t += 0.001
        if action == "tick":
            self.wall.t += pick % 5
        elif action == "edit" and alive:
            repo.update(db, m.Intervention, target, notes=f"edit {pick}")
            self.remember(db, target)
        elif action == "edit_point" and alive:
            points = sorted(self.live_points(db, target))
            if points:
                repo.update(db, m.Point, points[pick % len(points)], text=f"edit {pick}")
        elif action == "delete" and alive:
            store.delete_intervention(db, target)
        elif action == "delete_point" and alive:
            points = sorted(self.live_points(db, target))
            if points:
                point_id = points[pick % len(points)]
                repo.delete(db, m.Point, point_id)
                self.own_deletes.add(
                    db.conn.execute("SELECT hlc FROM point WHERE id = ?", (point_id,)).fetchone()[0]
                )
        elif action == "restore" and not alive:
            store.restore_intervention(db, target, [])
            self.remember(db, target)
        elif action == "pull":
            other = (n + 1 + pick % 2) % 3
            merge(db, self.paths[other])
            self.check(db)

    def check(self, db) -> None:
        """The law, in one file."""
        rows = {r[0]: (r[1], r[2]) for r in db.conn.execute("SELECT id, hlc, deleted FROM point")}
        for i in self.interventions:
            hlc, deleted = db.conn.execute(
                "SELECT hlc, deleted FROM intervention WHERE id = ?", (i.id,)
            ).fetchone()
            if deleted or hlc not in self.children_at:
                continue
            for point_id in self.children_at[hlc]:
                point_hlc, point_deleted = rows[point_id]
                assert not point_deleted or point_hlc in self.own_deletes, (
                    "a live intervention lost a point deleted with an older version of it"
                )
        for point_hlc, point_deleted in rows.values():
            if point_hlc in self.own_deletes:
                assert point_deleted, "a point deleted on its own came back"

    def close(self) -> None:
        for db in self.dbs:
            db.close()


@settings(max_examples=40, deadline=None)
@given(OPS, st.permutations(range(3)))
def test_no_live_record_lacks_a_child_it_had_when_its_winning_version_was_written(ops, order):
    with tempfile.TemporaryDirectory() as tmp:
        team = Team(Path(tmp))
        try:
            for n, action, pick in ops:
                team.apply(n, action, pick)
            first, *rest = order
            for other in rest:  # the rapporteur merges everything, in a random order
                merge(team.dbs[first], team.paths[other])
            team.check(team.dbs[first])
            for other in rest:  # and every laptop then takes the result: all agree
                merge(team.dbs[other], team.paths[first])
                team.check(team.dbs[other])
            states = [synced_content(db) for db in team.dbs]
            assert states[0] == states[1] == states[2]
        finally:
            team.close()


def test_the_law_catches_the_fault_of_issue_18():
    """The example of the issue, through the same checker: C deletes, B corrects later."""
    with tempfile.TemporaryDirectory() as tmp:
        team = Team(Path(tmp))
        try:
            for step in [(2, "delete", 0), (1, "tick", 3), (1, "edit", 0), (2, "pull", 1)]:
                team.apply(*step)
            target = team.interventions[0].id
            assert len(team.live_points(team.dbs[2], target)) == 2
        finally:
            team.close()
