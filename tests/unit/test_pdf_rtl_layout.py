"""Right to left in the PDF, done by UAX#9 in its two halves: levels resolved once per
paragraph (isolates, paired brackets), each wrapped line reordered from its share (L1-L4,
mirrored brackets); the paragraph's direction from the export language. Checked on the glyph
positions `pdftotext -bbox` reads (poppler), and on any text at all with Hypothesis."""

from __future__ import annotations

import subprocess
from html import unescape

from bidi.mirror import MIRRORED
from hypothesis import given, settings
from hypothesis import strategies as st
from report_data import build_series
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from test_pdf_arabic_order import WORD, logical

from facilitator.exports import pdf_bidi
from facilitator.exports.report_model import Block, Report, build_report
from facilitator.exports.report_pdf import STYLES, render_pdf

FRAME = A4[0] - 4.4 * cm  # the report's text width
FILLER = "وشارك في الحوار ممثلو الدول والمنظمات".split()
IFRC = "International Federation of Red Cross and Red Crescent Societies (IFRC), and the IOM"
ZOOM = "وعقدت الجلسة عبر منصة Zoom. The recording is online بعد ذلك"


def breaking_before(tail: str, word: str) -> str:
    """Arabic filler then `tail`, so that the report's wrap starts a line with `word`."""
    size = STYLES["paragraph"].size
    for n in range(1, 120):
        text = " ".join(FILLER[k % len(FILLER)] for k in range(n)) + " " + tail
        lines = pdf_bidi.wrap(text, FRAME, size, rtl=True)
        if any(str(line).startswith(word) for line in lines[1:]):
            return text
    raise AssertionError("no filler puts the word at a line start")


def breaking_after(tail: str, word: str) -> str:
    size = STYLES["paragraph"].size
    for n in range(1, 120):
        text = " ".join(FILLER[k % len(FILLER)] for k in range(n)) + " " + tail
        lines = pdf_bidi.wrap(text, FRAME, size, rtl=True)
        if any(str(line).endswith(word) for line in lines[:-1]):
            return text
    raise AssertionError("no filler puts the word at a line end")


def words(pdf: bytes, tmp_path) -> list[tuple[float, float, str]]:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        (float(y0), float(x0), logical(unescape(t))) for x0, y0, _x1, _y1, t in WORD.findall(out)
    ]


def test_bracket_starting_a_line_keeps_the_direction_of_the_latin_text_before_it(tmp_path):
    text = breaking_before(IFRC, "(IFRC),")
    found = {
        w
        for _y, _x, w in words(
            render_pdf(Report("ar", "ar", [Block("paragraph", text, True)])), tmp_path
        )
    }
    assert "(IFRC)," in found  # not "IFRC)," with the bracket thrown to the end of the line
    assert "and)" not in found and "and(" not in found


def test_full_stop_ending_a_line_stays_after_the_latin_word(tmp_path):
    text = breaking_after(ZOOM, "Zoom.")
    found = {
        w
        for _y, _x, w in words(
            render_pdf(Report("ar", "ar", [Block("paragraph", text, True)])), tmp_path
        )
    }
    assert "Zoom." in found and ".Zoom" not in found


def test_lines_of_a_wrapped_paragraph_use_the_paragraph_levels():
    lines = pdf_bidi.wrap(breaking_before(IFRC, "(IFRC),"), FRAME, 10, rtl=True)
    line = next(line for line in lines if str(line).startswith("(IFRC),"))
    assert pdf_bidi.visual(line, rtl=True).startswith("(IFRC), and")


def test_arabic_paragraph_that_begins_with_a_latin_name_is_right_to_left(tmp_path):
    text = "IOM وشركاؤها في البحث عن المهاجرين المفقودين"
    got = words(render_pdf(Report("ar", "ar", [Block("paragraph", text, True)])), tmp_path)
    line = [(x, w) for y, x, w in got if w in text.split()]
    assert max(line)[1] == "IOM"  # its first word is the rightmost: the paragraph is RTL


def test_translated_sentence_takes_the_export_language_direction():
    assert pdf_bidi.paragraph_rtl("Zoom", doc_rtl=True, user=False)
    assert not pdf_bidi.paragraph_rtl("Create safe spaces.", doc_rtl=True, user=True)
    assert pdf_bidi.paragraph_rtl("IOM وشركاؤها", doc_rtl=True, user=True)
    assert not pdf_bidi.paragraph_rtl("IOM وشركاؤها", doc_rtl=False, user=True)


def test_isolated_latin_name_keeps_its_brackets_inside_an_arabic_sentence():
    # "(" after an isolate: the isolate is one neutral for the sentence, its brackets its own.
    line = pdf_bidi.visual("المنظمون: \u2068Migration (IOM), and UNHCR\u2069.", rtl=True)
    assert "Migration (IOM), and UNHCR" in line
    assert line.startswith(".")  # the sentence's full stop at its (left) end


BIDI_CONTROLS = [chr(c) for c in pdf_bidi.BIDI_CONTROLS] + ["\u200c", "\u200d", "\u2029", "\t"]
ANY_BMP = st.characters(min_codepoint=0, max_codepoint=0xFFFF, exclude_categories=())
PIECE = st.one_of(
    st.sampled_from([*BIDI_CONTROLS, "(", ")", "[", "]", ".", " ", "IOM", "منظمة", "١٢", "12"]),
    ANY_BMP,
    st.sampled_from(["\ud800", "\udfff"]),  # lone surrogates from broken pasted text
)


def unmirrored(ch: str) -> str:
    return min(ch, MIRRORED.get(ch, ch))


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECE, max_size=30).map("".join), st.booleans(), st.floats(20, 400))
def test_any_text_with_any_control_wraps_and_lays_out(text, rtl, limit):
    for line in pdf_bidi.wrap(text, limit, 10, rtl=rtl):
        shown = pdf_bidi.layout_line(line, rtl, 10)
        drawn = "".join(t for _f, t in shown.runs)
        assert not set(drawn) & set(BIDI_CONTROLS[:-4])  # controls are never drawn
        kept = str(line).translate(pdf_bidi.BIDI_CONTROLS)
        assert sorted(map(unmirrored, drawn)) == sorted(map(unmirrored, kept))  # nothing lost


@settings(max_examples=8, deadline=None)
@given(st.lists(PIECE, min_size=1, max_size=40).map("".join))
def test_any_text_in_an_arabic_pdf_is_rendered(text):
    assert render_pdf(Report("ar", "ar", [Block("paragraph", text, True)])).startswith(b"%PDF")


def test_organizers_are_isolated_inside_the_arabic_sentence(tmp_path):
    content = build_series()
    content.sessions[0].session.organisers = "Migration Network (IOM), and UNHCR."
    ar = build_report(content, "ar")
    line = next(b.text for b in ar.blocks if "UNHCR" in b.text)
    # The sentence's own full stop ends it; the organisers' list is isolated inside it.
    assert "\u2068Migration Network (IOM), and UNHCR\u2069" in line
    en = build_report(content, "en")
    assert not any("\u2068" in b.text for b in en.blocks)  # no invisible marks where unneeded
    found = {w for _y, _x, w in words(render_pdf(ar), tmp_path)}
    # The Arabic sentence's full stop ends it on the left, beside the isolated list.
    assert "(IOM)," in found and "UNHCR" in found and ".Migration" in found
