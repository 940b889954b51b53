"""The few reads the calendar of the series needs beyond the repository's. Qt-free."""

from __future__ import annotations

from .database import Database

# The tables whose rows say that a session was held; a fixed set, so the name in the query
# below is never text from outside.
_RECORD_TABLES = frozenset({"intervention", "timer_event"})


def sessions_with(db: Database, table: str) -> set[str]:
    """Ids of the sessions that have at least one live row in `table`: one query for all."""
    if table not in _RECORD_TABLES:
        raise ValueError(table)
    rows = db.conn.execute(f"SELECT DISTINCT session_id FROM {table} WHERE deleted = 0")
    return {row[0] for row in rows}
