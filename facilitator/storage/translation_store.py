"""Reading and writing the versions of texts in the export languages (model.Translation).

A version is one record per (owner, field, language) with an id that follows from them, so a
version written on two laptops is one record that merges field by field like any other.
Clearing a version tombstones it; writing it again brings the same record back. Every write
goes through the repository, which stamps it for merging.
"""

from __future__ import annotations

from facilitator.domain import model as m
from facilitator.domain.translations import TRANSLATABLE
from facilitator.i18n import LANGUAGES

from . import repository as repo
from .database import Database


def all_versions(db: Database) -> list[m.Translation]:
    """Every live version in the file (the series' translations)."""
    return repo.find(db, m.Translation)


def set_version(
    db: Database, owner_table: str, owner_id: str, owner_field: str, language: str, text: str
) -> m.Translation | None:
    """The text of one version ("" or blanks: no version); the record, or None when cleared."""
    if owner_field not in TRANSLATABLE.get(owner_table, ()) or language not in LANGUAGES:
        raise ValueError(f"no version of {owner_table}.{owner_field} in {language!r}")
    record_id = m.translation_id(owner_table, owner_id, owner_field, language)
    with db.transaction() as conn:
        row = conn.execute("SELECT deleted FROM translation WHERE id = ?", (record_id,)).fetchone()
        if not text.strip():
            if row is not None and not row[0]:
                repo.delete(db, m.Translation, record_id)
            return None
        if row is None:
            return repo.insert(
                db, m.Translation(owner_table, owner_id, owner_field, language, text)
            )
        if row[0]:
            repo.restore(db, m.Translation, record_id)
        current = repo.get(db, m.Translation, record_id)
        if current.text == text:
            return current
        return repo.update(db, m.Translation, record_id, text=text)


def set_content_language(db: Database, series_id: str, language: str) -> m.Series:
    """The language the series' originals are written in."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    return repo.update(db, m.Series, series_id, content_language=language)
