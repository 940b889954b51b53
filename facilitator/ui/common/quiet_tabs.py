"""A tab widget that does not repaint its whole page when a label on the page changes.

Every text change of a label (a save's status line, a count, the speaking times) asks the
layouts above it to recompute (Qt's LayoutRequest climbs to the window). QTabWidget answers
each one by placing its tab bar and page again and repainting itself whole, with every widget
of the current page: after a Ctrl+Enter that was the whole Notes tab, 63 widgets, for three
labels and the table that changed. `keep_quiet` lets such a request through only when what
the tab widget places its children by has changed (its size, the tab bar's size, the
selected tab, the corner widgets, position, shape, direction, style, font); otherwise the
ancestors are still told that the page's size hints may have changed, and only the widgets
that changed repaint.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTabWidget


def placement(tabs: QTabWidget) -> tuple[Any, ...]:
    """What QTabWidget lays its tab bar, page and corner widgets out from."""
    bar = tabs.tabBar()
    corners = []
    for corner in (Qt.Corner.TopLeftCorner, Qt.Corner.TopRightCorner):
        widget = tabs.cornerWidget(corner)
        corners.append(
            None if widget is None else (widget.isVisibleTo(tabs), widget.sizeHint().toTuple())
        )
    return (
        tabs.size().toTuple(),
        bar.isVisibleTo(tabs),
        bar.sizeHint().toTuple(),
        bar.minimumSizeHint().toTuple(),
        bar.count(),
        bar.currentIndex(),
        bar.tabRect(bar.currentIndex()).getRect(),
        tuple(corners),
        tabs.tabPosition(),
        tabs.tabShape(),
        tabs.documentMode(),
        tabs.layoutDirection(),
        tabs.style().name(),
        tabs.font().key(),
    )


class _Gate(QObject):
    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.last: tuple[Any, ...] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.LayoutRequest or not isinstance(watched, QTabWidget):
            return False
        now = placement(watched)
        if now != self.last or not watched.isVisible():
            self.last = now if watched.isVisible() else None
            return False  # something it places by changed: let it lay out (and repaint)
        watched.updateGeometry()  # the page's hints may have changed: the parents re-read them
        return True


def keep_quiet(tabs: QTabWidget) -> None:
    """Repaint `tabs` on a layout request only when its own layout changes (see above)."""
    tabs.installEventFilter(_Gate(tabs))
