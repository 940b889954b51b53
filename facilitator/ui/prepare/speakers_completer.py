"""Completion of an agenda item's speakers from the series' roster.

The field holds the speakers as the programme lists them, separated by semicolons; typing
completes the part after the last semicolon with "Name, title, organisation" of a registered
person (any part of the name, title or organisation matches, accents and case aside), and a
name nobody registered is kept as typed."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from facilitator.domain import model as m
from facilitator.domain.text import fold

SEPARATOR = ";"


def person_line(person: m.Participant) -> str:
    """ "Jonathan Prentice, Head of the secretariat, UN Network on Migration"."""
    return ", ".join(p.strip() for p in (person.name, person.title, person.organisation) if p)


class _Folded(QSortFilterProxyModel):
    """Rows whose folded text contains the folded typed part ("jose" finds "José")."""

    def __init__(self) -> None:
        super().__init__()
        self.needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = fold(text.strip())
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802
        text = self.sourceModel().index(row, 0, parent).data() or ""
        return bool(self.needle) and self.needle in fold(text)


class SpeakersCompleter(QCompleter):
    def __init__(self, edit: QLineEdit) -> None:
        self.people = QStringListModel()
        self.proxy = _Folded()
        self.proxy.setSourceModel(self.people)
        super().__init__(self.proxy, edit)
        # The proxy filters; the completer shows every row the proxy lets through.
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.edit = edit
        self.setWidget(edit)
        edit.textEdited.connect(self._typed)
        self.activated[str].connect(self._insert)

    def set_people(self, people: list[m.Participant]) -> None:
        self.people.setStringList(sorted({person_line(p) for p in people}, key=fold))

    def _current_part(self) -> str:
        return self.edit.text()[: self.edit.cursorPosition()].rsplit(SEPARATOR, 1)[-1]

    def _typed(self, _text: str) -> None:
        part = self._current_part()
        self.proxy.set_needle(part)
        if len(part.strip()) >= 2 and self.proxy.rowCount():
            self.complete()
        else:
            self.popup().hide()

    def _insert(self, line: str) -> None:
        text, cursor = self.edit.text(), self.edit.cursorPosition()
        before = text[:cursor].rsplit(SEPARATOR, 1)
        head = f"{before[0].rstrip()}{SEPARATOR} " if len(before) == 2 else ""
        tail = text[cursor:].split(SEPARATOR, 1)
        rest = f"{SEPARATOR}{tail[1]}" if len(tail) == 2 else ""
        self.edit.setText(f"{head}{line}{rest}")
        self.edit.setCursorPosition(len(head) + len(line))

    def splitPath(self, path: str) -> list[str]:  # noqa: N802
        return [""]  # the proxy has done the matching

    def pathFromIndex(self, index) -> str:  # noqa: N802
        return index.data() or ""
