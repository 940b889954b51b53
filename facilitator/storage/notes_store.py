"""Interventions and points as note-takers write them: save, list, search, undo. All SQL here.

A save is one transaction: the intervention, its points, a speaker typed on the fly and the
removal of the draft it came from commit together, so what the screen calls saved is on disk
(synchronous=FULL) and no draft of it is ever offered back. An edit writes only the fields
the note-taker changed, so an end time the moderator's timer set meanwhile is not overwritten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facilitator.domain import model as m
from facilitator.domain.entry import Entry, current_agenda_item
from facilitator.domain.text import clean_name, clean_text
from facilitator.i18n import _

from . import repository as repo
from .database import Database
from .notes_query import (
    InterventionRow,
    NotesFilter,
    count_interventions,
    list_interventions,
)
from .records import columns, from_row

ICOLS = ", ".join("i." + c for c in columns(m.Intervention))
INTERVENTION_FIELDS = (
    "agenda_item_id",
    "participant_id",
    "stakeholder_group",
    "country",
    "language",
    "started_at",
    "ended_at",
    "notes",
)
POINT_FIELDS = ("text", "kind", "topic_id", "question_id", "gcm_objectives", "position")


# --- saving ------------------------------------------------------------------------------


def save_entry(
    db: Database,
    entry: Entry,
    *,
    base: Entry | None = None,
    new_speaker: m.Participant | None = None,
    draft_id: str | None = None,
) -> str:
    """Save a new entry, or the changes from `base` for an edit; return the intervention id.

    `new_speaker` is a participant typed on the fly, created in the same transaction. The
    draft `draft_id` is removed in the same transaction too. The search document is left
    queued (`Database.index_pending`): the commit the note-taker waits for holds the note.
    """
    with db.transaction(index=False) as conn:
        if new_speaker is not None:
            new_speaker.name = clean_name(new_speaker.name)
            repo.insert(db, new_speaker)
            entry.participant_id = new_speaker.id
        if entry.intervention_id is None or base is None:
            intervention, points = entry.to_records()
            repo.insert_all(db, [intervention, *points])
        else:
            intervention = apply_changes(db, base, entry)
        if draft_id:
            conn.execute("DELETE FROM draft WHERE id = ?", (draft_id,))
    entry.intervention_id = intervention.id
    return intervention.id


def apply_changes(db: Database, old: Entry, new: Entry) -> m.Intervention:
    """Write the difference between two states of one saved entry (an edit, or its undo)."""
    before, old_points = old.to_records()
    after, new_points = new.to_records()
    with db.transaction() as conn:
        changed = {f: getattr(after, f) for f in INTERVENTION_FIELDS}
        changed = {f: v for f, v in changed.items() if v != getattr(before, f)}
        if changed:
            repo.update(db, m.Intervention, after.id, **changed)
        olds = {p.id: p for p in old_points}
        for point in new_points:
            state = conn.execute("SELECT deleted FROM point WHERE id = ?", (point.id,)).fetchone()
            if state is None:
                repo.insert(db, point)
                continue
            if state[0]:
                repo.restore(db, m.Point, point.id)
            previous = olds.get(point.id)
            diff = {
                f: getattr(point, f)
                for f in POINT_FIELDS
                if previous is None or getattr(point, f) != getattr(previous, f)
            }
            if diff:
                repo.update(db, m.Point, point.id, **diff)
        kept = {p.id for p in new_points}
        for point_id in olds.keys() - kept:
            repo.delete(db, m.Point, point_id)
    return after


def delete_intervention(db: Database, intervention_id: str) -> list[str]:
    """Tombstone an intervention and its points (as deleted with it); return the point ids."""
    with db.transaction() as conn:
        point_ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM point WHERE intervention_id = ? AND deleted = 0",
                (intervention_id,),
            )
        ]
        repo.delete(db, m.Intervention, intervention_id)
    return point_ids


def restore_intervention(db: Database, intervention_id: str, point_ids: list[str]) -> None:
    """Bring an intervention back with the points deleted with it (`point_ids` is what the
    delete returned; a point deleted on its own before stays deleted either way)."""
    with db.transaction():
        repo.restore(db, m.Intervention, intervention_id)


def load_entry(db: Database, intervention_id: str) -> Entry:
    intervention = repo.get(db, m.Intervention, intervention_id)
    return Entry.from_records(intervention, repo.find(db, m.Point, intervention_id=intervention_id))


# --- listing: notes_query (re-exported here for the pages) ------------------------------

__all__ = ["Entry", "InterventionRow", "NotesFilter", "count_interventions", "list_interventions"]


def change_marker(db: Database) -> str:
    """A value that changes whenever anything the notes page shows changes (a cheap poll)."""
    return (
        db.conn.execute(
            "SELECT max(h) FROM (SELECT max(hlc) AS h FROM intervention"
            " UNION ALL SELECT max(hlc) FROM point UNION ALL SELECT max(hlc) FROM participant"
            " UNION ALL SELECT max(hlc) FROM timer_event UNION ALL SELECT max(hlc) FROM session_role"
            " UNION ALL SELECT max(hlc) FROM guiding_question)"
        ).fetchone()[0]
        or ""
    )


def current_agenda_item_id(db: Database, session_id: str) -> str | None:
    """The agenda item the moderator's timer is on (TODO: use facilitator.domain.timer)."""
    return current_agenda_item(repo.find(db, m.TimerEvent, session_id=session_id))


def open_floor(db: Database, session_id: str) -> m.Intervention | None:
    """The latest speaker given the floor by the moderator and not yet written up, if any."""
    row = db.conn.execute(
        f"SELECT {ICOLS} FROM intervention i WHERE i.session_id = ? AND i.deleted = 0"
        " AND i.started_at IS NOT NULL AND i.ended_at IS NULL AND i.notes = ''"
        " AND NOT EXISTS (SELECT 1 FROM point q WHERE q.intervention_id = i.id AND q.deleted = 0)"
        f" ORDER BY i.started_at DESC, {repo.created('intervention', 'i')} DESC, i.id DESC LIMIT 1",
        (session_id,),
    ).fetchone()
    return from_row(m.Intervention, row) if row else None


# --- guiding questions -------------------------------------------------------------------


def points_for_question(db: Database, session_id: str, question_id: str) -> list[InterventionRow]:
    """Interventions with the points that answer one guiding question, in speaking order."""
    flt = NotesFilter(question_id=question_id)
    total = count_interventions(db, session_id, flt)
    rows = list_interventions(db, session_id, flt, 0, max(total, 1))
    for row in rows:
        row.points = [p for p in row.points if p.question_id == question_id]
    rows.reverse()
    return rows


def save_synthesis(db: Database, question_id: str, text: str) -> None:
    repo.update(db, m.GuidingQuestion, question_id, synthesis=clean_text(text).strip())


# --- drafts ------------------------------------------------------------------------------


@dataclass
class Draft:
    id: str
    entry: Entry
    updated_at: str


def save_draft(db: Database, draft_id: str, entry: Entry, now: dt.datetime) -> None:
    """Keep what is being typed (one row per form, replaced at each save)."""
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO draft (id, session_id, payload, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET payload = excluded.payload,"
            " updated_at = excluded.updated_at",
            (draft_id, entry.session_id, entry.to_payload(), now.isoformat(timespec="seconds")),
        )


def delete_draft(db: Database, draft_id: str) -> None:
    with db.transaction() as conn:
        conn.execute("DELETE FROM draft WHERE id = ?", (draft_id,))


def drafts(db: Database, session_id: str) -> list[Draft]:
    """Drafts left in the file for a session, newest first; unreadable ones are skipped."""
    found = []
    for draft_id, payload, updated_at in db.conn.execute(
        "SELECT id, payload, updated_at FROM draft WHERE session_id = ? ORDER BY updated_at DESC",
        (session_id,),
    ):
        try:
            entry = Entry.from_payload(payload)
        except (ValueError, TypeError, AttributeError):
            continue
        if not entry.is_blank():
            found.append(Draft(draft_id, entry, updated_at))
    return found


# --- when the file cannot be written -----------------------------------------------------


def describe_write_error(error: Exception) -> str:
    """One translated line for a failed write; the caller keeps what was typed on screen."""
    text = str(error).lower()
    if "full" in text:
        return _(
            "Not saved: the disk is full. Your text is still here; free some space, then save again."
        )
    if "readonly" in text or "read-only" in text or "read only" in text:
        return _(
            "Not saved: the file cannot be written (read-only). Your text is still here; "
            "save again once the file can be written."
        )
    if "locked" in text or "busy" in text:
        return _(
            "Not saved: the file is busy in another program. Your text is still here; save again."
        )
    return _("Not saved ({detail}). Your text is still here; save again.").format(detail=error)
