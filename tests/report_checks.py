"""What every report test checks, whatever the format: seed sections in order, translated
headings, computed figures, curated take-aways in order."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

from report_data import curated_order

from facilitator.i18n import format_number, gettext_in

LANGS = ("en", "fr", "es", "ar", "ru")
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def norm(text: str) -> str:
    """Comparable text: presentation forms folded (NFKC), bidi marks out, spaces collapsed."""
    text = BIDI_MARKS.sub("", unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return norm(out.stdout.decode("utf-8"))


def section_headings(lang: str) -> list[str]:
    """Fixed headings of the seed report, in the seed's order, in the export language."""
    return [
        gettext_in(lang, "Summary report"),
        gettext_in(lang, "Background"),
        gettext_in(lang, "Organization"),
        gettext_in(lang, "Objective"),
        gettext_in(lang, "The discussion was based on the following guiding questions:"),
        gettext_in(lang, "Participants"),
        gettext_in(lang, "The session in figures"),
    ]


def kind_labels(lang: str) -> list[str]:
    """The lists of the first topic, in report order."""
    return [
        gettext_in(lang, "{heading}:").format(heading=gettext_in(lang, h))
        for h in ("Challenges", "Promising practices", "Recommendations")
    ]


def figure_lines(lang: str) -> list[str]:
    """The participation figures of report_data's roster: 8 registered, 7 attended."""
    return [
        gettext_in(lang, "Registered participants: {count}").format(count=format_number(8, lang)),
    ]


def takeaway_order() -> list[str]:
    """Curated take-aways of topic 0 in the rapporteur's order (challenges, practices, ...)."""
    return (
        curated_order(0, "challenge")
        + curated_order(0, "practice")
        + curated_order(0, "recommendation")
    )


def assert_in_order(text: str, items: list[str]) -> None:
    """Each item appears in `text`, each after the one before."""
    at = 0
    for item in items:
        found = text.find(norm(item), at)
        assert found >= 0, f"{item!r} missing or out of order after position {at}"
        at = found + len(norm(item))


def assert_words_present(text: str, line: str) -> None:
    """For right-to-left extraction the order of mixed runs may differ: every word is there."""
    words = set(text.split())
    for word in norm(line).split():
        assert word in words or word in text, f"{word!r} missing"


def assert_report_text(text: str, lang: str, ordered: bool = True) -> None:
    """The checks shared by the report formats, on their extracted text.

    `ordered=False` is for text extracted from an Arabic PDF, where a reader (pdftotext) may
    put a colon or a number of a mixed right-to-left line elsewhere: there the labels and
    figures are checked word by word (the glyph order itself is test_pdf_arabic_order's job).
    """
    text = norm(text)
    assert_in_order(text, section_headings(lang))
    if ordered:
        assert_in_order(text, kind_labels(lang))
        for line in figure_lines(lang):
            assert norm(line) in text
    else:
        for item in kind_labels(lang) + figure_lines(lang):
            assert_words_present(text, item.replace(":", " "))
    assert_in_order(text, takeaway_order())
