"""A report chart (a reportlab Drawing) as a PNG, for Word: the same drawing the PDF shows.

reportlab's own bitmap renderer (renderPM) needs a backend that is not installed with it
(rlPyCairo and pycairo, or the separate rl_renderPM package, both C extensions), so the
shapes the charts use (groups, rectangles, lines, strings) are painted here with Pillow,
which reportlab already depends on. Strings arrive shaped and in visual order from pdf_bidi;
Pillow's basic layout draws them as they are (its optional raqm layout would reorder them a
second time), in the same bundled TTF fonts, so widths match the PDF's to the point.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String

from facilitator.exports.pdf_bidi import FONT_FILES
from facilitator.i18n.fonts import font_path


@cache
def _font(name: str, pixels: int) -> ImageFont.FreeTypeFont:
    file_name = FONT_FILES.get(name, FONT_FILES["NotoSans"])
    return ImageFont.truetype(font_path(file_name), pixels, layout_engine=ImageFont.Layout.BASIC)


def _rgb(color) -> tuple[int, int, int] | None:
    if color is None:
        return None
    return tuple(round(255 * c) for c in (color.red, color.green, color.blue))


def drawing_png(drawing: Drawing, dpi: int = 200) -> bytes:
    """The drawing on white at `dpi` (points are 1/72 inch); y grows upwards as in PDF."""
    scale = dpi / 72
    size = (max(1, round(drawing.width * scale)), max(1, round(drawing.height * scale)))
    image = Image.new("RGB", size, "white")
    pen = ImageDraw.Draw(image)

    def xy(x: float, y: float) -> tuple[float, float]:
        return x * scale, (drawing.height - y) * scale

    def paint(node) -> None:
        if isinstance(node, Group):  # the charts' groups are never transformed
            for child in node.contents:
                paint(child)
        elif isinstance(node, Rect):
            if node.width <= 0:
                return
            (x0, y1), (x1, y0) = xy(node.x, node.y), xy(node.x + node.width, node.y + node.height)
            width = max(1, round((node.strokeWidth or 0) * scale)) if node.strokeColor else 0
            pen.rectangle(
                (x0, y0, x1, y1),
                fill=_rgb(node.fillColor),
                outline=_rgb(node.strokeColor),
                width=width,
            )
        elif isinstance(node, Line):
            width = max(1, round((node.strokeWidth or 1) * scale))
            pen.line(
                (xy(node.x1, node.y1), xy(node.x2, node.y2)),
                fill=_rgb(node.strokeColor),
                width=width,
            )
        elif isinstance(node, String):
            font = _font(node.fontName, max(1, round(node.fontSize * scale)))
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(node.textAnchor, "ls")
            pen.text(
                xy(node.x, node.y), node.text, font=font, fill=_rgb(node.fillColor), anchor=anchor
            )

    for shape in drawing.contents:
        paint(shape)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(dpi, dpi))
    return buffer.getvalue()
