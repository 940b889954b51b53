"""Reading and writing a session's curated take-aways (the summary editor's storage).

Every change is committed before it returns, so the editor only shows what is saved. Built
on the repository's record functions: each write stamps the row for merging.
"""

from __future__ import annotations

from facilitator.domain import model as m

from . import repository as repo
from .database import Database


def takeaways(db: Database, session_id: str) -> list[m.Takeaway]:
    """The session's take-aways in their curated order."""
    return repo.find(db, m.Takeaway, session_id=session_id)


def topics(db: Database, series_id: str) -> list[m.Topic]:
    return repo.find(db, m.Topic, series_id=series_id)


def participants(db: Database, series_id: str) -> list[m.Participant]:
    return repo.find(db, m.Participant, series_id=series_id)


def add(db: Database, takeaway: m.Takeaway) -> m.Takeaway:
    """Append a take-away at the end of its list (topic and kind)."""
    same = [
        t
        for t in takeaways(db, takeaway.session_id)
        if t.topic_id == takeaway.topic_id and t.kind == takeaway.kind
    ]
    takeaway.position = max((t.position for t in same), default=-1) + 1
    return repo.insert(db, takeaway)


def set_text(db: Database, takeaway_id: str, text: str) -> m.Takeaway:
    return repo.update(db, m.Takeaway, takeaway_id, text=text)


def link(db: Database, takeaway_id: str, point_ids: list[str]) -> m.Takeaway:
    return repo.update(db, m.Takeaway, takeaway_id, point_ids=list(point_ids))


def remove(db: Database, takeaway_id: str) -> None:
    repo.delete(db, m.Takeaway, takeaway_id)


def set_order(db: Database, ordered_ids: list[str]) -> None:
    """Positions 0, 1, 2... in the given order (one list), in one transaction."""
    with db.transaction():
        for position, takeaway_id in enumerate(ordered_ids):
            current = repo.get(db, m.Takeaway, takeaway_id)
            if current.position != position:
                repo.update(db, m.Takeaway, takeaway_id, position=position)


def replace_with(db: Database, session_id: str, proposals: list[m.Takeaway]) -> None:
    """The draft proposed from the points replaces the session's take-aways (all or nothing);
    the narratives written per topic are not take-aways of a list and stay."""
    with db.transaction():
        for old in takeaways(db, session_id):
            if old.kind != "narrative":
                repo.delete(db, m.Takeaway, old.id)
        repo.insert_all(db, proposals)


def set_attribution(db: Database, takeaway_id: str, attribution: str) -> m.Takeaway:
    return repo.update(db, m.Takeaway, takeaway_id, attribution=attribution)


def set_narrative(db: Database, session_id: str, topic_id: str | None, text: str) -> None:
    """The narrative of a topic of the session (topic None: the paragraphs before the topics)
    is one take-away of kind "narrative"; an empty text removes it."""
    with db.transaction():
        found = [
            t for t in takeaways(db, session_id) if t.kind == "narrative" and t.topic_id == topic_id
        ]
        for extra in found[1:] if text.strip() else found:
            repo.delete(db, m.Takeaway, extra.id)
        if not text.strip():
            return
        if found:
            if found[0].text != text:
                repo.update(db, m.Takeaway, found[0].id, text=text)
        else:
            repo.insert(
                db,
                m.Takeaway(session_id=session_id, text=text, kind="narrative", topic_id=topic_id),
            )
