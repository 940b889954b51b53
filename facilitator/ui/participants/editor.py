"""A form to add or edit one participant, and their role and attendance in the session."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from facilitator.domain import model as m
from facilitator.domain.text import clean_name
from facilitator.domain.vocab import GENDERS, ROLES, STAKEHOLDER_GROUPS
from facilitator.i18n import _
from facilitator.ui.common.retranslate import Retranslating


@dataclass
class Registration:
    registered: bool
    attended: bool
    role: str


class ParticipantEditor(Retranslating, QDialog):
    def __init__(
        self,
        person: m.Participant,
        registration: Registration | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("participantEditor")
        self.person = person
        self.fields = {
            name: QLineEdit(getattr(person, name), objectName=f"edit_{name}")
            for name in ("name", "title", "organisation", "country", "email")
        }
        self.group = QComboBox(objectName="edit_group")
        self.gender = QComboBox(objectName="edit_gender")
        self.role = QComboBox(objectName="edit_role")
        self.may_be_named = QCheckBox(objectName="edit_may_be_named")
        self.may_be_named.setChecked(person.may_be_named)
        self.registered = QCheckBox(objectName="edit_registered")
        self.attended = QCheckBox(objectName="edit_attended")
        self.has_session = registration is not None
        if registration is not None:
            self.registered.setChecked(registration.registered)
            self.attended.setChecked(registration.attended)
        self.registered.setVisible(self.has_session)
        self.attended.setVisible(self.has_session)
        self.role.setVisible(self.has_session)
        self._role = registration.role if registration else "participant"
        self.error = QLabel(objectName="editorError")
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout(self)
        self.labels = [QLabel() for _i in range(8)]
        rows = [
            self.fields["name"],
            self.fields["title"],
            self.fields["organisation"],
            self.group,
            self.fields["country"],
            self.gender,
            self.fields["email"],
            self.role,
        ]
        for caption, widget in zip(self.labels, rows, strict=True):
            caption.setBuddy(widget)
            self.form.addRow(caption, widget)
        self.form.addRow(self.may_be_named)
        self.form.addRow(self.registered)
        self.form.addRow(self.attended)
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)
        self.labels[-1].setVisible(self.has_session)
        self.retranslate_ui()
        # "" first: a speaker typed in with "Not recorded" keeps no group until one is chosen.
        self._fill(self.group, {"": "", **STAKEHOLDER_GROUPS}, person.stakeholder_group)
        self._fill(self.gender, {"": "", **GENDERS}, person.gender)
        self._fill(self.role, ROLES, self._role)

    def _fill(self, combo: QComboBox, vocabulary: dict[str, str], value: str) -> None:
        current = combo.currentData() if combo.count() else value
        combo.clear()
        for code, text in vocabulary.items():
            combo.addItem(_(text) if text else _("Not stated"), code)
        combo.setCurrentIndex(max(combo.findData(current), 0))

    def _accept(self) -> None:
        if not clean_name(self.fields["name"].text()):
            self.error.setText(_("A participant needs a name."))
            return
        self.accept()

    def values(self) -> dict:
        """The participant's fields as edited (names cleaned by the store)."""
        values = {name: edit.text() for name, edit in self.fields.items()}
        values["stakeholder_group"] = self.group.currentData()
        values["gender"] = self.gender.currentData()
        values["may_be_named"] = self.may_be_named.isChecked()
        return values

    def registration(self) -> Registration | None:
        if not self.has_session:
            return None
        attended = self.attended.isChecked()
        return Registration(
            self.registered.isChecked() or attended, attended, self.role.currentData()
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Participant"))
        captions = [
            _("&Name"),
            _("&Title or position"),
            _("&Organization"),
            _("Stakeholder &group"),
            _("&Country"),
            _("G&ender"),
            _("E-&mail"),
            _("&Role in this session"),
        ]
        for caption, text in zip(self.labels, captions, strict=True):
            caption.setText(text)
        self.may_be_named.setText(_("May be named in reports (Chatham House Rule)"))
        self.registered.setText(_("Registered for this session"))
        self.attended.setText(_("Attended this session"))
        if self.group.count():
            self._fill(self.group, {"": "", **STAKEHOLDER_GROUPS}, self.group.currentData())
            self._fill(self.gender, {"": "", **GENDERS}, self.gender.currentData())
            self._fill(self.role, ROLES, self.role.currentData())
