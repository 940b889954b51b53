"""The PDF report in the five languages: opens, seed sections in order, figures, take-aways,
embedded fonts, charts drawn."""

from __future__ import annotations

import subprocess

import pytest
from report_checks import LANGS, assert_report_text, pdf_text
from report_data import build_series

from facilitator.domain import narrative
from facilitator.exports import registry
from facilitator.exports.progress import NO_PROGRESS
from facilitator.exports.report_model import Block, Report
from facilitator.exports.report_pdf import AFTER_LIST, STYLES, _flowables, render_pdf
from facilitator.i18n import gettext_in


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_report_has_the_seed_sections_figures_and_takeaways(tmp_path, lang):
    out = tmp_path / f"report-{lang}.pdf"
    assert registry.export("pdf", build_series(), out, lang) == [out]
    assert out.read_bytes().startswith(b"%PDF-")
    text = pdf_text(out)
    assert_report_text(text, lang, ordered=lang != "ar")
    assert gettext_in(lang, "Planned and actual minutes per agenda item") in text


def test_pdf_embeds_the_bundled_fonts(tmp_path):
    out = tmp_path / "fonts.pdf"
    registry.export("pdf", build_series(arabic=True), out, "ar")
    fonts = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    names = " ".join(r[0] for r in rows)
    assert "NotoSans" in names and "NotoSansArabic" in names
    # Columns: name type encoding emb sub uni object ID; every font embedded (and subset).
    assert all("yes" in r[-5:-3] for r in rows), fonts


def test_series_report_has_every_session(tmp_path):
    out = tmp_path / "series.pdf"
    content = build_series(sessions=3)
    registry.export("pdf", content, out, "en")
    text = pdf_text(out)
    assert text.index("Session 1") < text.index("Session 2") < text.index("Session 3")
    assert text.count("Background of the test session.") == 3


def test_one_session_of_a_series(tmp_path):
    out = tmp_path / "one.pdf"
    content = build_series(sessions=3)
    registry.export("pdf", content, out, "en", [content.sessions[1].session.id])
    text = pdf_text(out)
    assert "Session 2" in text and "Session 1" not in text and "Session 3" not in text


def test_a_paragraph_after_a_list_stands_apart_from_its_last_item():
    blocks = [Block("bullet", "An item"), Block("paragraph", "After"), Block("paragraph", "Next")]
    story = _flowables(Report("en", "t", blocks), 400, NO_PROGRESS)
    assert story[1].spaceBefore == AFTER_LIST
    assert story[2].spaceBefore == STYLES["paragraph"].space_before


def test_the_space_after_a_list_survives_a_page_break_inside_the_paragraph():
    blocks = [Block("bullet", "An item"), Block("paragraph", " ".join(["word"] * 400))]
    paragraph = _flowables(Report("en", "t", blocks), 400, NO_PROGRESS)[1]
    head, _tail = paragraph.split(400, 100)
    assert head.spaceBefore == AFTER_LIST


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_printed_addresses_are_links(tmp_path, lang):
    source = (
        "Watch the [recording](https://example.org/rec) or read [اللجنة](https://example.org/ar)"
    )
    spans = narrative.parse(source).blocks[0].spans
    block = Block("paragraph", narrative.plain(spans), True, spans=spans)
    path = tmp_path / "links.pdf"
    path.write_bytes(render_pdf(Report(lang, "t", [block])))
    listed = subprocess.run(
        ["pdfinfo", "-url", str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "https://example.org/rec" in listed and "https://example.org/ar" in listed
