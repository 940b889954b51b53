"""Export speed: the demo session as PDF under 1.5 s; a series of five sessions with 2,000
interventions (400 each, two classified points per intervention, take-aways proposed from
them) under 8 s; and the ratio of our PDF export (privacy pass, report, layout, the file
written) to two reportlab documents of the same paragraphs, built in the same run pair by
pair (the median of five pairs' ratios is printed):

- bare: platypus Paragraphs in one built-in font, no bidi, no charts (the issue's baseline);
- fair: the same Paragraphs in the report's embedded Noto fonts, each run of Arabic in Noto
  Sans Arabic, the text shaped and put in visual order beforehand (outside the timing): what
  reportlab itself costs for these texts in these fonts.

Wall and CPU time are both printed (on a shared machine another program's work lengthens the
wall time of whichever side it falls on); the English export is held to 1.5x bare reportlab
in CPU time.

Run: python -m pytest tests/benchmarks/test_export_speed.py --benchmark-only -s -p no:cacheprovider
"""

from __future__ import annotations

import io
import random
import statistics
import time
from xml.sax.saxutils import escape

import pytest
from report_data import build_series
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from facilitator.app import bundled
from facilitator.domain import model as m
from facilitator.exports import pdf_bidi, registry
from facilitator.exports.report_model import build_report

PAIRS = 5

WORDS = (
    "lack access water food health services routes migrants families search rescue data "
    "cooperation regional identification coordination budget safe spaces pathways detention "
    "deportation children protection awareness research border desert sea humanitarian"
).split()


def big_series(sessions: int = 5, per_session: int = 400) -> m.SeriesContent:
    rng = random.Random(7)
    content = build_series(sessions=sessions, interventions=per_session)
    kinds = ("challenge", "practice", "recommendation", "pledge")
    for sc in content.sessions:
        sc.takeaways = []  # the report proposes them from the points
        sc.points = [
            m.Point(
                i.id,
                " ".join(rng.choices(WORDS, k=rng.randint(6, 14))).capitalize(),
                rng.choice(kinds),
                rng.choice(content.topics).id,
                position=k,
            )
            for i in sc.interventions
            for k in range(2)
        ]
    return content


def bare_reportlab(report) -> bytes:
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    story = [Paragraph(escape(b.text), styles["Normal"]) for b in report.blocks if b.text]
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def fair_markup(report) -> list[str]:
    """Each paragraph as Paragraph markup in the report's fonts, shaped and in visual order."""
    pdf_bidi.register_fonts()
    paragraphs = []
    for block in report.blocks:
        if not block.text:
            continue
        lines = []
        for text in pdf_bidi.shape(pdf_bidi.clean(block.text)).split("\n"):
            runs = pdf_bidi.font_runs(pdf_bidi.visual(text, report.rtl))
            lines.append("".join(f'<font name="{f}">{escape(t)}</font>' for f, t in runs))
        paragraphs.append("<br/>".join(lines))
    return paragraphs


def fair_reportlab(markup: list[str], rtl: bool) -> bytes:
    style = ParagraphStyle(
        "fair",
        fontName=pdf_bidi.LATIN[False],
        fontSize=10,
        leading=14,
        alignment=TA_RIGHT if rtl else TA_LEFT,
    )
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph(p, style) for p in markup])
    return buffer.getvalue()


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def timed_cpu(fn) -> tuple[float, float]:
    """(wall seconds, this process's CPU seconds): on a shared machine another program's
    work lengthens the wall time of whichever side it falls on, not the CPU time."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def test_demo_session_pdf(benchmark, tmp_path):
    content = bundled.demo_series()
    sid = [content.sessions[0].session.id]
    out = tmp_path / "demo.pdf"
    benchmark.pedantic(lambda: registry.export("pdf", content, out, "en", sid), rounds=5)
    assert benchmark.stats["mean"] < 1.5


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_five_sessions_2000_interventions_pdf(benchmark, tmp_path, lang):
    content = big_series()
    assert sum(len(sc.interventions) for sc in content.sessions) == 2000
    out = tmp_path / "series.pdf"
    benchmark.pedantic(lambda: registry.export("pdf", content, out, lang), rounds=2)
    assert benchmark.stats["mean"] < 8
    report = build_report(content, lang)
    markup = fair_markup(report)
    pairs = [
        (
            timed_cpu(lambda: registry.export("pdf", content, out, lang)),
            timed_cpu(lambda: bare_reportlab(report)),
            timed_cpu(lambda: fair_reportlab(markup, report.rtl)),
        )
        for _ in range(PAIRS)
    ]

    def median(side: int, clock: int) -> float:
        return statistics.median(p[side][clock] for p in pairs)

    def ratios(to: int, clock: int) -> list[float]:
        return sorted(p[0][clock] / p[to][clock] for p in pairs)

    figures = {
        "ours": median(0, 0),
        "bare": median(1, 0),
        "fair": median(2, 0),
        "ratio": statistics.median(ratios(1, 0)),
        "fair_ratio": statistics.median(ratios(2, 0)),
        "cpu_ratio": statistics.median(ratios(1, 1)),
        "cpu_fair_ratio": statistics.median(ratios(2, 1)),
    }
    benchmark.extra_info.update(
        paragraphs=len(report.blocks), ratios=[round(r, 2) for r in ratios(1, 0)], **figures
    )
    wall, cpu = ratios(1, 0), ratios(1, 1)
    print(
        f"\n{lang}: {len(report.blocks)} blocks, ours {figures['ours']:.2f} s, bare reportlab"
        f" {figures['bare']:.2f} s, ratio {figures['ratio']:.2f} (pairs {wall[0]:.2f}-{wall[-1]:.2f});"
        f" CPU time ratio {figures['cpu_ratio']:.2f} (pairs {cpu[0]:.2f}-{cpu[-1]:.2f});"
        f" fair reportlab (same fonts, shaped, visual order) {figures['fair']:.2f} s,"
        f" ratio {figures['fair_ratio']:.2f}, CPU {figures['cpu_fair_ratio']:.2f}"
    )
    # The 1.5x, in CPU time: English 1.3, Arabic 1.4 on a quiet machine (shaping word
    # by word from a cache, the bidi engine for mixed paragraphs only, a font run per script:
    # what the bare baseline does not do; docs/performance.md).
    assert figures["cpu_ratio"] < 1.5, figures
