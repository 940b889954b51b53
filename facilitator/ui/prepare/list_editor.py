"""What the agenda and guiding-question editors share: a list of records with Add, Remove,
Move up/down (also Ctrl+Up/Down), a paste button, and writes through `signals.run` whose refusal
is shown as one line under the list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from facilitator.app import prepare
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.ui.document_signals import DocumentSignals


class ListEditor(QGroupBox):
    """Subclasses set `self.view` (the list) and implement the record-specific parts."""

    def __init__(self, signals: DocumentSignals) -> None:
        super().__init__()
        self.signals = signals
        self.doc: Document | None = None
        self.session: m.Session | None = None
        self.layout_ = QVBoxLayout(self)
        self.buttons = QHBoxLayout()
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.paste_button = QPushButton()
        for button, slot in (
            (self.add_button, self.add),
            (self.remove_button, self.remove),
            (self.up_button, lambda: self.move(-1)),
            (self.down_button, lambda: self.move(1)),
            (self.paste_button, self.paste),
        ):
            button.clicked.connect(slot)
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.error = QLabel()
        self.error.setObjectName("listError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

    def install_moves(self, view: QWidget) -> None:
        """Ctrl+Up / Ctrl+Down move the selected record, as the buttons do."""
        for keys, by in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda by=by: self.move(by))

    # --- to implement -------------------------------------------------------------------------

    def ids(self) -> list[str]:
        raise NotImplementedError

    def selected_id(self) -> str | None:
        raise NotImplementedError

    def select(self, record_id: str | None) -> None:
        raise NotImplementedError

    def add(self) -> None:
        raise NotImplementedError

    def remove(self) -> None:
        raise NotImplementedError

    def paste(self) -> None:
        raise NotImplementedError

    def reorder_step(self, ordered: list[str]) -> prepare.Step:
        raise NotImplementedError

    # --- shared -------------------------------------------------------------------------------

    def run(self, step: prepare.Step, *, error: QLabel | None = None) -> bool:
        """Write `step`; a refusal shows its one line (under `error`, else under the list)."""
        shown = error or self.error
        try:
            self.signals.run(step.apply, undo=step)
        except FacilitatorError as refusal:
            shown.setText(str(refusal))
            shown.show()
            return False
        shown.hide()
        self.error.hide()
        return True

    def move(self, by: int) -> None:
        current = self.selected_id()
        if self.doc is None or current is None:
            return
        ordered = prepare.move(self.ids(), current, by)
        if ordered is not None and self.run(self.reorder_step(ordered)):
            self.select(current)

    def writable(self) -> bool:
        return self.doc is not None and self.session is not None and not self.doc.readonly

    def after_write(self, select: Callable[[], str | None]) -> None:
        self.select(select())
