"""Progress and cancellation of a long export, shared by every format (Qt-free).

The export dialog runs an export on a worker thread and passes callbacks; the command line
passes nothing. A cancelled export raises ExportCancelled before anything is written (files
are written atomically at the very end), so the old file is left as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class ExportCancelled(Exception):
    """The person cancelled the export; nothing was written."""


@dataclass
class Progress:
    report: Callable[[int, int], None] | None = None  # (done, total)
    cancelled: Callable[[], bool] | None = None

    def step(self, done: int, total: int) -> None:
        """Report progress and stop here if the person cancelled."""
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled()
        if self.report is not None:
            self.report(done, total)


NO_PROGRESS = Progress()
