"""One translated line for a file SQLite cannot read, or whose integrity check failed.

SQLite's own words ("database disk image is malformed") are English whatever the language; the
common kinds are said in the user's language, the rest is left out of the line and logged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.i18n import _
from facilitator.logs import logger


def _kinds() -> tuple[tuple[str, str], ...]:
    # The start of SQLite's message (lower case) -> the line said to the user.
    return (
        (
            "database or disk is full",
            _("{path} cannot be read: the disk is full; free some space and try again."),
        ),
        (
            "disk i/o error",
            _(
                "{path} cannot be read: the disk reports an error; copy the file to another "
                "disk, or restore a backup."
            ),
        ),
        (
            "unable to open database file",
            _(
                "{path} cannot be opened; check that the file and its folder can be read and "
                "written."
            ),
        ),
    )


def describe_read_error(path: Path, error: sqlite3.Error) -> FacilitatorError:
    """The one-line message for a file SQLite cannot read (damaged pages, invalid UTF-8...):
    a full disk or a failing one said as such, anything else as a damaged file."""
    logger().warning("cannot read %s: %s", path, error)
    text = str(error).strip().lower()
    for start, line in _kinds():
        if text.startswith(start):
            return FacilitatorError(line.format(path=path))
    return damaged(path)


def damaged(path: Path, detail: str = "") -> FacilitatorError:
    """A file whose integrity check failed: SQLite's report is logged, not shown (English)."""
    if detail:
        logger().warning("integrity check of %s: %s", path, " ".join(detail.split())[:2000])
    return FacilitatorError(
        _("{path} is damaged and cannot be read; restore a backup or ask for a new copy.").format(
            path=path
        )
    )
