"""Word export speed: a series of ten sessions with 10,000 interventions (two classified
points each, take-aways proposed from them) against bare python-docx writing the same
paragraphs in the same run (Document(), add_paragraph(text), save): ours within 2x.

Styles are resolved once per document (docx_styles) and paragraphs refer to them by id;
python-docx's add_paragraph(style=NAME) looked each style up by name, which was most of the
cost. Charts are left out of the ratio's blocks: bare python-docx draws none.

Run: python -m pytest tests/benchmarks/test_docx_export.py --benchmark-only -p no:cacheprovider -s
"""

from __future__ import annotations

import io
import time

import docx
import pytest
from test_export_speed import big_series

from facilitator.exports.report_docx import render_docx
from facilitator.exports.report_model import Report, build_report


def bare_docx(report: Report) -> bytes:
    doc = docx.Document()
    for block in report.blocks:
        if block.text:
            doc.add_paragraph(block.text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def best_of(fn, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.fixture(scope="module")
def series():
    content = big_series(sessions=10, per_session=1000)
    assert sum(len(sc.interventions) for sc in content.sessions) == 10_000
    return content


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_word_export_of_10000_interventions_within_2x_bare_python_docx(benchmark, series, lang):
    report = build_report(series, lang)
    text_only = Report(report.lang, report.title, [b for b in report.blocks if b.kind != "chart"])
    benchmark.pedantic(lambda: render_docx(text_only), rounds=3)
    ours = benchmark.stats["min"]
    bare = best_of(lambda: bare_docx(text_only), rounds=1)  # quadratic in python-docx: once
    ratio = ours / bare
    benchmark.extra_info.update(paragraphs=len(text_only.blocks), ours=ours, bare=bare, ratio=ratio)
    print(
        f"\n{lang}: {len(text_only.blocks)} paragraphs, ours {ours:.2f} s, bare {bare:.2f} s, ratio {ratio:.2f}"
    )
    assert ratio < 2
