"""The summary report as PDF (reportlab platypus), in any of the five languages.

All text goes through one flowable, BidiText, that wraps and draws with pdf_bidi: people's
text is never parsed as reportlab's paragraph markup (so "<b>", "&" or "<img src=...>" are
printed as typed), Arabic is shaped and ordered right to left line by line, and Latin,
Cyrillic and Arabic each get a bundled Noto font, embedded in the file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

from facilitator.exports import pdf_bidi
from facilitator.exports.doc_properties import DocumentMeta, now_meta
from facilitator.exports.progress import NO_PROGRESS, Progress
from facilitator.exports.report_charts import draw_chart
from facilitator.exports.report_model import Block, Report
from facilitator.i18n import format_number, gettext_in


@dataclass(frozen=True)
class TextStyle:
    size: float
    bold: bool = False
    space_before: float = 0.0
    space_after: float = 4.0
    indent: float = 0.0
    keep_with_next: bool = False

    @property
    def leading(self) -> float:
        return self.size * 1.4


STYLES: dict[str, TextStyle] = {
    "title": TextStyle(18, True, 0, 6, keep_with_next=True),
    "subtitle": TextStyle(12.5, False, 0, 6, keep_with_next=True),
    "date": TextStyle(11, False, 0, 10, keep_with_next=True),
    "heading": TextStyle(13.5, True, 14, 5, keep_with_next=True),
    "subheading": TextStyle(11.5, True, 10, 4, keep_with_next=True),
    "label": TextStyle(10.5, True, 6, 3, keep_with_next=True),
    "paragraph": TextStyle(10, False, 0, 6),
    "bullet": TextStyle(10, False, 0, 3, indent=16),
    "chart_title": TextStyle(10, True, 8, 4, keep_with_next=True),
    "bullet1": TextStyle(10, False, 0, 3, indent=32),  # nested bullets (Block.level)
    "bullet2": TextStyle(10, False, 0, 3, indent=48),
    "footnote": TextStyle(8.5, False, 0, 2),
}
BULLET = "•"
AFTER_LIST = 10.0  # points between a list and the paragraph after it


class BidiText(Flowable):
    """A paragraph of plain text in any script, aligned to the start of its own direction."""

    def __init__(
        self,
        text: str,
        style: TextStyle,
        doc_rtl: bool,
        user: bool,
        bullet: bool = False,
        lines: list[str] | None = None,
        first: bool = True,
        links: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.links = links  # addresses printed in the text, made clickable where drawn
        self.text, self.style, self.doc_rtl, self.bullet = text, style, doc_rtl, bullet
        # The export language's direction; people's text in the other script only is theirs.
        self.rtl = pdf_bidi.paragraph_rtl(text, doc_rtl, user)
        self.user = user
        # Lines given by a split were wrapped for this frame width already.
        self._lines = lines
        self._fixed = lines is not None
        self._for_width: float | None = None
        self.first = first
        self.spaceBefore = style.space_before if first else 0.0
        self.spaceAfter = style.space_after
        self.keepWithNext = style.keep_with_next

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        self.avail = availWidth
        limit = availWidth - self.style.indent
        if not self._fixed and self._for_width != limit:
            self._lines = pdf_bidi.wrap(
                self.text, limit, self.style.size, self.style.bold, self.rtl
            )
            self._for_width = limit
        self.height = len(self._lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        self.wrap(availWidth, availHeight)
        fits = int(availHeight // self.style.leading)
        if fits <= 0:
            return []
        if fits >= len(self._lines):
            return [self]
        if fits == 1 and len(self._lines) > 2:  # no lone first line at the foot of a page
            return []
        if len(self._lines) - fits == 1:  # nor a lone last line at the head of the next
            fits -= 1
            if fits <= 1:
                return []
        make = lambda lines, first: BidiText(  # noqa: E731
            self.text, self.style, self.doc_rtl, self.user, self.bullet, lines, first, self.links
        )
        head, tail = make(self._lines[:fits], self.first), make(self._lines[fits:], False)
        head.keepWithNext = False
        head.spaceBefore = self.spaceBefore  # as set for this paragraph (after a list)
        return [head, tail]

    def _link(self, vline: pdf_bidi.VisualLine, x: float, y: float) -> None:
        """A link annotation over each address drawn on this line (an address is one word:
        it is never cut between lines unless it is wider than a line)."""
        drawn = "".join(run for _font, run in vline.runs)
        size, bold = self.style.size, self.style.bold
        for url in self.links:
            at = drawn.find(url)
            if at >= 0:
                x0 = x + pdf_bidi.width(drawn[:at], size, bold)
                x1 = x0 + pdf_bidi.width(url, size, bold)
                rect = (x0, y - 0.25 * size, x1, y + 0.9 * size)
                self.canv.linkURL(url, rect, relative=1, thickness=0)

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        size, leading = style.size, style.leading
        y = self.height - size
        text = canvas.beginText()  # one text object for the paragraph
        pen = pdf_bidi.Pen(text, size, leading)
        if self.bullet and self.first and self._lines:
            bx = self.avail - style.indent / 2 - 3 if self.rtl else style.indent / 2 - 3
            pen.run(bx, y, pdf_bidi.LATIN[False], BULLET)
        for line in self._lines or []:
            vline = pdf_bidi.layout_line(line, self.rtl, size, style.bold)
            x = self.avail - style.indent - vline.width if self.rtl else style.indent
            pen.line(x, y, vline)
            if self.links:
                self._link(vline, x, y)
            y -= leading
        canvas.drawText(text)


def _flowables(report: Report, width: float, progress: Progress) -> list[Flowable]:
    rtl = report.rtl
    story: list[Flowable] = []
    total = len(report.blocks)
    previous = ""
    for n, block in enumerate(report.blocks):
        if n % 50 == 0:
            progress.step(n, total * 2)
        flowables = _block(block, rtl, width, report.lang)
        if previous == "bullet" and block.kind == "paragraph" and flowables:
            # A paragraph after a list stands apart from its last item (seed 003's closing).
            flowables[0].spaceBefore = max(flowables[0].spaceBefore, AFTER_LIST)
        previous = block.kind
        story.extend(flowables)
    return story


def _block(block: Block, rtl: bool, width: float, lang: str) -> list[Flowable]:
    if block.kind == "page_break":
        return [PageBreak()]
    if block.kind == "chart" and block.chart is not None:
        title = BidiText(block.chart.title, STYLES["chart_title"], rtl, user=False)
        return [title, draw_chart(block.chart, width, lang, rtl), Spacer(1, 6)]
    if block.kind == "table" and block.rows:
        return [_table(block.rows, rtl, width), Spacer(1, 8)]
    name = f"{block.kind}{block.level}" if block.level else block.kind
    style = STYLES.get(name, STYLES["paragraph"])
    links = tuple(dict.fromkeys(s.url for s in block.spans if s.url))
    bullet = block.kind == "bullet"
    return [BidiText(block.text, style, rtl, block.user, bullet=bullet, links=links)]


def _table(rows: list[list[str]], rtl: bool, width: float) -> Table:
    """A table of text (the series report's sessions), its first column at the start side."""
    shares = [0.32, 0.5, 0.18][: len(rows[0])]
    cells = [
        [BidiText(c, STYLES["label" if r == 0 else "paragraph"], rtl, r > 0) for c in row]
        for r, row in enumerate(rows)
    ]
    widths = [width * s / sum(shares) for s in shares]
    if rtl:
        cells, widths = [row[::-1] for row in cells], widths[::-1]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _page_number(lang: str):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        label = gettext_in(lang, "Page {number}").format(number=format_number(doc.page, lang))
        vline = pdf_bidi.layout_line(pdf_bidi.shape(label), pdf_bidi.has_rtl(label), 8)
        pdf_bidi.draw_line(canvas, (A4[0] - vline.width) / 2, 1.2 * cm, vline, 8)
        canvas.restoreState()

    return draw


def _properties(meta: DocumentMeta) -> dict:
    """The Info dictionary: redacted title, this application, no "(anonymous)" author."""
    return {
        "title": meta.title,
        "author": meta.generator,
        "subject": meta.subject,
        "creator": meta.generator,
        "producer": meta.generator,
        "keywords": [],
        "lang": meta.language,
    }


def _stamped(meta: DocumentMeta) -> type[Canvas]:
    """A canvas whose CreationDate and ModDate are the export time (UTC), not the clock's."""
    moment = meta.w3cdtf()

    class StampedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            stamp = self._doc._timeStamp
            stamp.YMDhms = moment.timetuple()[:6]
            stamp.dhh = stamp.dmm = 0

    return StampedCanvas


def render_pdf(report: Report, progress: Progress = NO_PROGRESS) -> bytes:
    """The report as PDF bytes."""
    buffer = io.BytesIO()
    write_pdf(report, buffer, progress)
    return buffer.getvalue()


def write_pdf(report: Report, out: BinaryIO, progress: Progress = NO_PROGRESS) -> None:
    """The report as PDF into `out` (the temporary file of exports.atomic)."""
    pdf_bidi.register_fonts()
    meta = report.meta or now_meta(
        report.title, gettext_in(report.lang, "Summary report"), report.lang
    )
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        **_properties(meta),
        initialFontName=pdf_bidi.LATIN[False],  # no reference to a non-embedded Helvetica
        initialFontSize=10,
    )
    story = _flowables(report, doc.width, progress)
    total = len(story)
    done = [0]

    def after(_flowable) -> None:
        done[0] += 1
        if done[0] % 50 == 0:
            progress.step(total + done[0], total * 2)

    doc.afterFlowable = after
    page = _page_number(report.lang)
    # Streams compressed and left binary: ASCII85 on top (reportlab's default) makes the
    # embedded fonts and pages a quarter larger and is encoded in Python, for 7-bit channels
    # no PDF goes through now. Set for this build only.
    a85, rl_config.useA85 = rl_config.useA85, 0
    try:
        doc.build(story, onFirstPage=page, onLaterPages=page, canvasmaker=_stamped(meta))
    finally:
        rl_config.useA85 = a85
    progress.step(1, 1)
