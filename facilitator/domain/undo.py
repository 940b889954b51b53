"""Undo and redo of what a note-taker did to saved entries. Qt-free.

A command does its work in `redo()` and takes it back in `undo()`; each call commits to the
file, so undoing a delete is itself saved at once. The history is linear: a new command after
some undos drops the undone ones, as in every editor.
"""

from __future__ import annotations

from typing import Protocol


class Command(Protocol):
    def redo(self) -> None: ...

    def undo(self) -> None: ...

    def label(self) -> str:
        """What the command did, translated ("Delete intervention")."""
        ...


class UndoHistory:
    def __init__(self, limit: int = 200) -> None:
        self.limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def push(self, command: Command, *, done: bool = False) -> None:
        """Run `command` (unless it already ran) and remember it for undo."""
        if not done:
            command.redo()
        self._done.append(command)
        del self._done[: -self.limit]
        self._undone.clear()

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_label(self) -> str:
        return self._done[-1].label() if self._done else ""

    def redo_label(self) -> str:
        return self._undone[-1].label() if self._undone else ""

    def undo(self) -> None:
        """Take back the latest command; it stays on the history if undo() raises."""
        if not self._done:
            return
        command = self._done[-1]
        command.undo()
        self._undone.append(self._done.pop())

    def redo(self) -> None:
        if not self._undone:
            return
        command = self._undone[-1]
        command.redo()
        self._done.append(self._undone.pop())

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
