"""Sharing a file with the team safely, and spotting live files in synced or network folders.

A live SQLite file in a synced folder is fragile: the sync service uploads the file without its
WAL, or two laptops write it at once, and a "conflicted copy" or a damaged file appears. So the
live file should stay on the laptop, and the team shares self-contained copies instead.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.i18n import _

from .database import Database, copy_file, probe

# Folder names (compared in lower case) that sync services create.
SYNC_FOLDERS: tuple[tuple[str, str], ...] = (
    ("dropbox", "Dropbox"),
    ("onedrive", "OneDrive"),
    ("sharepoint", "SharePoint"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("box sync", "Box"),
    ("seafile", "Seafile"),
    ("pcloud", "pCloud"),
)
# The marker folder Syncthing puts at the top of every shared folder.
SYNC_MARKERS = ((".stfolder", "Syncthing"),)
NETWORK_FILESYSTEMS = (
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "sshfs",
    "davfs",
    "fuse.davfs2",
    "fuse.rclone",
    "fuse.s3fs",
    "afs",
    "ceph",
    "glusterfs",
    "fuse.glusterfs",
)


@dataclass(frozen=True)
class SharedPlace:
    """Where a file lives when it is not only on this laptop."""

    kind: str  # "synced" or "network"
    name: str  # "Dropbox", "Syncthing", "nfs", ...


def shared_place(path: str | os.PathLike, mounts: str | None = None) -> SharedPlace | None:
    """The sync service or network drive that holds `path`, or None for a local folder.

    `mounts` is the text of /proc/mounts (read when None; absent on Windows and macOS).
    """
    path = Path(os.path.abspath(path))
    if str(path).startswith("\\\\"):
        return SharedPlace("network", "SMB")
    for part in path.parts[:-1]:
        lowered = part.lower()
        for prefix, name in SYNC_FOLDERS:
            if lowered.startswith(prefix):
                return SharedPlace("synced", name)
    for folder in path.parents:
        for marker, name in SYNC_MARKERS:
            if (folder / marker).exists():
                return SharedPlace("synced", name)
    fstype = _mount_type(path, _read_mounts() if mounts is None else mounts)
    if fstype and (fstype in NETWORK_FILESYSTEMS or fstype.startswith(("nfs", "cifs", "smb"))):
        return SharedPlace("network", fstype)
    return None


def _read_mounts() -> str:
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _unescape(field: str) -> str:
    """/proc/mounts writes spaces and tabs in mount points as octal escapes (\\040)."""
    out, n = [], 0
    while n < len(field):
        if field[n] == "\\" and field[n + 1 : n + 4].isdigit():
            out.append(chr(int(field[n + 1 : n + 4], 8)))
            n += 4
        else:
            out.append(field[n])
            n += 1
    return "".join(out)


def _mount_type(path: Path, mounts: str) -> str | None:
    """The filesystem type of the longest mount point that holds `path`."""
    best, fstype = -1, None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = Path(_unescape(fields[1]))
        if (point == path or point in path.parents) and len(point.parts) > best:
            best, fstype = len(point.parts), fields[2]
    return fstype


def team_copy_name(db: Database) -> str:
    """A name for the team copy that tells whose copy it is, so copies do not overwrite."""
    return f"{db.path.stem}-{db.device}{db.path.suffix or '.facilitator'}"


def save_copy_for_team(
    db: Database, target: str | os.PathLike, own_connection: bool = True
) -> Path:
    """Write one self-contained copy of the open file (VACUUM INTO, fsync, atomic rename).

    The copy has no WAL beside it and is checked before this returns; the live file is untouched.
    Without `own_connection` the copy is read through `db.conn`, which still reads the file it
    opened when the path names another file now, or none (app.file_identity).
    """
    target = Path(target)
    if target.exists() and target.resolve() == db.path.resolve():
        raise FacilitatorError(
            _("{path} is the open file itself; choose another name for the copy.").format(
                path=target
            )
        )
    if not target.parent.is_dir():
        raise FacilitatorError(
            _("Cannot write {path}: the folder {folder} does not exist.").format(
                path=target, folder=target.parent
            )
        )
    try:
        copy_file(db, target, own_connection=own_connection)
        _fsync_folder(target.parent)
    except (OSError, sqlite3.Error) as error:
        raise FacilitatorError(
            _("Cannot write {path} ({detail}); choose a folder you can write to.").format(
                path=target, detail=getattr(error, "strerror", None) or error
            )
        ) from error
    probe(target)
    return target


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
