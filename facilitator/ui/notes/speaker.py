"""The speaker field: type-ahead over the participants by any part of the name, organization
or country, through the search's folding ("Jose" completes "José Pérez", "перес" "Пе́рес").

Qt's completer compares case-insensitively but not without accents, so the field filters the
participants itself (domain.search_text.contains) and shows what matched in an unfiltered
popup, wide enough for the organisation and country to be read. Choosing a line of the
completion picks that participant; typing a name that matches one exactly (case and accents
aside) picks them too; any other name is a new speaker, created when the entry is saved.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from facilitator.domain import model as m
from facilitator.domain.search_text import contains
from facilitator.domain.text import clean_name, fold
from facilitator.i18n import _

MAX_SHOWN = 50  # lines in the popup: enough to scroll, few enough to draw at once
POPUP_CHARS = 60  # the popup is at least this many average characters wide, if the window is


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
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(10)
        self.setCompleter(self.completer_)
        self.completer_.activated[str].connect(self._choose)
        self.textEdited.connect(self._edited)
        self.setMinimumWidth(22 * self.fontMetrics().averageCharWidth())

    def set_people(self, people: list[m.Participant]) -> None:
        self.people = {p.id: p for p in people}
        self._lines = {}
        for p in people:
            details = _(", ").join(x for x in (p.organisation, p.country) if x)
            self._lines[f"{p.name} — {details}" if details else p.name] = p.id
        self.names.setStringList([])

    def matches(self, typed: str) -> list[str]:
        """The completion lines (name — organisation, country) that contain what was typed,
        folded; those whose name starts with it first."""
        typed = typed.strip()
        if not typed:
            return []
        found = [line for line in self._lines if contains(line, typed)]
        key = fold(typed)
        found.sort(key=lambda line: not fold(line).startswith(key))
        return found[:MAX_SHOWN]

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
        self._complete(text)
        self.edited.emit()

    def _complete(self, text: str) -> None:
        lines = self.matches(text)
        self.names.setStringList(lines)
        popup = self.completer_.popup()
        if not lines:
            popup.hide()
            return
        metrics = popup.fontMetrics()
        wanted = max(
            POPUP_CHARS * metrics.averageCharWidth(),
            max(metrics.horizontalAdvance(line) for line in lines) + 40,
        )
        room = self.window().width() - 20 if self.window() is not None else wanted
        width = max(self.width(), min(wanted, room))
        # A minimum, not a geometry: the line edit asks the completer again after this, with
        # its own width.
        popup.setMinimumWidth(width)
        rect = self.rect()
        if self.isRightToLeft():  # under the field, growing towards the window's middle
            rect.setLeft(rect.right() - width + 1)
        else:
            rect.setWidth(width)
        self.completer_.complete(rect)
