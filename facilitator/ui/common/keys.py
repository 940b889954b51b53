"""Keyboard shortcuts of the note-taking screens: parsed once, shown as the platform writes them.

Sequences are parsed in Qt's portable form ("Ctrl+G"), which needs no translation, and their
display text is computed once per interface language: building a QKeySequence from text or
printing it asks Qt's translators for every key name, which is wasted work on each
retranslation (and, with a Python-side translator installed, strains PySide).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from facilitator.i18n import get_language

PORTABLE = QKeySequence.SequenceFormat.PortableText
NATIVE = QKeySequence.SequenceFormat.NativeText


def key(sequence: str | QKeySequence.StandardKey) -> QKeySequence:
    if isinstance(sequence, QKeySequence.StandardKey):
        return QKeySequence(sequence)
    return QKeySequence.fromString(sequence, PORTABLE)


@cache
def _text(sequence: str | QKeySequence.StandardKey, lang: str) -> str:
    del lang  # part of the cache key: key names are translated by Qt
    return key(sequence).toString(NATIVE)


def key_text(sequence: str | QKeySequence.StandardKey) -> str:
    """'Ctrl+G' as shown to the user in the current interface language."""
    return _text(sequence, get_language())


def leaves_undo_to_page(widget: QWidget, event: QKeyEvent) -> bool:
    """Ctrl+Z or Ctrl+Shift+Z pressed in a text field that has nothing of its own to undo:
    the page's undo (of the last save, edit or delete) may take the key instead."""
    if not (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo)
        or QKeySequence(event.keyCombination()) == key("Ctrl+Shift+Z")
    ):
        return False
    document = getattr(widget, "document", None)
    if callable(document):
        doc = document()
        return not (doc.isUndoAvailable() or doc.isRedoAvailable())
    return not (widget.isUndoAvailable() or widget.isRedoAvailable())  # type: ignore[attr-defined]
