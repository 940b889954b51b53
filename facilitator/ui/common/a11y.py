"""What a screen reader hears: names that reach every platform's accessibility bus, and
announcements of changes nobody has focused (the timer turning amber, say).

On Linux Qt gives a drop-down its current value as its AT-SPI name ("Not recorded", "All
topics") and says what it is only through a 'labelled by' relation, which it takes from a
label whose buddy the drop-down is; `setAccessibleName` alone never reaches Orca there. A
drop-down without a label of its own on screen gets an invisible one, beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QComboBox, QLabel, QWidget


class _NameLabel(QLabel):
    """The invisible label of one drop-down; follows it when it moves to another parent (a
    label is found among the drop-down's siblings)."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo.parentWidget())
        self.setObjectName("a11yNameLabel")
        self.setBuddy(combo)
        self.hide()
        combo.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ParentChange and isinstance(watched, QWidget):
            self.setParent(watched.parentWidget())
            self.hide()
        return False


def name_control(widget: QWidget, name: str) -> None:
    """Name a control for every screen reader (see the module's note on drop-downs)."""
    widget.setAccessibleName(name)
    if isinstance(widget, QComboBox):
        if widget.lineEdit() is not None:  # an editable one: its text field is read on its own
            widget.lineEdit().setAccessibleName(name)
        label = getattr(widget, "_name_label", None)
        if label is None:
            label = _NameLabel(widget)
            widget._name_label = label  # noqa: SLF001 (kept with the widget it names)
        label.setText(name)


def announce(widget: QWidget, text: str, assertive: bool = False) -> None:
    """Say `text` to a screen reader now (AT-SPI Object:Announcement, UIA notification, macOS
    announcement); an assertive one interrupts what it is saying."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    QAccessible.updateAccessibility(event)
