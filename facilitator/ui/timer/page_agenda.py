"""The timer page's agenda edits: reorder, go to an item, the amber threshold. A mixin of
TimerPage (page.py)."""

from __future__ import annotations

from facilitator.domain import model as m
from facilitator.ui.timer.agenda import TimerAgendaModel, fit_planned, fit_table


class AgendaEdits:
    """Needs the page's table, model, session, warning box, run and now()."""

    def _fit_table(self) -> None:
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
        self.table.selectRow(ids.index(item.id))

    def _goto_row(self, index) -> None:
        if index.column() != TimerAgendaModel.PLANNED and self.session is not None:
            item_id = self.session.content.agenda[index.row()].id
            self.run(lambda s: s.goto(item_id))

    def _set_warning(self) -> None:
        seconds = self.warning.value() * 60
        if self.session and seconds != self.session.session.warning_seconds:
            self.run(lambda s: s.set_warning_seconds(seconds))
