"""Deletes that keep records whole: a parent's children are tombstoned *with* it.

Deleting an intervention tombstones its live points with `deleted_with` = the intervention's
id. Such a cascade tombstone is a version of the point like any other (it merges by its `hlc`),
but whether the point is shown follows its parent: after every merge `settle` sets `deleted`
of each cascade-tombstoned point to whether its parent is deleted. So whatever brings the
intervention back (an edit that wins a merge, an undo, a restored conflict) brings back the
points deleted with it, and never a point deleted on its own (`deleted_with` = '').

In a merge the *raw* version of a point counts: a cascade tombstone is deleted whatever
`deleted` says at the moment (see `raw`), so the merged state depends on the files only.

Sessions keep their agenda items and questions live when they are deleted (a deleted session
hides them; restoring it shows them again), and take-aways hold their links to points in a
field of their own row, so only interventions cascade.
"""

from __future__ import annotations

import sqlite3
from typing import Any

# parent table -> (child table, column naming the parent)
CHILDREN: dict[str, tuple[str, str]] = {"intervention": ("point", "intervention_id")}
PARENT_OF: dict[str, str] = {child: parent for parent, (child, _col) in CHILDREN.items()}
CASCADED = frozenset(PARENT_OF)  # tables that have a `deleted_with` column


def raw(row: dict[str, Any]) -> dict[str, Any]:
    """The row as a merge compares it: a cascade tombstone counts as deleted."""
    if row.get("deleted_with"):
        row["deleted"] = 1
    return row


def delete_children(conn: sqlite3.Connection, table: str, parent_id: str, device: str, stamp):
    """Tombstone the live children of `parent_id` as deleted with it; returns their ids."""
    if table not in CHILDREN:
        return []
    child, column = CHILDREN[table]
    ids = [
        r[0]
        for r in conn.execute(
            f"SELECT id FROM {child} WHERE {column} = ? AND deleted = 0", (parent_id,)
        )
    ]
    for child_id in ids:
        stamp(child, child_id, 1, parent_id)
    return ids


def restore_children(conn: sqlite3.Connection, table: str, parent_id: str, stamp) -> list[str]:
    """Bring back the children tombstoned with `parent_id` (not those deleted on their own)."""
    if table not in CHILDREN:
        return []
    child, _column = CHILDREN[table]
    ids = [
        r[0]
        for r in conn.execute(
            f"SELECT id FROM {child} WHERE deleted_with = ? AND deleted = 1", (parent_id,)
        )
    ]
    for child_id in ids:
        stamp(child, child_id, 0, "")
    return ids


def settle(conn: sqlite3.Connection) -> None:
    """After a merge: a child tombstoned with its parent is shown exactly while the parent is."""
    for parent, (child, _column) in CHILDREN.items():
        conn.execute(
            f"UPDATE {child} SET deleted = d FROM (SELECT c.id AS cid, NOT EXISTS ("
            f"SELECT 1 FROM {parent} p WHERE p.id = c.deleted_with AND p.deleted = 0) AS d "
            f"FROM {child} c WHERE c.deleted_with != '') WHERE {child}.id = cid AND deleted != d"
        )


def dead_parents(conn: sqlite3.Connection, table: str, ids: set[str]) -> set[str]:
    """Which of `ids` (records of parent `table`) are deleted in the file."""
    found = set()
    for parent_id in ids:
        row = conn.execute(f"SELECT deleted FROM {table} WHERE id = ?", (parent_id,)).fetchone()
        if row is not None and row[0]:
            found.add(parent_id)
    return found
