"""Merging several files, one by one, and every Facilitator file of a shared folder.

Each file is merged in its own transaction, so one refused file does not stop the others and a
cancel (checked between files) keeps what was merged. A folder merge skips files merged before:
`merge_source` remembers each merged file's id and checksum, so a file that changed since is
merged again and an unchanged one is not. Sync services' "conflicted copies" are Facilitator
files like any other and are merged too; they are recognised by content, not by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.i18n import _

from .database import SQLITE_HEADER, Database
from .merge import MergeReport, OtherSeriesError, merge, merged_checksums
from .schema import APPLICATION_ID
from .untrusted import file_checksum

# Names sync services give to the second version of a file edited in two places.
CONFLICTED_COPY = re.compile(
    r"conflicted copy|\.sync-conflict-\d{8}-\d{6}|\(conflict|\.conflict\b",
    re.IGNORECASE,
)
NOT_DATABASES = ("-wal", "-shm", "-journal")

Progress = Callable[[int, int, str], None]


@dataclass
class Outcome:
    """What happened to one source file."""

    path: Path
    report: MergeReport | None = None
    refused: str | None = None  # the one-line reason
    other_series: str | None = None  # refused only because it holds this other series
    already_merged: bool = False

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def conflicted_copy(self) -> bool:
        return is_conflicted_copy(self.path.name)


@dataclass
class BatchReport:
    outcomes: list[Outcome] = field(default_factory=list)
    cancelled: bool = False

    def merged(self) -> list[MergeReport]:
        return [o.report for o in self.outcomes if o.report is not None]

    def max_stamp(self) -> str | None:
        return max((r.max_stamp for r in self.merged() if r.max_stamp), default=None)


def is_conflicted_copy(name: str) -> bool:
    return bool(CONFLICTED_COPY.search(name))


def is_facilitator_file(path: Path) -> bool:
    """SQLite with our application id (header bytes 68-71), read without opening the database."""
    try:
        with path.open("rb") as fh:
            header = fh.read(72)
    except OSError:
        return False
    return (
        len(header) == 72
        and header.startswith(SQLITE_HEADER)
        and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )


def folder_files(folder: Path, target: Path | None = None) -> list[Path]:
    """The Facilitator files directly in `folder`, by name, without the target itself."""
    found = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
        if path.name.startswith(".") or path.name.endswith(NOT_DATABASES):
            continue  # hidden and temporary files of sync services, SQLite side files
        if not path.is_file() or (target is not None and _same(path, target)):
            continue
        if is_facilitator_file(path):
            found.append(path)
    return found


def _same(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def merge_files(
    db: Database,
    paths: Sequence[Path],
    *,
    allow_other_series: bool = False,
    now: float | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    skip_merged: bool = False,
) -> BatchReport:
    """Merge `paths` into `db` one by one; refusals are reported, not raised."""
    batch = BatchReport()
    known = merged_checksums(db) if skip_merged else set()
    for n, path in enumerate(paths):
        if cancelled is not None and cancelled():
            batch.cancelled = True
            break
        if progress is not None:
            progress(n, len(paths), path.name)
        batch.outcomes.append(_merge_one(db, Path(path), allow_other_series, now, known))
    if progress is not None and not batch.cancelled:
        progress(len(paths), len(paths), "")
    return batch


def _merge_one(
    db: Database, path: Path, allow: bool, now: float | None, known: set[str]
) -> Outcome:
    outcome = Outcome(path)
    try:
        if known and file_checksum(path) in known:
            outcome.already_merged = True
            return outcome
        outcome.report = merge(db, path, allow_other_series=allow, now=now)
        known.add(outcome.report.checksum)
    except OtherSeriesError as error:
        outcome.refused, outcome.other_series = str(error), error.source_title
    except FacilitatorError as error:
        outcome.refused = str(error)
    except OSError as error:
        outcome.refused = _("Cannot read {path} ({detail}); check its permissions.").format(
            path=path, detail=error.strerror or error
        )
    return outcome


def merge_folder(
    db: Database,
    folder: str | Path,
    *,
    allow_other_series: bool = False,
    now: float | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchReport:
    """Merge every Facilitator file of `folder` that has not been merged in this form yet."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FacilitatorError(
            _("{path} is not a folder; choose the shared folder that holds the files.").format(
                path=folder
            )
        )
    return merge_files(
        db,
        folder_files(folder, db.path),
        allow_other_series=allow_other_series,
        now=now,
        progress=progress,
        cancelled=cancelled,
        skip_merged=True,
    )
