"""The versions that lost a merge conflict, for review, and bringing one back in one click.

Restoring writes the losing value through the repository with a fresh stamp, so it wins the
next merges too, and swaps the two versions in the conflict row: the version that was kept
stays visible and can be brought back the same way.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from facilitator.errors import FacilitatorError
from facilitator.i18n import _

from . import repository as repo
from .database import Database
from .hlc import parse
from .records import CLASS_OF, field_kinds

# The pseudo-field of a delete-versus-edit conflict: 1 the record deleted, 0 present.
DELETED = "deleted"
# The column that tells people which record it is.
LABEL_COLUMN = {
    "series": "title",
    "topic": "name",
    "participant": "name",
    "session": "title",
    "agenda_item": "title",
    "guiding_question": "text",
    "session_role": "role",
    "intervention": "notes",
    "point": "text",
    "takeaway": "text",
    "timer_event": "action",
    "translation": "text",
}
# Fields that hold the id of another record: shown by that record's label.
REFERENCES = {
    "participant_id": "participant",
    "agenda_item_id": "agenda_item",
    "topic_id": "topic",
    "question_id": "guiding_question",
    "session_id": "session",
    "intervention_id": "intervention",
}


@dataclass
class ConflictEntry:
    id: str
    table: str
    record_id: str
    record_label: str  # e.g. the text of the point, "" when the record is gone
    field: str
    kept_value: Any
    kept_stamp: str
    lost_value: Any
    lost_stamp: str
    source: str
    detected_at: str
    resolved: bool  # the other version has been restored
    exists: bool  # the record is still there (not deleted since)


def stamp_time(stamp: str) -> dt.datetime:
    """When a version was written (UTC), from its clock stamp."""
    return dt.datetime.fromtimestamp(parse(stamp)[0] / 1000, dt.UTC)


def stamp_device(stamp: str) -> str:
    return parse(stamp)[2]


def _decode(value: str | None) -> Any:
    try:
        return json.loads(value) if value is not None else None
    except ValueError:
        return value


def display_value(db: Database, field: str, value: Any) -> str:
    """A stored value as people read it: a speaker's name rather than a participant id."""
    if value is None:
        return ""
    if field == DELETED:
        return _("deleted") if value else _("present (with what was edited)")
    table = REFERENCES.get(field)
    if table and isinstance(value, str) and value:
        row = db.conn.execute(
            f"SELECT {LABEL_COLUMN[table]} FROM {table} WHERE id = ?", (value,)
        ).fetchone()
        if row is not None:
            return str(row[0])
    if isinstance(value, str) and value.startswith("["):
        try:
            return ", ".join(str(v) for v in json.loads(value))
        except ValueError:
            return value
    return str(value)


def list_conflicts(db: Database) -> list[ConflictEntry]:
    """Every recorded conflict, the newest first."""
    rows = db.conn.execute(
        "SELECT id, table_name, record_id, field, kept_value, kept_stamp, lost_value, "
        "lost_stamp, source, detected_at, resolved FROM merge_conflict "
        "ORDER BY detected_at DESC, kept_stamp DESC, id"
    ).fetchall()
    entries = []
    for row in rows:
        table = row[1]
        if table not in LABEL_COLUMN:
            continue
        # A delete-versus-edit conflict (field `deleted`) names its record, deleted or not.
        live_only = "" if row[3] == DELETED else " AND deleted = 0"
        label = db.conn.execute(
            f"SELECT {LABEL_COLUMN[table]} FROM {table} WHERE id = ?{live_only}", (row[2],)
        ).fetchone()
        entries.append(
            ConflictEntry(
                row[0],
                table,
                row[2],
                str(label[0]) if label else "",
                row[3],
                _decode(row[4]),
                row[5],
                _decode(row[6]),
                row[7],
                row[8],
                row[9],
                bool(row[10]),
                label is not None,
            )
        )
    return entries


def open_conflicts(db: Database) -> int:
    return db.conn.execute("SELECT count(*) FROM merge_conflict WHERE resolved = 0").fetchone()[0]


def restore_lost_version(db: Database, conflict_id: str) -> ConflictEntry:
    """Put the losing version of a conflict back in its record; returns the updated entry."""
    entry = next((e for e in list_conflicts(db) if e.id == conflict_id), None)
    if entry is None:
        raise FacilitatorError(_("This conflict is no longer in the file."))
    with db.transaction() as conn:
        _put_value(db, entry, entry.lost_value)
        stamp = conn.execute(
            f"SELECT hlc FROM {entry.table} WHERE id = ?", (entry.record_id,)
        ).fetchone()[0]
        conn.execute(
            "UPDATE merge_conflict SET kept_value = ?, kept_stamp = ?, lost_value = ?, "
            "lost_stamp = ?, resolved = 1 WHERE id = ?",
            (
                json.dumps(entry.lost_value, ensure_ascii=False),
                stamp,
                json.dumps(entry.kept_value, ensure_ascii=False),
                entry.kept_stamp,
                conflict_id,
            ),
        )
    return next(e for e in list_conflicts(db) if e.id == conflict_id)


def undo_restore(db: Database, entry: ConflictEntry) -> None:
    """Take back restore_lost_version: the record gets `entry`'s kept value again (with a
    fresh stamp, so it wins the next merges), and the conflict row is `entry` as it was."""
    with db.transaction() as conn:
        _put_value(db, entry, entry.kept_value)
        conn.execute(
            "UPDATE merge_conflict SET kept_value = ?, kept_stamp = ?, lost_value = ?, "
            "lost_stamp = ?, resolved = ? WHERE id = ?",
            (
                json.dumps(entry.kept_value, ensure_ascii=False),
                entry.kept_stamp,
                json.dumps(entry.lost_value, ensure_ascii=False),
                entry.lost_stamp,
                int(entry.resolved),
                entry.id,
            ),
        )


def _put_value(db: Database, entry: ConflictEntry, value: Any) -> None:
    """Write one version of the conflict's field into its record."""
    cls = CLASS_OF[entry.table]
    if entry.field == DELETED:  # delete versus edit: bring the record back, or delete it again
        state = db.conn.execute(
            f"SELECT deleted FROM {entry.table} WHERE id = ?", (entry.record_id,)
        ).fetchone()
        if state is None:
            raise FacilitatorError(_("This conflict is no longer in the file."))
        if bool(state[0]) != bool(value):
            (repo.delete if value else repo.restore)(db, cls, entry.record_id)
        return
    if field_kinds(cls).get(entry.field) == "bool":
        value = bool(value)
    elif field_kinds(cls).get(entry.field) == "list":
        value = json.loads(value) if isinstance(value, str) else value
    try:
        repo.update(db, cls, entry.record_id, **{entry.field: value})
    except LookupError:
        raise FacilitatorError(
            _("This record has been deleted since the merge; nothing was restored.")
        ) from None
