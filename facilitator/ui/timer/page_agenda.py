"""The timer page's agenda edits: reorder, go to an item, the amber threshold. A mixin of
TimerPage (page.py)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from facilitator.domain import model as m
from facilitator.ui.common.select_row import select_row
from facilitator.ui.timer.agenda import TimerAgendaModel, fit_planned, fit_table
from facilitator.ui.timer.chime import Chimes
from facilitator.ui.timer.speakers_queue import action_button


class AgendaEdits:
    """Needs the page's actions, session, queue, run and now(); makes the agenda box, its
    table and model, the amber warning and the chime setting."""

    def _build_agenda(self) -> None:
        self._fits_waiting: set[str] = set()
        a = self.actions
        self.model = TimerAgendaModel(
            lambda item_id, minutes: self.run(lambda s: s.set_planned(item_id, minutes))
        )
        self.table = QTableView()
        self.table.setObjectName("timerAgenda")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.table.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
        )
        self.table.doubleClicked.connect(self._goto_row)
        header = self.table.horizontalHeader()
        # Sized once per session, not ResizeToContents: that would read every row each second.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.warning_label = QLabel()
        self.warning = QSpinBox()
        self.warning.setObjectName("warningMinutes")
        self.warning.setRange(0, 30)
        self.warning.editingFinished.connect(self._set_warning)
        self.warning_label.setBuddy(self.warning)
        self.chimes = Chimes(self)
        self.agenda_box = QGroupBox()
        agenda = QVBoxLayout(self.agenda_box)
        agenda.addWidget(self.table)
        # Two rows: on one, the French and Russian labels left the speakers too little room.
        moves = QGridLayout()
        row = QHBoxLayout()
        self.item_moves = [action_button(a.item_up), action_button(a.item_down)]
        for button in self.item_moves:
            row.addWidget(button)
        row.addStretch(1)
        moves.addLayout(row, 0, 0)
        settings = QHBoxLayout()
        settings.addWidget(self.warning_label)
        settings.addWidget(self.warning)
        settings.addWidget(self.chimes.box)
        settings.addStretch(1)
        moves.addLayout(settings, 1, 0)
        agenda.addLayout(moves)

    def _fit_later(self, fit: str) -> bool:
        """Behind another tab of a shown window, a fit waits for the page to be shown (the
        first frame of a window opened on the Notes tab measures no timer widget)."""
        if self.window().isVisible() and not self.isVisible():
            self._fits_waiting.add(fit)
            return True
        return False

    def _fit_waiting(self) -> None:
        """Called when the page is shown: the fits that waited for it."""
        waiting, self._fits_waiting = self._fits_waiting, set()
        if "table" in waiting:
            self._fit_table()
        if "queue" in waiting:
            self._fit_queue()

    def _fit_queue(self) -> None:
        """The speakers' column never narrower than its narrowest layout: nothing is cut."""
        if self._fit_later("queue"):
            return
        from PySide6.QtWidgets import QStyle  # its Python type costs 5 ms to make: not at start

        scroll = self.queue_scroll
        bar = max(
            scroll.verticalScrollBar().sizeHint().width(),
            scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, scroll),
        )
        # the bar, the frame and the spacing some styles put between the bar and the view
        extra = bar + 2 * scroll.frameWidth() + 4
        scroll.setMinimumWidth(self.queue.minimumSizeHint().width() + extra)

    def _fit_table(self) -> None:
        if not self._fit_later("table"):
            fit_table(self.table)

    def _fit_planned(self) -> None:
        fit_planned(self.table, self.model)

    def _selected_item(self) -> m.AgendaItem | None:
        rows = self.table.selectionModel().selectedRows() if self.session else []
        return self.session.content.agenda[rows[0].row()] if rows else None

    def _move_item(self, step: int) -> None:
        item = self._selected_item()
        if item is None or not self.run(lambda s: s.move_item(item.id, step)):
            return
        self.model.set_session(self.session, self.now())
        self._fit_table()
        ids = [i.id for i in self.session.content.agenda]
        select_row(self.table, ids.index(item.id))

    def _goto_row(self, index) -> None:
        if index.column() != TimerAgendaModel.PLANNED and self.session is not None:
            item_id = self.session.content.agenda[index.row()].id
            self.run(lambda s: s.goto(item_id))

    def _set_warning(self) -> None:
        seconds = self.warning.value() * 60
        if self.session and seconds != self.session.session.warning_seconds:
            self.run(lambda s: s.set_warning_seconds(seconds))
