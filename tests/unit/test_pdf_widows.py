"""A paragraph split over two pages leaves at least two lines on each (no widow, no orphan)."""

from __future__ import annotations

from facilitator.exports.report_pdf import STYLES, BidiText

TEXT = " ".join(["Search and rescue operations along the migratory routes"] * 12)


def lines_of(flowable) -> int:
    return len(flowable._lines)


def test_no_single_last_line_at_the_top_of_the_next_page():
    text = BidiText(TEXT, STYLES["paragraph"], doc_rtl=False, user=True)
    text.wrap(300, 10_000)
    total = lines_of(text)
    assert total >= 5
    leading = STYLES["paragraph"].leading
    head, tail = text.split(300, (total - 1) * leading + 1)  # room for all lines but one
    assert lines_of(head) == total - 2 and lines_of(tail) == 2


def test_no_single_first_line_at_the_foot_of_a_page():
    text = BidiText(TEXT, STYLES["paragraph"], doc_rtl=False, user=True)
    text.wrap(300, 10_000)
    assert text.split(300, STYLES["paragraph"].leading * 1.5) == []
