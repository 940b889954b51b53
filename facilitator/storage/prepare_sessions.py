"""Preparing the sessions of a series: edit details, add, duplicate, delete, restore, reorder.
Each function is one transaction, checks every value first (domain.session_rules) and returns
the ChangeSet of what it wrote; a refused value leaves the file as it was."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from facilitator.domain import model as m
from facilitator.domain import session_rules as rules
from facilitator.domain import vocab
from facilitator.domain.changes import ChangeSet
from facilitator.i18n import _

from . import repository as repo
from .database import Database
from .prepare_common import (
    in_place,
    insert_at,
    key,
    live,
    operation,
    renumber,
    reorder,
    restore,
    tombstone,
)

# What a duplicate leaves behind: what happened in the original session, not its preparation.
NOT_DUPLICATED = {
    "registered": None,
    "attended": None,
    "member_states": None,
    "cso": None,
    **{f"{name}_qualifier": "exact" for name in vocab.FIGURE_FIELDS},
    "recording_url": "",
    "report_exported_at": "",
}


def sessions(db: Database, series_id: str) -> list[m.Session]:
    return repo.find(db, m.Session, series_id=series_id)


def update_session(db: Database, session_id: str, **changes: Any) -> ChangeSet:
    """Change fields of a session's details, all checked before any is written."""
    with operation(db):
        session = live(db, m.Session, session_id)
        cleaned = rules.clean_session_changes(session, changes)
        if not cleaned:
            return ChangeSet()
        repo.update(db, m.Session, session_id, **cleaned)
        return ChangeSet(changed=frozenset({key(session)}))


def add_session(
    db: Database, series_id: str, title: str, *, at: int | None = None, **fields: Any
) -> ChangeSet:
    """A new session with `title` and any other detail of `update_session`."""
    with operation(db):
        live(db, m.Series, series_id)
        draft = m.Session(series_id, title="")
        cleaned = rules.clean_session_changes(draft, {"title": title, **fields})
        session = dataclasses.replace(draft, **cleaned)
        return insert_at(db, sessions(db, series_id), [session], at)


def duplicate_session(db: Database, session_id: str, title: str | None = None) -> ChangeSet:
    """A copy placed after the original, with its details, agenda and guiding questions.

    Not copied: notes, points, take-aways, timer log, registrations, the reported figures,
    the recording and the syntheses of the questions, which belong to the session that was held.
    """
    with operation(db):
        original = live(db, m.Session, session_id)
        new_title = rules.clean_session_field(
            "title",
            title if title is not None else _("{title} (copy)").format(title=original.title),
        )
        copy = dataclasses.replace(original, id=m.new_id(), title=new_title, **NOT_DUPLICATED)
        if original.short_label and title is None:
            copy.short_label = _("{title} (copy)").format(title=original.short_label)
        siblings = sessions(db, original.series_id)
        index = next(n for n, s in enumerate(siblings) if s.id == session_id) + 1
        changes = insert_at(db, siblings, [copy], index)
        items = [
            dataclasses.replace(item, id=m.new_id(), session_id=copy.id)
            for item in repo.find(db, m.AgendaItem, session_id=session_id)
        ]
        asked = [
            dataclasses.replace(q, id=m.new_id(), session_id=copy.id, synthesis="")
            for q in repo.find(db, m.GuidingQuestion, session_id=session_id)
        ]
        repo.insert_all(db, [*items, *asked])
        added = frozenset(key(r) for r in [*items, *asked])
        return changes.merge(ChangeSet(added=added))


def delete_session(db: Database, session_id: str) -> ChangeSet:
    """Tombstone a session; what it holds stays in the file and returns with `restore_session`."""
    with operation(db):
        session = live(db, m.Session, session_id)
        deleted = tombstone(db, m.Session, session_id)
        return deleted.merge(renumber(db, sessions(db, session.series_id)))


def restore_session(db: Database, session_id: str) -> ChangeSet:
    with operation(db):
        restored = restore(db, m.Session, session_id)
        session = live(db, m.Session, session_id)
        return restored.merge(renumber(db, in_place(sessions(db, session.series_id), session_id)))


def reorder_sessions(db: Database, series_id: str, ordered_ids: Sequence[str]) -> ChangeSet:
    with operation(db):
        return reorder(db, sessions(db, series_id), ordered_ids)


def mark_report_exported(db: Database, session_ids: Sequence[str], at: str) -> ChangeSet:
    """Note that a report covering these sessions was exported at `at` (ISO 8601, UTC)."""
    with operation(db):
        changed = set()
        for session_id in session_ids:
            session = live(db, m.Session, session_id)
            repo.update(db, m.Session, session_id, report_exported_at=at)
            changed.add(key(session))
        return ChangeSet(changed=frozenset(changed))


def update_series(db: Database, series_id: str, **changes: Any) -> ChangeSet:
    """Change the series' title and/or description (the title cannot be empty)."""
    with operation(db):
        series = live(db, m.Series, series_id)
        cleaned: dict[str, Any] = {}
        for name, value in changes.items():
            if name == "title":
                cleaned[name] = rules.clean_title(value, rules.field_label("title"))
            elif name == "description":
                cleaned[name] = rules.clean_text(value, _("Description"))
            elif name in ("disclaimer", "acknowledgements", "workstream"):
                # The report's closing texts (area report): "" prints the language's default.
                cleaned[name] = rules.clean_text(value, name)
            elif name == "workstream_url":
                cleaned[name] = rules.clean_url(value, _("Workstream page"))
            else:
                raise rules.InvalidValue(_("{field} cannot be edited here.").format(field=name))
        cleaned = {k: v for k, v in cleaned.items() if getattr(series, k) != v}
        if not cleaned:
            return ChangeSet()
        repo.update(db, m.Series, series_id, **cleaned)
        return ChangeSet(changed=frozenset({key(series)}))
