"""The notes table's queries: filter, full-text search, count and pages. All SQL here.

Rows come newest first (by start time, then by order of writing) straight from the
`intervention_session (session_id, started_at)` index, so a page of 200 is read without
sorting the session. Full-text search matches the session's documents only (their `session`
column, see search_index.py) and picks one of two plans from the number of hits, which FTS5
counts in a few milliseconds at 200,000 interventions:

- few hits (a rare word, a name): start from the hits and sort them (a handful of rows);
- many hits (a word most speakers said): walk the index in display order and keep matching
  rows until the page is full, which stops after a few hundred rows.

Either way a filter over 20,000 interventions returns in a few milliseconds (see
tests/benchmarks/test_notes_speed.py). Deleted rows are tombstones (deleted = 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from facilitator.domain import model as m

from .database import Database
from .notes_search import fts_query
from .records import columns, from_row
from .repository import created
from .search_index import has_stale, session_token

ICOLS = ", ".join("i." + c for c in columns(m.Intervention))
Key = tuple[str | None, str, str]  # started_at, first clock stamp, id: what ORDER sorts by
CREATED = created("intervention", "i")
PCOLS = ", ".join(columns(m.Point))
FEW_HITS = 2000
ORDER = f" ORDER BY i.started_at DESC, {created('intervention', 'i')} DESC, i.id DESC"
SPEAKER = (
    ", coalesce(p.name, ''), coalesce(p.organisation, ''), coalesce(p.stakeholder_group, ''),"
    " coalesce(p.country, '')"
)
# Interventions whose search document (notes, points, speaker, group, country) matches.
MATCHES = " AND i.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH :q)"
HITS = "WITH hits(rid) AS (SELECT rowid FROM search_fts WHERE search_fts MATCH :q) "


@dataclass
class NotesFilter:
    """What the filter bar asks for; None or "" means "any"."""

    agenda_item_id: str | None = None
    participant_id: str | None = None
    stakeholder_group: str | None = None
    topic_id: str | None = None
    kind: str | None = None
    question_id: str | None = None
    text: str = ""


@dataclass
class InterventionRow:
    """One line of the notes table: the intervention, who spoke, and its points."""

    intervention: m.Intervention
    speaker: str = ""
    organisation: str = ""
    group: str = ""  # the intervention's group, else the speaker's
    country: str = ""
    points: list[m.Point] = field(default_factory=list)
    created: str = ""  # the clock stamp it was first written at (ties of started_at)

    @property
    def key(self) -> Key:
        """The row's place in the table, as ORDER sorts it: the keyset of paging."""
        return self.intervention.started_at, self.created, self.intervention.id


def _conditions(session_id: str, flt: NotesFilter) -> tuple[str, dict]:
    """The WHERE clause of everything but the text search, on `i` (and `p`, the speaker)."""
    sql = " WHERE i.session_id = :session AND i.deleted = 0"
    params: dict = {"session": session_id}
    for column, value in (
        ("agenda_item_id", flt.agenda_item_id),
        ("participant_id", flt.participant_id),
    ):
        if value:
            sql += f" AND i.{column} = :{column}"
            params[column] = value
    if flt.stakeholder_group:
        sql += " AND coalesce(nullif(i.stakeholder_group, ''), p.stakeholder_group) = :group"
        params["group"] = flt.stakeholder_group
    point_terms = {
        c: v
        for c, v in (
            ("topic_id", flt.topic_id),
            ("kind", flt.kind),
            ("question_id", flt.question_id),
        )
        if v
    }
    if point_terms:
        sql += " AND EXISTS (SELECT 1 FROM point k WHERE k.intervention_id = i.id AND k.deleted = 0"
        for column, value in point_terms.items():
            sql += f" AND k.{column} = :point_{column}"
            params[f"point_{column}"] = value
        sql += ")"
    return sql, params


def _session_match(db: Database, session_id: str, text: str) -> str | None:
    """The MATCH of `text` in the documents of one session: the words in `body`, the session's
    token in `session` (search_index.py), so FTS5 alone keeps the session's hits. Documents
    queued for rebuilding (a file another program wrote, opened read-only) may name an old
    session: then the words alone, each hit checked against its intervention."""
    query = fts_query(text)
    if query is None:
        return None
    db.index_pending()  # a note just saved is found (its document was left queued)
    if has_stale(db.conn):
        return f"{{body}} : ({query})"
    return f'{{body}} : ({query}) AND {{session}} : "{session_token(session_id)}"'


def _text_only(flt: NotesFilter) -> bool:
    return not any(
        (
            flt.agenda_item_id,
            flt.participant_id,
            flt.stakeholder_group,
            flt.topic_id,
            flt.kind,
            flt.question_id,
        )
    )


# The last hit count of each open file, with the stamp it was read at: the count, the first
# page and every page after it ask in turn, and the file has not changed in between.
_HIT_COUNTS: WeakKeyDictionary = WeakKeyDictionary()


def _hit_count(db: Database, query: str) -> int:
    # Any write of this connection moves total_changes; any commit of another, data_version.
    stamp = (db.conn.total_changes, db.conn.execute("PRAGMA data_version").fetchone()[0])
    known = _HIT_COUNTS.get(db)
    if known is not None and known[:2] == (stamp, query):
        return known[2]
    found = db.conn.execute(
        "SELECT count(*) FROM search_fts WHERE search_fts MATCH :q", {"q": query}
    ).fetchone()[0]
    _HIT_COUNTS[db] = (stamp, query, found)
    return found


def _few_hits(db: Database, query: str) -> bool:
    return _hit_count(db, query) <= FEW_HITS


def _plan(
    db: Database,
    session_id: str,
    flt: NotesFilter,
    select: str,
    driven: bool,
    extra: tuple[str, dict] = ("", {}),
) -> tuple:
    """(sql, params) selecting `select` under `flt` and the `extra` condition on `i`; `driven`
    marks a query that benefits from starting at the search hits (a count always does; a page
    only when hits are few)."""
    where, params = _conditions(session_id, flt)
    where += extra[0]
    params.update(extra[1])
    # The speaker is joined only when shown or filtered on: a count then reads the index alone.
    joined = "p." in select or "p." in where
    base = " FROM intervention i"
    base += " LEFT JOIN participant p ON p.id = i.participant_id" if joined else ""
    query = _session_match(db, session_id, flt.text)
    if query is None:
        if flt.text.strip():  # only punctuation was typed: nothing can match
            where += " AND 0"
        return f"SELECT {select}{base}{where}", params
    params["q"] = query
    if driven or _few_hits(db, query):
        return (
            f"{HITS}SELECT {select} FROM hits CROSS JOIN intervention i ON i.rowid = hits.rid"
            f" LEFT JOIN participant p ON p.id = i.participant_id{where}",
            params,
        )
    indexed = " FROM intervention i INDEXED BY intervention_session"
    indexed += " LEFT JOIN participant p ON p.id = i.participant_id"
    return f"SELECT {select}{indexed}{where}{MATCHES}", params


def count_interventions(db: Database, session_id: str, flt: NotesFilter) -> int:
    query = _session_match(db, session_id, flt.text)
    # The index holds the live interventions only, each under its session: with nothing but
    # text to match, its count is the answer (as fast as a bare MATCH, not a join of every
    # hit), unless documents wait to be rebuilt (see _session_match).
    if query is not None and "{session}" in query and _text_only(flt):
        return _hit_count(db, query)
    sql, params = _plan(db, session_id, flt, "count(*)", driven=True)
    return db.conn.execute(sql, params).fetchone()[0]


def list_interventions(
    db: Database,
    session_id: str,
    flt: NotesFilter,
    offset: int = 0,
    limit: int = 200,
    *,
    after: Key | None = None,
    ids: list[str] | None = None,
) -> list[InterventionRow]:
    """One page of the filtered table, newest first, each row with its points.

    `after` is the key of the last row already shown: the page that follows it is read from
    the index at that place (keyset paging), in the same time at the top and at the end of
    200,000 rows, where OFFSET would step over every row before. `ids` keeps only those
    interventions (the rows a save changed)."""
    extra = ("", {})
    if ids is not None:
        marks = ", ".join(f":id{n}" for n in range(len(ids)))
        extra = (f" AND i.id IN ({marks})", {f"id{n}": v for n, v in enumerate(ids)})
    if after is None:
        return _page(db, session_id, flt, extra, limit, offset)
    started, made, last = after
    where, params = extra[0], {**extra[1], "kc": made, "ki": last}
    if started is None:  # undated rows come last, by order of writing
        after_key = f"{NULLS} AND ({CREATED}, i.id) < (:kc, :ki)"
        return _page(db, session_id, flt, (where + after_key, params), limit)
    params["ks"] = started
    after_key = f" AND (i.started_at, {CREATED}, i.id) < (:ks, :kc, :ki)"
    rows = _page(db, session_id, flt, (where + after_key, params), limit)
    if len(rows) < limit:
        rows += _page(db, session_id, flt, (where + NULLS, extra[1]), limit - len(rows))
    return rows


NULLS = " AND i.started_at IS NULL"


def _page(
    db: Database, session_id: str, flt: NotesFilter, extra: tuple, limit: int, offset: int = 0
) -> list[InterventionRow]:
    sql, params = _plan(db, session_id, flt, f"{ICOLS}{SPEAKER}, {CREATED}", False, extra)
    params.update(limit=limit, offset=offset)
    rows = db.conn.execute(sql + ORDER + " LIMIT :limit OFFSET :offset", params).fetchall()
    n = len(columns(m.Intervention))
    result = []
    for row in rows:
        intervention = from_row(m.Intervention, row[:n])
        name, organisation, group, country, made = row[n:]
        result.append(
            InterventionRow(
                intervention,
                name,
                organisation,
                intervention.stakeholder_group or group,
                intervention.country or country,
                created=made,
            )
        )
    _attach_points(db, result)
    return result


def _attach_points(db: Database, rows: list[InterventionRow]) -> None:
    by_id = {r.intervention.id: r for r in rows}
    ids = list(by_id)
    for start in range(0, len(ids), 500):  # SQLite's limit on bound parameters
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in db.conn.execute(
            f"SELECT {PCOLS} FROM point WHERE deleted = 0 AND intervention_id IN ({marks})"
            f" ORDER BY position, {created('point')}, id",
            chunk,
        ):
            point = from_row(m.Point, row)
            by_id[point.intervention_id].points.append(point)
