"""A thin table model over a session's agenda items; rows can be dragged to another place,
which the editor turns into an undoable reorder (`on_move`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from facilitator.domain import model as m
from facilitator.domain.vocab import AGENDA_KINDS, label
from facilitator.i18n import _, format_minutes, format_number
from facilitator.ui.common.bidi import isolate

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-facilitator-agenda-row"


class AgendaModel(QAbstractTableModel):
    COLUMNS = ("position", "title", "kind", "minutes", "speakers")

    def __init__(self, items: list[m.AgendaItem] | None = None) -> None:
        super().__init__()
        self.items: list[m.AgendaItem] = list(items or [])
        self.on_move: Callable[[str, int], None] | None = None  # (item id, its new index)

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

    # --- dragging a row to another place ----------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME, str(rows[0] if rows else -1).encode())
        return data

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        """A row dropped before `row` (or onto `parent`'s row): ask for the reorder; the rows
        change when the file says so, so the view removes nothing itself."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME) or self.on_move is None:
            return False
        source = int(bytes(data.data(MIME)).decode() or -1)
        if not 0 <= source < len(self.items):
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.items))
        if target > source:
            target -= 1  # the source row leaves its place first
        if target != source:
            self.on_move(self.items[source].id, min(target, len(self.items) - 1))
        return False

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.items) - 1, len(self.COLUMNS) - 1)
            )
