"""The pieces of the session details editor: one Field per row, a multi-line text that says
when it is left, the focus-out hook of an editable combo, and the list of time zones."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QWidget

from facilitator.domain import model as m

QWIDGETSIZE_MAX = 16777215
EMPTY_DATE = QDate(1900, 1, 1)  # shown as "—": the session has no date yet


@cache
def zone_names() -> list[tuple[str, str]]:
    """(IANA name, "Europe/Zurich (CET)") for every zone, by name; the short name as of now."""
    now = dt.datetime.now(dt.UTC)
    out = []
    for name in sorted(zoneinfo.available_timezones()):
        try:
            short = now.astimezone(zoneinfo.ZoneInfo(name)).tzname() or ""
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):  # pragma: no cover
            short = ""
        out.append((name, f"{name} ({short})" if short and short != name else name))
    return out


class PlainTextField(QPlainTextEdit):
    """A multi-line text that says when it is left, like a QLineEdit; Tab moves on."""

    editingFinished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setFixedHeight(80)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.editingFinished.emit()


class FocusOutSaver(QObject):
    """Calls `save` when `widget` loses the focus: an editable combo's own line edit does not
    always say editingFinished when the focus leaves the combo."""

    def __init__(self, widget: QWidget, save: Callable[[], None]) -> None:
        super().__init__(widget)
        self.save = save
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut:
            self.save()
        return False


class Field:
    """Session fields written together, the widgets that show them, and their error line."""

    def __init__(
        self,
        widgets: list[QWidget],
        read: Callable[[], dict[str, Any]],
        show: Callable[[m.Session], None],
    ) -> None:
        self.widgets = widgets
        self.read = read
        self.show = show
        self.baseline: dict[str, Any] = {}
        self.caption_text: Callable[[], str] = str
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

    def editing(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and any(w is focus or w.isAncestorOf(focus) for w in self.widgets)
