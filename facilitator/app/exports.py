"""File > Export…: the formats, reading the series to export, and the export itself. Qt-free.

The dialog reads the series through `read_series` on the GUI thread (the Document's
connection belongs to it), then runs `export` on a worker thread with a Progress that reports
and can be cancelled (ExportCancelled); the output is written atomically at the end.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from facilitator.app.document import Document, Operation
from facilitator.domain import model as m
from facilitator.exports import registry
from facilitator.exports.progress import ExportCancelled, Progress
from facilitator.i18n import N_, get_language
from facilitator.storage import prepare_sessions as session_store
from facilitator.storage.database import Database

from . import translations

__all__ = [
    "FORMATS",
    "REPORT_FORMATS",
    "ExportCancelled",
    "Progress",
    "export",
    "missing_versions",
    "privacy",  # noqa: F822 (module __getattr__ below)
    "read_series",
    "record_report",
]


def __getattr__(name: str):
    # `exports.privacy` is imported when an export first asks for it: the check and its report
    # model are some 40 ms of start-up that the first screen does not use.
    if name == "privacy":
        from facilitator.app import privacy

        return privacy
    raise AttributeError(name)


# name -> format (its translatable `label` and file `suffix`), in menu order.
FORMATS = registry.FORMATS
REPORT_FORMATS = registry.REPORT_FORMATS
# What a report holds: the published summary (no internal timing), or the organisers' record
# (planned and actual time, speaking time, attendance).
TEMPLATES = {"public": N_("Public summary"), "internal": N_("Internal record")}


# The formats that print texts in the export language: the reports, and the tables (topic
# names, agenda titles). The JSON archives carry every version as it is.
TRANSLATED_FORMATS = (*REPORT_FORMATS, "csv", "xlsx")


def missing_versions(
    fmt: str,
    content: m.SeriesContent,
    lang: str,
    sessions: Sequence[str] | None,
    template: str = "internal",
) -> list[translations.Entry]:
    """What an export as `fmt` in `lang` would print in the original (no version in `lang`);
    the public summary prints no agenda titles (the internal record's timing charts do)."""
    if fmt not in TRANSLATED_FORMATS:
        return []
    skip = ("agenda_item",) if fmt in REPORT_FORMATS and template == "public" else ()
    chosen = list(sessions) if sessions is not None else None
    return translations.missing(content, lang, chosen, skip)


def describe_missing(
    entries: list[translations.Entry], lang: str, refused: bool = False, isolate=lambda t: t
) -> str:
    """The missing list in the interface language."""
    return translations.describe_missing(
        entries, lang, get_language(), refused=refused, isolate=isolate
    )


def read_series(doc: Document) -> m.SeriesContent | None:
    return doc.load_series()


def export(
    fmt: str,
    content: m.SeriesContent,
    output: str | os.PathLike,
    lang: str,
    sessions: Sequence[str] | None,
    progress: Progress,
    template: str = "internal",
) -> list[Path]:
    """Write `content` (all sessions, or those of `sessions`) as `fmt` in `lang`; for a
    worker thread: it touches no database."""
    chosen = list(sessions) if sessions is not None else None
    return registry.export(fmt, content, Path(output), lang, chosen, progress, template)


def record_report(
    fmt: str, content: m.SeriesContent, sessions: Sequence[str] | None
) -> Operation | None:
    """The write that notes a report export of these sessions (all when None), or None when
    `fmt` is not a report. Not an edit: it is not undone with the user's edits."""
    if fmt not in REPORT_FORMATS:
        return None
    ids = list(sessions) if sessions is not None else [sc.session.id for sc in content.sessions]

    def operation(db: Database):
        at = dt.datetime.fromtimestamp(db.clock.wall(), dt.UTC).isoformat(timespec="seconds")
        return session_store.mark_report_exported(db, ids, at.replace("+00:00", "Z"))

    return operation
