"""The summary report as a Word document (python-docx).

Word shapes and orders Arabic itself when told which paragraphs are right to left: each
paragraph gets <w:bidi/> when its text starts right to left (as HTML's dir="auto"), and runs
of Arabic get <w:rtl/> and the complex-script font. Text is added as runs (python-docx escapes it), so people's text is never
markup; charts become small tables of the same numbers.
"""

from __future__ import annotations

import io

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from facilitator.exports import pdf_bidi
from facilitator.exports.progress import NO_PROGRESS, Progress
from facilitator.exports.report_model import Block, Report

LATIN_FONT, ARABIC_FONT = "Noto Sans", "Noto Sans Arabic"
# Elements that follow w:bidi in w:pPr and w:bidiVisual in w:tblPr (the schema fixes the order).
_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_AFTER_BIDI_VISUAL = (
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
)
STYLE_OF = {
    "title": "Title",
    "heading": "Heading 1",
    "subheading": "Heading 2",
    "bullet": "List Bullet",
}


def _set_fonts(rpr, lang: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(key), LATIN_FONT)
    fonts.set(qn("w:cs"), ARABIC_FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), lang)
    language.set(qn("w:bidi"), "ar-SA")
    rpr.append(language)


def _document(report: Report) -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(10.5)
    _set_fonts(normal.element.get_or_add_rPr(), report.lang)
    props = doc.core_properties
    props.title = report.title
    props.language = report.lang
    props.author = ""
    return doc


def _direction(paragraph, text: str, doc_rtl: bool) -> None:
    own = pdf_bidi.first_strong_rtl(text)
    rtl = doc_rtl if own is None else own
    if rtl:  # right to left, aligned right; other paragraphs left to right (as dir="auto")
        paragraph._p.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def _add_text(paragraph, text: str, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.bold = bold or None
    if pdf_bidi.has_rtl(text):
        rpr = run._r.get_or_add_rPr()
        rpr.get_or_add_rtl()
        if bold:
            rpr.get_or_add_bCs()


def _paragraph(doc, block: Block, rtl: bool) -> None:
    style = STYLE_OF.get(block.kind)
    if block.kind == "bullet" and block.level:
        style = f"List Bullet {block.level + 1}"  # nested bullets (Block.level)
    paragraph = doc.add_paragraph(style=style) if style else doc.add_paragraph()
    _direction(paragraph, block.text, rtl)
    bold = block.kind == "label"
    if block.kind in ("subtitle",):
        paragraph.paragraph_format.space_after = Pt(6)
    _add_text(paragraph, block.text, bold=bold)
    if block.kind == "subtitle":
        for run in paragraph.runs:
            run.font.size = Pt(13)


def _chart_table(doc, block: Block, report: Report) -> None:
    chart = block.chart
    caption = doc.add_paragraph()
    _direction(caption, chart.title, report.rtl)
    _add_text(caption, chart.title, bold=True)
    rows = chart.rows(report.lang)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    if report.rtl:
        table._tbl.tblPr.insert_element_before(OxmlElement("w:bidiVisual"), *_AFTER_BIDI_VISUAL)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c).paragraphs[0]
            _direction(cell, value, report.rtl)
            _add_text(cell, value, bold=r == 0)
    doc.add_paragraph()


def _text_table(doc, rows: list[list[str]], rtl: bool) -> None:
    """A table of text (the series report's sessions), header row in bold."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    if rtl:
        table._tbl.tblPr.insert_element_before(OxmlElement("w:bidiVisual"), *_AFTER_BIDI_VISUAL)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c).paragraphs[0]
            _direction(cell, value, rtl)
            _add_text(cell, value, bold=r == 0)
    doc.add_paragraph()


def render_docx(report: Report, progress: Progress = NO_PROGRESS) -> bytes:
    doc = _document(report)
    total = len(report.blocks)
    for n, block in enumerate(report.blocks):
        if n % 50 == 0:
            progress.step(n, total)
        if block.kind == "page_break":
            doc.add_page_break()
        elif block.kind == "chart" and block.chart is not None:
            _chart_table(doc, block, report)
        elif block.kind == "table" and block.rows:
            _text_table(doc, block.rows, report.rtl)
        else:
            _paragraph(doc, block, report.rtl)
    buffer = io.BytesIO()
    doc.save(buffer)
    progress.step(total, total)
    return buffer.getvalue()
