"""Selecting a whole row of a table in either direction."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView


def select_row(view: QAbstractItemView, row: int, *, keep: bool = False) -> None:
    """Select row `row` whole and make it current (`keep`: add it to what is selected).

    Not QTableView.selectRow: right to left it looks for the first column at the viewport's
    right edge, finds none when the columns fill the viewport, and selects nothing."""
    flags = QItemSelectionModel.SelectionFlag
    how = (flags.Select if keep else flags.ClearAndSelect) | flags.Rows
    view.selectionModel().setCurrentIndex(view.model().index(row, 0), how)
