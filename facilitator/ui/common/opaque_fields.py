"""Text fields that repaint alone when their caret blinks.

A line edit is not opaque: Qt paints everything behind it first, so each blink of the caret
(twice a second while the note-taker looks at the form) repainted the window, the splitter,
the session view, the tabs, the page and the form under the field: 106 us a blink against
21 us for a bare window's field, 39 us of it the parents. A field that fills its own
background is opaque and repaints alone. Its background must be exactly what was behind it,
the tab widget's page area, whose colour the style chooses (Fusion: a shade lighter than the
window): it is read from the tab widget itself, drawn without its children, when the page is
shown and again when the palette or the style changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QColor, QImage, QPalette, QRegion
from PySide6.QtWidgets import QLineEdit, QTabWidget, QWidget

# The role the field is filled with: one a line edit draws nothing of (styles derive the
# frame's colour from Window: setting that one changed the border).
FILL_ROLE = QPalette.ColorRole.AlternateBase
REPAINTED = (
    QEvent.Type.Show,
    QEvent.Type.PaletteChange,
    QEvent.Type.StyleChange,
    QEvent.Type.ApplicationPaletteChange,
)


def pane_colour(tabs: QTabWidget) -> QColor:
    """The colour the tab widget paints its page area with (one pixel of it, drawn alone)."""
    page = tabs.currentWidget()
    point = tabs.rect().center()
    if page is not None:  # the middle of the page area (what the page covers is drawn alone)
        point = page.parentWidget().mapTo(tabs, page.geometry().center())
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    tabs.render(image, QPoint(0, 0), QRegion(QRect(point, point)), QWidget.RenderFlag(0))
    return image.pixelColor(0, 0)


def fill_like_the_pane(fields: Sequence[QLineEdit], tabs: QTabWidget) -> None:
    colour = pane_colour(tabs)
    if colour.alpha() != 255:
        return  # a style that draws no solid page area: the fields stay as Qt makes them
    for field in fields:
        palette = field.palette()
        if field.autoFillBackground() and palette.color(FILL_ROLE) == colour:
            continue
        palette.setColor(FILL_ROLE, colour)
        field.setPalette(palette)
        field.setBackgroundRole(FILL_ROLE)
        field.setAutoFillBackground(True)


class _Follower(QObject):
    def __init__(self, page: QWidget, fields: Callable[[], Sequence[QLineEdit]]) -> None:
        super().__init__(page)
        self.page, self.fields = page, fields
        self.pending = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in REPAINTED and not self.pending:
            # Once every widget has its new palette and the tabs their layout: the tab
            # widget may hear of a palette change after the page does.
            self.pending = True
            QTimer.singleShot(0, self._follow)
        return False

    def _follow(self) -> None:
        self.pending = False
        tabs = _tab_widget(self.page)
        if tabs is not None and tabs.isVisible() and self.page.isVisible():
            fill_like_the_pane(self.fields(), tabs)


def _tab_widget(page: QWidget) -> QTabWidget | None:
    parent = page.parentWidget()
    while parent is not None and not isinstance(parent, QTabWidget):
        parent = parent.parentWidget()
    return parent


def keep_fields_opaque(page: QWidget, fields: Callable[[], Sequence[QLineEdit]]) -> None:
    """Make the line edits `fields()` of a tab `page` opaque, in the page area's colour."""
    page.installEventFilter(_Follower(page, fields))
