"""The Word report as staff edit it: A4 with margins and page numbers, headings and labels
kept with what follows, the bundled fonts in every style, right-to-left styles in Arabic,
language tags only on translated text, the charts as pictures of the PDF's drawings with
tables whose headers say what they hold, and styles resolved once per document."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.styles.styles import Styles
from PIL import Image
from report_data import ARABIC_TAKEAWAY, build_series

from facilitator.exports.report_docx import render_docx
from facilitator.exports.report_model import build_report
from facilitator.i18n import gettext_in


def word(lang="en", arabic=False, sessions=1):
    report = build_report(build_series(arabic=arabic, sessions=sessions), lang)
    data = render_docx(report)
    return report, data, docx.Document(io.BytesIO(data))


def test_pages_are_a4_with_margins_and_numbered():
    _r, _d, doc = word()
    section = doc.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert abs(section.left_margin - Cm(2.2)) < Cm(0.01)
    footer = section.footer._element.xml
    assert 'w:instr="PAGE"' in footer and "Page " in footer


@pytest.mark.parametrize("kind", ["Title", "Heading 1", "Heading 2", "Report Label", "Chart Title"])
def test_titles_headings_and_labels_keep_with_next(kind):
    _r, _d, doc = word()
    assert doc.styles[kind].paragraph_format.keep_with_next
    label = gettext_in("en", "{heading}:").format(heading=gettext_in("en", "Challenges"))
    paragraph = next(p for p in doc.paragraphs if p.text == label)
    assert paragraph.style.paragraph_format.keep_with_next  # "Challenges:" not left alone


def _fonts_of(style):
    while style is not None:
        rpr = style.element.rPr
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if fonts is not None:
            return fonts
        style = style.base_style
    return None


def test_every_style_uses_the_bundled_fonts_and_no_theme_font():
    _r, data, doc = word()
    used = {p.style.style_id for p in doc.paragraphs} | {"Footer"}
    for style in doc.styles:
        if style.style_id not in used:
            continue
        fonts = _fonts_of(style)
        assert fonts is not None, style.name
        assert (
            fonts.get(qn("w:ascii")) == "Noto Sans" and fonts.get(qn("w:cs")) == "Noto Sans Arabic"
        )
        assert not any("Theme" in key or "theme" in key for key in fonts.attrib), style.name
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles_xml = archive.read("word/styles.xml").decode()
    defaults = styles_xml[styles_xml.find("<w:docDefaults") : styles_xml.find("</w:docDefaults>")]
    assert 'w:ascii="Noto Sans"' in defaults and "Theme" not in defaults


def test_arabic_styles_are_right_to_left_and_arabic_runs_are_rtl():
    _r, _d, doc = word("ar", arabic=True)
    for name in ("Normal", "Title", "Heading 1", "List Bullet", "Report Label"):
        assert doc.styles[name].element.pPr.find(qn("w:bidi")) is not None, name
    arabic = next(p for p in doc.paragraphs if p.text == ARABIC_TAKEAWAY)
    assert arabic._p.pPr.find(qn("w:bidi")) is None  # the style says it already
    assert all(r._r.rPr.find(qn("w:rtl")) is not None for r in arabic.runs)
    english = next(p for p in doc.paragraphs if p.text.startswith("Weak coordination"))
    assert english._p.pPr.find(qn("w:bidi")).get(qn("w:val")) == "0"  # its own direction
    _r, _d, en = word("en")
    assert all(
        en.styles[n].element.pPr is None or en.styles[n].element.pPr.find(qn("w:bidi")) is None
        for n in ("Normal", "Heading 1")
    )


def _lang(run):
    rpr = run._r.rPr
    found = rpr.find(qn("w:lang")) if rpr is not None else None
    return None if found is None else found.get(qn("w:val"))


def test_translated_text_is_tagged_with_the_export_language_and_people_s_text_is_not():
    _r, data, doc = word("fr")
    heading = next(p for p in doc.paragraphs if p.text == gettext_in("fr", "Background"))
    assert {_lang(r) for r in heading.runs} == {"fr-FR"}
    takeaway = next(p for p in doc.paragraphs if p.text.startswith("Weak coordination"))
    assert {_lang(r) for r in takeaway.runs} == {None}  # English text, not spell-checked as French
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles_xml = archive.read("word/styles.xml").decode()
    assert "<w:lang" not in styles_xml  # nothing inherited from a style or the defaults


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_charts_are_pictures_of_the_pdf_drawings_with_labelled_tables(lang):
    report, data, doc = word(lang)
    charts = [b.chart for b in report.blocks if b.kind == "chart"]
    assert charts
    pictures = doc.inline_shapes
    assert len(pictures) == len(charts)
    assert [p._inline.docPr.get("descr") for p in pictures] == [c.title for c in charts]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
        image = Image.open(io.BytesIO(archive.read(media[0])))
    assert image.format == "PNG" and image.width > 1000  # 200 dpi over the text width
    assert image.convert("L").getextrema()[0] < 100  # something dark is drawn on it
    agenda = doc.tables[0]
    header = [c.text for c in agenda.rows[0].cells]
    if lang == "en":
        assert header == ["Agenda item", "Planned (minutes)", "Actual (minutes)"]
    assert len(set(header)) == len(header)  # never "Minutes | Minutes"
    assert agenda.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_styles_are_resolved_once_not_per_paragraph(monkeypatch):
    calls = []
    original = Styles.__getitem__

    def counting(self, key):
        calls.append(key)
        return original(self, key)

    monkeypatch.setattr(Styles, "__getitem__", counting)
    report = build_report(build_series(sessions=3, interventions=30), "en")
    assert len(report.blocks) > 100
    render_docx(report)
    assert len(calls) < 40  # once per style, whatever the number of paragraphs
