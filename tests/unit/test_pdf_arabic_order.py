"""Arabic in the PDF reads right to left on every wrapped line, read from the glyph positions
that `pdftotext -bbox` gives (poppler): the first word of a paragraph is the rightmost of its
first line, its last word the leftmost of its last line, and reading every line from right to
left (Latin names and numbers left to right inside) gives the words back in their order."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from html import unescape

from facilitator.exports.pdf_bidi import is_arabic
from facilitator.exports.report_model import Block, Report
from facilitator.exports.report_pdf import render_pdf

SENTENCE = (
    "أكد المشاركون أن البحث عن المهاجرين المفقودين مسؤولية مشتركة وقال السيد Jorge Gonzalez "
    "إن أكثر من 22,000 مهاجر فقدوا منذ عام 2018 في طرق الهجرة البرية والبحرية"
)
TEXT = " ".join([SENTENCE] * 3) + " وانتهى"  # about six lines at 10 pt on A4
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def logical(word: str) -> str:
    """An extracted word as typed: Arabic glyphs come out in visual order, as presentation forms."""
    if any(is_arabic(ch) for ch in word):
        word = word[::-1]
    return unicodedata.normalize("NFKC", word)


RIGHT_EDGES: list[float] = []  # the right edge of each line of the last glyph_lines call


def glyph_lines(pdf: bytes, tmp_path) -> list[list[tuple[float, str]]]:
    """Words of page 1 grouped into lines (top to bottom), each as (x, logical word)."""
    path = tmp_path / "ar.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = []
    for x0, y0, x1, y1, text in WORD.findall(out):
        words.append(((float(y0) + float(y1)) / 2, float(x0), logical(unescape(text)), float(x1)))
    lines: list[list[tuple[float, str]]] = []
    last_y = None
    RIGHT_EDGES.clear()
    for y, x, text, x1 in sorted(words):
        if last_y is None or y - last_y > 4:
            lines.append([])
            RIGHT_EDGES.append(x1)
        lines[-1].append((x, text))
        RIGHT_EDGES[-1] = max(RIGHT_EDGES[-1], x1)
        last_y = y
    return lines


def reading_order(line: list[tuple[float, str]]) -> list[str]:
    """Right to left, but a run of Latin words and numbers keeps its left-to-right order."""
    visual = [w for _x, w in sorted(line, reverse=True)]
    result, run = [], []
    for word in visual:
        if any(is_arabic(ch) for ch in word):
            result += reversed(run)
            run = []
            result.append(word)
        else:
            run.append(word)
    return result + list(reversed(run))


def test_arabic_paragraph_wraps_and_reads_right_to_left(tmp_path):
    report = Report("ar", "ar", [Block("paragraph", TEXT, user=True)])
    lines = glyph_lines(render_pdf(report), tmp_path)
    expected = TEXT.split()
    kept = [n for n, line in enumerate(lines) if all(w in expected for _x, w in line)]
    edges = [RIGHT_EDGES[n] for n in kept]
    lines = [lines[n] for n in kept]
    assert len(lines) >= 4, "the paragraph should wrap over several lines"
    first, last = lines[0], lines[-1]
    assert max(first)[1] == expected[0]  # rightmost word of the first line
    assert min(last)[1] == expected[-1]  # leftmost word of the last line
    # Every line is flush right, the last one included: each starts at the same right edge.
    assert max(edges) - min(edges) < 0.5
    read = [w for line in lines for w in reading_order(line)]
    assert read == expected


def test_latin_name_and_numbers_keep_their_order_inside_arabic(tmp_path):
    report = Report("ar", "ar", [Block("paragraph", SENTENCE, user=True)])
    lines = glyph_lines(render_pdf(report), tmp_path)
    words = [(x, w) for line in lines for x, w in line]
    x_of = {w: x for x, w in words}
    assert x_of["Jorge"] < x_of["Gonzalez"]  # a Latin name reads left to right
    # ...and sits where the sentence puts it: after (left of) "السيد", before (right of) "إن".
    assert x_of["Gonzalez"] < x_of["السيد"] and x_of["إن"] < x_of["Jorge"]
    assert "22,000" in x_of and "2018" in x_of


def test_english_paragraph_in_an_arabic_report_keeps_its_full_stop_at_the_end(tmp_path):
    report = Report("ar", "ar", [Block("paragraph", "Create safe spaces along routes.", user=True)])
    lines = glyph_lines(render_pdf(report), tmp_path)
    line = next(line for line in lines if any(w == "Create" for _x, w in line))
    ordered = [w for _x, w in sorted(line)]
    assert ordered[0] == "Create" and ordered[-1] == "routes."
    assert min(line)[0] < 100  # aligned left, as its own direction wants


def test_the_text_layer_gives_arabic_words_back_in_logical_order(tmp_path):
    """What docs/exports.md says of the text layer: poppler reads the visually drawn Arabic
    back in logical order, word by word (as presentation forms, which NFKC folds back); the
    seams it guesses wrong (numbers, a full stop at a line's end) are left out here."""
    words = " ".join([SENTENCE.split(" Jorge")[0]] * 4)  # several wrapped lines, no digits
    path = tmp_path / "layer.pdf"
    path.write_bytes(render_pdf(Report("ar", "t", [Block("paragraph", words, True)])))
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    marks = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
    extracted = marks.sub("", unicodedata.normalize("NFKC", out)).split()
    assert extracted[: len(words.split())] == words.split()  # then the page number


def test_a_joiner_before_lam_alef_is_exported_not_a_crash(tmp_path):
    """arabic-reshaper fails on a paragraph that ends with a ZWJ and lam-alef (text pasted
    from a web page): it is shaped without the joiner and its words are in the PDF."""
    report = Report("ar", "ar", [Block("paragraph", "للترحيل قال \u200dلا", user=True)])
    lines = glyph_lines(render_pdf(report), tmp_path)
    words = [w for line in lines for w in reading_order(line)]
    assert words[:3] == ["للترحيل", "قال", "لا"]  # then the page number
