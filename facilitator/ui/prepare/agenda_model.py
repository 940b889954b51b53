"""A thin table model over a session's agenda items."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from facilitator.domain import model as m
from facilitator.domain.vocab import AGENDA_KINDS, label
from facilitator.i18n import _, format_minutes, format_number
from facilitator.ui.common.bidi import isolate

Index = QModelIndex | QPersistentModelIndex


class AgendaModel(QAbstractTableModel):
    COLUMNS = ("position", "title", "kind", "minutes", "speakers")

    def __init__(self, items: list[m.AgendaItem] | None = None) -> None:
        super().__init__()
        self.items: list[m.AgendaItem] = list(items or [])

    def set_items(self, items: list[m.AgendaItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [_("No."), _("Agenda item"), _("Kind"), _("Planned"), _("Speakers")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "position":
                return format_number(index.row() + 1)
            if column == "title":
                return isolate(item.title)
            if column == "kind":
                return label(AGENDA_KINDS, item.kind)
            if column == "minutes":
                return format_minutes(item.planned_minutes)
            return isolate(item.speakers)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("title", "speakers"):
            return "\n".join(x for x in (item.title, item.speakers, item.description) if x)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.items) - 1, len(self.COLUMNS) - 1)
            )
