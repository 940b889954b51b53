"""The agenda of a session: a table (title, minutes, kind, speakers), the total planned time
against the session's length, Add / Remove / Move up / Move down (Ctrl+Up/Down) / Paste an
agenda… / Insert a template's items…, and a form for the selected item (title, minutes, kind,
speakers completed from the roster, description, amber warning) whose fields are saved when
left."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from facilitator.app import bundled, prepare, series
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.domain.vocab import AGENDA_KINDS, label
from facilitator.i18n import _, format_minutes
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.prepare.agenda_model import AgendaModel
from facilitator.ui.prepare.list_editor import ListEditor
from facilitator.ui.prepare.paste_dialog import PasteAgendaDialog
from facilitator.ui.prepare.speakers_completer import SpeakersCompleter

NO_WARNING = -1  # the amber spin box's "as the session" value: the item has no threshold


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
        self.view.setDragDropMode(QTableView.DragDropMode.InternalMove)
        self.view.setDragEnabled(True)
        self.view.setDropIndicatorShown(True)
        self.model.on_move = self._dropped
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
        self.completer = SpeakersCompleter(self.speakers)
        self.description = QLineEdit()
        self.description.setObjectName("itemDescription")
        self.warning = QSpinBox()
        self.warning.setObjectName("itemWarning")
        self.warning.setMaximumWidth(260)
        self.warning.setRange(NO_WARNING, 600)
        widgets = (
            self.title_edit,
            self.minutes,
            self.kind,
            self.speakers,
            self.description,
            self.warning,
        )
        self.captions = [QLabel() for _n in widgets]
        for caption, widget in zip(self.captions, widgets, strict=True):
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
        self.speakers.editingFinished.connect(self._save_speakers)
        self.description.editingFinished.connect(lambda: self._save("description"))
        self.warning.editingFinished.connect(lambda: self._save("warning_seconds"))
        self.form_box = form_box
        self.template_button = QPushButton()
        self.template_button.setObjectName("insertTemplate")
        self.template_button.clicked.connect(self.insert_template)
        self.buttons.insertWidget(self.buttons.count() - 1, self.template_button)
        signals.changed.connect(self._people_changed)

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
        self._show_total()
        self._load_people()
        self.fit_height()
        self.select(keep if same else None)

    def _show_total(self) -> None:
        """ "Total planned time: 90 minutes of 90", in red when the agenda runs longer."""
        planned = sum(i.planned_minutes for i in self.model.items)
        length = self._session_minutes()
        if length is None:
            text = _("Total planned time: {minutes}").format(minutes=format_minutes(planned))
        else:
            text = _("Total planned time: {minutes} of {length}").format(
                minutes=format_minutes(planned), length=format_minutes(length)
            )
        self.total.setText(text)
        self.total.setStyleSheet("color: #b00020;" if length and planned > length else "")

    def _session_minutes(self) -> int | None:
        return self.session.duration_minutes if self.session else None

    def _load_people(self) -> None:
        if self.doc is not None and self.session is not None:
            self.completer.set_people(series.roster(self.doc, self.session.series_id))
        else:
            self.completer.set_people([])

    def _people_changed(self, changes: ChangeSet) -> None:
        if self.session is not None and changes.touches("participant"):
            self._load_people()

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
            (self.description, item.description if item else ""),
        ):
            if widget is not focus:
                widget.setText(value)
                widget.setCursorPosition(0)  # a long text shows its beginning
        if self.minutes is not focus:
            self.minutes.setValue(item.planned_minutes if item else 0)
        self._warning_default_text()
        if self.warning is not focus:
            seconds = item.warning_seconds if item else None
            self.warning.setValue(NO_WARNING if seconds is None else seconds // 60)
        self.kind.setCurrentIndex(max(self.kind.findData(item.kind if item else "other"), 0))
        self.item_error.hide()

    # --- writing ------------------------------------------------------------------------------

    def _save(self, name: str) -> None:
        item = self._item()
        if item is None or self.doc is None:
            return
        warning = self.warning.value()
        value = {
            "title": self.title_edit.text(),
            "planned_minutes": self.minutes.value(),
            "kind": self.kind.currentData(),
            "speakers": " ".join(self.speakers.text().split()).strip(" ;"),
            "description": self.description.text().strip(),
            "warning_seconds": None if warning == NO_WARNING else warning * 60,
        }[name]
        if value == getattr(item, name):
            self.item_error.hide()
            return
        self.run(
            prepare.edit_agenda_item(self.doc, item.id, **{name: value}), error=self.item_error
        )

    def _save_speakers(self) -> None:
        if not self.completer.popup().isVisible():  # Return in the popup picks, then saves
            self._save("speakers")

    def _warning_default_text(self) -> None:
        minutes = self.session.warning_seconds // 60 if self.session else 0
        self.warning.setSpecialValueText(
            _("As the session ({minutes})").format(minutes=format_minutes(minutes))
        )

    def insert_template(self) -> None:
        """Insert a template's items after the selected item (at the end when none is)."""
        if not self.writable():
            return
        names = [n for n in bundled.TEMPLATES if n != "demo"]
        labels = [_(bundled.TEMPLATES[n]) for n in names]
        choice, ok = QInputDialog.getItem(
            self, _("Insert a template's items"), _("Template:"), labels, 0, False
        )
        if not ok:
            return
        row = self.view.currentIndex().row()
        at = row + 1 if 0 <= row < len(self.model.items) else None
        step = prepare.insert_template_items(
            self.doc, self.session.id, names[labels.index(choice)], at
        )
        if self.run(step):
            self.select(step.added_id)

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

    def _dropped(self, item_id: str, index: int) -> None:
        ordered = [i for i in self.ids() if i != item_id]
        ordered.insert(index, item_id)
        if self.writable() and self.run(self.reorder_step(ordered)):
            self.select(item_id)

    def reorder_step(self, ordered: list[str]) -> prepare.Step:
        return prepare.reorder_agenda(self.doc, self.session.id, ordered)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Agenda"))
        self.add_button.setText(_("&Add item"))
        self.remove_button.setText(_("&Remove item"))
        self.up_button.setText(_("Move &up"))
        self.down_button.setText(_("Move &down"))
        self.paste_button.setText(_("Paste an a&genda…"))
        self.template_button.setText(_("Insert a te&mplate's items…"))
        texts = (
            _("Agenda item"),
            _("Planned minutes"),
            _("Kind of item"),
            _("Speakers"),
            _("Description"),
            _("Amber warning (minutes before the end)"),
        )
        for caption, text in zip(self.captions, texts, strict=True):
            caption.setText(text)
            caption.buddy().setAccessibleName(text)
        for i in range(self.kind.count()):
            self.kind.setItemText(i, label(AGENDA_KINDS, self.kind.itemData(i)))
        self.warning.setSuffix(" " + _("min"))
        self.speakers.setPlaceholderText(_("Type a registered name, or any name; separate with ;"))
        self._warning_default_text()
        self.model.retranslate()
        if self.session is not None:
            self._show_total()
