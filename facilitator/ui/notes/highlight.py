"""The notes table's cells with the searched words highlighted.

The model gives, for a cell, the ranges of its text that match the search box
(HIGHLIGHT_ROLE, computed by domain.search_text.match_spans, so a word found through folding
is highlighted whole, marks included); this delegate draws the text with those ranges in the
palette's highlight colours, in the cell's own direction. A text wider than its cell is cut
with "…", and from a little before the first match when the match would fall past the cell's
end (`snippet`), so the reason a row was found is always in sight. Cells without a match are
drawn by Qt as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from unicodedata import bidirectional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate

HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 1
ELLIPSIS = "…"
Spans = list[tuple[int, int]]


def _longest(fits: Callable[[int], bool], low: int, high: int) -> int:
    """The greatest n in [low, high] with fits(n), fits being true up to some n (else low)."""
    while low < high:
        mid = (low + high + 1) // 2
        if fits(mid):
            low = mid
        else:
            high = mid - 1
    return low


def snippet(
    text: str, spans: Spans, width: float, advance: Callable[[str], float]
) -> tuple[str, Spans]:
    """What a cell `width` wide shows of `text` with its matched `spans` (sorted), and the
    spans in it: the whole text when it fits; else its beginning, or from the start of a word
    shortly before the first match when that match would end past the cell, with "…" where
    text is left out."""
    if advance(text) <= width or not spans:
        return text, spans
    room = width - 2 * advance(ELLIPSIS)
    first, end_of_first = spans[0]
    start = 0
    if advance(text[:end_of_first]) > room:
        # Up to a third of the cell of what comes before the match, from a word's start.
        back = _longest(lambda n: advance(text[first - n : first]) <= room / 3, 0, first)
        start = first - back
        space = text.find(" ", start, first)
        if start > 0 and text[start - 1] != " " and space >= 0:
            start = space + 1
    head = ELLIPSIS if start > 0 else ""
    rest = text[start:]
    if advance(head + rest) > width:
        keep = _longest(lambda n: advance(head + rest[:n] + ELLIPSIS) <= width, 0, len(rest))
        shown = head + rest[:keep] + ELLIPSIS
    else:
        keep, shown = len(rest), head + rest
    shift, limit = len(head) - start, len(head) + keep
    moved = [(max(a + shift, len(head)), min(b + shift, limit)) for a, b in spans]
    return shown, [(a, b) for a, b in moved if a < b]


def own_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of a text by its first strong letter (None when it has none)."""
    for ch in text:
        kind = bidirectional(ch)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    return None


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

        from PySide6.QtGui import QFontMetricsF

        shown, spans = snippet(text, spans, rect.width(), QFontMetricsF(opt.font).horizontalAdvance)
        direction = opt.direction
        if shown != text:  # cut: laid out in its own direction, so "…" is where text was left out
            direction = own_direction(shown) or direction
        text = shown
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
        text_option.setTextDirection(direction)
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
