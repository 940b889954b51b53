"""The Roles group of the Overview: the session's moderator, rapporteur and note-takers.

Each is picked from the series' roster in an editable combo (typing completes a name of the
roster) or typed: a name nobody in the roster has adds that person, in the same undo step.
Return, a choice in the list or leaving the combo saves. The group reads what it shows from
the file on every change set that touches people or roles.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from facilitator.app import series
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.domain.text import fold
from facilitator.domain.vocab import ROLES, label
from facilitator.errors import FacilitatorError
from facilitator.i18n import _
from facilitator.ui.common.keys import key_text
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.prepare.fields import FocusOutSaver


class RolesEditor(QGroupBox):
    def __init__(self, signals: DocumentSignals) -> None:
        super().__init__()
        self.setObjectName("rolesEditor")
        self.signals = signals
        self.doc: Document | None = None
        self.session: m.Session | None = None
        self.held = series.SessionRoles()
        self.combos: dict[str, QComboBox] = {}
        self.captions: dict[str, QLabel] = {}
        form = QFormLayout()
        for role in (*series.SINGLE_ROLES, series.NOTE_TAKER):
            combo = QComboBox()
            combo.setObjectName(f"role-{role}")
            combo.setEditable(True)  # its own completer: typing "mar" completes "Maria Lopez"
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.activated.connect(lambda _i, role=role: self._commit(role))
            combo.lineEdit().returnPressed.connect(lambda role=role: self._commit(role))
            FocusOutSaver(combo, lambda role=role: self._commit(role))
            caption = QLabel()
            caption.setBuddy(combo)
            self.combos[role], self.captions[role] = combo, caption
            if role == series.NOTE_TAKER:
                self.note_takers = QListWidget()
                self.note_takers.setObjectName("noteTakers")
                self.note_takers.setFixedHeight(70)
                self.remove_button = QPushButton()
                self.remove_button.clicked.connect(self._remove_note_taker)
                line = QHBoxLayout()
                line.addWidget(combo, 1)
                line.addWidget(self.remove_button)
                box = QVBoxLayout()
                box.addWidget(self.note_takers)
                box.addLayout(line)
                form.addRow(caption, box)
            else:
                form.addRow(caption, combo)
        self.error = QLabel()
        self.error.setObjectName("rolesError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        signals.changed.connect(self.document_changed)
        self.retranslate_ui()

    # --- showing ------------------------------------------------------------------------------

    def set_session(self, doc: Document | None, content: m.SessionContent | None) -> None:
        self.doc = doc
        self.session = content.session if content else None
        self.setEnabled(doc is not None and self.session is not None and not doc.readonly)
        self.error.hide()
        self.reload()

    def document_changed(self, changes: ChangeSet) -> None:
        if self.session is not None and changes.touches(*series.ROLE_KINDS):
            self.reload()

    def reload(self) -> None:
        if self.doc is None or self.session is None:
            self.held = series.SessionRoles()
            names: list[str] = []
        else:
            sid = self.session.series_id
            self.held = series.roles(self.doc, sid, self.session.id)
            names = [p.name for p in series.roster(self.doc, sid)]
        focus = QApplication.focusWidget()
        for role, combo in self.combos.items():
            typing = focus is not None and (combo is focus or combo.isAncestorOf(focus))
            text = combo.currentText() if typing else self._shown(role)
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            combo.setCurrentIndex(-1)
            combo.setEditText(text)  # what is typed stays; it is saved on leaving
            combo.blockSignals(False)
        self.note_takers.clear()
        for person in self.held.note_takers:
            item = QListWidgetItem(person.name)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.note_takers.addItem(item)
        self.remove_button.setEnabled(bool(self.held.note_takers))

    def _shown(self, role: str) -> str:
        if role == series.NOTE_TAKER:
            return ""
        person = getattr(self.held, role)
        return person.name if person else ""

    # --- saving -------------------------------------------------------------------------------

    def _commit(self, role: str) -> None:
        if self.doc is None or self.session is None or self.doc.readonly:
            return
        text = " ".join(self.combos[role].currentText().split())
        sid, session_id = self.session.series_id, self.session.id
        if role == series.NOTE_TAKER:
            if not text or fold(text) in {fold(p.name) for p in self.held.note_takers}:
                return
            step = series.add_note_taker(self.doc, sid, session_id, text)
        else:
            if fold(text) == fold(self._shown(role)):
                return
            step = series.set_role(self.doc, sid, session_id, role, text)
        try:
            self.signals.run(step.operation, undo=step)
        except FacilitatorError as refusal:
            self.error.setText(str(refusal))
            self.error.show()
            return
        self.error.hide()
        self.combos[role].setEditText(self._shown(role))  # the name as the roster spells it

    def _remove_note_taker(self) -> None:
        item = self.note_takers.currentItem() or self.note_takers.item(0)
        if item is None or self.doc is None or self.session is None:
            return
        person_id = item.data(Qt.ItemDataRole.UserRole)
        step = series.remove_role(self.doc, self.session.series_id, self.session.id, person_id)
        try:
            self.signals.run(step.operation, undo=step)
        except FacilitatorError as refusal:
            self.error.setText(str(refusal))
            self.error.show()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Roles"))
        self.captions["moderator"].setText(label(ROLES, "moderator"))
        self.captions["rapporteur"].setText(label(ROLES, "rapporteur"))
        self.captions[series.NOTE_TAKER].setText(_("Note-takers"))
        self.remove_button.setText(_("Remove note-taker"))
        for role, combo in self.combos.items():
            combo.setAccessibleName(self.captions[role].text())
            combo.lineEdit().setAccessibleName(self.captions[role].text())  # read on its own
        self.combos[series.NOTE_TAKER].lineEdit().setPlaceholderText(
            _("Type a name and press {key}").format(key=key_text("Return"))
        )
        self.note_takers.setAccessibleName(_("Note-takers"))
