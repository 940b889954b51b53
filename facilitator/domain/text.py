"""Cleaning what people type or import, before it is stored. Qt-free.

Notes and points are kept as typed, only normalised to Unicode NFC (so "é" typed two ways is
one word for search and merge) and rid of C0/C1 control characters, which no keyboard
produces and which break XML-based exports (DOCX) and CSV readers. Bidi marks stay in notes:
an Arabic typist may need them to order a Latin name inside a sentence.

Names and titles (participants, organisations, countries) are single-line labels shown in
tables, lists and reports: there, bidi controls and other invisible characters only hide
spoofing or copy-paste debris ("Ali\u202e..." would display reversed), so they are stripped
and whitespace is collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Explicit directional marks, embeddings, overrides and isolates, and the Arabic letter mark.
BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Zero-width joiner and non-joiner change how Arabic, Persian and Indic words are shaped:
# they are part of the spelling, not debris, so they survive even in names.
KEEP_FORMAT = frozenset("\u200c\u200d")
_SPACES = re.compile(r"\s+")
# Every character of categories Cc (C0, DEL, C1) and Cs (lone surrogates) but tab and line feed:
# what `_is_control` names, matched by one regex instead of a test per character (a save folds
# and cleans its notes while the note-taker waits).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _is_control(ch: str) -> bool:
    # Cs: a lone surrogate (from a broken paste or file) cannot even be written as UTF-8.
    return unicodedata.category(ch) in ("Cc", "Cs")


def clean_text(text: str | None) -> str:
    """Free text (notes, points, syntheses): NFC, line breaks kept, control characters removed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


def clean_name(text: str | None) -> str:
    """A one-line label (name, title, organisation, country): NFC, no invisible characters."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():  # no control, format or odd space character: nothing to remove
        return _SPACES.sub(" ", text).strip()
    kept = []
    for ch in text:
        if ch in KEEP_FORMAT:
            kept.append(ch)
        elif _is_control(ch) or ch.isspace():
            kept.append(" ")
        elif ch in BIDI_CONTROLS or unicodedata.category(ch) == "Cf":
            continue  # zero-width spaces, BOM, soft hyphen, word joiner, tags...
        else:
            kept.append(ch)
    return _SPACES.sub(" ", "".join(kept)).strip()


@lru_cache(maxsize=32768)  # a roster is sorted by it on every page at open: thousands of names
def fold(text: str) -> str:
    """A key for comparing names: cleaned, case-folded, without accents ("José" ~ "jose")."""
    decomposed = unicodedata.normalize("NFKD", clean_name(text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
