"""`facilitator merge TARGET SOURCE...`: all sources or none, the target unchanged on refusal."""

from __future__ import annotations

import os
import time
from contextlib import ExitStack
from pathlib import Path

from facilitator import settings
from facilitator.app.file_ops import sole_writer
from facilitator.app.merge_summary import report_lines
from facilitator.errors import FacilitatorError
from facilitator.i18n import _
from facilitator.storage import create_file, open_file
from facilitator.storage.conflicts import display_value
from facilitator.storage.database import remove_quietly
from facilitator.storage.merge import MergeReport, OtherSeriesError, merge_all
from facilitator.storage.new_file import move_into_place
from facilitator.storage.untrusted import SourceFile, open_source


def merge_paths(
    target: str | os.PathLike,
    sources: list[str],
    *,
    allow_other_series: bool = False,
    now: float | None = None,
) -> list[MergeReport]:
    """Merge `sources` into `target`, which is created when missing (built beside, renamed)."""
    now = time.time() if now is None else now
    target = Path(target)
    # Every source is checked before the target is opened: a refused file changes nothing.
    # Each is read by chunks, twice (checked, then merged), so memory does not grow with it.
    try:
        with ExitStack() as stack:
            read = [stack.enter_context(open_source(path)) for path in sources]
            for source in read:
                source.check_rows(now)
            return _merge_into(target, read, allow_other_series, now)
    except OtherSeriesError as error:
        raise FacilitatorError(
            _(
                "{path} holds another series (“{other}”), not “{this}”; add --allow-other-series "
                "to merge its sessions beside this series' sessions."
            ).format(path=error.path, other=error.source_title, this=error.target_title)
        ) from error


def _merge_into(
    target: Path, read: list[SourceFile], allow_other_series: bool, now: float
) -> list[MergeReport]:
    if target.exists():
        with sole_writer(target, _("File > Merge files…")):
            db = open_file(target, device=settings.device_id())
            try:
                return merge_all(db, read, allow_other_series=allow_other_series, now=now)
            finally:
                db.close()
    tmp = target.with_name(f".{target.name}.merging-{os.getpid()}")
    remove_quietly(tmp)
    db = create_file(tmp, device=settings.device_id())
    try:
        reports = merge_all(db, read, allow_other_series=allow_other_series, now=now)
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.conn.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        db.close()
        remove_quietly(tmp)
        raise
    db.close()
    move_into_place(tmp, Path(target))
    return reports


def describe(target: str | os.PathLike, reports: list[MergeReport]) -> list[str]:
    """The reports as lines, naming speakers and agenda items as the merged file has them."""
    db = open_file(target, device=settings.device_id(), readonly=True)
    try:
        return [
            line
            for report in reports
            for line in report_lines(report, display=lambda f, v: display_value(db, f, v))
        ]
    finally:
        db.close()
