"""One list of take-aways of a kind (challenges, practices...) on the summary page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget

ID = Qt.ItemDataRole.UserRole


class KindList(QListWidget):
    """One list of take-aways: drag and drop to reorder, Ctrl+Up/Down to move the current one."""

    move_requested = Signal(int)

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.setObjectName(f"takeaways_{kind}")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)  # tells one wrapped line from the next
        self.setSpacing(2)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def ids(self) -> list[str]:
        return [self.item(n).data(ID) for n in range(self.count())]
