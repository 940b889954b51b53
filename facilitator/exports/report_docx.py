"""The summary report as a Word document (python-docx).

Page, fonts and styles are docx_styles' (set up once). Word shapes and orders Arabic itself
when told which paragraphs and runs are right to left: the styles are right to left in an
Arabic report, a paragraph whose direction differs from its report's says so (w:bidi), and
the Arabic parts of a text are runs of their own marked w:rtl. Translated runs carry the
export language; people's text carries none (its language is not known). Text is added as
runs (python-docx escapes it), so people's text is never markup. Each chart is the PDF's
drawing as a picture (chart_image), followed by a table of its numbers.
"""

from __future__ import annotations

import copy
import io
from unicodedata import bidirectional

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from facilitator.exports import pdf_bidi
from facilitator.exports.chart_image import drawing_png
from facilitator.exports.docx_styles import Styles, direction, set_up
from facilitator.exports.progress import NO_PROGRESS, Progress
from facilitator.exports.report_charts import draw_chart
from facilitator.exports.report_figures import Chart
from facilitator.exports.report_model import Block, Report
from facilitator.i18n import N_, gettext_in

TEXT_WIDTH = Cm(21.0 - 2 * 2.2)
# Word's language tags with a region (spell-checkers are per region).
WORD_LANG = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ar": "ar-SA", "ru": "ru-RU"}
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
# What the first column of a chart's table lists, by chart.
CATEGORY_OF = {
    "agenda_time": N_("Agenda item"),
    "speaking_time": N_("Stakeholder group"),
    "participation_group": N_("Stakeholder group"),
    "participation_gender": N_("Gender"),
}


def _document(report: Report) -> Document:
    doc = Document()
    props = doc.core_properties
    props.title = report.title
    props.language = report.lang
    props.author = ""
    return doc


def _direction_runs(text: str) -> list[tuple[str, bool]]:
    """Text cut where its strong direction changes; neutrals stay with the run they are in."""
    runs: list[tuple[str, bool]] = []
    start, rtl = 0, None
    for n, ch in enumerate(text):
        kind = bidirectional(ch)
        strong = True if kind in ("R", "AL") else False if kind == "L" else None
        if strong is None or strong == rtl:
            continue
        if rtl is not None:
            runs.append((text[start:n], rtl))
            start = n
        rtl = strong
    runs.append((text[start:], bool(rtl)))
    return runs


class _Writer:
    """Paragraphs made by copying a prepared one per style and direction (lxml, at C speed)
    and put before the section properties directly: python-docx's add_paragraph searches the
    body for them on every call, which grows with the document."""

    def __init__(self, doc, styles: Styles) -> None:
        self.doc, self.styles = doc, styles
        self.body = doc.element.body
        self.end = self.body.find(qn("w:sectPr"))
        code = WORD_LANG.get(styles.lang, styles.lang)
        self.lang = OxmlElement("w:lang")  # on every translated run
        self.lang.set(qn("w:val"), code)
        if styles.rtl:
            self.lang.set(qn("w:bidi"), code)
        self._paragraphs: dict[tuple[str, bool], object] = {}
        self._runs: dict[tuple[bool, bool], object] = {}

    def _empty_paragraph(self, kind: str, rtl: bool):
        key = (kind, rtl)
        if key not in self._paragraphs:
            p = OxmlElement("w:p")
            ppr = p.get_or_add_pPr()
            style_id = self.styles.ids.get(kind, "Normal")
            if style_id != "Normal":
                ppr.get_or_add_pStyle().val = style_id
            direction(ppr, rtl, self.styles.rtl)
            self._paragraphs[key] = p
        return copy.deepcopy(self._paragraphs[key])

    def _run(self, text: str, rtl: bool, tagged: bool):
        key = (rtl, tagged)
        if key not in self._runs:
            r = OxmlElement("w:r")
            if rtl or tagged:
                rpr = r.get_or_add_rPr()
                if rtl:
                    rpr.append(OxmlElement("w:rtl"))
                if tagged:
                    rpr.append(copy.deepcopy(self.lang))
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            r.append(t)
            self._runs[key] = r
        r = copy.deepcopy(self._runs[key])
        if "\n" in text or "\t" in text:
            r.text = text  # python-docx writes the line breaks and tabs as w:br and w:tab
        else:
            r[-1].text = text
        return r

    def paragraph(self, kind: str, text: str, user: bool, parent=None):
        rtl = pdf_bidi.paragraph_rtl(text, self.styles.rtl, user)
        p = self._empty_paragraph(kind, rtl)
        pieces = _direction_runs(text) if pdf_bidi.has_rtl(text) else [(text, False)]
        for piece, piece_rtl in pieces:
            p.append(self._run(piece, piece_rtl, not user))
        if parent is None:
            self.end.addprevious(p)
        else:
            parent.append(p)
        return p

    def chart(self, block: Block, report: Report) -> None:
        chart = block.chart
        self.paragraph("chart_title", chart.title, user=False)
        picture = self.doc.add_paragraph()
        picture._p.get_or_add_pPr().get_or_add_pStyle().val = self.styles.ids["chart"]
        width_pt = TEXT_WIDTH / 12700
        png = drawing_png(draw_chart(chart, width_pt, report.lang, report.rtl))
        shape = picture.add_run().add_picture(io.BytesIO(png), width=TEXT_WIDTH)
        shape._inline.docPr.set("descr", chart.title)  # alternative text for screen readers
        self.table(table_rows(chart, report.lang))
        self.body.add_p()

    def table(self, rows: list[list[str]]) -> None:
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        tbl_pr = table._tbl.tblPr
        tbl_pr.get_or_add_tblStyle().val = self.styles.table
        if self.styles.rtl:
            tbl_pr.insert_element_before(OxmlElement("w:bidiVisual"), *_AFTER_BIDI_VISUAL)
        header = table.rows[0]._tr.get_or_add_trPr()
        header.append(OxmlElement("w:tblHeader"))  # repeated on each page the table spans
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = table.cell(r, c)._tc
                cell.remove(cell.p_lst[0])
                p = self.paragraph("cell", value, user=c == 0 and r > 0, parent=cell)
                if r == 0:
                    for run in p.r_lst:
                        rpr = run.get_or_add_rPr()
                        rpr.get_or_add_b(), rpr.get_or_add_bCs()


def table_rows(chart: Chart, lang: str) -> list[list[str]]:
    """The chart's numbers with headers that say what each column holds and in what unit."""
    first = gettext_in(lang, CATEGORY_OF.get(chart.kind) or N_("Item"))
    header = [first] + [
        name
        if name == chart.unit
        else gettext_in(lang, "{series} ({unit})").format(series=name, unit=chart.unit)
        for name, _values in chart.series
    ]
    return [header, *chart.rows(lang)[1:]]


def render_docx(report: Report, progress: Progress = NO_PROGRESS) -> bytes:
    doc = _document(report)
    styles = set_up(doc, report.lang)
    writer = _Writer(doc, styles)
    total = len(report.blocks)
    for n, block in enumerate(report.blocks):
        if n % 200 == 0:
            progress.step(n, total)
        if block.kind == "page_break":
            doc.add_page_break()
        elif block.kind == "chart" and block.chart is not None:
            writer.chart(block, report)
        else:
            writer.paragraph(block.kind, block.text, block.user)
    buffer = io.BytesIO()
    doc.save(buffer)
    progress.step(total, total)
    return buffer.getvalue()
