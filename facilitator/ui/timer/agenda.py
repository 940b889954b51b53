"""The agenda on the moderator's screen: planned (with minutes added live), actual and the
difference against that plan, in the whole seconds the big clock shows; the current
item highlighted; planned minutes are edited in place. A thin model over the LiveTimer: an
edit goes to the page (`replan`), which runs it through the window's signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QTableView

from facilitator.app.timer import LiveTimer
from facilitator.domain import timer as t
from facilitator.i18n import _, format_clock, format_minutes, format_number
from facilitator.ui.common.bidi import isolate
from facilitator.ui.timer.display import LRE, PDF

Index = QModelIndex | QPersistentModelIndex
MAX_MINUTES = 600


def signed_clock(seconds: float) -> str:
    """'+01:25' over the plan, '-00:35' under it."""
    whole = round(seconds)
    sign = "+" if whole > 0 else "-" if whole < 0 else ""
    return f"{LRE}{sign}{format_clock(abs(whole))}{PDF}"


class TimerAgendaModel(QAbstractTableModel):
    NUMBER, TITLE, PLANNED, ACTUAL, DIFFERENCE = range(5)

    def __init__(self, replan: Callable[[str, int], bool]) -> None:
        super().__init__()
        self.session: LiveTimer | None = None
        self.now = 0.0
        self.current_row: int | None = None
        self.replan = replan  # (item id, minutes) -> saved; the page shows what failed
        self._ids: list[str] = []

    def set_session(self, session: LiveTimer | None, now: float) -> None:
        """A session, or the same one as the file now holds it: the same items in the same
        order only redraw (an editor open on the table stays open), others reset."""
        ids = [item.id for item in session.content.agenda] if session else []
        same = session is self.session and ids == self._ids
        if not same:
            self.beginResetModel()
        self.session, self.now, self._ids = session, now, ids
        self.current_row = self._current_row()
        if not same:
            self.endResetModel()
        elif ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, 4))

    def _items(self) -> list:
        return self.session.content.agenda if self.session else []

    def _current_row(self) -> int | None:
        if self.session is None:
            return None
        if self.session.timer.phase == t.STOPPED:
            return None  # after the session, the table is planned versus actual
        return self.session.timer.index.get(self.session.timer.current_id or "")

    def tick(self, now: float) -> None:
        """Once a second: only the current row's readings change (cheap on a long agenda)."""
        self.now = now
        row = self._current_row()
        if row != self.current_row:
            old, self.current_row = self.current_row, row
            for changed in (old, row):
                if changed is not None:
                    self.dataChanged.emit(self.index(changed, 0), self.index(changed, 4))
        elif row is not None:  # the whole row: a minute added live changes Planned too
            self.dataChanged.emit(self.index(row, self.PLANNED), self.index(row, self.DIFFERENCE))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return [_("No."), _("Agenda item"), _("Planned"), _("Actual"), _("Difference")][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.PLANNED:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.session is None:
            return None
        item = self._items()[index.row()]
        column = index.column()
        current = index.row() == self.current_row
        if role == Qt.ItemDataRole.EditRole and column == self.PLANNED:
            return item.planned_minutes
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.row(), column)
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and current:
            colour = QColor(QApplication.palette().color(QPalette.ColorRole.Highlight))
            colour.setAlpha(60)
            return QBrush(colour)
        if role == Qt.ItemDataRole.AccessibleTextRole and current and column == self.TITLE:
            return _("Current item: {title}").format(title=item.title)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PLANNED:
            return _("Double-click to change the planned minutes")
        return None

    def _text(self, item, row: int, column: int) -> str:
        if column == self.NUMBER:
            number = format_number(row + 1)
            return f"▶ {number}" if row == self.current_row else number
        if column == self.TITLE:
            return isolate(item.title)
        timer = self.session.timer
        if column == self.PLANNED:
            planned = format_minutes(item.planned_minutes)
            change = round(timer.adjusted.get(item.id, 0) / 60)
            if not change:
                return planned
            sign = "+" if change > 0 else "-"
            return _("{planned} ({change} live)").format(
                planned=planned, change=f"{LRE}{sign}{format_number(abs(change))}{PDF}"
            )
        actual = timer.spent_at(item.id, self.now)
        if actual == 0 and item.id not in timer.entered:
            return ""
        if column == self.ACTUAL:
            return f"{LRE}{format_clock(int(actual))}{PDF}"
        # Against the plan with the minutes added or taken off live, in the whole seconds the
        # big clock shows: the clock's '+00:11' is the table's '+00:11', at every second.
        return signed_clock(-t.shown_seconds(timer.budget(item.id) - actual))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != self.PLANNED or not self.session:
            return False
        try:
            minutes = max(0, min(int(value), MAX_MINUTES))
        except (TypeError, ValueError):
            return False
        item = self._items()[index.row()]
        if minutes == item.planned_minutes:
            return True
        if not self.replan(item.id, minutes):  # shown by the page; the table is unchanged
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 4))
        return True

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 4))


def fit_table(table: QTableView) -> None:
    """Columns wide enough for their texts (a running item's readings need 'h:mm:ss'), not for
    their headers: "Плановое время" would leave the titles "Openi…"; a header elides, with its
    whole text in the tooltip. The title column stretches over the rest."""
    metrics = table.fontMetrics()
    widths = {
        TimerAgendaModel.NUMBER: metrics.horizontalAdvance("▶ 00"),
        TimerAgendaModel.PLANNED: 0,
        TimerAgendaModel.ACTUAL: metrics.horizontalAdvance("0:00:00"),
        TimerAgendaModel.DIFFERENCE: metrics.horizontalAdvance("+0:00:00"),
    }
    table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
    for column, width in widths.items():
        table.setColumnWidth(column, max(table.sizeHintForColumn(column), width + 20))
    table.resizeRowsToContents()


def fit_planned(table: QTableView, model: TimerAgendaModel) -> None:
    """Widen the planned column for the current item's '(+1 live)' (one row, not all)."""
    row = model.current_row
    if row is None:
        return
    text = model.data(model.index(row, TimerAgendaModel.PLANNED)) or ""
    bold = QFont(table.font())
    bold.setBold(True)
    width = QFontMetrics(bold).horizontalAdvance(text) + 20
    if width > table.columnWidth(TimerAgendaModel.PLANNED):
        table.setColumnWidth(TimerAgendaModel.PLANNED, width)
