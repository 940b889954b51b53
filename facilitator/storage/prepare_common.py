"""What the preparation functions share: one transaction per call, rule errors as
FacilitatorError, and ordered lists (agenda, questions, topics, sessions) kept 0..n-1."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from facilitator.domain.changes import ChangeSet
from facilitator.domain.session_rules import InvalidValue
from facilitator.errors import FacilitatorError
from facilitator.i18n import _

from . import repository as repo
from .database import Database
from .records import TABLE_OF

T = TypeVar("T")


@contextmanager
def operation(db: Database) -> Iterator[None]:
    """One transaction; a broken rule rolls it back and reaches the user as one line."""
    try:
        with db.transaction():
            yield
    except InvalidValue as error:
        raise FacilitatorError(str(error)) from None


def live(db: Database, cls: type[T], record_id: str) -> T:
    """The live record, or the message that it is gone (deleted here or by a merge)."""
    try:
        return repo.get(db, cls, record_id)
    except LookupError:
        raise FacilitatorError(
            _("This item no longer exists (it was deleted, perhaps by a merge); reload the list.")
        ) from None


def key(record: Any) -> tuple[str, str]:
    return (TABLE_OF[type(record)], record.id)


def renumber(db: Database, records: Sequence[Any]) -> ChangeSet:
    """Give `records` the positions 0..n-1 in this order; only moved records are written."""
    changed = []
    for index, record in enumerate(records):
        if record.position != index:
            repo.update(db, type(record), record.id, position=index)
            record.position = index
            changed.append(key(record))
    return ChangeSet(changed=frozenset(changed))


def in_place(records: list[Any], restored_id: str) -> list[Any]:
    """A list with a restored record back at its old position, before the record that has
    taken that position since (lists break ties by clock stamp, and the restore is newest)."""
    return sorted(records, key=lambda r: (r.position, r.id != restored_id))


def reorder(db: Database, siblings: list[Any], ordered_ids: Sequence[str]) -> ChangeSet:
    """Put `siblings` in the order of `ordered_ids`, which must name each of them once."""
    by_id = {r.id: r for r in siblings}
    if sorted(ordered_ids) != sorted(by_id) or len(set(ordered_ids)) != len(ordered_ids):
        raise FacilitatorError(
            _("The list changed while you were moving items (perhaps by a merge); reload it.")
        )
    return renumber(db, [by_id[i] for i in ordered_ids])


def insert_at(
    db: Database, siblings: list[Any], records: Sequence[Any], at: int | None
) -> ChangeSet:
    """Insert new `records` among `siblings` at index `at` (None: at the end)."""
    index = len(siblings) if at is None else max(0, min(at, len(siblings)))
    for n, record in enumerate(records):
        record.position = index + n
    repo.insert_all(db, records)
    moved = renumber(db, [*siblings[:index], *records, *siblings[index:]])
    added = frozenset(key(r) for r in records)
    return ChangeSet(added=added, changed=moved.changed - added)


def edit(db: Database, cls: type, record_id: str, cleaned: dict[str, Any]) -> ChangeSet:
    """Write the fields of `cleaned` that differ from the record; nothing when none does."""
    record = live(db, cls, record_id)
    changes = {k: v for k, v in cleaned.items() if getattr(record, k) != v}
    if not changes:
        return ChangeSet()
    repo.update(db, cls, record_id, **changes)
    return ChangeSet(changed=frozenset({key(record)}))


def tombstone(
    db: Database, cls: type, record_id: str, refuse: Callable[[Any], str | None] | None = None
) -> ChangeSet:
    """Delete one record (a tombstone: merges carry it, restore brings it back)."""
    record = live(db, cls, record_id)
    if refuse is not None:
        message = refuse(record)
        if message:
            raise FacilitatorError(message)
    repo.delete(db, cls, record_id)
    return ChangeSet(deleted=frozenset({key(record)}))


def restore(db: Database, cls: type, record_id: str) -> ChangeSet:
    """Bring back a deleted record, in the place it had."""
    table = TABLE_OF[cls]
    row = db.conn.execute(f"SELECT deleted FROM {table} WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise FacilitatorError(
            _("This item no longer exists (it was deleted, perhaps by a merge); reload the list.")
        )
    if not row[0]:
        return ChangeSet()
    repo.restore(db, cls, record_id)
    return ChangeSet(added=frozenset({(table, record_id)}))
