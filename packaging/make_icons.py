"""Render resources/icons/facilitator.svg to the PNG sizes, the Windows .ico and the macOS .icns
the bundles and the Linux desktop entry use. Qt draws the SVG (QtSvg, part of PySide6-Essentials),
Pillow writes .ico and .icns; both are in requirements/lock.txt.

    .venv/bin/python packaging/make_icons.py      # then commit resources/icons/
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL = 24  # up to this size, facilitator-small.svg (fewer, thicker shapes)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderers = {
        name: QSvgRenderer(str(ICONS / name))
        for name in ("facilitator.svg", "facilitator-small.svg")
    }
    for name, renderer in renderers.items():
        if not renderer.isValid():
            print(f"{name} does not parse", file=sys.stderr)
            return 1
    images = {
        size: render(
            renderers["facilitator-small.svg" if size <= SMALL else "facilitator.svg"], size
        )
        for size in SIZES
    }
    for size, image in images.items():
        image.save(ICONS / f"facilitator-{size}.png", optimize=True)
    images[256].save(
        ICONS / "facilitator.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES],
    )
    images[512].save(ICONS / "facilitator.icns", append_images=[images[s] for s in ICNS_SIZES])
    del app
    print(f"wrote {len(SIZES)} PNGs, facilitator.ico and facilitator.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
