"""An archive imported, then merged: its records stand where its content stood in time (the
JSON's "as_of", the newest change of the file it was exported from), not at the moment of the
import. So an edit made after the export wins, an older copy loses to the archive, and export,
import, export again still gives the same bytes."""

from __future__ import annotations

import shutil

import pytest
from merge_fixtures import T0, Wall, base_file, laptop, saved

from facilitator.app import file_ops
from facilitator.errors import FacilitatorError
from facilitator.exports import json_series
from facilitator.storage import hlc, open_file
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge


def retitle(db, session, title: str) -> None:
    repo.update(db, type(session), session.id, title=title)


def title_of(path, session_id: str) -> str:
    db = open_file(path, device="reader", wall=Wall(T0 + 9000))
    try:
        sessions = repo.load_series(db).sessions
        return next(s.session.title for s in sessions if s.session.id == session_id)
    finally:
        db.close()


def test_an_archive_neither_overrides_later_edits_nor_loses_to_older_copies(tmp_path):
    base = base_file(tmp_path)
    stale = shutil.copyfile(base.path, tmp_path / "stale.facilitator")  # a laptop not synced
    db = laptop(base, tmp_path, "rapporteur", Wall(T0 + 100))
    retitle(db, base.session, "Before the export")
    archive = tmp_path / "archive.json"
    archive.write_text(json_series.dumps(repo.load_series(db)), encoding="utf-8")
    db.clock.wall = Wall(T0 + 200)
    retitle(db, base.session, "After the export")  # the live file goes on
    live = saved(db)

    imported = tmp_path / "imported.facilitator"
    file_ops.import_json(imported, archive)  # at today's time, long after both edits

    target = open_file(shutil.copyfile(live, tmp_path / "a.facilitator"), device="t")
    merge(target, imported)
    target.close()
    assert title_of(target.path, base.session.id) == "After the export"
    target = open_file(shutil.copyfile(imported, tmp_path / "b.facilitator"), device="t")
    merge(target, live)
    target.close()
    assert title_of(target.path, base.session.id) == "After the export"

    target = open_file(stale, device="t")
    merge(target, imported)
    target.close()
    assert title_of(stale, base.session.id) == "Before the export"  # the archive is newer

    db = open_file(imported, device="reader")
    again = json_series.dumps(repo.load_series(db))
    db.close()
    assert again == archive.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["yesterday", "2024-02-01T13:00:00", 17])
def test_a_wrong_as_of_is_refused_naming_it(value):
    doc = json_series.series_to_json(json_series.loads(json_series.dumps(demo())))
    doc["as_of"] = value
    with pytest.raises(FacilitatorError, match="as_of"):
        json_series.series_from_json(doc)


def demo():
    from facilitator.app import bundled

    return bundled.demo_series()


def test_the_clock_keeps_its_order_past_a_million_stamps_in_one_millisecond():
    clock = hlc.HybridClock("d", wall=lambda: T0)
    first = clock.now()
    clock._counter = hlc.MAX_COUNTER - 1  # noqa: SLF001 (a frozen wall, as an import's)
    stamps = [first] + [clock.now() for _ in range(4)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 5
    assert all(len(s) == len(first) for s in stamps)
