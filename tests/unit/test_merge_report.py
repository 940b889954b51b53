"""The report of a merge counts, per kind of record, what was added, updated, already present
and deleted; what was merged is searchable; series are kept apart unless asked."""

from __future__ import annotations

import pytest
from merge_fixtures import T0, Wall, base_file, dump, laptop, saved

from facilitator.app.merge_summary import report_lines
from facilitator.domain import model as m
from facilitator.storage import create_file, open_file
from facilitator.storage import repository as repo
from facilitator.storage.merge import OtherSeriesError, merge, merged_checksums
from facilitator.storage.untrusted import file_checksum


def search(db, words: str) -> set[str]:
    rows = db.conn.execute(
        "SELECT i.id FROM search_fts f JOIN intervention i ON i.rowid = f.rowid "
        "WHERE search_fts MATCH ?",
        (words,),
    )
    return {r[0] for r in rows}


@pytest.fixture
def team(tmp_path):
    """Ana's file is the target; Ben logged two interventions, a point, an edit, a deletion."""
    base = base_file(tmp_path)
    ana = laptop(base, tmp_path, "ana", Wall(T0))
    ben = laptop(base, tmp_path, "ben", Wall(T0 + 5))
    new = [
        m.Intervention(base.session.id, notes="Search and rescue at sea is underfunded"),
        m.Intervention(base.session.id, notes="Families need one contact point"),
    ]
    repo.insert_all(ben, new)
    repo.insert(ben, m.Point(new[0].id, "Fund rescue capacity", kind="recommendation"))
    repo.update(ben, m.Intervention, base.interventions[0].id, notes="Forensic identification")
    repo.delete(ben, m.Point, base.points[1].id)
    yield base, ana, saved(ben), new
    ana.close()


def test_counts_per_kind_of_record(team):
    base, ana, ben_path, new = team
    report = merge(ana, ben_path)
    c = report.counts
    assert (c["intervention"].added, c["intervention"].updated) == (2, 1)
    assert c["intervention"].present == len(base.interventions) - 1
    assert (c["point"].added, c["point"].deleted, c["point"].present) == (1, 1, 2)
    assert c["series"].present == 1 and c["session"].present == 1
    assert c["participant"].present == 2 and c["timer_event"].present == 2
    total = report.totals()
    assert (total.added, total.updated, total.deleted) == (3, 1, 1)
    lines = report_lines(report)
    assert lines[0] == "ben.facilitator: new 3, updated 1, already present 12, deleted 1."
    assert "  Interventions: new 2, updated 1, already present 2, deleted 0" in lines
    assert "  Points: new 1, updated 0, already present 2, deleted 1" in lines
    assert len(repo.find(ana, m.Intervention)) == len(base.interventions) + 2
    assert len(repo.find(ana, m.Point)) == len(base.points)  # one added, one deleted


def test_merging_the_same_file_again_changes_nothing(team):
    _base, ana, ben_path, _new = team
    merge(ana, ben_path)
    before = dump(ana)
    again = merge(ana, ben_path)
    total = again.totals()
    assert (total.added, total.updated, total.deleted) == (0, 0, 0)
    assert again.conflicts == []
    changed = [line for line in set(dump(ana)) ^ set(before) if "merge_source" not in line]
    assert changed == []


def test_merged_notes_are_found_by_search(team):
    base, ana, ben_path, new = team
    merge(ana, ben_path)
    assert search(ana, "rescue") == {new[0].id}
    assert search(ana, "forensic") == {base.interventions[0].id}
    assert search(ana, "first") == {i.id for i in base.interventions[1:]}  # old text is gone
    # base.points[1] was deleted; new[1]'s notes say "contact point"
    live = {base.points[0].intervention_id, base.points[2].intervention_id, new[1].id}
    assert search(ana, "point") == live


def test_the_file_and_its_checksum_are_remembered(team):
    _base, ana, ben_path, _new = team
    report = merge(ana, ben_path)
    assert report.checksum == file_checksum(ben_path)
    assert merged_checksums(ana) == {report.checksum}


def test_a_live_file_with_its_wal_is_read_whole(tmp_path):
    base = base_file(tmp_path)
    ana = laptop(base, tmp_path, "ana", Wall(T0))
    ben = laptop(base, tmp_path, "ben", Wall(T0 + 1))
    repo.insert(ben, m.Intervention(base.session.id, notes="still in the WAL"))
    assert (tmp_path / "ben.facilitator-wal").stat().st_size > 0
    report = merge(ana, ben.path)  # Ben's app is still running
    assert report.counts["intervention"].added == 1
    ben.close()
    ana.close()


def test_an_empty_target_takes_the_series_of_the_source(tmp_path):
    base = base_file(tmp_path)
    db = create_file(tmp_path / "new.facilitator", device="rapporteur", wall=Wall(T0))
    merge(db, base.path)
    content = repo.load_series(db)
    assert content.series.id == base.series.id
    assert len(content.sessions[0].interventions) == len(base.interventions)
    db.close()


def test_another_series_only_when_asked_then_side_by_side(tmp_path):
    ours = base_file(tmp_path, "GCM Talks 2023")
    theirs = base_file(tmp_path, "Regional consultations 2024")
    db = open_file(ours.path, device="rapporteur", wall=Wall(T0))
    before = dump(db)
    with pytest.raises(OtherSeriesError) as refused:
        merge(db, theirs.path)
    assert "Regional consultations 2024" in str(refused.value)
    assert dump(db) == before

    report = merge(db, theirs.path, allow_other_series=True)
    assert report.other_series == "Regional consultations 2024"
    assert report.counts["series"].added == 0  # a file holds one series
    content = repo.load_series(db)
    assert content.series.id == ours.series.id
    # Side by side, in the stable order of every list (position, date, clock stamp, id).
    assert {s.session.id for s in content.sessions} == {ours.session.id, theirs.session.id}
    assert len(content.participants) == 4
    again = merge(db, theirs.path, allow_other_series=True)
    assert again.totals().changed == 0
    db.close()
