"""The session's details, editable in the Overview: every field is saved when it is left.

Each field reads its widgets into the changes it would write; leaving it (editingFinished, a
choice in a combo, a click) writes them through `signals.run` with an undo step, unless they
equal what was shown. A refused value keeps what was typed, shows the rule's one translated
line under the field and writes nothing. A redraw (any change of the file) leaves alone the
field that has the focus, so nobody loses what they are typing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import prepare
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.objectives import objective_short
from facilitator.domain.session_rules import MAX_LENGTH, field_label
from facilitator.domain.vocab import AUDIENCES, FIGURE_FIELDS, FIGURE_QUALIFIERS, FORMATS, label
from facilitator.errors import FacilitatorError
from facilitator.i18n import _, format_number, get_language
from facilitator.i18n.lists import language_in_text
from facilitator.ui.common.lists import and_join
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.prepare.date_field import DateField, tidy
from facilitator.ui.prepare.fields import (
    QWIDGETSIZE_MAX,
    Field,
    FocusOutSaver,
    PlainTextField,
    ZoneCombo,
)


class SessionDetailsEditor(QGroupBox):
    def __init__(self, signals: DocumentSignals) -> None:
        super().__init__()
        self.setObjectName("sessionDetails")
        self.signals = signals
        self.doc: Document | None = None
        self.session: m.Session | None = None
        self.fields: dict[str, Field] = {}
        self._labels: list[tuple[QLabel, Callable[[], str]]] = []
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in ("title", "short_label", "subtitle"):
            self._line(name)
        self._date()
        self._time()
        self._zone()
        self._length()
        self._combo("format", FORMATS)
        for name in ("venue", "platform", "region"):
            self._line(name)
        self._languages()
        self._audience()
        self._chatham()
        self._text("organisers")
        self._text("background")
        self._text("objectives_text")
        self._objectives()
        for name in FIGURE_FIELDS:
            self._figure(name)
        self._line("registration_url")
        self._line("recording_url")
        self._warning()
        self._speaking()
        self.retranslate_ui()

    # --- building -----------------------------------------------------------------------------

    def _add(self, name: str, text: Callable[[], str], field: Field) -> Field:
        """One row: its label (buddy of the first widget), the widgets, the error line."""
        row = QWidget()
        box = QVBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        for widget in field.widgets:
            if widget is field.widgets[0]:
                widget.setObjectName(f"field-{name}")
            line.addWidget(widget, 1 if not isinstance(widget, QComboBox) else 0)
        if all(w.maximumWidth() < QWIDGETSIZE_MAX for w in field.widgets):
            line.addStretch(1)  # a narrow field sits at the start of its row (right in Arabic)
        box.addLayout(line)
        box.addWidget(field.error)
        caption = QLabel()
        caption.setBuddy(field.widgets[0])
        self._labels.append((caption, text))
        field.caption_text = text
        self.form.addRow(caption, row)
        self.fields[name] = field
        return field

    def _line(self, name: str) -> None:
        edit = QLineEdit()
        if name.endswith("_url"):
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # addresses read left to right
        field = Field([edit], lambda: {name: edit.text()}, lambda s: edit.setText(getattr(s, name)))
        edit.editingFinished.connect(lambda: self._save(field))
        self._add(name, lambda: field_label(name), field)

    def _text(self, name: str) -> None:
        edit = PlainTextField()
        field = Field(
            [edit],
            lambda: {name: edit.toPlainText()},
            lambda s: edit.setPlainText(getattr(s, name)),
        )
        edit.editingFinished.connect(lambda: self._save(field))
        self._add(name, lambda: field_label(name), field)

    def _date(self) -> None:
        edit = DateField()
        edit.setMaximumWidth(220)
        field = Field(
            [edit],
            lambda: {"date": tidy(edit.text())},
            lambda s: edit.setText(s.date),
        )
        edit.committed.connect(lambda: self._save(field))
        self._add("date", lambda: field_label("date"), field)

    def _time(self) -> None:
        edit = QTimeEdit()
        # Left to right before the format is set: Qt reverses the sections of a right-to-left
        # field (14:00 read "00:14", 2023-03-23 "23-03-2023").
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        edit.setDisplayFormat("HH:mm")
        edit.setMaximumWidth(220)
        field = Field(
            [edit],
            lambda: {"start_time": edit.time().toString("HH:mm")},
            lambda s: edit.setTime(QTime.fromString(s.start_time or "00:00", "HH:mm")),
        )
        edit.editingFinished.connect(lambda: self._save(field))
        self._add("start_time", lambda: field_label("start_time"), field)

    def _zone(self) -> None:
        combo = ZoneCombo()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # "Europe/Zurich" is Latin
        # The combo's own inline completion: "Europe/Zu" completes to "Europe/Zurich (CET)".

        def read() -> dict[str, Any]:
            text = combo.currentText().strip()
            return {"timezone": re.sub(r"\s*\(.*\)$", "", text)}

        def show(s: m.Session) -> None:
            combo.set_zone(s.timezone)

        field = Field([combo], read, show)
        combo.activated.connect(lambda _i: self._save(field))
        combo.lineEdit().returnPressed.connect(lambda: self._save(field))
        self._zone_saver = FocusOutSaver(combo, lambda: self._save(field))
        self._add("timezone", lambda: field_label("timezone"), field)

    def _combo(self, name: str, codes: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        for code in codes:
            combo.addItem("", code)
        field = Field(
            [combo],
            lambda: {name: combo.currentData()},
            lambda s: combo.setCurrentIndex(max(combo.findData(getattr(s, name)), 0)),
        )
        combo.activated.connect(lambda _i: self._save(field))
        self._add(name, lambda: field_label(name), field)
        return combo

    def _languages(self) -> None:
        edit = QLineEdit()
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.languages_edit = edit
        names = QLabel()
        names.setObjectName("interpretationNames")

        def show(s: m.Session) -> None:
            edit.setText(", ".join(s.interpretation))
            names.setText(and_join(language_in_text(c) for c in s.interpretation))

        field = Field(
            [edit, names], lambda: {"interpretation": re.findall(r"[^\s,;]+", edit.text())}, show
        )
        edit.editingFinished.connect(lambda: self._save(field))
        self._add("interpretation", lambda: field_label("interpretation"), field)

    def _audience(self) -> None:
        combo = QComboBox()
        for code in AUDIENCES:
            combo.addItem("", code)
        words = QLineEdit()
        words.setObjectName("field-audience_custom")

        def read() -> dict[str, Any]:
            return {"audience": combo.currentData(), "audience_custom": words.text()}

        def show(s: m.Session) -> None:
            combo.setCurrentIndex(max(combo.findData(s.audience), 0))
            words.setText(s.audience_custom)
            words.setEnabled(s.audience == "custom")

        def chosen() -> None:
            words.setEnabled(combo.currentData() == "custom")
            if combo.currentData() == "custom" and not words.text().strip():
                words.setFocus()  # the words first: a custom audience without them is refused
                return
            self._save(field)

        field = Field([combo, words], read, show)
        combo.activated.connect(lambda _i: chosen())
        words.editingFinished.connect(lambda: self._save(field))
        self._add("audience", lambda: field_label("audience"), field)

    def _chatham(self) -> None:
        box = QCheckBox()
        field = Field(
            [box],
            lambda: {"chatham_house": box.isChecked()},
            lambda s: box.setChecked(s.chatham_house),
        )
        box.clicked.connect(lambda _c: self._save(field))
        self.chatham_box = box
        self._add("chatham_house", lambda: field_label("chatham_house"), field)

    def _objectives(self) -> None:
        objectives = QListWidget()
        objectives.setFixedHeight(150)
        for n in range(1, 24):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, n)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            objectives.addItem(item)
        self.objectives_list = objectives

        def read() -> dict[str, Any]:
            items = [objectives.item(r) for r in range(objectives.count())]
            return {
                "gcm_objectives": [
                    i.data(Qt.ItemDataRole.UserRole)
                    for i in items
                    if i.checkState() == Qt.CheckState.Checked
                ]
            }

        def show(s: m.Session) -> None:
            objectives.blockSignals(True)
            for r in range(objectives.count()):
                item = objectives.item(r)
                ticked = item.data(Qt.ItemDataRole.UserRole) in s.gcm_objectives
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            objectives.blockSignals(False)

        field = Field([objectives], read, show)
        objectives.itemChanged.connect(lambda _item: self._save(field))
        self._add("gcm_objectives", lambda: field_label("gcm_objectives"), field)

    def _figure(self, name: str) -> None:
        qualifier = QComboBox()
        for code in FIGURE_QUALIFIERS:
            qualifier.addItem("", code)
        number = QLineEdit()
        number.setObjectName(f"field-{name}-number")

        def read() -> dict[str, Any]:
            text = number.text().strip()
            value: Any = int(text) if text.isdigit() else text
            return {name: value, f"{name}_qualifier": qualifier.currentData()}

        def show(s: m.Session) -> None:
            value = getattr(s, name)
            number.setText("" if value is None else str(value))
            qualifier.setCurrentIndex(max(qualifier.findData(getattr(s, f"{name}_qualifier")), 0))

        field = Field([qualifier, number], read, show)
        qualifier.activated.connect(lambda _i: self._save(field))
        number.editingFinished.connect(lambda: self._save(field))
        self._add(name, lambda: field_label(name), field)

    def _length(self) -> None:
        spin = QSpinBox(maximumWidth=260)
        spin.setRange(0, MAX_LENGTH)  # 0 shows "Not set"
        spin.setSingleStep(15)
        field = Field(
            [spin],
            lambda: {"duration_minutes": spin.value() or None},
            lambda s: spin.setValue(s.duration_minutes or 0),
        )
        spin.editingFinished.connect(lambda: self._save(field))
        self._add("duration_minutes", lambda: _("Length (minutes)"), field)

    def _warning(self) -> None:
        spin = QSpinBox()
        spin.setRange(0, 60)
        spin.setMaximumWidth(220)
        field = Field(
            [spin],
            lambda: {"warning_seconds": spin.value() * 60},
            lambda s: spin.setValue(s.warning_seconds // 60),
        )
        spin.editingFinished.connect(lambda: self._save(field))
        self._add("warning_seconds", lambda: _("Amber warning (minutes before the end)"), field)

    def _speaking(self) -> None:
        edit = QTimeEdit()
        # Left to right before the format is set: Qt reverses the sections of a right-to-left
        # field (14:00 read "00:14", 2023-03-23 "23-03-2023").
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        edit.setDisplayFormat("mm:ss")
        edit.setMaximumWidth(220)
        field = Field(
            [edit],
            lambda: {"speaking_seconds": edit.time().minute() * 60 + edit.time().second()},
            lambda s: edit.setTime(QTime(0, 0).addSecs(min(s.speaking_seconds, 3599))),
        )
        edit.editingFinished.connect(lambda: self._save(field))
        self._add("speaking_seconds", lambda: field_label("speaking_seconds"), field)

    # --- showing and saving -------------------------------------------------------------------

    def set_session(self, doc: Document | None, content: m.SessionContent | None) -> None:
        same = (
            self.session is not None
            and content is not None
            and content.session.id == self.session.id
        )
        self.doc = doc
        self.session = content.session if content else None
        self.setEnabled(content is not None and doc is not None and not doc.readonly)
        if self.session is None:
            return
        for field in self.fields.values():
            if same and field.editing():
                continue  # the person is typing here: their text stays, it is saved on leaving
            field.show(self.session)
            field.baseline = field.read()
            field.error.hide()

    def _save(self, field: Field) -> None:
        if self.doc is None or self.session is None:
            return
        changes = field.read()
        if changes == field.baseline:
            field.error.hide()
            return
        step = prepare.edit_session(self.doc, self.session.id, **changes)
        try:
            self.signals.run(step.apply, undo=step)
        except FacilitatorError as error:
            field.error.setText(str(error))
            field.error.show()
            return
        field.error.hide()
        field.baseline = changes

    def retranslate_ui(self) -> None:
        self.setTitle(_("Session"))
        for caption, text in self._labels:
            caption.setText(text())
        for field in self.fields.values():
            for widget in field.widgets:
                if isinstance(widget, QComboBox) and not widget.isEditable():
                    vocabulary = next(
                        v
                        for v in (FORMATS, AUDIENCES, FIGURE_QUALIFIERS)
                        if widget.itemData(0) in v
                    )
                    for i in range(widget.count()):
                        widget.setItemText(i, label(vocabulary, widget.itemData(i)))
        for field in self.fields.values():
            for widget in field.widgets:
                widget.setAccessibleName(field.caption_text())
                if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
                    # The typing field of an editable drop-down is read on its own.
                    widget.lineEdit().setAccessibleName(field.caption_text())
        self.languages_edit.setPlaceholderText(_("ISO codes, such as en, fr, es"))
        kind = self.fields["short_label"].widgets[0]
        kind.setPlaceholderText(_("such as “GCM Talk” or “regional consultation”"))
        kind.setToolTip(
            _(
                "What the report's sentences call this session: “The 90-minute GCM Talk was held "
                "online.” A kind of meeting, not its name or region; left empty, the report "
                "says “session”."
            )
        )
        self.chatham_box.setText(_("Reports and exports then name no speaker and no delegation."))
        self.fields["duration_minutes"].widgets[0].setSpecialValueText(_("Not set"))
        lang = get_language()
        self.objectives_list.blockSignals(True)  # a new text is not a new choice
        for r in range(self.objectives_list.count()):
            item = self.objectives_list.item(r)
            n = item.data(Qt.ItemDataRole.UserRole)
            item.setText(f"{format_number(n)}. {objective_short(n, lang)}")
        self.objectives_list.blockSignals(False)
        if self.session is not None and "interpretation" in self.fields:
            self.fields["interpretation"].widgets[1].setText(
                and_join(language_in_text(c, lang) for c in self.session.interpretation)
            )
