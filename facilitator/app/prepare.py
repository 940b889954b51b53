"""Preparing a session in the app: the reads the editors show and the writes they make, each
an undoable step. Qt-free.

A write is a `Step`: `step.apply` is the operation for `signals.run(step.apply, undo=step)`
(its first run, which may be refused with a FacilitatorError, then nothing is remembered);
`undo()` and `redo()` commit the way back and forth through the Document. An edit remembers the
values it replaces; an add remembers the ids it created, so undo deletes them and redo brings
the same records back (a restore, not a second add: ids stay stable for notes and merges).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from facilitator.domain import model as m
from facilitator.domain.agenda_paste import ParsedItem, parse_agenda, parse_questions
from facilitator.domain.changes import ChangeSet
from facilitator.i18n import _
from facilitator.storage import prepare_agenda as agenda_store
from facilitator.storage import prepare_sessions as session_store
from facilitator.storage import repository as repo
from facilitator.storage.database import Database
from facilitator.storage.records import CLASS_OF

from . import bundled, file_ops
from .document import Document, Operation

__all__ = [
    "ParsedItem",
    "Step",
    "add_agenda_item",
    "add_parsed_agenda",
    "add_questions",
    "add_session",
    "agenda",
    "delete_agenda_item",
    "delete_question",
    "delete_session",
    "duplicate_session",
    "edit_agenda_item",
    "edit_question",
    "edit_session",
    "has_notes",
    "insert_template_items",
    "move",
    "new_series",
    "parse_agenda",
    "parse_questions",
    "questions",
    "reorder_agenda",
    "reorder_questions",
    "reorder_sessions",
    "session",
    "template_items",
]

# How to take back an add and bring back a delete, per kind of record.
_DELETE: dict[str, Callable[[Database, str], ChangeSet]] = {
    "session": session_store.delete_session,
    "agenda_item": agenda_store.delete_agenda_item,
    "guiding_question": agenda_store.delete_question,
    "topic": agenda_store.delete_topic,
}
_RESTORE: dict[str, Callable[[Database, str], ChangeSet]] = {
    "session": session_store.restore_session,
    "agenda_item": agenda_store.restore_agenda_item,
    "guiding_question": agenda_store.restore_question,
    "topic": agenda_store.restore_topic,
}


def _fold(db: Database, fn: Callable[[Database, str], ChangeSet], ids: Sequence[str]) -> ChangeSet:
    out = ChangeSet()
    for record_id in ids:
        out = out.merge(fn(db, record_id))
    return out


class Step:
    """One undoable write: `forward` on apply and redo, `backward` on undo."""

    def __init__(self, doc: Document, label: str, forward: Operation, backward: Operation):
        self.doc = doc
        self._label = label
        self.forward = forward
        self.backward = backward

    def apply(self, db: Database) -> ChangeSet:
        return self.forward(db)

    def redo(self) -> ChangeSet:
        return self.doc.run(self.forward)

    def undo(self) -> ChangeSet:
        return self.doc.run(self.backward)

    def label(self) -> str:
        return self._label


class AddStep(Step):
    """An add: undo deletes what the first run created (of `kind`), redo restores it."""

    def __init__(self, doc: Document, label: str, forward: Operation, kind: str):
        super().__init__(doc, label, forward, self._delete)
        self.kind = kind
        self.ids: list[str] = []

    def apply(self, db: Database) -> ChangeSet:
        changes = self.forward(db)
        self.ids = sorted(i for k, i in changes.added if k == self.kind)
        cls = CLASS_OF[self.kind]
        # Undo deletes from the last place up and redo restores from the first down, so every
        # record keeps its own position (lists break ties of position by clock stamp).
        self._in_order = sorted(self.ids, key=lambda i: repo.get(db, cls, i).position)
        return changes

    def _delete(self, db: Database) -> ChangeSet:
        return _fold(db, _DELETE[self.kind], self._in_order[::-1])

    def redo(self) -> ChangeSet:
        return self.doc.run(lambda db: _fold(db, _RESTORE[self.kind], self._in_order))

    @property
    def added_id(self) -> str | None:
        """The (first) record the add created, for the editor to select it."""
        return self.ids[0] if self.ids else None


def _delete_step(doc: Document, label: str, kind: str, record_id: str) -> Step:
    return Step(
        doc,
        label,
        lambda db: _DELETE[kind](db, record_id),
        lambda db: _RESTORE[kind](db, record_id),
    )


# --- reads ------------------------------------------------------------------------------------


def session(doc: Document, session_id: str) -> m.Session:
    return repo.get(doc.db, m.Session, session_id)


def agenda(doc: Document, session_id: str) -> list[m.AgendaItem]:
    return agenda_store.agenda(doc.db, session_id)


def questions(doc: Document, session_id: str) -> list[m.GuidingQuestion]:
    return agenda_store.questions(doc.db, session_id)


def has_notes(doc: Document, session_id: str) -> bool:
    """True when deleting the session would hide notes taken in it (the UI asks first)."""
    return bool(
        repo.count(doc.db, m.Intervention, session_id=session_id)
        + repo.count(doc.db, m.TimerEvent, session_id=session_id)
    )


# --- sessions ---------------------------------------------------------------------------------


def edit_session(doc: Document, session_id: str, **changes: Any) -> Step:
    """Change details of a session; undo writes back the values they replace."""
    before = session(doc, session_id)
    old = {name: getattr(before, name) for name in changes if hasattr(before, name)}
    return Step(
        doc,
        _("Edit session details"),
        lambda db: session_store.update_session(db, session_id, **changes),
        lambda db: session_store.update_session(db, session_id, **old),
    )


def add_session(doc: Document, series_id: str, title: str, **fields: Any) -> AddStep:
    return AddStep(
        doc,
        _("Add session"),
        lambda db: session_store.add_session(db, series_id, title, **fields),
        "session",
    )


def duplicate_session(doc: Document, session_id: str) -> AddStep:
    """A copy after the original (details, agenda, questions); undo deletes the copy."""
    return AddStep(
        doc,
        _("Duplicate session"),
        lambda db: session_store.duplicate_session(db, session_id),
        "session",
    )


def delete_session(doc: Document, session_id: str) -> Step:
    return _delete_step(doc, _("Delete session"), "session", session_id)


def reorder_sessions(doc: Document, series_id: str, ordered_ids: Sequence[str]) -> Step:
    old = [s.id for s in session_store.sessions(doc.db, series_id)]
    new = list(ordered_ids)
    return Step(
        doc,
        _("Move session"),
        lambda db: session_store.reorder_sessions(db, series_id, new),
        lambda db: session_store.reorder_sessions(db, series_id, old),
    )


# --- agenda -----------------------------------------------------------------------------------


def add_agenda_item(
    doc: Document, session_id: str, title: str, minutes: int, **fields: Any
) -> AddStep:
    return AddStep(
        doc,
        _("Add agenda item"),
        lambda db: agenda_store.add_agenda_item(db, session_id, title, minutes, **fields),
        "agenda_item",
    )


def add_parsed_agenda(doc: Document, session_id: str, items: Sequence[ParsedItem]) -> AddStep:
    """A pasted agenda, all items in one operation and one undo step."""
    items = list(items)
    return AddStep(
        doc,
        _("Paste an agenda"),
        lambda db: agenda_store.add_parsed_agenda(db, session_id, items),
        "agenda_item",
    )


def template_items(name: str) -> list[ParsedItem]:
    """The agenda of a bundled template's first session, in the interface language."""
    template = bundled.template_series(name)
    agenda_items = template.sessions[0].agenda if template.sessions else []
    return [
        ParsedItem(
            title=item.title,
            planned_minutes=item.planned_minutes,
            speakers=item.speakers,
            kind=item.kind,
            description=item.description,
        )
        for item in sorted(agenda_items, key=lambda i: i.position)
    ]


def insert_template_items(
    doc: Document, session_id: str, name: str, at: int | None = None
) -> AddStep:
    """A template's items inserted at index `at` of the agenda (None: at the end), one step."""
    items = template_items(name)
    return AddStep(
        doc,
        _("Insert a template's items"),
        lambda db: agenda_store.add_parsed_agenda(db, session_id, items, at=at),
        "agenda_item",
    )


def edit_agenda_item(doc: Document, item_id: str, **changes: Any) -> Step:
    before = repo.get(doc.db, m.AgendaItem, item_id)
    old = {name: getattr(before, name) for name in changes if hasattr(before, name)}
    return Step(
        doc,
        _("Edit agenda item"),
        lambda db: agenda_store.edit_agenda_item(db, item_id, **changes),
        lambda db: agenda_store.edit_agenda_item(db, item_id, **old),
    )


def delete_agenda_item(doc: Document, item_id: str) -> Step:
    return _delete_step(doc, _("Delete agenda item"), "agenda_item", item_id)


def move(ids: Sequence[str], record_id: str, by: int) -> list[str] | None:
    """`ids` with `record_id` moved `by` places (-1 up, +1 down); None when it cannot move."""
    order = list(ids)
    index = order.index(record_id)
    target = index + by
    if not 0 <= target < len(order):
        return None
    order.insert(target, order.pop(index))
    return order


def reorder_agenda(doc: Document, session_id: str, ordered_ids: Sequence[str]) -> Step:
    old = [item.id for item in agenda(doc, session_id)]
    new = list(ordered_ids)
    return Step(
        doc,
        _("Move agenda item"),
        lambda db: agenda_store.reorder_agenda(db, session_id, new),
        lambda db: agenda_store.reorder_agenda(db, session_id, old),
    )


# --- guiding questions ------------------------------------------------------------------------


def add_questions(doc: Document, session_id: str, texts: Sequence[str]) -> AddStep:
    texts = list(texts)
    return AddStep(
        doc,
        _("Add guiding questions"),
        lambda db: agenda_store.add_questions(db, session_id, texts),
        "guiding_question",
    )


def edit_question(doc: Document, question_id: str, text: str) -> Step:
    old = repo.get(doc.db, m.GuidingQuestion, question_id).text
    return Step(
        doc,
        _("Edit guiding question"),
        lambda db: agenda_store.edit_question(db, question_id, text),
        lambda db: agenda_store.edit_question(db, question_id, old),
    )


def delete_question(doc: Document, question_id: str) -> Step:
    return _delete_step(doc, _("Delete guiding question"), "guiding_question", question_id)


def reorder_questions(doc: Document, session_id: str, ordered_ids: Sequence[str]) -> Step:
    old = [q.id for q in questions(doc, session_id)]
    new = list(ordered_ids)
    return Step(
        doc,
        _("Move guiding question"),
        lambda db: agenda_store.reorder_questions(db, session_id, new),
        lambda db: agenda_store.reorder_questions(db, session_id, old),
    )


# --- files ------------------------------------------------------------------------------------


def new_series(path: str | os.PathLike, template: str | None) -> m.SeriesContent:
    """A new file: from a bundled template, or (None) an empty series with one empty session."""
    if template is not None:
        return file_ops.new_from_template(path, template)
    series = m.Series(_("New series"), content_language=bundled.originals_language())
    content = m.SeriesContent(
        series, sessions=[m.SessionContent(m.Session(series.id, _("New session")))]
    )
    file_ops.write_new_file(path, content)
    return content
