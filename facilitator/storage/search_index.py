"""The notes search index: one document per intervention, in the folded form of
facilitator.domain.search_text. All SQL of the index is here.

A document (column `body`) holds the intervention's notes, the text of its live points, and who spoke: the
speaker's name and organisation, the stakeholder group (its name in the five interface
languages, since a note-taker types the name they see) and the country. Two words of a query
may then come from any of these ("Mexico recommendation" finds a Mexican speaker's point). The
column `session` names the intervention's session (`session_token`), so a session's matches are
counted by FTS5 alone.

The folding is Python (SQLite has no Arabic or CJK folding), so triggers cannot compute
documents: they only queue the ids of interventions whose document is stale
(`search_stale`, plain SQL that any writer runs, even the sqlite3 shell), and every write
transaction of the app rebuilds the queued documents just before it commits
(`Database.transaction`). A file migrated to format 4 queues every intervention and is indexed
when it is first opened for writing.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from facilitator.domain.search_text import search_form
from facilitator.domain.vocab import STAKEHOLDER_GROUPS
from facilitator.i18n import LANGUAGES, gettext_in

BATCH = 500


@cache
def _group_names(code: str) -> str:
    source = STAKEHOLDER_GROUPS.get(code)
    if not source:
        return code
    return " ".join(dict.fromkeys(gettext_in(lang, source) for lang in LANGUAGES))


def document(
    notes: str, points: list[str], name: str, organisation: str, group: str, country: str
) -> str:
    """The folded text the index holds for one intervention."""
    parts = [notes, *points, name, organisation, _group_names(group) if group else "", country]
    return search_form("\n".join(str(p) for p in parts if p))


def session_token(session_id: str) -> str:
    """The one word that names a session in the `session` column: "s" and the hex of its id
    (as the migration writes it in SQL), so any id is one token and never a word of a note."""
    return "s" + session_id.encode("utf-8").hex()


def has_stale(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM search_stale LIMIT 1").fetchone() is not None


def refresh(conn: sqlite3.Connection) -> int:
    """Rebuild the documents of the queued interventions (inside the caller's transaction);
    returns how many were queued."""
    done = 0
    while True:
        ids = [
            r[0] for r in conn.execute(f"SELECT intervention_id FROM search_stale LIMIT {BATCH}")
        ]
        if not ids:
            return done
        marks = ", ".join("?" for _ in ids)
        points: dict[str, list[str]] = {}
        for intervention_id, text in conn.execute(
            f"SELECT intervention_id, text FROM point WHERE deleted = 0"
            f" AND intervention_id IN ({marks}) ORDER BY position, rowid",
            ids,
        ):
            points.setdefault(intervention_id, []).append(text)
        rows = conn.execute(
            "SELECT i.rowid, i.id, i.deleted, i.session_id, i.notes, coalesce(p.name, ''),"
            " coalesce(p.organisation, ''),"
            " coalesce(nullif(i.stakeholder_group, ''), p.stakeholder_group, ''),"
            " coalesce(nullif(i.country, ''), p.country, '')"
            " FROM intervention i LEFT JOIN participant p ON p.id = i.participant_id"
            f" WHERE i.id IN ({marks})",
            ids,
        ).fetchall()
        for rowid, intervention_id, deleted, session, notes, name, org, group, country in rows:
            conn.execute("DELETE FROM search_fts WHERE rowid = ?", (rowid,))
            if not deleted:
                body = document(notes, points.get(intervention_id, []), name, org, group, country)
                conn.execute(
                    "INSERT INTO search_fts (rowid, body, session) VALUES (?, ?, ?)",
                    (rowid, body, session_token(session)),
                )
        conn.executemany("DELETE FROM search_stale WHERE intervention_id = ?", [(i,) for i in ids])
        done += len(ids)
        if len(ids) < BATCH:
            return done  # the queue was read whole (nothing here adds to it): no query more
