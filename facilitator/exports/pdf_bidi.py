"""Right-to-left and mixed-script text for reportlab: fonts, shaping, wrapping, line order.

reportlab draws a string left to right in one font. Arabic needs three more things, done here
in an order that keeps every wrapped line right:

1. shaping: Arabic letters take their joined (initial, medial, final) forms. arabic-reshaper
   turns the logical text into Unicode presentation forms, which the bundled Noto Sans Arabic
   maps to its joined glyphs, so text extracted from the PDF is still Arabic;
2. wrapping in LOGICAL order, by measured width, so that the first words of a paragraph are on
   its first line (wrapping a visually reordered paragraph puts its end on the first line);
3. the Unicode bidi algorithm (UAX#9) in its two halves: levels resolved once per paragraph
   (python-bidi's Rust engine: isolates, paired brackets), then each wrapped line reordered
   from its share of those levels (L1-L4 here, with mirrored brackets), so a bracket or a
   full stop next to a Latin name lands where the whole paragraph puts it.

Then each visual line is split into runs by font (Noto Sans for Latin, Cyrillic, digits and
punctuation; Noto Sans Arabic for Arabic) and drawn run after run.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from unicodedata import bidirectional

import arabic_reshaper
from arabic_reshaper.ligatures import LIGATURES
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# The levels and the reordering of lines are in bidi_levels; pdf_bidi keeps their names.
from facilitator.exports.bidi_levels import (  # noqa: F401
    BIDI_CONTROLS,
    engine_levels,
    levels,
    reorder,
)
from facilitator.i18n.fonts import font_path

FONT_FILES = {
    "NotoSans": "NotoSans-Regular.ttf",
    "NotoSans-Bold": "NotoSans-Bold.ttf",
    "NotoSansArabic": "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold": "NotoSansArabic-Bold.ttf",
}
LATIN = {False: "NotoSans", True: "NotoSans-Bold"}
ARABIC = {False: "NotoSansArabic", True: "NotoSansArabic-Bold"}

# Keep vowel marks (harakat) and only the lam-alef ligatures every Arabic font has.
RESHAPER_SETTINGS = {
    "delete_harakat": False,
    "support_ligatures": True,
    "arabic ligature allah": False,
}
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration=RESHAPER_SETTINGS)


class _ReadOnce:
    """The reshaper's settings, each read once: reshape() reads six from its configparser
    section on every call (a third of its time on a short paragraph)."""

    def __init__(self, section) -> None:
        self.section, self.values = section, {}

    def getboolean(self, key: str) -> bool:
        if key not in self.values:
            self.values[key] = self.section.getboolean(key)
        return self.values[key]

    def get(self, *args, **kwargs):
        return self.section.get(*args, **kwargs)


_RESHAPER.configuration = _ReadOnce(_RESHAPER.configuration)
_RTL_CLASSES = frozenset(("R", "AL", "RLE", "RLO", "RLI"))


@cache
def register_fonts() -> None:
    """Register the bundled Noto fonts with reportlab (once per process)."""
    for name, file_name in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, font_path(file_name)))


@cache
def _arabic_cmap() -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont("NotoSansArabic").face.charToGlyph)


def is_arabic(ch: str) -> bool:
    code = ord(ch)
    return (
        0x0600 <= code <= 0x08FF
        or 0xFB50 <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
        or ch in "\u200c\u200d"
    )


# The same characters as is_arabic, for a whole text at C speed (most lines have none).
_ARABIC_CLASS = "\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u200c\u200d"
_ARABIC_TEXT = re.compile(f"[{_ARABIC_CLASS}]")
# Font runs: Arabic from an Arabic character on, other text from any other on; a space stays
# in the run it follows (one at the start begins a Latin run).
_FONT_RUN = re.compile(f"([{_ARABIC_CLASS}][{_ARABIC_CLASS} ]*)|[^{_ARABIC_CLASS}]+")


def has_arabic(text: str) -> bool:
    return _ARABIC_TEXT.search(text) is not None


def has_rtl(text: str) -> bool:
    return not _RTL_CLASSES.isdisjoint(map(bidirectional, text))


def first_strong_rtl(text: str) -> bool | None:
    """True/False by the first strong character (as HTML's dir=auto), None when there is none."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return None


def shape(text: str) -> str:
    """Join Arabic letters (presentation forms); other text is returned as it is."""
    if not has_arabic(text):
        return text
    if "\u200d" in text or any(sentence in text for sentence in _SENTENCE_LIGATURES):
        return _shape(text)  # the reshaper carries a joiner's effect past a space
    # Letters join within a word only, and words recur (labels, months, names): one word
    # at a time, from a cache (the same result, tested against the whole text).
    return " ".join([_shape_word(word) for word in text.split(" ")])


def _shape(text: str) -> str:
    try:
        shaped = _RESHAPER.reshape(text)
    except IndexError:  # arabic-reshaper 3.1 fails on a text ending with ZWJ and lam-alef
        shaped = _RESHAPER.reshape(text.replace("\u200d", ""))
    # A presentation form the font lacks falls back to its plain letter (still readable).
    return shaped.translate(_fallbacks())


@lru_cache(maxsize=65536)
def _shape_word(word: str) -> str:
    return _shape(word)


# The reshaper's ligatures of several words ("صلى الله عليه وسلم"): a text with one is shaped
# whole.
_SENTENCE_LIGATURES = tuple(sorted({t for _, (t, _f) in LIGATURES if " " in t}))


@cache
def _fallbacks() -> dict[int, str]:
    """For str.translate: each Arabic character the font has no glyph for, as NFKC makes it."""
    cmap = _arabic_cmap()
    codes = [*range(0x0600, 0x0900), *range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]
    table = {}
    for code in [*codes, 0x200C, 0x200D]:
        if code not in cmap and unicodedata.normalize("NFKC", chr(code)) != chr(code):
            table[code] = unicodedata.normalize("NFKC", chr(code))
    return table


class Line(str):
    """A wrapped line (shaped, logical order) that remembers the levels of its paragraph."""

    levels: tuple[int, ...]
    rtl: bool

    @classmethod
    def of(cls, text: str, levels: Sequence[int], rtl: bool) -> Line:
        line = cls(text)
        line.levels, line.rtl = tuple(levels), rtl
        return line


def clean(text: str) -> str:
    """Lone surrogates (broken pasted text) cannot reach the bidi engine: U+FFFD instead."""
    return text.encode("utf-8", "replace").decode("utf-8") if _SURROGATE.search(text) else text


_SURROGATE = re.compile("[\ud800-\udfff]")


def paragraph_rtl(text: str, doc_rtl: bool, user: bool) -> bool:
    """The direction of a paragraph: the export language's, for every translated sentence.

    People's text too, unless it has no letter of that direction and some of the other (an
    English note in an Arabic report reads left to right, its full stop at its end); a
    paragraph that merely begins with a Latin name stays right to left in Arabic.
    """
    if not user:
        return doc_rtl
    if text.isascii():  # no right-to-left letter; its letters are left to right
        return doc_rtl and _ASCII_LETTER.search(text) is None
    kinds = {bidirectional(ch) for ch in text}
    strong_rtl = bool(kinds & {"R", "AL"})
    if doc_rtl:
        return strong_rtl or "L" not in kinds
    return strong_rtl and "L" not in kinds


_ASCII_LETTER = re.compile("[A-Za-z]")


def visual(line: str, rtl: bool) -> str:
    """One shaped line in visual (left-to-right drawing) order: a Line keeps the levels of the
    paragraph it was wrapped from; any other text is a paragraph of its own."""
    if isinstance(line, Line) and line.rtl == rtl:
        return reorder(line, line.levels, rtl)
    line = clean(line)
    return reorder(line, levels(line, rtl), rtl)


def font_runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split visual text into (font name, text) runs; spaces stay with the run they are in."""
    if not has_arabic(text):
        return [(LATIN[bold], text)] if text else []
    return [
        (ARABIC[bold] if run.group(1) else LATIN[bold], run.group())
        for run in _FONT_RUN.finditer(text)
    ]


def width(text: str, size: float, bold: bool = False) -> float:
    """The drawn width of shaped text (order does not change a width)."""
    if len(text) <= _CACHED_LENGTH:
        return _word_width(text, size, bold)
    return _width(text, size, bold)


# Words are measured one by one while wrapping, and most recur: short texts are cached.
_CACHED_LENGTH = 40


def _width(text: str, size: float, bold: bool) -> float:
    register_fonts()
    if not has_arabic(text):
        return pdfmetrics.stringWidth(text, LATIN[bold], size)
    return sum(pdfmetrics.stringWidth(t, f, size) for f, t in font_runs(text, bold))


@lru_cache(maxsize=65536)
def _word_width(text: str, size: float, bold: bool) -> float:
    return _width(text, size, bold)


def _split_long(word: str, limit: float, size: float, bold: bool) -> list[int]:
    """Where a word wider than a line (a long URL) is cut: the length of each piece."""
    pieces, piece = [], ""
    for ch in word:
        if piece and width(piece + ch, size, bold) > limit:
            pieces.append(len(piece))
            piece = ""
        piece += ch
    return pieces + ([len(piece)] if piece else [])


# No-break spaces (Babel's "10 000", "15:00 CET") join a word: never a line break there.
_WORD = re.compile(r"(?:[^\s]|[\u00a0\u2007\u202f])+")
_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]")


def wrap(
    text: str, limit: float, size: float, bold: bool = False, rtl: bool | None = None
) -> list[Line]:
    """Shaped lines of `text` in logical order, each at most `limit` wide (greedy).

    Levels are resolved once per paragraph (so a bracket, a full stop or a number at the end
    of a line takes its direction from the whole paragraph) and each line keeps its share;
    `rtl` None takes each paragraph's direction from its first strong letter.
    """
    lines: list[Line] = []
    space = width(" ", size, bold)
    for paragraph in clean(shape(text)).split("\n"):
        own = first_strong_rtl(paragraph) if rtl is None else rtl
        direction = bool(own)
        paragraph_levels = levels(paragraph, direction)
        spans: list[tuple[int, int]] = []  # (start, end) of each line in the paragraph
        start = end = -1
        used = 0.0
        for match in _WORD.finditer(paragraph):
            word, w = match.group(), width(match.group(), size, bold)
            gap = 0.0
            if start >= 0:  # the spaces before this word, measured once for a single space
                between = paragraph[end : match.start()]
                gap = space if between == " " else width(between, size, bold)
            if w > limit:
                if start >= 0:
                    spans.append((start, end))
                at = match.start()
                for length in _split_long(word, limit, size, bold):
                    spans.append((at, at + length))
                    at += length
                start, end = spans.pop()
                used = width(paragraph[start:end], size, bold)
            elif start >= 0 and used + gap + w > limit:
                spans.append((start, end))
                start, end, used = match.start(), match.end(), w
            else:
                if start < 0:
                    start = match.start()
                end, used = match.end(), used + gap + w
        spans.append((start, end) if start >= 0 else (0, 0))
        drawn = _SPACE.sub(" ", paragraph)  # a tab drawn as a space
        lines.extend(Line.of(drawn[a:b], paragraph_levels[a:b], direction) for a, b in spans)
    return lines


class VisualLine:
    """A line in drawing order, as runs of one font each; each run's width is measured when
    first asked for (a left-aligned line of one run is drawn without measuring it)."""

    def __init__(self, runs: list[tuple[str, str]], size: float) -> None:
        self.runs, self.size = runs, size  # (font, text) left to right
        self._advances: list[float] | None = None

    @property
    def advances(self) -> list[float]:
        if self._advances is None:
            self._advances = [pdfmetrics.stringWidth(t, f, self.size) for f, t in self.runs]
        return self._advances

    @property
    def width(self) -> float:
        return sum(self.advances)


def layout_line(line: str, rtl: bool, size: float, bold: bool = False) -> VisualLine:
    return VisualLine(font_runs(visual(line, rtl), bold), size)


class Pen:
    """Adds runs to one text object (one per paragraph: canvas.drawString makes one per run,
    and measures each run again), writing only what changes: the font when it is not the
    current one, the position when the run does not start where the last line left the
    cursor (each run ends with T*, one leading down from where it began)."""

    def __init__(self, text, size: float, leading: float | None = None) -> None:
        self.text, self.size = text, size
        self.leading = size * 1.2 if leading is None else leading  # reportlab's default
        self.font: str | None = None
        self.cursor: tuple[float, float] | None = None

    def run(self, x: float, y: float, font: str, chunk: str) -> None:
        if font != self.font:
            self.text.setFont(font, self.size, self.leading)
            self.font = font
        if self.cursor != (x, y):
            self.text.setTextOrigin(x, y)
        self.text.textLine(chunk)  # textOut would measure the run again
        self.cursor = (x, y - self.leading)

    def line(self, x: float, y: float, vline: VisualLine) -> None:
        """A laid-out line with its left edge at x (callers align it)."""
        last = len(vline.runs) - 1
        for n, (font, chunk) in enumerate(vline.runs):
            self.run(x, y, font, chunk)
            if n < last:
                x += vline.advances[n]


def draw_line(canvas, x: float, y: float, vline: VisualLine, size: float) -> None:
    """Draw a laid-out line with its left edge at x (callers align it)."""
    text = canvas.beginText()
    Pen(text, size).line(x, y, vline)
    canvas.drawText(text)
