"""A drop-down that, too narrow for its choice, shows it cut with "…" and whole as a tooltip
(a plain QComboBox cuts it mid-letter: "All agenda iten"). Screen readers still get the whole
text: only the painting is shortened."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter


class ElidingCombo(QComboBox):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.currentTextChanged.connect(lambda _t: self._update_tooltip())

    def whole_width(self) -> int:
        """The width that shows the current choice whole."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        text = QSize(self.fontMetrics().horizontalAdvance(self.currentText()), self.height())
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)
        return size.width() + 4  # the frame's rounding

    def shown_text(self) -> str:
        """The choice as painted: whole when it fits, else cut with "…"."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        return self.fontMetrics().elidedText(
            self.currentText(), Qt.TextElideMode.ElideRight, field.width()
        )

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.shown_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        # The whole choice on hover, only when it is cut (a tooltip of its own wins).
        data = self.currentData(Qt.ItemDataRole.ToolTipRole)
        cut = self.shown_text() != self.currentText()
        self.setToolTip(data or (self.currentText() if cut else ""))
