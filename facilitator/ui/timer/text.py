"""Text that changes every second without relaying out the window.

A QLabel asks its window to lay out again on every setText, and a main window then repaints
whole: too much once a second. LiveText paints one line itself and asks for a new layout only
when the shape of its text changes (digits aside: '04:59' and '04:58' take the same room), so
a refresh repaints the readings alone. FitText grows its digits with the room it is given
(the big clocks of the stage view).

A screen reader reads the text as the widget's accessible name, after its label when it has
one ("Time left on the current item: 04:58"): a painted line has no text of its own for it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.i18n import _


def shape_of(text: str) -> str:
    return re.sub(r"\d", "0", text)


class LiveText(QWidget):
    """One line of text; elided (the whole text in the tooltip) when there is no room."""

    def __init__(
        self,
        name: str,
        point_size: float | None = None,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeading,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._text = ""
        self._shape = ""
        self._label = ""
        self.align = align | Qt.AlignmentFlag.AlignVCenter
        font = QFont(self.font())
        if point_size:
            font.setPointSizeF(point_size)
        font.setBold(bold)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def set_label(self, label: str) -> None:
        """What the text is, for a screen reader (translated by the caller)."""
        if label != self._label:
            self._label = label
            self._name()

    def _name(self) -> None:
        text = self._text
        if self._label:
            text = _("{label}: {value}").format(label=self._label, value=text) if text else ""
            text = text or self._label
        self.setAccessibleName(text)

    def setText(self, text: str) -> None:  # noqa: N802 (as QLabel)
        if text == self._text:
            return
        self._text = text
        self._name()
        shape = shape_of(text)
        if shape != self._shape:
            self._shape = shape
            self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetricsF(self.font())
        return QSize(int(metrics.horizontalAdvance(self._shape)) + 4, int(metrics.height()) + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, self.sizeHint().height())

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.setFont(self.font())
        metrics = painter.fontMetrics()
        shown = metrics.elidedText(self._text, Qt.TextElideMode.ElideRight, self.width())
        self.setToolTip(self._text if shown != self._text else "")
        painter.drawText(QRectF(self.rect()), int(self.align), shown)


BIDI_MARKS = dict.fromkeys([0x202A, 0x202B, 0x202C, 0x2066, 0x2067, 0x2068, 0x2069])
LRE, PDF = "\u202a", "\u202c"
GAP = 0.3  # between two stacked lines, in digit heights


class FitText(LiveText):
    """A clock reading whose digits fill the room it has (the stage view).

    The size is fitted to the shape of the reading (every digit a 0), so it changes only when
    the shape does ('+' on overrun, an hour more), not every second. In a tall, narrow room (a
    portrait screen) one line of '12:34' would be limited by the width to a fifth of the
    height: the minutes then stand above the seconds, on two lines, twice as large.
    """

    def __init__(self, name: str, fill: float = 0.85, parent: QWidget | None = None) -> None:
        super().__init__(name, bold=True, align=Qt.AlignmentFlag.AlignHCenter, parent=parent)
        self.fill = fill
        self.stacked = False
        self._fitted: tuple[str, int, int] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(40, 24)

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(160, 80)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def lines(self) -> list[str]:
        """The reading as painted: one line, or the minutes above the seconds."""
        return split_clock(self.text()) if self.stacked else [self.text()]

    def _fit(self) -> None:
        shape = shape_of(self.text()) or "00:00"
        key = (shape, self.width(), self.height())
        if key == self._fitted:
            return
        self._fitted = key
        font = QFont(self.font())
        font.setPixelSize(100)
        metrics = QFontMetricsF(font)
        for_height = self.height() * self.fill / metrics.height() * 100
        for_width = self.width() * 0.94 / max(metrics.horizontalAdvance(shape), 1.0) * 100
        size = min(for_height, for_width)
        self.stacked = False
        if ":" in shape and for_width < for_height:  # the width limits: try two lines
            digits = metrics.capHeight()
            widest = max(metrics.horizontalAdvance(line) for line in split_clock(shape))
            two = min(
                self.height() * self.fill / (digits * (2 + GAP)) * 100,
                self.width() * 0.94 / max(widest, 1.0) * 100,
            )
            if two > size * 1.2:
                size, self.stacked = two, True
        font.setPixelSize(max(int(size), 8))
        self.setFont(font)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self.stacked:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.setFont(self.font())
        metrics = QFontMetricsF(self.font())
        digits = metrics.capHeight()
        top = (self.height() - digits * (2 + GAP)) / 2
        for n, line in enumerate(self.lines()):
            x = (self.width() - metrics.horizontalAdvance(line)) / 2
            painter.drawText(QPointF(x, top + digits * (1 + n * (1 + GAP))), line)
        self.setToolTip("")


def split_clock(text: str) -> list[str]:
    """'12:34' as ['12', '34'], '+1:02:03' as ['+1:02', '03'], each kept left to right."""
    plain = text.translate(BIDI_MARKS)
    head, _, tail = plain.rpartition(":")
    return [f"{LRE}{head}{PDF}", f"{LRE}{tail}{PDF}"] if head else [text]
