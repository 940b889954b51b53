"""Unexpected errors in the UI: logged with their traceback, shown as one short dialog,
and the session goes on."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator.errors import FacilitatorError
from facilitator.i18n import _
from facilitator.logs import log_exception


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A FacilitatorError shows its own message; anything else is logged and summarised."""
    if isinstance(error, FacilitatorError):
        message = str(error)
    else:
        where = log_exception(error)
        message = _(
            "Something went wrong ({kind}). Your work is saved; details are in {log}."
        ).format(kind=type(error).__name__, log=where)
    QMessageBox.warning(parent, _("Facilitator"), message)


def install_exception_hook() -> None:
    def hook(kind, error, tb):
        if QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        show_error(QApplication.activeWindow(), error)

    sys.excepthook = hook
