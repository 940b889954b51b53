"""Merge from folder: every Facilitator file of a shared folder not merged yet, conflicted copies
included, other files ignored, refusals reported; a changed file is merged again."""

from __future__ import annotations

import shutil

import pytest
from merge_fixtures import T0, Wall, base_file, laptop, saved

from facilitator.app.merge_summary import batch_summary, outcome_line
from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.folder_merge import folder_files, is_conflicted_copy, merge_folder

DROPBOX_COPY = "ana (Ben Diallo's conflicted copy 2024-03-23).facilitator"
SYNCTHING_COPY = "ana.sync-conflict-20240323-101010-ABCDEFG.facilitator"


@pytest.fixture
def shared(tmp_path):
    """A shared folder as a sync service leaves it, and the rapporteur's own file."""
    base = base_file(tmp_path)
    folder = tmp_path / "Team folder"
    folder.mkdir()
    for n, device in enumerate(("ana", "ben", "cy")):
        db = laptop(base, tmp_path, device, Wall(T0 + n))
        repo.insert(db, m.Intervention(base.session.id, notes=f"logged by {device}"))
        shutil.move(saved(db), folder / f"{device}.facilitator")
    # Ana's laptop wrote again while the folder synced: two conflicted copies of her file.
    for name, text in ((DROPBOX_COPY, "second laptop"), (SYNCTHING_COPY, "third laptop")):
        shutil.copyfile(folder / "ana.facilitator", folder / name)
        db = open_file(folder / name, device=f"ana-{len(text)}", wall=Wall(T0 + 9))
        repo.insert(db, m.Intervention(base.session.id, notes=text))
        db.close()
    (folder / "agenda.docx").write_bytes(b"PK\x03\x04 not ours")
    (folder / ".syncthing.ben.facilitator.tmp").write_bytes(b"partial upload")
    (folder / "readme.txt").write_text("Put your files here")
    target = laptop(base, tmp_path, "rapporteur", Wall(T0 + 60))
    yield base, folder, target
    target.close()


def notes(db) -> set[str]:
    return {i.notes for i in repo.find(db, m.Intervention)}


def test_every_facilitator_file_is_merged_conflicted_copies_included(shared):
    _base, folder, target = shared
    assert [p.name for p in folder_files(folder)] == [
        DROPBOX_COPY,
        "ana.facilitator",
        SYNCTHING_COPY,
        "ben.facilitator",
        "cy.facilitator",
    ]
    batch = merge_folder(target, folder)
    assert len(batch.merged()) == 5 and not batch.cancelled
    assert {"logged by ana", "logged by ben", "logged by cy", "second laptop", "third laptop"} <= (
        notes(target)
    )
    flagged = {o.name for o in batch.outcomes if o.conflicted_copy}
    assert flagged == {DROPBOX_COPY, SYNCTHING_COPY}
    assert batch_summary(batch) == "5 files merged."


def test_files_merged_before_are_skipped_and_changed_ones_merged_again(shared):
    base, folder, target = shared
    merge_folder(target, folder)
    again = merge_folder(target, folder)
    assert again.merged() == [] and all(o.already_merged for o in again.outcomes)
    assert outcome_line(again.outcomes[0]).endswith("already merged, skipped.")
    assert batch_summary(again) == "0 files merged, 5 already merged before."

    db = open_file(folder / "ben.facilitator", device="ben", wall=Wall(T0 + 30))
    repo.insert(db, m.Intervention(base.session.id, notes="Ben's afternoon notes"))
    db.close()
    third = merge_folder(target, folder)
    assert [r.source for r in third.merged()] == ["ben.facilitator"]
    assert "Ben's afternoon notes" in notes(target)


def test_a_bad_file_is_reported_and_the_others_merged(shared):
    _base, folder, target = shared
    data = (folder / "cy.facilitator").read_bytes()
    (folder / "cy.facilitator").write_bytes(data[: len(data) // 2])
    batch = merge_folder(target, folder)
    [bad] = [o for o in batch.outcomes if o.refused]
    assert bad.name == "cy.facilitator" and "cy.facilitator" in bad.refused
    assert len(batch.merged()) == 4
    assert batch_summary(batch) == "4 files merged, 1 not merged."


def test_cancel_stops_between_files(shared):
    _base, folder, target = shared
    seen = []
    batch = merge_folder(
        target,
        folder,
        progress=lambda done, total, name: seen.append((done, total, name)),
        cancelled=lambda: len(seen) >= 2,
    )
    assert batch.cancelled and len(batch.merged()) == 2
    assert seen[0] == (0, 5, DROPBOX_COPY)
    assert "Cancelled" in batch_summary(batch)
    rest = merge_folder(target, folder)  # the rest is merged next time, the first two skipped
    assert len(rest.merged()) == 3 and sum(o.already_merged for o in rest.outcomes) == 2


def test_the_target_inside_the_folder_is_not_merged_into_itself(shared):
    base, folder, _target = shared
    inside = laptop(base, folder, "rapporteur-in-folder", Wall(T0 + 60))
    try:
        names = {o.name for o in merge_folder(inside, folder).outcomes}
        assert "rapporteur-in-folder.facilitator" not in names and len(names) == 5
    finally:
        inside.close()


def test_not_a_folder(shared, tmp_path):
    _base, _folder, target = shared
    with pytest.raises(FacilitatorError, match="not a folder"):
        merge_folder(target, tmp_path / "nowhere")


def test_conflicted_copy_names():
    assert is_conflicted_copy(DROPBOX_COPY) and is_conflicted_copy(SYNCTHING_COPY)
    assert is_conflicted_copy("notes (conflict 2).facilitator")
    assert not is_conflicted_copy("conflict-prevention-talk.facilitator")
