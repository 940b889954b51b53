"""Right-to-left and mixed-script text for reportlab: fonts, shaping, wrapping, line order.

reportlab draws a string left to right in one font. Arabic needs three more things, done here
in an order that keeps every wrapped line right:

1. shaping: Arabic letters take their joined (initial, medial, final) forms. arabic-reshaper
   turns the logical text into Unicode presentation forms, which the bundled Noto Sans Arabic
   maps to its joined glyphs, so text extracted from the PDF is still Arabic;
2. wrapping in LOGICAL order, by measured width, so that the first words of a paragraph are on
   its first line (wrapping a visually reordered paragraph puts its end on the first line);
3. reordering each wrapped line on its own with the Unicode bidi algorithm (python-bidi's
   reference implementation, which also mirrors brackets), so Latin names and numbers inside
   Arabic keep their reading order.

Then each visual line is split into runs by font (Noto Sans for Latin, Cyrillic, digits and
punctuation; Noto Sans Arabic for Arabic) and drawn run after run.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import arabic_reshaper
from bidi import get_display as get_display_uba
from bidi.algorithm import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

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
_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={
        "delete_harakat": False,
        "support_ligatures": True,
        "arabic ligature allah": False,
    }
)
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


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)


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
    if not any(is_arabic(ch) for ch in text):
        return text
    shaped = _RESHAPER.reshape(text)
    cmap = _arabic_cmap()
    # A presentation form the font lacks falls back to its plain letter (still readable).
    return "".join(
        ch if not is_arabic(ch) or ord(ch) in cmap else unicodedata.normalize("NFKC", ch)
        for ch in shaped
    )


ISOLATES = dict.fromkeys(range(0x2066, 0x206A))
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F])


def visual(line: str, rtl: bool) -> str:
    """One shaped, already-wrapped line in visual (left-to-right drawing) order."""
    if not rtl and not has_rtl(line):
        return line.translate(BIDI_CONTROLS)
    # python-bidi's Python algorithm mirrors brackets, which its newer Rust one does not, but
    # it predates isolates (U+2066-U+2069) and asserts on them: they are taken out first (the
    # text around them keeps its order by its own letters). No control is drawn.
    base = "R" if rtl else "L"
    try:
        shown = get_display(line.translate(ISOLATES), base_dir=base)
    except AssertionError:  # a code point it has no bidi class for (unassigned): the newer one
        shown = get_display_uba(line, base_dir=base)
    return shown.translate(BIDI_CONTROLS)


def font_runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split visual text into (font name, text) runs; spaces stay with the run they are in."""
    runs: list[tuple[str, str]] = []
    current: str | None = None
    chunk: list[str] = []
    for ch in text:
        if ch == " " and current is not None:
            chunk.append(ch)
            continue
        font = ARABIC[bold] if is_arabic(ch) else LATIN[bold]
        if font != current and chunk:
            runs.append((current or font, "".join(chunk)))
            chunk = []
        current = font
        chunk.append(ch)
    if chunk:
        runs.append((current or LATIN[bold], "".join(chunk)))
    return runs


def width(text: str, size: float, bold: bool = False) -> float:
    """The drawn width of shaped text (order does not change a width)."""
    register_fonts()
    if not any(is_arabic(ch) for ch in text):
        return pdfmetrics.stringWidth(text, LATIN[bold], size)
    return sum(pdfmetrics.stringWidth(t, f, size) for f, t in font_runs(text, bold))


def _split_long(word: str, limit: float, size: float, bold: bool) -> list[str]:
    """A word wider than a line (a long URL) is cut where it must be."""
    pieces, piece = [], ""
    for ch in word:
        if piece and width(piece + ch, size, bold) > limit:
            pieces.append(piece)
            piece = ""
        piece += ch
    return pieces + ([piece] if piece else [])


def wrap(text: str, limit: float, size: float, bold: bool = False) -> list[str]:
    """Shaped lines of `text` in logical order, each at most `limit` wide (greedy)."""
    lines: list[str] = []
    space = width(" ", size, bold)
    for paragraph in shape(text).split("\n"):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split():
            w = width(word, size, bold)
            if w > limit:
                if line:
                    lines.append(" ".join(line))
                pieces = _split_long(word, limit, size, bold)
                lines.extend(pieces[:-1])
                line, used = [pieces[-1]], width(pieces[-1], size, bold)
            elif line and used + space + w > limit:
                lines.append(" ".join(line))
                line, used = [word], w
            else:
                used += (space if line else 0.0) + w
                line.append(word)
        lines.append(" ".join(line))
    return lines


@dataclass
class VisualLine:
    runs: list[tuple[str, str]]  # (font, text) left to right
    width: float


def layout_line(line: str, rtl: bool, size: float, bold: bool = False) -> VisualLine:
    runs = font_runs(visual(line, rtl), bold)
    total = sum(pdfmetrics.stringWidth(t, f, size) for f, t in runs)
    return VisualLine(runs, total)


def draw_line(canvas, x: float, y: float, vline: VisualLine, size: float) -> None:
    """Draw a laid-out line with its left edge at x (callers align it)."""
    for font, text in vline.runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y, text)
        x += pdfmetrics.stringWidth(text, font, size)
