"""The Unicode bidi algorithm's levels and line reordering, for pdf_bidi (see its docstring).

Levels are resolved once per paragraph by python-bidi's Rust engine (isolates, paired
brackets) or, for a plain paragraph, without it; each wrapped line is then reordered from its
share of them (UAX#9 L1, L2, L4).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from unicodedata import bidirectional

from bidi import get_display as get_display_uba
from bidi.mirror import MIRRORED

# Not drawn: explicit embeddings and overrides, isolates, LRM, RLM and ALM (all invisible).
BIDI_CONTROLS = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
)
# Classes that can make an LTR paragraph anything but left to right (else: no bidi work);
# "" is a character this Python's Unicode data does not know, which the engine's may.
_NOT_PLAIN = frozenset(
    ("R", "AL", "AN", "RLE", "RLO", "RLI", "FSI", "LRE", "LRO", "LRI", "PDI", "PDF", "")
)
# What L1 puts back at the paragraph level at the end of a line and before a tab.
_TRAILING = frozenset(
    ("WS", "LRI", "RLI", "FSI", "PDI", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "B", "S")
)
_LEVEL = re.compile(r"Level\(\s*(\d+)")


def levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of every character of one paragraph (UAX#9 X1-I2).

    python-bidi >= 0.6 runs the Rust unicode-bidi crate (isolates, paired brackets N0),
    but its only way to give levels is the debug dump of its BidiInfo, one level per UTF-8
    byte: parsed here, taking each character's first byte. Should that dump ever change
    shape, every character gets the paragraph level (readable, never a crash).
    """
    base = 1 if rtl else 0
    if not text or (not rtl and _plain_ltr(text)):
        return [base] * len(text)
    if rtl and _plain_rtl(text):
        return [base] * len(text)
    if rtl and text.isascii() and text.isalnum():  # "2024", "CET": a left-to-right run
        return [2] * len(text)
    return engine_levels(text, rtl)


def engine_levels(text: str, rtl: bool) -> list[int]:
    """levels() from the bidi engine itself, with no shortcut."""
    base = 1 if rtl else 0
    dump = get_display_uba(text, base_dir="R" if rtl else "L", debug=True)
    start, end = dump.find("levels: ["), dump.find("paragraphs:")
    per_byte = [int(x) for x in _LEVEL.findall(dump, start, end)] if 0 <= start < end else []
    encoded = text.encode("utf-8")
    if len(per_byte) != len(encoded):
        return [base] * len(text)
    # Each character's level is that of its first byte (not a continuation byte 10xxxxxx).
    return [level for level, byte in zip(per_byte, encoded, strict=True) if byte & 0xC0 != 0x80]


def _plain_ltr(text: str) -> bool:
    """No character that could make a left-to-right paragraph anything but level 0 (no ASCII
    character is right to left, an Arabic number or an embedding)."""
    return text.isascii() or not any(bidirectional(c) in _NOT_PLAIN for c in text)


# With none of these, every character of a right-to-left paragraph is at level 1: letters
# are R or AL, neutrals between them and the paragraph's edges take R (N1, N2), marks and
# separators follow (W1, W6); only left-to-right letters, numbers (level 2) and explicit
# embeddings or isolates raise a level.
_NOT_PLAIN_RTL = frozenset(
    ("L", "EN", "AN", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "")
)


def _plain_rtl(text: str) -> bool:
    return not any(bidirectional(c) in _NOT_PLAIN_RTL for c in text)


def reorder(line: str, line_levels: Sequence[int], rtl: bool) -> str:
    """One line in visual order from its paragraph's levels: UAX#9 L1, L2 and L4.

    L1 puts trailing spaces, tabs and isolate marks back at the paragraph level; L2 reverses
    every run at or above each level down to the lowest odd one; L4 mirrors brackets at odd
    levels ("(" drawn as ")"). Controls are then left out: they are never drawn.
    """
    if not rtl and not any(line_levels):  # left to right throughout: nothing to reorder
        return line.translate(BIDI_CONTROLS)
    if rtl and all(level == 1 for level in line_levels):  # right to left throughout
        return "".join([MIRRORED.get(ch, ch) for ch in reversed(line)]).translate(BIDI_CONTROLS)
    return reorder_runs(line, line_levels, rtl)


def reorder_runs(line: str, line_levels: Sequence[int], rtl: bool) -> str:
    """reorder() run by run, level by level, with no shortcut."""
    base = 1 if rtl else 0
    lv = list(line_levels)
    kinds = [bidirectional(ch) for ch in line]
    trailing = True
    for i in range(len(line) - 1, -1, -1):
        if kinds[i] in ("S", "B"):
            lv[i], trailing = base, True
        elif trailing and kinds[i] in _TRAILING:
            lv[i] = base
        else:
            trailing = False
    chars = [MIRRORED.get(ch, ch) if lv[i] % 2 else ch for i, ch in enumerate(line)]
    odd = [v for v in lv if v % 2]
    if odd:
        for level in range(max(lv), min(odd) - 1, -1):
            i, n = 0, len(chars)
            while i < n:
                if lv[i] < level:
                    i += 1
                    continue
                j = i
                while j < n and lv[j] >= level:
                    j += 1
                chars[i:j], lv[i:j] = chars[i:j][::-1], lv[i:j][::-1]
                i = j
    return "".join(chars).translate(BIDI_CONTROLS)
