"""The speakers queue on the moderator's screen: who has the floor and for how long, who is
next, and a quick way to add a participant, a stakeholder group or a new name to the list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.app.timer import LiveTimer
from facilitator.domain import speaking_budget as b
from facilitator.domain.speakers import QueueEntry, speaker_label
from facilitator.domain.vocab import SPEECH_TYPES, STAKEHOLDER_GROUPS, label
from facilitator.i18n import _, format_number, pgettext
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.keys import key_text
from facilitator.ui.common.lists import comma_join
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.timer.actions import TimerActions
from facilitator.ui.timer.display import Display, duration_text, paint_level
from facilitator.ui.timer.focus import tab_button
from facilitator.ui.timer.speaker_budgets import (
    BudgetDialog,
    BudgetRows,
    OrderChoice,
    entry_keys,
    over_keys,
)
from facilitator.ui.timer.text import LiveText


def narrow(combo: QComboBox) -> None:
    """A choice as wide as its column allows, not as its longest label (Russian, French)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)


def action_button(action) -> QToolButton:
    """Reached with Tab; a click leaves the focus (and Space, the timer's key) where it was."""
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    tab_button(button)
    return button


class SpeakersQueue(Retranslating, QGroupBox):
    """`run` is the page's: it runs an operation of the LiveTimer through the window's signals,
    shows what failed and refreshes the page (this list too); True when it was saved."""

    def __init__(
        self,
        actions: TimerActions,
        run: Callable[[Callable[[LiveTimer], Any]], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("speakersQueueBox")
        self.session: LiveTimer | None = None
        self.run = run
        self._over: set[b.Key] = set()  # over budget when the list was last filled
        self.panel = QFrame()
        self.panel.setObjectName("speakerPanel")
        self.current = QLabel()
        self.current.setObjectName("currentSpeaker")
        self.current.setWordWrap(True)
        self.clock = LiveText("speakerClock", 22, bold=True)
        self.words = LiveText("speakerWords")
        panel = QHBoxLayout(self.panel)
        panel.setContentsMargins(8, 4, 8, 4)
        names = QVBoxLayout()
        names.addWidget(self.current)
        names.addWidget(self.words)
        panel.addLayout(names, 1)
        panel.addWidget(self.clock)
        floor_row = QGridLayout()  # two rows, so long labels (French, Russian) still fit
        self.floor_buttons = [
            action_button(a) for a in (actions.floor, actions.end_floor, actions.extend_speaker)
        ]
        floor_row.addWidget(self.floor_buttons[0], 0, 0)
        floor_row.addWidget(self.floor_buttons[1], 0, 1)
        floor_row.addWidget(self.floor_buttons[2], 1, 0, 1, 2)
        floor_row.setColumnStretch(2, 1)

        self.picker = QComboBox()
        self._picker_data: list[tuple[str, str]] = []  # (kind, id) of each entry, by row
        self.picker.setObjectName("speakerPicker")
        self.picker.setEditable(True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        narrow(self.picker)
        completer = self.picker.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.picker.lineEdit().returnPressed.connect(self.add_speaker)
        self._suggested: str | None = None  # the suggestion Enter took in the popup
        completer.popup().installEventFilter(self)
        self.country = QLineEdit()
        self.country.setObjectName("speakerCountry")
        self.country.returnPressed.connect(self.add_speaker)
        self.limit = self._minutes_box("speakerLimit")
        self.speech = QComboBox()
        self.speech.setObjectName("speechType")
        for code in SPEECH_TYPES:
            self.speech.addItem("", code)
        narrow(self.speech)
        self.add_button = tab_button(QPushButton())
        self.add_button.setObjectName("addSpeaker")
        self.add_button.clicked.connect(self.add_speaker)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A long label (Russian) puts its field below it rather than widening the column.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.picker_label, self.country_label, self.speech_label = QLabel(), QLabel(), QLabel()
        # Each field named by its label (else all are "Speakers", the box's title); the time
        # limit shares the speech's row and is named in retranslate_ui.
        for label_, field in (
            (self.picker_label, self.picker),
            (self.country_label, self.country),
            (self.speech_label, self.speech),
        ):
            label_.setBuddy(field)
        self.form.addRow(self.picker_label, self.picker)
        self.form.addRow(self.country_label, self.country)
        # The kind of speech and its time limit share a row, and the button has one of its
        # own: the column is narrow at 1100 px, and the form must show without scrolling.
        speech_row = QHBoxLayout()
        speech_row.addWidget(self.speech, 1)
        speech_row.addWidget(self.limit)
        self.form.addRow(self.speech_label, speech_row)
        self.form.addRow(self.add_button)

        self.list = QListWidget()
        self.list.setObjectName("speakersQueue")
        self.list.setWordWrap(True)
        self.up, self.down, self.remove = (tab_button(QPushButton()) for _n in range(3))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.remove.clicked.connect(self._remove)
        list_row = QHBoxLayout()
        for button in (self.up, self.down, self.remove):
            list_row.addWidget(button)
        list_row.addStretch(1)
        self.default_limit = self._minutes_box("defaultSpeakingTime")
        self.default_limit.editingFinished.connect(self._set_default_limit)
        self.default_form = QFormLayout()
        self.default_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.default_label = QLabel()
        self.default_label.setBuddy(self.default_limit)
        self.default_form.addRow(self.default_label, self.default_limit)

        self.budget_rows = BudgetRows()
        self.order = OrderChoice()
        narrow(self.order)
        self.order.activated.connect(self._set_order)
        self.order_label = QLabel()
        self.order_label.setBuddy(self.order)
        self.default_form.addRow(self.order_label, self.order)
        self.budgets_button = tab_button(QPushButton())
        self.budgets_button.setObjectName("speakingBudgetsButton")
        self.budgets_button.clicked.connect(self.edit_budgets)
        # Also in View > Timer, for the keyboard: on the page, Space is the timer's key.
        self.budgets_action = QAction(self)
        self.budgets_action.setObjectName("speakingBudgetsAction")
        self.budgets_action.triggered.connect(self.edit_budgets)
        self.default_form.addRow("", self.budgets_button)

        # The form to add a speaker comes right after the floor's buttons: at 1100x720 it is
        # on screen without scrolling; the queue, the budgets and the settings follow.
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addLayout(floor_row)
        layout.addLayout(self.form)
        layout.addWidget(self.list, 1)
        layout.addLayout(list_row)
        layout.addWidget(self.budget_rows)
        layout.addLayout(self.default_form)
        self.retranslate_ui()

    def _minutes_box(self, name: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setObjectName(name)
        box.setRange(0.5, 60)
        box.setSingleStep(0.5)
        box.setDecimals(1)
        box.setValue(3)
        return box

    def focus_chain(self) -> list[QWidget]:
        """The controls in the order Tab visits them: as they are on screen."""
        return [
            *self.floor_buttons,
            self.list,
            self.up,
            self.down,
            self.remove,
            self.picker,
            self.country,
            self.speech,
            self.limit,
            self.add_button,
            self.default_limit,
            self.order,
            self.budgets_button,
        ]

    # --- session -----------------------------------------------------------------------------

    def set_session(self, session: LiveTimer | None) -> None:
        self.session = session
        minutes = session.session.speaking_seconds / 60 if session else 3
        self.default_limit.setValue(minutes)
        self.limit.setValue(minutes)
        self._show_order()
        self._fill_picker()
        self.fill()

    def settings_changed(self) -> None:
        """The session's default speaking time as the file holds it (after an undo, say)."""
        if self.session is not None and not self.default_limit.hasFocus():
            self.default_limit.setValue(self.session.session.speaking_seconds / 60)
        self._show_order()

    def _show_order(self) -> None:
        on = bool(self.session and self.session.session.not_spoken_first)
        self.order.setCurrentIndex(1 if on else 0)

    def roster_changed(self) -> None:
        """Participants were added or edited elsewhere: offer them, keeping what was typed."""
        typed = self.picker.currentText()
        self._fill_picker()
        self.picker.setEditText(typed)

    def _fill_picker(self) -> None:
        self.picker.clear()
        people = (
            sorted(self.session.participants.values(), key=lambda p: p.name.casefold())
            if self.session
            else []
        )
        # One call for the texts (2,000 people in a large series), the kinds kept beside them.
        self._picker_data = [("participant", p.id) for p in people]
        self._picker_data += [("group", code) for code in STAKEHOLDER_GROUPS]
        self.picker.addItems(
            [f"{p.name} — {p.organisation}" if p.organisation else p.name for p in people]
            + [label(STAKEHOLDER_GROUPS, code) for code in STAKEHOLDER_GROUPS]
        )
        self.picker.setCurrentIndex(-1)
        self.picker.setEditText("")

    def fill(self) -> None:
        """The queue as stored, numbered."""
        row = self.list.currentRow()
        self.list.clear()
        people = self.session.participants if self.session else {}
        spoken = b.have_spoken(self.session.timer.floors) if self.session else set()
        over = over_keys(self.session.budget_use()) if self.session else set()
        self._over = over
        for n, entry in enumerate(self.session.queue if self.session else [], start=1):
            name = speaker_label(entry, people)
            person = people.get(entry.participant_id or "")
            if person is not None:  # who they speak for: group and country
                group = person.stakeholder_group
                extra = [label(STAKEHOLDER_GROUPS, group) if group else "", person.country]
                extra = [e for e in extra if e]
                if extra:
                    name = _("{name} ({details})").format(name=name, details=comma_join(extra))
            if entry.speech != "statement":
                name = _("{speech}: {name}").format(
                    speech=label(SPEECH_TYPES, entry.speech), name=name
                )
            text = _("{number}. {name} · {time}").format(
                number=format_number(n),
                name=isolate(name),
                time=duration_text(entry.limit),
            )
            notes = [_("has spoken")] if b.has_spoken(entry, spoken) else []
            if entry_keys(entry, people) & over:  # said in words, not by colour alone
                notes.append(_("over budget"))
            if notes:
                text = f"{text} · {comma_join(notes)}"
            self.list.addItem(text)
        if self.list.count():
            self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))

    def show_display(self, display: Display) -> None:
        """Once a second: the current speaker's countdown, in words and colours as well."""
        if display.speaker:
            self.current.setText(isolate(display.speaker))
            self.clock.setText(display.speaker_clock)
            self.words.setText(display.speaker_words)
        else:
            self.current.setText(_("Nobody has the floor"))
            self.clock.setText("")
            self.words.setText("")
        paint_level(self.panel, display.speaker_level if display.speaker else "normal")
        uses = self.session.budget_use() if self.session else []
        self.budget_rows.show_use(uses)
        if over_keys(uses) != self._over:
            self.fill()  # a group or delegation went over its budget while speaking
        self.clock.set_label(_("Speaking time left"))
        self.clock.setAccessibleDescription(display.speaker_words)

    # --- editing the queue -------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Enter in the suggestions takes the highlighted one (else the first): typing 'Laur'
        then Enter queues Laurel Townhead, not a new speaker 'Laur'. Escape closes the list
        to type a new name. Seen before the completer's own filter, which hides the list."""
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.type() == QEvent.Type.KeyPress and event.key() in keys:
            popup = self.picker.completer().popup()
            index = popup.currentIndex()
            if not index.isValid() and popup.model() is not None and popup.model().rowCount():
                index = popup.model().index(0, 0)
            self._suggested = index.data() if index.isValid() else None
        return False

    def entry_from_form(self) -> QueueEntry | None:
        text = self.picker.currentText().strip()
        suggested, self._suggested = self._suggested, None
        if suggested and self.picker.findText(text, Qt.MatchFlag.MatchFixedString) < 0:
            text = suggested
        if not text:
            return None
        index = self.picker.findText(text, Qt.MatchFlag.MatchFixedString)
        data = self._picker_data[index] if 0 <= index < len(self._picker_data) else None
        limit = round(self.limit.value() * 60)
        speech = self.speech.currentData() or "statement"
        if data and data[0] == "participant":
            person = self.session.participants[data[1]]
            return QueueEntry(person.name, person.id, limit=limit, speech=speech)
        if data and data[0] == "group":
            country = self.country.text().strip()
            return QueueEntry(group=data[1], country=country, limit=limit, speech=speech)
        return QueueEntry(text, limit=limit, speech=speech)

    def add_speaker(self) -> None:
        entry = self.entry_from_form() if self.session else None
        if entry is None:
            return
        self.picker.completer().popup().hide()  # no popup left open to swallow the next keys
        if self.run(lambda s: s.enqueue(entry)):
            self.picker.setCurrentIndex(-1)
            self.picker.setEditText("")
            self.country.clear()
            self.limit.setValue(self.session.session.speaking_seconds / 60)
            self.speech.setCurrentIndex(0)  # each request says its own kind
            rows = [e.id for e in self.session.queue]
            self.list.setCurrentRow(rows.index(entry.id) if entry.id in rows else len(rows) - 1)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        if self.session and self.run(lambda s: s.move_queued(row, step)):
            self.list.setCurrentRow(max(0, min(row + step, self.list.count() - 1)))

    def _remove(self) -> None:
        row = self.list.currentRow()
        if self.session and row >= 0:
            self.run(lambda s: s.remove_queued(row))

    def _set_default_limit(self) -> None:
        seconds = round(self.default_limit.value() * 60)
        if self.session and seconds != self.session.session.speaking_seconds:
            if self.run(lambda s: s.set_speaking_seconds(seconds)):
                self.limit.setValue(seconds / 60)

    def _set_order(self) -> None:
        on = bool(self.order.currentData())
        if self.session and on != self.session.session.not_spoken_first:
            self.run(lambda s: s.set_not_spoken_first(on))
        self._show_order()  # what the file holds, also after a failed write

    def edit_budgets(self) -> None:
        if self.session is None:
            return
        dialog = BudgetDialog(b.read_budgets(self.session.session.speaking_budgets), self)
        if dialog.exec() == BudgetDialog.DialogCode.Accepted:
            budgets = b.write_budgets(dialog.budgets())
            if budgets != self.session.session.speaking_budgets:
                self.run(lambda s: s.set_speaking_budgets(budgets))

    def retranslate_ui(self) -> None:
        self.setTitle(_("Speakers"))
        self.order_label.setText(_("Order:"))
        self.order.retranslate()
        self.budgets_button.setText(_("Speaking-time budgets…"))
        self.budgets_action.setText(_("Speaking-time budgets…"))
        self.budgets_button.setToolTip(
            _("Minutes for a stakeholder group or a delegation in this session")
        )
        self.picker.lineEdit().setPlaceholderText(_("Participant, group or new name"))
        self.picker.setToolTip(
            _("Type a name, an organisation or a stakeholder group, then {key}").format(
                key=key_text("Return")
            )
        )
        self.country.setPlaceholderText(_("Country (optional, with a group)"))
        self.add_button.setText(_("Add to the queue"))
        self.up.setText(_("Up"))
        self.down.setText(_("Down"))
        self.remove.setText(pgettext("take a speaker out of the queue", "Remove"))
        suffix = " " + _("min")
        self.limit.setSuffix(suffix)
        self.default_limit.setSuffix(suffix)
        self.limit.setToolTip(_("Speaking time of this speaker"))
        self.picker_label.setText(_("Speaker:"))
        self.picker.lineEdit().setAccessibleName(self.picker_label.text())
        self.country_label.setText(_("Country:"))
        self.limit.setAccessibleName(_("Time limit:").rstrip(":：\u00a0 "))
        self.speech_label.setText(_("Asks for:"))
        self.speech.setAccessibleName(_("Kind of speech"))
        for n in range(self.speech.count()):
            self.speech.setItemText(n, label(SPEECH_TYPES, self.speech.itemData(n)))
        self.default_label.setText(_("Default speaking time:"))
        self.list.setAccessibleName(_("Speakers queue"))
        if self.session is not None:
            self._fill_picker()
            self.fill()
