"""A merge written by another program (the command line, bypassing the app) with a
colleague's clock 60 s ahead, then a later correction in the app: the file stays mergeable
(issue 18: "invalid value in intervention.stamps" from then on). Each write stamps after
everything its row holds, so a row's hlc stays its greatest stamp."""

from __future__ import annotations

from merge_fixtures import T0, Wall, base_file, laptop, saved

from facilitator.domain import model as m
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge
from facilitator.storage.untrusted import read_source


def test_a_correction_after_an_outside_merge_keeps_the_file_mergeable(tmp_path):
    base = base_file(tmp_path)
    target = base.interventions[0]
    ahead = laptop(base, tmp_path, "ahead", Wall(T0 + 60))  # a clock 60 s fast
    repo.update(ahead, m.Intervention, target.id, notes="from the fast laptop")
    ahead_path = saved(ahead)

    app = laptop(base, tmp_path, "app", Wall(T0))  # the app holds the file open
    outside = open_file(app.path, device="cli", wall=Wall(T0))  # `facilitator merge`
    merge(outside, ahead_path)
    outside.close()
    repo.update(app, m.Intervention, target.id, country="Kenya")  # a later correction
    repo.delete(app, m.Point, base.points[0].id)
    path = saved(app)

    source = read_source(path, now=T0 + 120)  # refused before: stamps newer than the row
    [row] = [r for r in source.rows["intervention"] if r["id"] == target.id]
    assert row["notes"] == "from the fast laptop" and row["country"] == "Kenya"
