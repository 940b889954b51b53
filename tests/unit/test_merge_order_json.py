"""Deterministic files (issue 18): three laptops merged in every order give byte-identical
JSON. Participants typed on the fly, interventions with the same start time (or none), points
at the same position and take-aways are all listed by a stable key (position, then clock stamp,
then id), never by the order rows happened to arrive in the file (`rowid`)."""

from __future__ import annotations

import itertools
import shutil

from merge_fixtures import T0, Wall, base_file, laptop, saved

from facilitator.domain import model as m
from facilitator.exports import json_series
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge


def _type_on(db, base, k: int) -> None:
    """A note-taker's session: a speaker typed on the fly, interventions, points, a take-away."""
    person = m.Participant(base.series.id, f"Speaker typed on laptop {k}")
    same_start = "2024-02-01T13:10:00.000Z"
    first = m.Intervention(base.session.id, None, person.id, started_at=same_start, notes=f"a{k}")
    second = m.Intervention(base.session.id, None, None, notes=f"no start {k}")
    points = [m.Point(first.id, f"point {k}.{n}") for n in range(2)]  # both at position 0
    points.append(m.Point(base.interventions[0].id, f"added on {k}"))
    takeaway = m.Takeaway(base.session.id, f"take-away {k}", "recommendation")
    repo.insert_all(db, [person, first, second, *points, takeaway])


def test_every_merge_order_gives_the_same_json_bytes(tmp_path):
    base = base_file(tmp_path)
    paths = []
    for k, device in enumerate(("laptop-b", "laptop-c", "laptop-a")):
        db = laptop(base, tmp_path, device, Wall(T0 + k))  # the same second on every laptop
        _type_on(db, base, k)
        paths.append(saved(db))
    outputs = set()
    for n, order in enumerate(itertools.permutations(paths)):
        target = tmp_path / f"merged-{n}.facilitator"
        shutil.copyfile(order[0], target)
        db = open_file(target, device="rapporteur", wall=Wall(T0 + 3600))
        for source in order[1:]:
            merge(db, source)
        outputs.add(json_series.dumps(repo.load_series(db)).encode("utf-8"))
        db.close()
    assert len(outputs) == 1
