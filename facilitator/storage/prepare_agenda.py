"""Preparing a session's agenda and guiding questions, and the series' topics. All SQL here
goes through the repository; each function is one transaction and returns a ChangeSet.

Positions stay 0..n-1 in the order people see. A delete is a tombstone that `restore_*`
brings back; deleting what notes already point to (an item with interventions or timer
records, a question or topic with points) is refused with a message, so no note loses its place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from facilitator.domain import model as m
from facilitator.domain import session_rules as rules
from facilitator.domain import vocab
from facilitator.domain.agenda_paste import ParsedItem
from facilitator.domain.changes import ChangeSet
from facilitator.i18n import _
from facilitator.i18n.lists import comma_join

from . import repository as repo
from .database import Database
from .prepare_common import (
    edit,
    in_place,
    insert_at,
    live,
    operation,
    renumber,
    reorder,
    restore,
    tombstone,
)

AGENDA_FIELDS = ("title", "planned_minutes", "kind", "speakers", "description", "warning_seconds")


def _clean_item(changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(AGENDA_FIELDS)
    if unknown:
        raise rules.InvalidValue(
            _("{field} cannot be edited here.").format(field=comma_join(sorted(unknown)))
        )
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "title":
            out[name] = rules.clean_title(value, _("Agenda item"))
        elif name == "planned_minutes":
            out[name] = rules.clean_planned_minutes(value)
        elif name == "kind":
            if value not in vocab.AGENDA_KINDS:
                raise rules.InvalidValue(
                    _("{field}: choose one of {choices}.").format(
                        field=_("Kind of item"),
                        choices=comma_join(
                            vocab.label(vocab.AGENDA_KINDS, k) for k in vocab.AGENDA_KINDS
                        ),
                    )
                )
            out[name] = value
        elif name == "warning_seconds":
            out[name] = rules.clean_item_warning(value)
        else:
            what = _("Speakers") if name == "speakers" else _("Description")
            out[name] = rules.clean_text(value, what)
    return out


def agenda(db: Database, session_id: str) -> list[m.AgendaItem]:
    return repo.find(db, m.AgendaItem, session_id=session_id)


def add_agenda_item(
    db: Database,
    session_id: str,
    title: str,
    planned_minutes: int,
    *,
    kind: str = "other",
    speakers: str = "",
    description: str = "",
    warning_seconds: int | None = None,
    at: int | None = None,
) -> ChangeSet:
    """Add one item at index `at` of the agenda (None: at the end)."""
    with operation(db):
        live(db, m.Session, session_id)
        fields = _clean_item(
            dict(
                title=title,
                planned_minutes=planned_minutes,
                kind=kind,
                speakers=speakers,
                description=description,
                warning_seconds=warning_seconds,
            )
        )
        item = m.AgendaItem(session_id, **fields)
        return insert_at(db, agenda(db, session_id), [item], at)


def add_parsed_agenda(
    db: Database, session_id: str, items: Sequence[ParsedItem], *, at: int | None = None
) -> ChangeSet:
    """Add pasted items (see domain.agenda_paste) once the preview has given each its minutes."""
    with operation(db):
        live(db, m.Session, session_id)
        records = []
        for parsed in items:
            if parsed.planned_minutes is None:
                raise rules.InvalidValue(
                    _(
                        "Planned minutes: “{title}” has none; type its minutes before adding it."
                    ).format(title=parsed.title[:60])
                )
            fields = _clean_item(
                dict(
                    title=parsed.title,
                    planned_minutes=parsed.planned_minutes,
                    kind=parsed.kind,
                    speakers=parsed.speakers,
                    description=parsed.description,
                )
            )
            records.append(m.AgendaItem(session_id, **fields))
        return insert_at(db, agenda(db, session_id), records, at)


def edit_agenda_item(db: Database, item_id: str, **changes: Any) -> ChangeSet:
    """Change some of title, planned_minutes, kind, speakers, description, warning_seconds."""
    with operation(db):
        return edit(db, m.AgendaItem, item_id, _clean_item(changes))


def rename_agenda_item(db: Database, item_id: str, title: str) -> ChangeSet:
    return edit_agenda_item(db, item_id, title=title)


def set_planned_minutes(db: Database, item_id: str, minutes: int) -> ChangeSet:
    """Planned minutes of one item, 1 to 600."""
    return edit_agenda_item(db, item_id, planned_minutes=minutes)


def _item_in_use(db: Database, item: m.AgendaItem) -> str | None:
    used = repo.count(db, m.Intervention, agenda_item_id=item.id) + repo.count(
        db, m.TimerEvent, agenda_item_id=item.id
    )
    if used:
        return _(
            "“{title}” already has notes or timer records; rename it instead of deleting it."
        ).format(title=item.title)
    return None


def delete_agenda_item(db: Database, item_id: str) -> ChangeSet:
    with operation(db):
        item = live(db, m.AgendaItem, item_id)
        deleted = tombstone(db, m.AgendaItem, item_id, lambda r: _item_in_use(db, r))
        return deleted.merge(renumber(db, agenda(db, item.session_id)))


def restore_agenda_item(db: Database, item_id: str) -> ChangeSet:
    with operation(db):
        restored = restore(db, m.AgendaItem, item_id)
        item = live(db, m.AgendaItem, item_id)
        return restored.merge(renumber(db, in_place(agenda(db, item.session_id), item_id)))


def reorder_agenda(db: Database, session_id: str, ordered_ids: Sequence[str]) -> ChangeSet:
    """Put the session's agenda in the order of `ordered_ids` (every live item, once)."""
    with operation(db):
        return reorder(db, agenda(db, session_id), ordered_ids)


# --- guiding questions ------------------------------------------------------------------------


def questions(db: Database, session_id: str) -> list[m.GuidingQuestion]:
    return repo.find(db, m.GuidingQuestion, session_id=session_id)


def add_questions(
    db: Database, session_id: str, texts: Sequence[str], *, at: int | None = None
) -> ChangeSet:
    """Add guiding questions (one, or all of a pasted list) at index `at` (None: at the end)."""
    with operation(db):
        live(db, m.Session, session_id)
        records = [m.GuidingQuestion(session_id, rules.clean_question(t)) for t in texts]
        return insert_at(db, questions(db, session_id), records, at)


def add_question(db: Database, session_id: str, text: str, *, at: int | None = None) -> ChangeSet:
    return add_questions(db, session_id, [text], at=at)


def edit_question(db: Database, question_id: str, text: str) -> ChangeSet:
    with operation(db):
        return edit(db, m.GuidingQuestion, question_id, {"text": rules.clean_question(text)})


def _question_in_use(db: Database, question: m.GuidingQuestion) -> str | None:
    if repo.count(db, m.Point, question_id=question.id):
        return _("Points of the notes answer this question; edit its text instead of deleting it.")
    return None


def delete_question(db: Database, question_id: str) -> ChangeSet:
    with operation(db):
        question = live(db, m.GuidingQuestion, question_id)
        deleted = tombstone(db, m.GuidingQuestion, question_id, lambda r: _question_in_use(db, r))
        return deleted.merge(renumber(db, questions(db, question.session_id)))


def restore_question(db: Database, question_id: str) -> ChangeSet:
    with operation(db):
        restored = restore(db, m.GuidingQuestion, question_id)
        question = live(db, m.GuidingQuestion, question_id)
        return restored.merge(
            renumber(db, in_place(questions(db, question.session_id), question_id))
        )


def reorder_questions(db: Database, session_id: str, ordered_ids: Sequence[str]) -> ChangeSet:
    with operation(db):
        return reorder(db, questions(db, session_id), ordered_ids)


# --- topics -----------------------------------------------------------------------------------


def topics(db: Database, series_id: str) -> list[m.Topic]:
    return repo.find(db, m.Topic, series_id=series_id)


def _clean_topic(changes: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "name":
            out[name] = rules.clean_title(value, _("Topic"))
        elif name == "description":
            out[name] = rules.clean_text(value, _("Description"))
        elif name == "colour":
            out[name] = rules.clean_colour(value)
        else:
            raise rules.InvalidValue(_("{field} cannot be edited here.").format(field=name))
    return out


def add_topic(
    db: Database,
    series_id: str,
    name: str,
    *,
    description: str = "",
    colour: str = "",
    at: int | None = None,
) -> ChangeSet:
    with operation(db):
        live(db, m.Series, series_id)
        fields = _clean_topic(dict(name=name, description=description, colour=colour))
        return insert_at(db, topics(db, series_id), [m.Topic(series_id, **fields)], at)


def edit_topic(db: Database, topic_id: str, **changes: Any) -> ChangeSet:
    """Change some of name, description, colour."""
    with operation(db):
        return edit(db, m.Topic, topic_id, _clean_topic(changes))


def _topic_in_use(db: Database, topic: m.Topic) -> str | None:
    if repo.count(db, m.Point, topic_id=topic.id) + repo.count(db, m.Takeaway, topic_id=topic.id):
        return _(
            "Points or take-aways are filed under “{name}”; rename it instead of deleting it."
        ).format(name=topic.name)
    return None


def delete_topic(db: Database, topic_id: str) -> ChangeSet:
    with operation(db):
        topic = live(db, m.Topic, topic_id)
        deleted = tombstone(db, m.Topic, topic_id, lambda r: _topic_in_use(db, r))
        return deleted.merge(renumber(db, topics(db, topic.series_id)))


def restore_topic(db: Database, topic_id: str) -> ChangeSet:
    with operation(db):
        restored = restore(db, m.Topic, topic_id)
        topic = live(db, m.Topic, topic_id)
        return restored.merge(renumber(db, in_place(topics(db, topic.series_id), topic_id)))


def reorder_topics(db: Database, series_id: str, ordered_ids: Sequence[str]) -> ChangeSet:
    with operation(db):
        return reorder(db, topics(db, series_id), ordered_ids)
