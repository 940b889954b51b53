"""Charts of a report drawn with reportlab.graphics: horizontal bars with their labels.

Readable in print and in grey: series differ by fill AND pattern (the second series is
striped), every bar carries its value as text, and a legend names the series. Labels go
through pdf_bidi (shaping, line order, Latin/Arabic fonts), and in a right-to-left report the
whole chart is mirrored: labels on the right, bars growing to the left.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from facilitator.exports import pdf_bidi
from facilitator.exports.report_figures import Chart
from facilitator.i18n import format_number

LABEL_SIZE = 8
ROW_GAP = 6
BAR_HEIGHT = 9
AXIS_HEIGHT = 16  # the scale under the bars
FILLS = (colors.Color(0.82, 0.82, 0.82), colors.Color(0.25, 0.25, 0.25))


def text_group(
    text: str, x: float, y: float, size: float, anchor: str, rtl: bool, bold: bool = False
) -> Group:
    """One line of any script as Strings, one per font run; anchor is 'start' or 'end' in x."""
    line = pdf_bidi.layout_line(pdf_bidi.shape(text), rtl, size, bold)
    left = x - line.width if anchor == "end" else x
    group = Group()
    for font, chunk in line.runs:
        group.add(String(left, y, chunk, fontName=font, fontSize=size, fillColor=colors.black))
        left += stringWidth(chunk, font, size)
    return group


def _label_lines(text: str, limit: float, rtl: bool) -> list[str]:
    lines: list[str] = pdf_bidi.wrap(
        text, limit, LABEL_SIZE, rtl=pdf_bidi.paragraph_rtl(text, rtl, True)
    )
    if len(lines) > 2:  # long agenda titles: two lines and an ellipsis
        lines = lines[:2]
        lines[1] = lines[1].rstrip() + "…"
    return lines


def _stripes(x: float, y: float, w: float, h: float) -> list[Line]:
    """Vertical white stripes inside a bar: the pattern that tells series 2 apart in grey."""
    step = 3.0
    lines, pos = [], x + step / 2
    while pos < x + w:
        lines.append(Line(pos, y, pos, y + h, strokeColor=colors.white, strokeWidth=0.8))
        pos += step
    return lines


def _bar(x: float, y: float, w: float, series: int) -> list:
    shapes: list = [
        Rect(
            x,
            y,
            w,
            BAR_HEIGHT,
            fillColor=FILLS[series % 2],
            strokeColor=colors.black,
            strokeWidth=0.4,
        )
    ]
    if series % 2 == 1 and w > 2:
        shapes += _stripes(x, y, w, BAR_HEIGHT)
    return shapes


def _legend(chart: Chart, width: float, y: float, rtl: bool) -> Group:
    group = Group()
    x = width if rtl else 0.0
    for n, (name, _values) in enumerate(chart.series):
        swatch_x = x - 12 if rtl else x
        for shape in _bar(swatch_x, y, 12, n):
            group.add(shape)
        label = text_group(
            name, x - 16 if rtl else x + 16, y + 1, LABEL_SIZE, "end" if rtl else "start", rtl
        )
        group.add(label)
        advance = 28 + pdf_bidi.width(pdf_bidi.shape(name), LABEL_SIZE)
        x = x - advance if rtl else x + advance
    return group


def ticks(top: float) -> list[float]:
    """Round values from 0 to at least `top` for the scale: steps of 1, 2 or 5 x 10^n."""
    top = max(top, 1e-9)
    raw = top / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    count = math.ceil(top / step - 1e-9)
    return [step * n for n in range(count + 1)]


def _scale(
    chart: Chart, marks: list[float], axis_x: float, bars_width: float, lang: str, rtl: bool
):
    """The value axis under the bars: a line, ticks with round values, and the unit."""
    group = Group()
    top = marks[-1] or 1.0
    end = axis_x - bars_width if rtl else axis_x + bars_width
    group.add(
        Line(axis_x, AXIS_HEIGHT, end, AXIS_HEIGHT, strokeColor=colors.black, strokeWidth=0.6)
    )
    for mark in marks:
        x = axis_x + (-1 if rtl else 1) * bars_width * mark / top
        group.add(
            Line(x, AXIS_HEIGHT, x, AXIS_HEIGHT - 3, strokeColor=colors.black, strokeWidth=0.6)
        )
        label = format_number(round(mark, 2), lang)
        w = pdf_bidi.width(pdf_bidi.shape(label), LABEL_SIZE - 1)
        group.add(text_group(label, x - w / 2, AXIS_HEIGHT - 11, LABEL_SIZE - 1, "start", rtl))
    unit_x = end - 6 if rtl else end + 6
    group.add(
        text_group(
            chart.unit, unit_x, AXIS_HEIGHT - 11, LABEL_SIZE - 1, "end" if rtl else "start", rtl
        )
    )
    return group


def draw_chart(chart: Chart, width: float, lang: str, rtl: bool) -> Drawing:
    """A horizontal bar chart `width` points wide; its height follows the number of rows.
    Under the bars a scale with round values and the unit says what the lengths measure."""
    pdf_bidi.register_fonts()
    label_width = width * 0.38
    bars_width = width - label_width - 60  # room for the value text and the unit
    marks = ticks(max((v or 0.0) for _n, values in chart.series for v in values) or 1.0)
    top = marks[-1] or 1.0
    rows = [_label_lines(c, label_width - 8, rtl) for c in chart.categories]
    per_row = [
        max(len(lines) * (LABEL_SIZE + 2), len(chart.series) * (BAR_HEIGHT + 1)) + ROW_GAP
        for lines in rows
    ]
    legend_height = 16 if len(chart.series) > 1 else 0
    height = sum(per_row) + legend_height + 4 + AXIS_HEIGHT
    drawing = Drawing(width, height, initialFontName=pdf_bidi.LATIN[False])
    y = height - legend_height
    if legend_height:
        drawing.add(_legend(chart, width, height - 11, rtl))
    axis_x = width - label_width if rtl else label_width
    for n, lines in enumerate(rows):
        y -= per_row[n]
        row_top = y + per_row[n] - ROW_GAP
        for k, line in enumerate(lines):
            line_y = row_top - (k + 1) * (LABEL_SIZE + 2) + 2
            x = axis_x - 8 if not rtl else axis_x + 8
            drawing.add(_line_group(line, x, line_y, "end" if not rtl else "start", rtl))
        for s, (_name, values) in enumerate(chart.series):
            value = values[n]
            bar_y = row_top - (s + 1) * (BAR_HEIGHT + 1)
            length = bars_width * (value or 0.0) / top
            bar_x = axis_x - length if rtl else axis_x
            for shape in _bar(bar_x, bar_y, length, s):
                drawing.add(shape)
            text = chart.value_label(value, lang)
            tx = bar_x - 3 if rtl else bar_x + length + 3
            drawing.add(
                text_group(text, tx, bar_y + 1.5, LABEL_SIZE - 1, "end" if rtl else "start", rtl)
            )
    drawing.add(
        Line(
            axis_x,
            AXIS_HEIGHT,
            axis_x,
            height - legend_height,
            strokeColor=colors.black,
            strokeWidth=0.6,
        )
    )
    drawing.add(_scale(chart, marks, axis_x, bars_width, lang, rtl))
    return drawing


def _line_group(shaped_line: str, x: float, y: float, anchor: str, rtl: bool) -> Group:
    """A label line that pdf_bidi.wrap already shaped (not shaped twice)."""
    line = pdf_bidi.layout_line(shaped_line, rtl, LABEL_SIZE)
    left = x - line.width if anchor == "end" else x
    group = Group()
    for font, chunk in line.runs:
        group.add(
            String(left, y, chunk, fontName=font, fontSize=LABEL_SIZE, fillColor=colors.black)
        )
        left += stringWidth(chunk, font, LABEL_SIZE)
    return group
