"""Two small bars of the notes page: the offer of unsaved drafts, and undo/redo/delete."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from facilitator.app.document import History
from facilitator.app.notes import Draft
from facilitator.i18n import _, format_number, ngettext
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.keys import key_text
from facilitator.ui.notes.interventions_model import clock_text

EXCERPT = 80
# Dark text on the pale yellow in both palettes: in a dark theme the default text is white,
# which on #fff4d6 had a contrast of 1.1:1.
BANNER_STYLE = (
    "#{name} {{ background: #fff4d6; border: 1px solid #e0b000; }}"
    " #{name} QLabel {{ color: #1f1a00; }}"
)


def native(sequence: str) -> str:
    return key_text(sequence)


class DraftBanner(QFrame):
    """ "An entry was not saved..." with Restore and Discard, one draft at a time."""

    restore = Signal(object)
    discard = Signal(object)
    pending = Signal(int)  # how many drafts wait for an answer (for the window's RecoveryBar)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("draftBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(BANNER_STYLE.format(name="draftBanner"))
        self.drafts: list[Draft] = []
        self.timezone = "UTC"
        self.text = QLabel(objectName="draftText")
        self.text.setWordWrap(True)
        self.restore_button = QPushButton(objectName="restoreDraft")
        self.discard_button = QPushButton(objectName="discardDraft")
        self.restore_button.clicked.connect(lambda: self._answer(self.restore))
        self.discard_button.clicked.connect(lambda: self._answer(self.discard))
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
        self.hide()

    def offer(self, drafts: list[Draft], timezone: str = "UTC") -> None:
        self.drafts, self.timezone = list(drafts), timezone
        self.retranslate_ui()

    def _answer(self, signal) -> None:
        if not self.drafts:
            return
        draft = self.drafts.pop(0)
        if signal is self.restore:
            self.drafts.clear()  # one form, one draft: the others stay in the file for later
        signal.emit(draft)
        self.retranslate_ui()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setVisible(bool(self.drafts))
        self.pending.emit(len(self.drafts))
        self.restore_button.setText(_("Restore"))
        self.discard_button.setText(_("Discard"))
        if not self.drafts:
            return
        draft = self.drafts[0]
        words = " ".join(
            (draft.entry.notes or " ".join(p.text for p in draft.entry.points)).split()
        )
        excerpt = words if len(words) <= EXCERPT else words[:EXCERPT] + "…"
        self.text.setText(
            _("An entry was not saved (last typed at {time}): “{excerpt}”. Restore it?").format(
                time=clock_text(draft.updated_at, self.timezone), excerpt=isolate(excerpt)
            )
        )


class RecoveryBar(QFrame):
    """The same offer, seen from every tab: the app reopens on the Overview, where the Notes
    tab's banner cannot be seen. "Show" goes to the Notes tab, whose banner answers."""

    show_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("recoveryBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(BANNER_STYLE.format(name="recoveryBar"))
        self.waiting = 0
        self.text = QLabel(objectName="recoveryText")
        self.text.setWordWrap(True)
        self.show_button = QPushButton(objectName="recoveryShow")
        self.show_button.clicked.connect(self.show_requested)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.show_button)
        self.hide()

    def set_waiting(self, count: int, notes_shown: bool) -> None:
        self.waiting = count
        self.setVisible(count > 0 and not notes_shown)
        self.retranslate_ui()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.text.setText(
            ngettext(
                "{count} entry typed before Facilitator closed was not saved; it waits on the Notes tab.",
                "{count} entries typed before Facilitator closed were not saved; they wait on the Notes tab.",
                self.waiting,
            ).format(count=format_number(self.waiting))
        )
        self.show_button.setText(_("Show on the Notes tab"))
        self.show_button.setAccessibleName(self.show_button.text())


class UndoBar(QWidget):
    undo = Signal()
    redo = Signal()
    delete = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.history: History | None = None
        self.delete_button = QPushButton(objectName="deleteIntervention")
        self.undo_button = QPushButton(objectName="undoButton")
        self.redo_button = QPushButton(objectName="redoButton")
        self.delete_button.clicked.connect(self.delete)
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.hint = QLabel(objectName="tableHint")
        self.hint.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint, 1)
        layout.addWidget(self.delete_button)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.redo_button)
        self.retranslate_ui()

    def update_state(self, history: History | None) -> None:
        self.history = history
        self.retranslate_ui()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        history = self.history
        self.hint.setText(
            _("{key} or double-click: edit the selected intervention.").format(
                key=isolate(native("Return"))  # Arabic starts with the key: still right to left
            )
        )
        self.delete_button.setText(_("Delete ({key})").format(key=native("Del")))
        can_undo = bool(history and history.can_undo())
        can_redo = bool(history and history.can_redo())
        self.undo_button.setEnabled(can_undo)
        self.redo_button.setEnabled(can_redo)
        self.undo_button.setText(_("Undo ({key})").format(key=native("Ctrl+Z")))
        self.redo_button.setText(_("Redo ({key})").format(key=native("Ctrl+Shift+Z")))
        self.undo_button.setToolTip(
            _("Undo: {action}").format(action=history.undo_label()) if can_undo else ""
        )
        self.redo_button.setToolTip(
            _("Redo: {action}").format(action=history.redo_label()) if can_redo else ""
        )
