"""The series' topics, the codebook note-takers classify points with: a list (with each
topic's colour), the selected topic's name, description and colour (saved when left), Add /
Delete / Move up / Move down (Ctrl+Up/Down). Deleting a topic that points use is refused by
the file, and its message is shown under the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from facilitator.app import prepare, series
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.i18n import _, format_number
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.keys import key_text
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.prepare.list_editor import ListEditor

TOPIC_FIELDS = ("name", "description", "colour")


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour) if colour else Qt.GlobalColor.transparent)
    return QIcon(pixmap)


class TopicsEditor(ListEditor):
    def __init__(self, signals: DocumentSignals) -> None:
        super().__init__(signals)
        self.setObjectName("topicsEditor")
        self.series_id: str | None = None
        self.topics: list[m.Topic] = []
        self.paste_button.hide()  # topics are few: no paste
        self.view = QListWidget()
        self.view.setObjectName("topicList")
        self.view.currentRowChanged.connect(lambda _r: self._show_topic())
        self.install_moves(self.view)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.captions: dict[str, QLabel] = {}
        for name in TOPIC_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"topic-{name}")
            edit.editingFinished.connect(lambda name=name: self._save(name))
            caption = QLabel()
            caption.setBuddy(edit)
            self.edits[name], self.captions[name] = edit, caption
            if name == "colour":
                edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # "#1f77b4"
                edit.setPlaceholderText("#1f77b4")
                self.choose_button = QPushButton()
                self.choose_button.clicked.connect(self._choose_colour)
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                row.addWidget(self.choose_button)
                form.addRow(caption, row)
            else:
                form.addRow(caption, edit)
        self.field_error = QLabel()
        self.field_error.setWordWrap(True)
        self.field_error.setStyleSheet("color: #b00020;")
        self.field_error.hide()
        self.layout_.addWidget(self.hint)
        self.layout_.addWidget(self.view)
        self.layout_.addLayout(self.buttons)
        self.layout_.addWidget(self.error)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.field_error)
        self.retranslate_ui()

    # --- showing ------------------------------------------------------------------------------

    def set_series(self, doc: Document | None, series_id: str | None) -> None:
        self.doc, self.series_id = doc, series_id
        self.reload()

    def document_changed(self, changes: ChangeSet) -> None:
        if changes.touches("topic"):
            self.reload()

    def reload(self) -> None:
        keep = self.selected_id()
        ready = self.doc is not None and self.series_id is not None
        self.topics = series.topics(self.doc, self.series_id) if ready else []
        self.setEnabled(self.writable())
        self.view.blockSignals(True)
        self.view.clear()
        for n, topic in enumerate(self.topics, start=1):
            item = QListWidgetItem(
                swatch(topic.colour), f"{format_number(n)}. {isolate(topic.name)}"
            )
            item.setToolTip(topic.description)
            self.view.addItem(item)
        self.view.blockSignals(False)
        self.select(keep)

    def _show_topic(self) -> None:
        topic = self._topic()
        for name, edit in self.edits.items():
            edit.setEnabled(topic is not None)
            if edit is not QApplication.focusWidget():
                edit.setText(getattr(topic, name) if topic else "")
        self.choose_button.setEnabled(topic is not None)
        self.field_error.hide()

    def _topic(self) -> m.Topic | None:
        row = self.view.currentRow()
        return self.topics[row] if 0 <= row < len(self.topics) else None

    # --- ListEditor ---------------------------------------------------------------------------

    def writable(self) -> bool:
        return self.doc is not None and self.series_id is not None and not self.doc.readonly

    def ids(self) -> list[str]:
        return [t.id for t in self.topics]

    def selected_id(self) -> str | None:
        topic = self._topic()
        return topic.id if topic else None

    def select(self, record_id: str | None) -> None:
        ids = self.ids()
        self.view.setCurrentRow(ids.index(record_id) if record_id in ids else (0 if ids else -1))
        self._show_topic()

    def add(self) -> None:
        if not self.writable():
            return
        step = series.add_topic(self.doc, self.series_id, _("New topic"))
        if self.run(step):
            self.select(step.added_id)
            self.edits["name"].setFocus()
            self.edits["name"].selectAll()

    def remove(self) -> None:
        current = self.selected_id()
        if self.writable() and current is not None:
            self.run(series.delete_topic(self.doc, current))

    def reorder_step(self, ordered: list[str]) -> prepare.Step:
        return series.reorder_topics(self.doc, self.series_id, ordered)

    # --- editing ------------------------------------------------------------------------------

    def _save(self, name: str) -> None:
        topic = self._topic()
        if self.doc is None or topic is None:
            return
        value = self.edits[name].text()
        if value == getattr(topic, name):
            self.field_error.hide()
            return
        step = series.edit_topic(self.doc, topic.id, **{name: value})
        self.run(step, error=self.field_error)

    def _choose_colour(self) -> None:
        topic = self._topic()
        if topic is None:
            return
        chosen = QColorDialog.getColor(QColor(topic.colour or "#1f77b4"), self, _("Colour"))
        if chosen.isValid():
            self.edits["colour"].setText(chosen.name())
            self._save("colour")

    def retranslate_ui(self) -> None:
        self.setTitle(_("Topics"))
        self.hint.setText(
            _("The first nine topics get the shortcuts {first} to {last} in Notes.").format(
                first=key_text("Alt+1"), last=key_text("Alt+9")
            )
        )
        # Mnemonics unique in the Series details dialog (Title, Description are above).
        self.add_button.setText(_("&Add topic"))
        self.remove_button.setText(_("De&lete topic"))
        self.up_button.setText(_("Move topic &up"))
        self.down_button.setText(_("Move topic do&wn"))
        self.captions["name"].setText(_("&Name"))
        self.captions["description"].setText(_("Short des&cription"))
        self.captions["colour"].setText(_("C&olour"))
        self.choose_button.setText(_("C&hoose…"))
        self.view.setAccessibleName(_("Topics"))
