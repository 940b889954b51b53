"""The speaker field: type-ahead over the participants by name, organization or country.

Choosing a line of the completion picks that participant; typing a name that matches one
exactly (case and accents aside) picks them too; any other name is a new speaker, created
when the entry is saved.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from facilitator.domain import model as m
from facilitator.domain.text import clean_name, fold


class SpeakerField(QLineEdit):
    chosen = Signal(object)  # the Participant picked from the completion
    edited = Signal()

    def __init__(self) -> None:
        super().__init__(objectName="speaker")
        self.people: dict[str, m.Participant] = {}
        self._lines: dict[str, str] = {}  # completion line -> participant id
        self.participant_id: str | None = None
        self.names = QStringListModel(self)
        self.completer_ = QCompleter(self.names, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(self.completer_)
        self.completer_.activated[str].connect(self._choose)
        self.textEdited.connect(self._edited)

    def set_people(self, people: list[m.Participant]) -> None:
        self.people = {p.id: p for p in people}
        self._lines = {}
        for p in people:
            details = ", ".join(x for x in (p.organisation, p.country) if x)
            self._lines[f"{p.name} — {details}" if details else p.name] = p.id
        self.names.setStringList(list(self._lines))

    def person(self) -> m.Participant | None:
        return self.people.get(self.participant_id or "")

    def show_speaker(self, participant_id: str | None, name: str) -> None:
        self.participant_id = participant_id
        person = self.person()
        self.setText(person.name if person else name)

    def resolved(self) -> tuple[str | None, str]:
        """(participant id, new name): a known participant, or the name of a new speaker."""
        name = clean_name(self.text())
        if self.participant_id is None and name:
            found = next((p.id for p in self.people.values() if fold(p.name) == fold(name)), None)
            if found:
                return found, ""
        return self.participant_id, "" if self.participant_id else name

    def _choose(self, line: str) -> None:
        person = self.people.get(self._lines.get(line, ""))
        if person is not None:
            self.participant_id = person.id
            # the line edit puts the whole completion line in after this signal: show the
            # bare name once it has done so
            QTimer.singleShot(0, lambda: self.setText(person.name))
            self.chosen.emit(person)

    def _edited(self, text: str) -> None:
        person = self.person()
        if person is not None and text != person.name:
            self.participant_id = None  # the note-taker is typing someone else
        self.edited.emit()
