"""The agenda of a session: a table (title, minutes, kind, speakers), the total planned time,
Add / Remove / Move up / Move down (Ctrl+Up/Down) / Paste an agenda…, and a form for the
selected item whose fields are saved when left."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QWidget,
)

from facilitator.app import prepare
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.vocab import AGENDA_KINDS, label
from facilitator.i18n import _, format_minutes
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.prepare.agenda_model import AgendaModel
from facilitator.ui.prepare.list_editor import ListEditor
from facilitator.ui.prepare.paste_dialog import PasteAgendaDialog


class AgendaEditor(ListEditor):
    def __init__(self, signals: DocumentSignals) -> None:
        super().__init__(signals)
        self.setObjectName("agendaEditor")
        self.model = AgendaModel()
        self.view = QTableView()
        self.view.setObjectName("agendaTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_item())
        self.install_moves(self.view)
        self.total = QLabel()
        self.total.setObjectName("agendaTotal")

        form_box = QWidget()
        form = QFormLayout(form_box)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("itemTitle")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("itemMinutes")
        self.minutes.setMaximumWidth(160)
        self.minutes.setRange(0, 9999)  # the rule (1 to 600) answers with a message, not silence
        self.kind = QComboBox()
        self.kind.setObjectName("itemKind")
        for code in AGENDA_KINDS:
            self.kind.addItem("", code)
        self.speakers = QLineEdit()
        self.speakers.setObjectName("itemSpeakers")
        self.captions = [QLabel() for _n in range(4)]
        for caption, widget in zip(
            self.captions, (self.title_edit, self.minutes, self.kind, self.speakers), strict=True
        ):
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        self.item_error = QLabel()
        self.item_error.setObjectName("itemError")
        self.item_error.setWordWrap(True)
        self.item_error.setStyleSheet("color: #b00020;")
        self.item_error.hide()
        form.addRow(self.item_error)
        self.title_edit.editingFinished.connect(lambda: self._save("title"))
        self.minutes.editingFinished.connect(lambda: self._save("planned_minutes"))
        self.kind.activated.connect(lambda _i: self._save("kind"))
        self.speakers.editingFinished.connect(lambda: self._save("speakers"))
        self.form_box = form_box

        self.layout_.addWidget(self.view)
        self.layout_.addWidget(self.total)
        self.layout_.addLayout(self.buttons)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(form_box)
        self.retranslate_ui()

    # --- showing ------------------------------------------------------------------------------

    def set_session(self, doc: Document | None, content: m.SessionContent | None) -> None:
        keep = self.selected_id()
        same = (
            content is not None
            and self.session is not None
            and (content.session.id == self.session.id)
        )
        self.doc = doc
        self.session = content.session if content else None
        self.model.set_items(content.agenda if content else [])
        self.setEnabled(self.writable())
        self.total.setText(
            _("Total planned time: {minutes}").format(
                minutes=format_minutes(sum(i.planned_minutes for i in self.model.items))
            )
        )
        self.fit_height()
        self.select(keep if same else None)

    def fit_height(self) -> None:
        """The table shows all its rows; the Overview scrolls instead of it."""
        self.view.resizeRowsToContents()
        rows = sum(self.view.rowHeight(r) for r in range(self.model.rowCount()))
        self.view.setFixedHeight(rows + self.view.horizontalHeader().height() + 4)

    def ids(self) -> list[str]:
        return [item.id for item in self.model.items]

    def selected_id(self) -> str | None:
        row = self.view.currentIndex().row()
        return self.model.items[row].id if 0 <= row < len(self.model.items) else None

    def select(self, record_id: str | None) -> None:
        ids = self.ids()
        row = ids.index(record_id) if record_id in ids else (0 if ids else -1)
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 1),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_item()

    def _item(self) -> m.AgendaItem | None:
        row = self.view.currentIndex().row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    def _show_item(self) -> None:
        item = self._item()
        self.form_box.setEnabled(item is not None)
        focus = QApplication.focusWidget()
        for widget, value in (
            (self.title_edit, item.title if item else ""),
            (self.speakers, item.speakers if item else ""),
        ):
            if widget is not focus:
                widget.setText(value)
        if self.minutes is not focus:
            self.minutes.setValue(item.planned_minutes if item else 0)
        self.kind.setCurrentIndex(max(self.kind.findData(item.kind if item else "other"), 0))
        self.item_error.hide()

    # --- writing ------------------------------------------------------------------------------

    def _save(self, name: str) -> None:
        item = self._item()
        if item is None or self.doc is None:
            return
        value = {
            "title": self.title_edit.text(),
            "planned_minutes": self.minutes.value(),
            "kind": self.kind.currentData(),
            "speakers": self.speakers.text(),
        }[name]
        if value == getattr(item, name):
            self.item_error.hide()
            return
        self.run(
            prepare.edit_agenda_item(self.doc, item.id, **{name: value}), error=self.item_error
        )

    def add(self) -> None:
        if not self.writable():
            return
        step = prepare.add_agenda_item(self.doc, self.session.id, _("New agenda item"), 10)
        if self.run(step):
            self.select(step.added_id)
            self.title_edit.setFocus()
            self.title_edit.selectAll()

    def remove(self) -> None:
        current = self.selected_id()
        if self.writable() and current is not None:
            self.run(prepare.delete_agenda_item(self.doc, current))

    def paste(self) -> None:
        if not self.writable():
            return
        dialog = PasteAgendaDialog(self)
        if dialog.exec() and dialog.items():
            step = prepare.add_parsed_agenda(self.doc, self.session.id, dialog.items())
            if self.run(step):
                self.select(step.added_id)

    def reorder_step(self, ordered: list[str]) -> prepare.Step:
        return prepare.reorder_agenda(self.doc, self.session.id, ordered)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Agenda"))
        self.add_button.setText(_("&Add item"))
        self.remove_button.setText(_("&Remove item"))
        self.up_button.setText(_("Move &up"))
        self.down_button.setText(_("Move &down"))
        self.paste_button.setText(_("Paste an a&genda…"))
        texts = (_("Agenda item"), _("Planned minutes"), _("Kind of item"), _("Speakers"))
        for caption, text in zip(self.captions, texts, strict=True):
            caption.setText(text)
            caption.buddy().setAccessibleName(text)
        for i in range(self.kind.count()):
            self.kind.setItemText(i, label(AGENDA_KINDS, self.kind.itemData(i)))
        self.model.retranslate()
        if self.session is not None:
            self.total.setText(
                _("Total planned time: {minutes}").format(
                    minutes=format_minutes(sum(i.planned_minutes for i in self.model.items))
                )
            )
