"""The pieces of the session details editor: one Field per row, a multi-line text that says
when it is left, the focus-out hook of an editable combo, and the list of time zones."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPlainTextEdit, QWidget

from facilitator.domain import model as m

QWIDGETSIZE_MAX = 16777215


@cache
def zone_names() -> list[tuple[str, str]]:
    """(IANA name, "Europe/Zurich (CET)") for every zone, by name; the short name as of now."""
    now = dt.datetime.now(dt.UTC)
    return [(name, zone_label(name, now)) for name in sorted(zoneinfo.available_timezones())]


def zone_label(name: str, now: dt.datetime | None = None) -> str:
    """ "Europe/Zurich (CET)": the zone with its short name as of `now`."""
    try:
        short = (now or dt.datetime.now(dt.UTC)).astimezone(zoneinfo.ZoneInfo(name)).tzname()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        short = ""
    return f"{name} ({short})" if short and short != name else name


class ZoneCombo(QComboBox):
    """The editable list of time zones, filled when first shown: reading some 600 zones takes
    tens of milliseconds, and the window starts with the Overview's editor hidden or not yet
    drawn. Until then the zone shown is the one text it would show."""

    def __init__(self) -> None:
        super().__init__()
        self._zone: str | None = None
        self._filled = False

    def set_zone(self, name: str) -> None:
        self._zone = name
        index = self.findData(name) if self._filled else -1
        if index >= 0:
            self.setCurrentIndex(index)
        else:  # not listed yet: the text its item has (a zone), or the name (not a zone)
            self.setEditText(name if self._filled else zone_label(name))

    def fill(self) -> None:
        if self._filled:
            return
        self._filled = True
        self.blockSignals(True)
        for name, text in zone_names():
            self.addItem(text, name)
        self.blockSignals(False)
        if self._zone is not None:
            self.set_zone(self._zone)

    def showEvent(self, event) -> None:  # noqa: N802
        self.fill()
        super().showEvent(event)


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
