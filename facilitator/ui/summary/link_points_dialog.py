"""The dialog that links a take-away to the points of the notes it summarises."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import model as m
from facilitator.domain.vocab import POINT_KINDS, label
from facilitator.i18n import _
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.summary.kind_list import ID


class LinkPointsDialog(Retranslating, QDialog):
    """Tick the points a take-away summarises."""

    def __init__(self, parent: QWidget, points: list[m.Point], checked: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("linkPointsDialog")
        self.resize(640, 420)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.points = QListWidget()
        self.points.setObjectName("linkPointsList")
        self.points.setWordWrap(True)
        self._points = points
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.points)
        layout.addWidget(buttons)
        for point in points:
            item = QListWidgetItem()
            item.setData(ID, point.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if point.id in checked else Qt.CheckState.Unchecked
            item.setCheckState(state)
            self.points.addItem(item)
        self.retranslate_ui()

    def chosen(self) -> list[str]:
        items = [self.points.item(n) for n in range(self.points.count())]
        return [i.data(ID) for i in items if i.checkState() == Qt.CheckState.Checked]

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Link to points"))
        self.intro.setText(_("Tick the points of the notes that this take-away summarises."))
        for n, point in enumerate(self._points):
            kind = label(POINT_KINDS, point.kind)
            self.points.item(n).setText(f"{kind}: {isolate(point.text)}")
