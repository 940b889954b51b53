"""Delete versus edit in a merge: a record deleted on one laptop and edited on another, the
other laptop unaware, is listed as a conflict on the pseudo-field `deleted` (1: deleted,
0: present), whichever version won, so the other one can be brought back in one click
(conflicts.restore_lost_version). A child deleted with its parent (cascade) while edited
elsewhere names the parent: restoring the parent brings the child back."""

from __future__ import annotations

from typing import Any

from . import cascade
from .untrusted import LEGACY_STAMP, data_columns


def device_of(stamp: str) -> str:
    return stamp.split(".", 2)[2]


def _fields(table: str) -> list[str]:
    return data_columns(table)[1:]


def _edits_after(row: dict[str, Any], fields: list[str], than: str) -> list[str]:
    """Stamps of the fields of `row` written after `than` on another device than `than`'s."""
    return [
        stamp
        for f in fields
        if (stamp := row["stamps"].get(f, row["hlc"])) > than
        and device_of(stamp) != device_of(than)
        and stamp != LEGACY_STAMP
    ]


def delete_versus_edit(
    winner: dict[str, Any], loser: dict[str, Any], fields: list[str]
) -> list[tuple[str, Any, str, Any, str]]:
    """A record deleted on one laptop and edited on another, unseen: one conflict on the
    pseudo-field `deleted` (1 deleted, 0 present). A cascade tombstone is the parent's
    business (see note_orphan)."""
    if (
        winner["deleted"] == loser["deleted"]
        or winner.get("deleted_with")
        or loser.get("deleted_with")
    ):
        return []
    if winner["deleted"]:  # the delete won: edits it had not seen are hidden with the record
        seen = {f: winner["stamps"].get(f, winner["hlc"]) for f in fields}
        lost = [
            s
            for f in fields
            if (s := loser["stamps"].get(f, loser["hlc"])) > seen[f]
            and device_of(s) != device_of(winner["hlc"])
            and s != LEGACY_STAMP
        ]
        return [("deleted", 1, winner["hlc"], 0, max(lost))] if lost else []
    revived = _edits_after(winner, fields, loser["hlc"])  # an edit made after the delete won
    return [("deleted", 0, max(revived), 1, loser["hlc"])] if revived else []


def note_orphan(table: str, old: dict[str, Any], new: dict[str, Any]) -> list[tuple]:
    """A child edited on one laptop while its parent was deleted (with it) on another: the
    conflict belongs to the parent, `(parent table, parent id, "deleted", 1, ..., 0, ...)`."""
    parent = cascade.PARENT_OF.get(table)
    if parent is None or (old["deleted_with"] == "") == (new["deleted_with"] == ""):
        return []
    tomb, edit = (old, new) if old["deleted_with"] else (new, old)
    if edit["deleted"]:
        return []
    lost = [
        s
        for f in _fields(table)
        if (s := edit["stamps"].get(f, edit["hlc"])) > tomb["stamps"].get(f, tomb["hlc"])
        and device_of(s) != device_of(tomb["hlc"])
        and s != LEGACY_STAMP
    ]
    if not lost:
        return []
    return [(parent, tomb["deleted_with"], "deleted", 1, tomb["hlc"], 0, max(lost))]
