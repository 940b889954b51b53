"""People's text is data, never markup: hostile notes and take-aways appear literally in PDF,
Word and Markdown, never embed a file or a link or change the layout, and CSV/XLSX cells that
a spreadsheet would run as a formula are neutralised (Hypothesis-generated text)."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import zipfile

import docx
import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st
from report_checks import norm, pdf_text
from report_data import build_series

from facilitator.exports import registry
from facilitator.exports.pdf_bidi import has_rtl
from facilitator.exports.report_markdown import escape
from facilitator.exports.tables import FORMULA_STARTS

HOSTILE = [
    "<b>",
    "</b>",
    "&",
    "&amp;",
    "&lt;",
    '<img src="/etc/passwd"/>',
    "<font size=60>",
    "</font>",
    '<a href="https://evil.example/x">',
    "</a>",
    '=HYPERLINK("http://x")',
    "+1",
    "-2",
    "@SUM(A1)",
    "\t",
    "[link](http://evil.example)",
    "![img](x.png)",
    "*",
    "_",
    "`",
    "# ",
    "> ",
    "1. ",
    "| a | b |",
    "www.evil.example",
    "a@b.example",
    ":smile:",
    "<br/>",
    "<para>",
    "<!-- x -->",
    "\\",
    "$x$",
    "~~s~~",
]
SAFE_LETTERS = st.text(
    alphabet=st.sampled_from("abcXYZ 0123456789.,;:!?()'\"/%абвгдمرحبا"), max_size=12
)
hostile_text = (
    st.lists(st.sampled_from(HOSTILE) | SAFE_LETTERS, min_size=1, max_size=6)
    .map("".join)
    .filter(lambda t: t.strip())
)


def series_with(text: str):
    content = build_series(interventions=2)
    sc = content.sessions[0]
    sc.takeaways[0].text = text  # first take-away of "Challenges", topic 1
    sc.interventions[0].notes = text
    sc.points[0].text = text
    return content


@settings(max_examples=15)
@given(text=hostile_text.filter(lambda t: not has_rtl(t)))  # Arabic order: test_pdf_arabic_order
def test_pdf_prints_hostile_text_literally(tmp_path_factory, text):
    out = tmp_path_factory.mktemp("pdf") / "r.pdf"
    registry.export("pdf", series_with(text), out, "en")
    data = out.read_bytes()
    assert b"/URI" not in data and b"/Annots" not in data and b"/Subtype /Image" not in data
    assert norm(text) in pdf_text(out)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True
    ).stdout
    heights = [
        float(b) - float(a)
        for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes)
    ]
    assert max(heights) < 30  # no text grew to 60 points


@settings(max_examples=25)
@given(text=hostile_text)
def test_docx_keeps_hostile_text_as_plain_runs(tmp_path_factory, text):
    out = tmp_path_factory.mktemp("docx") / "r.docx"
    registry.export("docx", series_with(text), out, "en")
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        body = archive.read("word/document.xml").decode()
    charts = body.count("<w:drawing>")  # the report's own charts, drawn by the app
    media = [n for n in names if n.startswith("word/media/")]
    assert len(media) == charts and all(n.endswith(".png") for n in media)
    assert "<w:hyperlink" not in body and "<w:object" not in body and "<w:pict" not in body
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert text.replace("\r", "\n") in paragraphs or text.strip() in [p.strip() for p in paragraphs]


@settings(max_examples=60)
@given(text=hostile_text)
def test_markdown_escapes_every_markup_character(text):
    line = escape(text)
    assert "\n" not in line
    unescaped_rest = re.sub(r"\\.", "", line)  # what is left once escaped pairs are gone
    assert re.search(r"[<>\[\]`*_&#|~$\\]", unescaped_rest) is None
    assert "://" not in unescaped_rest and "www." not in line.lower()
    assert not line.lstrip().startswith(("-", "+", "=", ">"))
    assert re.sub(r"\\(.)", r"\1", line) == " ".join(text.split())


@settings(max_examples=25)
@given(text=hostile_text)
def test_csv_neutralises_formulas_and_round_trips(tmp_path_factory, text):
    out = tmp_path_factory.mktemp("csv") / "d.csv"
    registry.export("csv", series_with(text), out, "en")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    notes = rows[0]["Notes"]
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    if expected.startswith(FORMULA_STARTS) or expected.lstrip(" ").startswith(FORMULA_STARTS[:4]):
        assert notes == "'" + expected
    else:
        assert notes == expected


@settings(max_examples=15)
@given(text=hostile_text)
def test_xlsx_cells_are_never_formulas(tmp_path_factory, text):
    out = tmp_path_factory.mktemp("xlsx") / "d.xlsx"
    registry.export("xlsx", series_with(text), out, "en")
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("Notes") + 1)
    assert cell.data_type == "s"  # a string cell: no spreadsheet evaluates it
    assert cell.value == text.replace("\r\n", "\n").replace("\r", "\n")  # no apostrophe
