"""The summary editor's reads and edits of the open file. Qt-free.

Reads return what the file holds now (the page calls them when it is told of a change, and
when the user asks for something built from the notes), never a copy kept since opening.
Every edit is a RecordStep over the session's take-aways: the page runs `step.operation`
through `signals.run(step.operation, undo=step)`, so Edit > Undo takes it back.
"""

from __future__ import annotations

from facilitator.app.document import Document
from facilitator.app.record_undo import RecordStep
from facilitator.domain import model as m
from facilitator.domain import summary
from facilitator.i18n import _
from facilitator.storage import Database, report_store
from facilitator.storage import repository as repo
from facilitator.storage.notes_store import describe_write_error  # noqa: F401 (for the page)

# What the page shows: a change of any of these kinds makes it read again.
SHOWN_KINDS = ("takeaway", "point", "intervention", "participant", "topic", "session")


# --- reading ---------------------------------------------------------------------------------


def session_content(doc: Document, session_id: str) -> m.SessionContent | None:
    """The session with its interventions, points and take-aways as the file holds them now;
    None once the session is gone (deleted, perhaps by a merge)."""
    try:
        session = repo.get(doc.db, m.Session, session_id)
    except LookupError:
        return None
    return repo.session_content(doc.db, session)


def takeaways(doc: Document, session_id: str) -> list[m.Takeaway]:
    return report_store.takeaways(doc.db, session_id)


def topics(doc: Document, series_id: str) -> list[m.Topic]:
    return report_store.topics(doc.db, series_id)


def participants(doc: Document, series_id: str) -> list[m.Participant]:
    return report_store.participants(doc.db, series_id)


# --- edits, each one undo step -------------------------------------------------------------


def _step(doc: Document, session_id: str, label, write) -> RecordStep:
    # Every edit of the summary writes only this session's take-aways.
    return RecordStep(doc, label, lambda db: report_store.takeaways(db, session_id), write)


def add(doc: Document, takeaway: m.Takeaway) -> RecordStep:
    """Append `takeaway` at the end of its list (its topic and kind)."""
    return _step(
        doc,
        takeaway.session_id,
        lambda: _("Add take-away"),
        lambda db: report_store.add(db, takeaway),
    )


def set_text(doc: Document, session_id: str, takeaway_id: str, text: str) -> RecordStep:
    return _step(
        doc,
        session_id,
        lambda: _("Edit take-away"),
        lambda db: report_store.set_text(db, takeaway_id, text),
    )


def remove(doc: Document, session_id: str, takeaway_id: str) -> RecordStep:
    return _step(
        doc,
        session_id,
        lambda: _("Remove take-away"),
        lambda db: report_store.remove(db, takeaway_id),
    )


def set_order(doc: Document, session_id: str, ordered_ids: list[str]) -> RecordStep:
    """Positions 0, 1, 2... in the given order (one list of one topic and kind)."""
    return _step(
        doc,
        session_id,
        lambda: _("Reorder take-aways"),
        lambda db: report_store.set_order(db, ordered_ids),
    )


def link(doc: Document, session_id: str, takeaway_id: str, point_ids: list[str]) -> RecordStep:
    return _step(
        doc,
        session_id,
        lambda: _("Link to points"),
        lambda db: report_store.link(db, takeaway_id, point_ids),
    )


def propose(doc: Document, session_id: str, topic_order: list[str]) -> RecordStep:
    """Replace the session's take-aways with a draft from its points, read when it runs (so
    a point logged a moment ago, here or in a merged file, is in the draft)."""

    def write(db: Database) -> list[m.Takeaway]:
        content = repo.session_content(db, repo.get(db, m.Session, session_id))
        proposals = summary.propose_takeaways(content, topic_order)
        report_store.replace_with(db, session_id, proposals)
        return proposals

    return _step(doc, session_id, lambda: _("Propose take-aways"), write)


def set_attribution(
    doc: Document, session_id: str, takeaway_id: str, attribution: str
) -> RecordStep:
    """Whom the report names for a take-away (vocab.ATTRIBUTIONS; the rules still apply)."""
    return _step(
        doc,
        session_id,
        lambda: _("Change attribution"),
        lambda db: report_store.set_attribution(db, takeaway_id, attribution),
    )


def narrative(content: m.SessionContent, topic_id: str | None) -> str:
    return summary.narrative(content, topic_id)


def set_narrative(doc: Document, session_id: str, topic_id: str | None, text: str) -> RecordStep:
    """The lead and paragraphs of a topic (None: the opening paragraphs before the topics)."""
    return _step(
        doc,
        session_id,
        lambda: _("Edit narrative"),
        lambda db: report_store.set_narrative(db, session_id, topic_id, text),
    )
