"""Save a copy for the team: one self-contained file, written atomically, with everything the
live file holds; and the detection of synced folders and network drives."""

from __future__ import annotations

import pytest
from merge_fixtures import T0, Wall, base_file, laptop

from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.storage import check_file, open_file
from facilitator.storage import repository as repo
from facilitator.storage.share import (
    SharedPlace,
    save_copy_for_team,
    shared_place,
    team_copy_name,
)


@pytest.fixture
def live(tmp_path):
    base = base_file(tmp_path)
    db = laptop(base, tmp_path, "ana", Wall(T0))
    repo.insert(db, m.Intervention(base.session.id, notes="only in the WAL so far"))
    assert (tmp_path / "ana.facilitator-wal").stat().st_size > 0
    yield base, db
    db.close()


def test_the_copy_is_self_contained_and_complete(live, tmp_path):
    base, db = live
    out = tmp_path / "outbox"
    out.mkdir()
    copy = save_copy_for_team(db, out / team_copy_name(db))
    assert copy.name == "ana-ana.facilitator"
    assert sorted(p.name for p in out.iterdir()) == [copy.name]  # no WAL, no temporary file
    assert copy.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: readable on its own
    assert check_file(copy).integrity == "ok"
    other = open_file(copy, device="ben", readonly=True)
    try:
        assert "only in the WAL so far" in {i.notes for i in repo.find(other, m.Intervention)}
    finally:
        other.close()
    repo.insert(db, m.Intervention(base.session.id, notes="the live file goes on"))


def test_a_second_copy_replaces_the_first_atomically(live, tmp_path):
    base, db = live
    target = tmp_path / "team.facilitator"
    save_copy_for_team(db, target)
    repo.insert(db, m.Intervention(base.session.id, notes="later"))
    save_copy_for_team(db, target)
    copy = open_file(target, device="ben", readonly=True)
    try:
        assert "later" in {i.notes for i in repo.find(copy, m.Intervention)}
    finally:
        copy.close()
    assert [p.name for p in tmp_path.glob(".team*")] == []


def test_refusals_are_one_line(live, tmp_path):
    _base, db = live
    with pytest.raises(FacilitatorError, match="open file itself"):
        save_copy_for_team(db, db.path)
    with pytest.raises(FacilitatorError, match="does not exist"):
        save_copy_for_team(db, tmp_path / "no" / "copy.facilitator")


@pytest.mark.parametrize(
    "path, service",
    [
        ("/home/ana/Dropbox/GCM/talk.facilitator", "Dropbox"),
        ("/home/ana/Dropbox (Personal)/talk.facilitator", "Dropbox"),
        ("/Users/ana/OneDrive - IOM/Talks/talk.facilitator", "OneDrive"),
        ("/Users/ana/Library/CloudStorage/SharePoint-UNNM/talk.facilitator", "SharePoint"),
        ("/Users/ana/Google Drive/My Drive/talk.facilitator", "Google Drive"),
    ],
)
def test_synced_folders_are_recognised_by_name(path, service):
    assert shared_place(path, mounts="") == SharedPlace("synced", service)


def test_a_syncthing_folder_is_recognised_by_its_marker(tmp_path):
    shared = tmp_path / "Team"
    (shared / ".stfolder").mkdir(parents=True)
    (shared / "day 1").mkdir()
    assert shared_place(shared / "day 1" / "talk.facilitator", mounts="") == SharedPlace(
        "synced", "Syncthing"
    )
    assert shared_place(tmp_path / "talk.facilitator", mounts="") is None


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/team nfs4 rw,relatime 0 0
//fs01/gcm /mnt/gcm\\040talks cifs rw 0 0
ana@host:/srv /home/ana/remote fuse.sshfs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/mnt/team/talk.facilitator", SharedPlace("network", "nfs4")),
        ("/mnt/gcm talks/2024/talk.facilitator", SharedPlace("network", "cifs")),
        ("/home/ana/remote/talk.facilitator", SharedPlace("network", "fuse.sshfs")),
        ("/home/ana/Documents/talk.facilitator", None),
        ("/tmp/talk.facilitator", None),
        ("/mnt/teamwork/talk.facilitator", None),  # a prefix of a mount point is not inside it
    ],
)
def test_network_drives_are_recognised_by_their_mount_type(path, expected):
    assert shared_place(path, mounts=MOUNTS) == expected
