"""View > Calendar of the series: one row per session, sortable, like the GCM Talks calendar.

A non-modal dialog of the main window. It reads through `facilitator.app.calendar` and reloads
when the document says sessions, interventions or timer events changed; nothing polls. Return
or a double-click on a row selects that session in the main window and shows its Overview.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QTableView, QVBoxLayout

from facilitator.app import calendar
from facilitator.domain.changes import ChangeSet
from facilitator.domain.session_rules import field_label
from facilitator.errors import FacilitatorError
from facilitator.i18n import _, format_date, pgettext
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.lists import comma_join
from facilitator.ui.common.retranslate import Retranslating

SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1

# Where the record stands next to the title: the links, often empty, come last and may
# scroll out of sight on a narrow screen (Arabic words are wider).
DATE, TIME, TITLE, STATE, FORMAT, LANGUAGES, AUDIENCE, REGISTRATION, RECORDING = range(9)
COLUMNS = 9
# Web addresses and times are Latin text: they read left to right in Arabic too.
_LTR = {REGISTRATION, RECORDING}


def _header(column: int) -> str:
    return {
        DATE: field_label("date"),
        TIME: field_label("start_time"),
        TITLE: field_label("title"),
        FORMAT: field_label("format"),
        LANGUAGES: field_label("interpretation"),
        AUDIENCE: field_label("audience"),
        REGISTRATION: field_label("registration_url"),
        RECORDING: field_label("recording_url"),
        STATE: pgettext("calendar column", "Record"),
    }[column]


class CalendarModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[calendar.CalendarRow] = []

    def set_rows(self, rows: list[calendar.CalendarRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _header(section)
        return None

    def _text(self, row: calendar.CalendarRow, column: int) -> str:
        if column == DATE:
            return format_date(row.date, fmt="medium") if row.date else ""
        return {
            # Each part isolated: "15:00 CET" keeps its order inside an Arabic line.
            TIME: " ".join(isolate(t) for t in (row.time_text, row.zone) if t),
            TITLE: row.title,
            FORMAT: row.format,
            LANGUAGES: comma_join(row.interpretation),
            AUDIENCE: row.audience,
            REGISTRATION: row.registration_url,
            RECORDING: row.recording_url,
            STATE: _state_text(row),
        }[column]

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == SORT_ROLE:
            # Dates sort as dates, then by start time; a session without a date sorts last.
            if column in (DATE, TIME):
                return f"{row.date or dt.date.max}T{row.start_time}"
            return self._text(row, column).casefold()
        if role == ID_ROLE:
            return row.session_id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{_header(column)}: {self._text(row, column)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _LTR:
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute)
        return None


def _state_text(row: calendar.CalendarRow) -> str:
    """ "Report exported, 1 Dec 2026": the day of the last report export, in the interface's
    calendar; the state alone when the stamp cannot be read."""
    label = calendar.state_label(row.state)
    if row.state != calendar.REPORTED:
        return label
    try:
        day = dt.datetime.fromisoformat(row.exported_at.replace("Z", "+00:00")).date()
    except ValueError:
        return label
    return _("{state}, {date}").format(state=label, date=format_date(day, fmt="medium"))


class CalendarTable(QTableView):
    """Return on a row opens it, like a double-click."""

    def __init__(self, open_row) -> None:
        super().__init__()
        self._open_row = open_row

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open_row(self.currentIndex())
            return
        super().keyPressEvent(event)


class CalendarDialog(Retranslating, QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("calendarDialog")
        self.resize(1280, 420)
        self.model = CalendarModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = CalendarTable(self.open_row)
        self.table.setObjectName("calendarTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Every column as wide as what it holds (a stretched title collapses in Arabic, whose
        # words are wider); the table scrolls sideways when the dialog is narrower.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self.open_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        window.signals.changed.connect(self.document_changed)
        window.signals.opened.connect(lambda _doc: self.reload())
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Calendar of the series"))
        self.table.setAccessibleName(_("Calendar of the series"))
        self.reload()  # the dates, formats and language names are in the interface language

    def reload(self) -> None:
        doc = self.window_.signals.doc
        try:
            rows = calendar.rows(doc) if doc is not None else []
        except FacilitatorError as error:
            self.window_.say(str(error))
            return
        current = self.table.currentIndex().data(ID_ROLE)
        self.model.set_rows(rows)
        if current is not None:
            self.select_session(current)

    def document_changed(self, changes: ChangeSet) -> None:
        if changes.touches(*calendar.KINDS):
            self.reload()

    def select_session(self, session_id: str) -> None:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(ID_ROLE) == session_id:
                self.table.setCurrentIndex(self.proxy.index(r, 0))
                return

    def open_row(self, index: QModelIndex) -> None:
        """Select that session in the main window's list and show its Overview."""
        session_id = index.data(ID_ROLE)
        window = self.window_
        sessions = window.series.sessions if window.series else []
        for row, content in enumerate(sessions):
            if content.session.id == session_id:
                window.sessions.setCurrentRow(row)
                window.session_view.tabs.setCurrentIndex(0)
                window.raise_()
                window.activateWindow()
                return
