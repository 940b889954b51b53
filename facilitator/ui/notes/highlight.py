"""The notes table's cells with the searched words highlighted.

The model gives, for a cell, the ranges of its text that match the search box
(HIGHLIGHT_ROLE, computed by domain.search_text.match_spans, so a word found through folding
is highlighted whole, marks included); this delegate draws the text with those ranges in the
palette's highlight colours, in the cell's own direction. Cells without a match are drawn by
Qt as usual.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate

HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 1


class HighlightDelegate(QStyledItemDelegate):
    def paint(self, painter, option, index) -> None:
        spans = index.data(HIGHLIGHT_ROLE)
        if not spans:
            super().paint(painter, option, index)
            return
        # Imported with the first highlighted cell: making these Qt classes' Python types costs
        # the window's first frame about 7 ms, and it shows no search.
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QPalette, QTextCharFormat, QTextLayout, QTextOption
        from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(3, 0, -3, 0)  # the text margin Qt's own cells keep

        mark = QTextCharFormat()
        mark.setBackground(opt.palette.color(QPalette.ColorRole.Highlight))
        mark.setForeground(opt.palette.color(QPalette.ColorRole.HighlightedText))
        mark.setFontWeight(700)
        ranges = []
        for start, end in spans:
            found = QTextLayout.FormatRange()
            found.start, found.length, found.format = start, end - start, mark
            ranges.append(found)
        layout = QTextLayout(text, opt.font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.NoWrap)
        text_option.setTextDirection(opt.direction)
        # The leading side of the cell, as Qt's own cells: the right in Arabic; a long text
        # then shows its beginning and runs off the trailing side.
        leading = QStyle.visualAlignment(opt.direction, Qt.AlignmentFlag.AlignLeft)
        text_option.setAlignment(leading | Qt.AlignmentFlag.AlignAbsolute)
        layout.setTextOption(text_option)
        layout.setFormats(ranges)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(max(rect.width(), 1))
        layout.endLayout()

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(opt.palette.color(role))
        top = rect.top() + (rect.height() - line.height()) / 2
        layout.draw(painter, QPointF(rect.left(), top))
        painter.restore()
