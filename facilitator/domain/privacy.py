"""What a redaction replaced, and where: the privacy check lists these before an export writes,
and the Summary tab marks the take-aways among them. Pure data, Qt-free."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """Where a text sits: `record` is series, topic, session, agenda, question, intervention,
    point or takeaway; `number` its 1-based number where people see one."""

    session_id: str | None
    record: str
    record_id: str
    field: str
    number: int | None = None


@dataclass(frozen=True)
class Change:
    where: Place
    before: str
    after: str
    found: tuple[str, ...]  # the words replaced, as written


def changed_ids(changes: list[Change], record: str) -> set[str]:
    """The ids of the records of one kind whose text needed a replacement."""
    return {c.where.record_id for c in changes if c.where.record == record}
