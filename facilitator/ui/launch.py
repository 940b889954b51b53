"""Start the Qt application: display check, fonts, Qt's own translations, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from facilitator.app import file_ops
from facilitator.errors import FacilitatorError
from facilitator.i18n import _
from facilitator.ui.display_check import display_problem


def check_display() -> None:
    """Fail with one line, before Qt aborts the process, when no window can be shown."""
    if not sys.platform.startswith("linux"):
        return
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise FacilitatorError(
            _(
                "No display found: run Facilitator in a desktop session, or set "
                "QT_QPA_PLATFORM=offscreen to run it without a screen."
            )
        )
    if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return
    problem = display_problem()
    if problem:
        raise FacilitatorError(problem)


def run_app(file: str | None = None, demo: bool = False) -> int:
    check_display()
    path: Path | None = Path(file) if file else None
    if demo:
        path = file_ops.ensure_demo_file()
    from facilitator.ui.application import start

    return start(path)
