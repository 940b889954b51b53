"""The entry form: who is speaking, when, on which agenda item, the notes and the points.

Made for typing without the mouse: the speaker field completes names, organisations and
countries as you type; F5 and F6 mark when the speaker starts and ends; Ctrl+P turns the
selected notes into a point; Ctrl+Enter saves and starts the next intervention; Esc leaves
an edit. The form never touches the file: the notes page saves what `entry()` returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import model as m
from facilitator.domain.entry import Entry
from facilitator.domain.text import clean_name
from facilitator.domain.vocab import SPOKEN_LANGUAGES, STAKEHOLDER_GROUPS
from facilitator.i18n import _, format_number, get_language, language_name
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.eliding_combo import ElidingCombo
from facilitator.ui.common.keys import key, key_text
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.notes.interventions_model import clock_text
from facilitator.ui.notes.points import PointEditor
from facilitator.ui.notes.speaker import SpeakerField


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def native(sequence: str) -> str:
    return key_text(sequence)


class EntryForm(Retranslating, QWidget):
    changed = Signal()
    save_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, now: Callable[[], dt.datetime] = utc_now) -> None:
        super().__init__()
        self.now = now
        self.session: m.Session | None = None
        self.agenda: list[m.AgendaItem] = []
        self.intervention_id: str | None = None
        self.started_at: str | None = None
        self.ended_at: str | None = None
        self.pristine = True  # nothing typed since the last reset (a floor record may fill it)
        self.agenda_chosen = False  # the note-taker picked the item: the timer no longer does
        self._loading = False
        self._status: Callable[[], str] = str  # what the status line says, in any language
        self._build()
        self._connect()
        self.retranslate_ui()

    def _build(self) -> None:
        self.heading = QLabel(objectName="entryHeading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.speaker = SpeakerField()
        self.group = ElidingCombo(objectName="speakerGroup")
        self.country = QLineEdit(objectName="speakerCountry")
        self.language = ElidingCombo(objectName="speakerLanguage")
        # The group and language lists hold long names ("International or regional
        # organization"): sized by their longest item they left the speaker ~80 px at 1100 px.
        for combo, chars in ((self.group, 12), (self.language, 6)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(chars)
        self.country.setMinimumWidth(9 * self.country.fontMetrics().averageCharWidth())
        self.agenda_box = ElidingCombo(objectName="agendaItem")
        self.start_button = QPushButton(objectName="startButton")
        self.end_button = QPushButton(objectName="endButton")
        self.times = QLabel(objectName="speakingTimes")
        self.notes = QPlainTextEdit(objectName="notes")
        self.notes.setTabChangesFocus(True)
        lines = self.notes.fontMetrics().lineSpacing()
        self.notes.setMinimumHeight(3 * lines)
        self.notes.setMaximumHeight(7 * lines)
        self.points = PointEditor()
        self.points.install_shortcuts(self)
        self.save_button = QPushButton(objectName="saveButton")
        self.save_button.setDefault(False)
        self.cancel_button = QPushButton(objectName="cancelEditButton")
        self.status = QLabel(objectName="saveStatus")
        self.status.setWordWrap(True)
        self.chatham = QLabel(objectName="chathamHint")
        self.chatham.setWordWrap(True)
        self.labels = {
            k: QLabel()
            for k in ("speaker", "group", "country", "language", "agenda", "notes", "points")
        }
        # "Point de l'ordre du jour" would otherwise set the width of the whole first column.
        self.labels["agenda"].setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(self.labels["speaker"], 0, 0)
        grid.addWidget(self.speaker, 0, 1)
        grid.addWidget(self.labels["group"], 0, 2)
        grid.addWidget(self.group, 0, 3)
        grid.addWidget(self.labels["country"], 0, 4)
        grid.addWidget(self.country, 0, 5)
        grid.addWidget(self.labels["language"], 0, 6)
        grid.addWidget(self.language, 0, 7)
        grid.addWidget(self.labels["agenda"], 1, 0)
        grid.addWidget(self.agenda_box, 1, 1, 1, 3)
        times = QHBoxLayout()
        times.addWidget(self.start_button)
        times.addWidget(self.end_button)
        times.addWidget(self.times, 1)
        grid.addLayout(times, 1, 4, 1, 4)
        grid.addWidget(self.labels["notes"], 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.notes, 2, 1, 1, 7)
        grid.addWidget(self.labels["points"], 3, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.points, 3, 1, 1, 7)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(5, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.chatham)
        layout.addLayout(grid)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.speaker.chosen.connect(self._speaker_chosen)
        self.speaker.edited.connect(self._touched)
        self.country.textEdited.connect(self._touched)
        self.notes.textChanged.connect(self._touched)
        self.group.currentIndexChanged.connect(self._touched)
        self.language.currentIndexChanged.connect(self._touched)
        self.agenda_box.activated.connect(self._agenda_picked)
        self.points.changed.connect(self._touched)
        self.start_button.clicked.connect(self.mark_start)
        self.end_button.clicked.connect(self.mark_end)
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        keys = [
            ("Ctrl+Return", self.save_requested.emit),
            ("Ctrl+Enter", self.save_requested.emit),
            ("F5", self.mark_start),
            ("F6", self.mark_end),
            ("Ctrl+P", self._notes_to_point),
            ("Escape", self.cancel_requested.emit),
        ]
        for sequence, slot in keys:
            shortcut = QShortcut(key(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- context -----------------------------------------------------------------------

    def set_context(
        self,
        session: m.Session,
        agenda: list[m.AgendaItem],
        questions: list[m.GuidingQuestion],
        topics: list[m.Topic],
        people: list[m.Participant],
    ) -> None:
        self.session, self.agenda = session, agenda
        self.points.set_vocabulary(topics, questions)
        self.set_people(people)
        self._fill_combos()
        self.chatham.setVisible(bool(session.chatham_house))

    def set_people(self, people: list[m.Participant]) -> None:
        self.speaker.set_people(people)

    def _fill_combos(self) -> None:
        self._loading = True
        for combo, items in (
            (
                self.group,
                [(_("Not recorded"), "")]
                + [(_(text), code) for code, text in STAKEHOLDER_GROUPS.items()],
            ),
            (
                self.language,
                [(_("Not recorded"), "")]
                + [(language_name(code, get_language()), code) for code in SPOKEN_LANGUAGES],
            ),
            (
                self.agenda_box,
                [(_("No agenda item"), None)]
                + [
                    (
                        _("{number}. {title}").format(
                            number=format_number(n), title=isolate(a.title)
                        ),
                        a.id,
                    )
                    for n, a in enumerate(self.agenda, start=1)
                ],
            ),
        ):
            current = combo.currentData()
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(current), 0))
        self._loading = False

    # --- user actions ------------------------------------------------------------------

    def _touched(self, *_args) -> None:
        if self._loading:
            return
        if self.started_at is None and self.intervention_id is None:
            # Without F5, the first keystroke of a new entry dates it: note-takers type while
            # the speaker talks, and an undated entry would sink to the end of the table.
            self.started_at = iso(self.now())
            self._show_times()
        self.pristine = False
        self.changed.emit()

    def _agenda_picked(self, _index: int) -> None:
        self.agenda_chosen = True
        self._touched()

    def _speaker_chosen(self, person: m.Participant) -> None:
        self._set_combo(self.group, person.stakeholder_group)
        self.country.setText(person.country)
        self._touched()

    def mark_start(self) -> None:
        self.started_at = iso(self.now())
        self.ended_at = None
        self._show_times()
        self._touched()

    def mark_end(self) -> None:
        self.ended_at = iso(self.now())
        self.started_at = self.started_at or self.ended_at
        self._show_times()
        self._touched()

    def _notes_to_point(self) -> None:
        cursor = self.notes.textCursor()
        text = cursor.selectedText().replace("\u2029", " ") or cursor.block().text()
        if text.strip():
            self.points.take_text(text)

    # --- reading and writing the entry ------------------------------------------------

    def entry(self) -> Entry:
        session_id = self.session.id if self.session else ""
        participant_id, speaker = self.speaker.resolved()
        return Entry(
            session_id=session_id,
            intervention_id=self.intervention_id,
            participant_id=participant_id,
            speaker_text=speaker,
            stakeholder_group=self.group.currentData() or "",
            country=self.country.text(),
            language=self.language.currentData() or "",
            agenda_item_id=self.agenda_box.currentData(),
            started_at=self.started_at,
            ended_at=self.ended_at,
            notes=self.notes.toPlainText(),
            points=self.points.points(),
        )

    def draft(self) -> Entry:
        """The entry as on the screen, for the draft: the point line stays a line."""
        entry = self.entry()
        entry.points = self.points.committed()
        entry.point_line = self.points.line()
        return entry

    def new_speaker(self, entry: Entry) -> m.Participant | None:
        """A participant for a name typed on the fly (None when chosen from the list)."""
        if entry.participant_id or not entry.speaker_text or self.session is None:
            return None
        return m.Participant(
            series_id=self.session.series_id,
            name=entry.speaker_text,
            stakeholder_group=entry.stakeholder_group,  # "" when not recorded, not 'other'
            country=clean_name(entry.country),
            may_be_named=not self.session.chatham_house,
        )

    def set_entry(self, entry: Entry) -> None:
        """Show an entry (a draft, a saved intervention to edit, a floor record to fill in)."""
        self._loading = True
        self.intervention_id = entry.intervention_id
        self.speaker.show_speaker(entry.participant_id, entry.speaker_text)
        person = self.speaker.person()
        self._set_combo(
            self.group, entry.stakeholder_group or (person.stakeholder_group if person else "")
        )
        self.country.setText(entry.country or (person.country if person else ""))
        self._set_combo(self.language, entry.language)
        self._set_combo(self.agenda_box, entry.agenda_item_id)
        self.started_at, self.ended_at = entry.started_at, entry.ended_at
        self.notes.setPlainText(entry.notes)
        self.points.set_points(entry.points)
        self.points.set_line(entry.point_line)
        self._loading = False
        self._show_times()
        self._show_mode()  # the lists stay as they are: only the heading and buttons change

    def reset(self, language: str = "", agenda_item_id: str | None = None) -> None:
        """Empty for the next intervention; language and agenda item carry over."""
        self.set_entry(Entry(session_id="", language=language, agenda_item_id=agenda_item_id))
        self.pristine = True
        self.agenda_chosen = False
        self.speaker.setFocus()

    def set_timer_item(self, agenda_item_id: str | None) -> None:
        """Follow the moderator's timer, unless the note-taker chose an item for this entry."""
        if agenda_item_id and not self.agenda_chosen:
            self._loading = True
            self._set_combo(self.agenda_box, agenda_item_id)
            self._loading = False

    def update_times(self, started_at: str | None, ended_at: str | None) -> None:
        """Times set meanwhile by the moderator's timer for the record being filled in."""
        self.started_at, self.ended_at = started_at, ended_at
        self._show_times()

    def _set_combo(self, combo: QComboBox, value) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def _show_times(self) -> None:
        zone = self.session.timezone if self.session else "UTC"
        start, end = clock_text(self.started_at, zone), clock_text(self.ended_at, zone)
        if start and end:
            self.times.setText(_("Spoke {start}–{end}").format(start=start, end=end))
        elif start:
            self.times.setText(_("Speaking since {start}").format(start=start))
        else:
            self.times.setText("")

    def show_status(self, text: str | Callable[[], str], error: bool = False) -> None:
        """Say `text`; given as a callable, it is said again in a new interface language."""
        self._status = text if callable(text) else (lambda: text)
        self.status.setText(self._status())
        self.status.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")

    def retranslate_ui(self) -> None:
        names = {
            "speaker": _("&Speaker"),
            "group": _("&Group"),
            "country": _("C&ountry"),
            "language": _("&Language"),
            "agenda": _("&Agenda item"),
            "notes": _("&Notes"),
            "points": _("&Points"),
        }
        buddies = {
            "speaker": self.speaker,
            "group": self.group,
            "country": self.country,
            "language": self.language,
            "agenda": self.agenda_box,
            "notes": self.notes,
            "points": self.points.text,
        }
        for name, text in names.items():
            self.labels[name].setText(text)
            self.labels[name].setBuddy(buddies[name])
            # Screen readers name a drop-down by its current value unless told otherwise.
            buddies[name].setAccessibleName(text.replace("&", ""))
        self.speaker.setPlaceholderText(_("Name, organization or country; or a new name"))
        self.notes.setPlaceholderText(
            _("What the speaker said. To make the selected text a point: {key}").format(
                key=native("Ctrl+P")
            )
        )
        self.start_button.setText(_("Started ({key})").format(key=native("F5")))
        self.end_button.setText(_("Ended ({key})").format(key=native("F6")))
        self._show_mode()
        chatham = bool(self.session and self.session.chatham_house)
        self.chatham.setVisible(chatham)
        self.chatham.setText(
            _("Chatham House Rule: record the stakeholder group and country; names stay internal.")
        )
        self._fill_combos()
        self._show_times()
        self.status.setText(self._status())

    def _show_mode(self) -> None:
        """New entry or edit: the heading and the buttons say which."""
        self.save_button.setText(
            _("Save and next ({key})").format(key=native("Ctrl+Return"))
            if self.intervention_id is None
            else _("Save changes ({key})").format(key=native("Ctrl+Return"))
        )
        self.cancel_button.setText(_("Cancel edit ({key})").format(key=native("Esc")))
        self.cancel_button.setVisible(self.intervention_id is not None)
        self.heading.setText(
            _("New intervention") if self.intervention_id is None else _("Editing an intervention")
        )
