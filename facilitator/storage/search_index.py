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
(`search_stale`, plain SQL that any writer runs, even the sqlite3 shell), and a write
transaction of the app rebuilds the queued documents just before it commits
(`Database.transaction`). A note-taker's save is the exception: its commit holds the note
alone, and its document is built by the next search, a pause of 0.4 s, or the file's close
(`Database.index_pending`). A file migrated to format 4 queues every intervention and is
indexed when it is first opened for writing.
"""

from __future__ import annotations

import json
import sqlite3
from functools import cache, lru_cache

from facilitator.domain.search_text import search_form
from facilitator.domain.vocab import STAKEHOLDER_GROUPS
from facilitator.i18n import LANGUAGES, gettext_in

BATCH = 2000


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
    return search_form("\n".join(map(str, filter(None, parts))))


@lru_cache(maxsize=1024)  # a few sessions, each named once per document
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
    indexed = _indexed(conn)
    while True:
        ids = [
            r[0] for r in conn.execute(f"SELECT intervention_id FROM search_stale LIMIT {BATCH}")
        ]
        if not ids:
            return done
        queued = "SELECT value FROM json_each(?)"
        _rebuild(conn, queued, f"i.id IN ({queued})", (json.dumps(ids),), indexed)
        done += len(ids)
        if len(ids) < BATCH:
            return done  # the queue was read whole (nothing here adds to it): no query more


def refresh_rowids(conn: sqlite3.Connection, first: int, last: int) -> None:
    """Rebuild now the documents of the interventions of rowids `first` to `last` (a merge's
    new rows, read by rowid range and indexed in rowid order) and take them off the queue."""
    ids = "SELECT id FROM intervention WHERE rowid BETWEEN ? AND ?"
    _rebuild(conn, ids, "i.rowid BETWEEN ? AND ?", (first, last), _indexed(conn))


def _indexed(conn: sqlite3.Connection) -> int:
    # Documents of rowids above the greatest indexed one (new interventions) need no delete.
    return conn.execute("SELECT max(rowid) FROM search_fts").fetchone()[0] or 0


def _rebuild(conn: sqlite3.Connection, ids: str, where: str, args: tuple, indexed: int) -> None:
    """The documents of the interventions `ids` (SQL, with `args`; `where` selects the same
    from `intervention i`), and the queue without them."""
    points: dict[str, list[str]] = {}
    for intervention_id, text in conn.execute(
        "SELECT intervention_id, text FROM point WHERE deleted = 0"
        f" AND intervention_id IN ({ids}) ORDER BY position, rowid",
        args,
    ):
        points.setdefault(intervention_id, []).append(text)
    # In rowid order: FTS5 writes its pending documents out whenever a rowid goes back.
    rows = conn.execute(
        "SELECT i.rowid, i.id, i.deleted, i.session_id, i.notes, coalesce(p.name, ''),"
        " coalesce(p.organisation, ''),"
        " coalesce(nullif(i.stakeholder_group, ''), p.stakeholder_group, ''),"
        " coalesce(nullif(i.country, ''), p.country, '')"
        " FROM intervention i LEFT JOIN participant p ON p.id = i.participant_id"
        f" WHERE {where} ORDER BY i.rowid",
        args,
    ).fetchall()
    conn.executemany(
        "DELETE FROM search_fts WHERE rowid = ?", [(r[0],) for r in rows if r[0] <= indexed]
    )
    conn.executemany(
        "INSERT INTO search_fts (rowid, body, session) VALUES (?, ?, ?)",
        [
            (
                rowid,
                document(notes, points.get(intervention_id, []), name, org, group, country),
                session_token(session),
            )
            for rowid, intervention_id, deleted, session, notes, name, org, group, country in rows
            if not deleted
        ],
    )
    conn.execute(f"DELETE FROM search_stale WHERE intervention_id IN ({ids})", args)
