"""Deletes that keep records whole: an intervention deleted on one laptop and corrected on
another comes back with its points; a point deleted on its own stays deleted; delete versus
edit is listed as a conflict whose other version is restored in one click."""

from __future__ import annotations

from merge_fixtures import T0, Wall, base_file, laptop, saved

from facilitator.domain import model as m
from facilitator.storage import notes_store as store
from facilitator.storage import repository as repo
from facilitator.storage.conflicts import list_conflicts, restore_lost_version
from facilitator.storage.merge import merge


def _live_points(db, intervention_id):
    return [p.id for p in repo.find(db, m.Point, intervention_id=intervention_id)]


def test_a_later_correction_brings_the_intervention_back_with_its_points(tmp_path):
    base = base_file(tmp_path)
    target = base.interventions[0]
    cleo = laptop(base, tmp_path, "cleo", Wall(T0))
    ben = laptop(base, tmp_path, "ben", Wall(T0 + 60))  # corrects the notes later
    store.delete_intervention(cleo, target.id)
    repo.update(ben, m.Intervention, target.id, notes="Corrected notes")
    merge(cleo, saved(ben))

    assert repo.get(cleo, m.Intervention, target.id).notes == "Corrected notes"
    assert _live_points(cleo, target.id) == [base.points[0].id]


def test_a_point_deleted_on_its_own_stays_deleted_when_its_intervention_returns(tmp_path):
    base = base_file(tmp_path)
    target = base.interventions[0]
    extra = m.Point(target.id, "second point", position=1)
    cleo = laptop(base, tmp_path, "cleo", Wall(T0))
    repo.insert(cleo, extra)
    cleo.clock.wall = Wall(T0 + 1)
    repo.delete(cleo, m.Point, extra.id)  # deleted on its own first
    cleo.clock.wall = Wall(T0 + 2)
    point_ids = store.delete_intervention(cleo, target.id)
    store.restore_intervention(cleo, target.id, point_ids)
    assert _live_points(cleo, target.id) == [base.points[0].id]


def test_the_merged_file_and_the_other_order_agree(tmp_path):
    base = base_file(tmp_path)
    target = base.interventions[0]
    cleo = laptop(base, tmp_path, "cleo", Wall(T0))
    ben = laptop(base, tmp_path, "ben", Wall(T0 + 60))
    store.delete_intervention(cleo, target.id)
    repo.update(ben, m.Intervention, target.id, notes="Corrected notes")
    cleo_path, ben_path = saved(cleo), saved(ben)
    from facilitator.storage import open_file

    one = open_file(ben_path, device="ben", wall=Wall(T0 + 100))
    merge(one, cleo_path)
    assert _live_points(one, target.id) == [base.points[0].id]


def test_an_edit_lost_to_a_later_delete_is_listed_and_restored_in_one_click(tmp_path):
    base = base_file(tmp_path)
    target = base.interventions[1]
    ben = laptop(base, tmp_path, "ben", Wall(T0))
    cleo = laptop(base, tmp_path, "cleo", Wall(T0 + 60))  # deletes after Ben's correction
    repo.update(ben, m.Intervention, target.id, notes="Ben's correction")
    store.delete_intervention(cleo, target.id)
    report = merge(cleo, saved(ben))

    assert [(c.table, c.field) for c in report.conflicts] == [("intervention", "deleted")]
    [entry] = list_conflicts(cleo)
    assert entry.record_id == target.id and entry.exists  # restorable in one click
    assert entry.record_label == "Ben's correction"
    restore_lost_version(cleo, entry.id)
    assert repo.get(cleo, m.Intervention, target.id).notes == "Ben's correction"
    assert _live_points(cleo, target.id) == [base.points[1].id]


def test_a_delete_undone_by_a_later_edit_is_listed_and_can_be_redone(tmp_path):
    base = base_file(tmp_path)
    target = base.interventions[2]
    cleo = laptop(base, tmp_path, "cleo", Wall(T0))
    ben = laptop(base, tmp_path, "ben", Wall(T0 + 60))
    store.delete_intervention(cleo, target.id)
    repo.update(ben, m.Intervention, target.id, notes="Ben's later notes")
    report = merge(cleo, saved(ben))

    assert [(c.table, c.field) for c in report.conflicts] == [("intervention", "deleted")]
    [entry] = list_conflicts(cleo)
    assert entry.exists
    restore_lost_version(cleo, entry.id)  # the other version: deleted, with its points
    assert repo.find(cleo, m.Intervention, session_id=base.session.id)[-1].id != target.id
    assert all(i.id != target.id for i in repo.find(cleo, m.Intervention))
    assert _live_points(cleo, target.id) == []


def test_a_point_corrected_under_an_intervention_deleted_elsewhere_is_listed(tmp_path):
    base = base_file(tmp_path)
    target = base.interventions[0]
    cleo = laptop(base, tmp_path, "cleo", Wall(T0))
    ben = laptop(base, tmp_path, "ben", Wall(T0 + 60))
    store.delete_intervention(cleo, target.id)
    repo.update(ben, m.Point, base.points[0].id, text="corrected point")
    report = merge(cleo, saved(ben))

    assert ("intervention", target.id, "deleted") in {
        (c.table, c.record_id, c.field) for c in report.conflicts
    }
    [entry] = [e for e in list_conflicts(cleo) if e.record_id == target.id]
    restore_lost_version(cleo, entry.id)
    assert [p.text for p in repo.find(cleo, m.Point, intervention_id=target.id)] == [
        "corrected point"
    ]
