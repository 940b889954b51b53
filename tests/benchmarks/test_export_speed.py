"""Export speed: the demo session as PDF under 1.5 s; a series of five sessions with 2,000
interventions (400 each, two classified points per intervention, take-aways proposed from
them) under 8 s; and the ratio of our PDF to a bare reportlab document of the same
paragraphs (platypus Paragraphs, one font, no bidi, no charts).

Run: python -m pytest tests/benchmarks/test_export_speed.py --benchmark-only -p no:cacheprovider
"""

from __future__ import annotations

import io
import random
import time
from xml.sax.saxutils import escape

import pytest
from report_data import build_series
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from facilitator.app import bundled
from facilitator.domain import model as m
from facilitator.exports import registry
from facilitator.exports.report_model import build_report

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


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


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
    ours = timed(lambda: registry.export("pdf", content, out, lang))
    bare = timed(lambda: bare_reportlab(report))
    benchmark.extra_info.update(
        paragraphs=len(report.blocks), ours=ours, bare=bare, ratio=ours / bare
    )
    print(
        f"\n{lang}: {len(report.blocks)} blocks, ours {ours:.2f} s, bare reportlab {bare:.2f} s, ratio {ours / bare:.2f}"
    )
