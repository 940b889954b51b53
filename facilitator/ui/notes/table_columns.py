"""The Notes table's column widths: time, agenda item, speaker, group and language keep their
widths on a wide table and give way on a narrow one, down to what their headings need, so
notes and points, which share what is left, keep a third of it or more (at 1100 px they had a
fifth, some 80 px each: "Civil socie…", "[Challeng…").
A column the note-taker resizes by hand stops the fitting."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

# (widest, share of the table's width) for the first five columns (the time keeps its 80 px);
# notes and points stretch.
FIXED = ((80, 1.0), (140, 0.12), (150, 0.14), (130, 0.10), (100, 0.07))
NARROWEST = 56


class ColumnFitter(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.by_hand = False
        self._fitting = False
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (5, 6):  # notes and points share what is left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._resized)
        # Headings change with the language: their widths are what a column may not go below.
        table.model().headerDataChanged.connect(lambda *_args: self.fit())
        table.viewport().installEventFilter(self)
        self.fit()

    def widths(self, width: int) -> list[int]:
        """Each fixed column's width on a table `width` wide: its share, at most its widest,
        never less than its heading needs (a heading is cut mid-letter, not with "…")."""
        header = self.table.horizontalHeader()
        return [
            max(
                NARROWEST,
                header.sectionSizeFromContents(column).width(),
                min(widest, int(share * width)),
            )
            for column, (widest, share) in enumerate(FIXED)
        ]

    def fit(self) -> None:
        if self.by_hand:
            return
        header = self.table.horizontalHeader()
        self._fitting = True
        try:
            for column, width in enumerate(self.widths(self.table.viewport().width())):
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        # Stretched columns follow the others; a fixed one resized outside fit() was dragged.
        if column < len(FIXED) and not self._fitting and self.table.isVisible():
            self.by_hand = True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
