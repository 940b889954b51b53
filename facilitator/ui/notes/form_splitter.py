"""The Notes tab's split between the entry form (above) and the table of what was logged
(below): the form keeps at most half the height, never less than it needs and never more than
it asks for, and the table takes the rest, so a laptop's 720 px shows several saved rows, not
one. Once the note-taker drags the handle, their split is kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


class FormSplitter(QSplitter):
    def __init__(self, form: QWidget, table: QWidget) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.setChildrenCollapsible(False)  # a form dragged out of sight looks like a lost form
        self.addWidget(form)
        self.addWidget(table)
        self.setStretchFactor(1, 1)
        self.dragged = False
        self.splitterMoved.connect(self._dragged)

    def _dragged(self, _pos: int, _index: int) -> None:
        self.dragged = True

    def form_height(self, total: int) -> int:
        form = self.widget(0)
        wanted = min(form.sizeHint().height(), total // 2)
        return max(form.minimumSizeHint().height(), wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if not self.dragged:
            total = sum(self.sizes())
            top = self.form_height(total)
            if total > 0 and self.sizes()[0] != top:
                self.setSizes([top, total - top])
