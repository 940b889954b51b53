"""A word-wrapped label that keeps the height its text needs at its width. Qt sizes a wrapped
label for a width it guesses, so in a form held at its minimum height (the Notes tab on a
laptop) the second line of a long hint was cut in half."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel


class WrapLabel(QLabel):
    def __init__(self, *, objectName: str = "") -> None:  # noqa: N803 (Qt's own keyword)
        super().__init__(objectName=objectName)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def needed_height(self) -> int:
        """The height of the text wrapped at the label's width (heightForWidth would answer
        the minimum height set here once it is taller, and never shrink again)."""
        margins = self.contentsMargins()
        width = self.width() - margins.left() - margins.right() - 2 * self.margin()
        flags = Qt.TextFlag.TextWordWrap | self.alignment()
        text = self.fontMetrics().boundingRect(0, 0, max(width, 1), 1 << 20, flags, self.text())
        return text.height() + margins.top() + margins.bottom() + 2 * self.margin()

    def _fit(self) -> None:
        height = self.needed_height() if self.text() else 0
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
