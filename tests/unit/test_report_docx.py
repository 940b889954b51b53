"""The Word report in the five languages: opens with python-docx, seed sections in order,
figures, take-aways in order; Arabic paragraphs are right to left."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn
from report_checks import LANGS, assert_report_text
from report_data import ARABIC_TAKEAWAY, build_series

from facilitator.exports import registry


def document_text(path) -> str:
    doc = docx.Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("lang", LANGS)
def test_docx_report_has_the_seed_sections_figures_and_takeaways(tmp_path, lang):
    out = tmp_path / f"report-{lang}.docx"
    registry.export("docx", build_series(), out, lang)
    assert_report_text(document_text(out), lang)
    styles = [p.style.name for p in docx.Document(str(out)).paragraphs]
    assert "Title" in styles and "Heading 1" in styles and "List Bullet" in styles


def test_arabic_paragraphs_are_right_to_left(tmp_path):
    out = tmp_path / "ar.docx"
    registry.export("docx", build_series(arabic=True), out, "ar")
    doc = docx.Document(str(out))
    arabic = [p for p in doc.paragraphs if p.text == ARABIC_TAKEAWAY]
    assert arabic, "the Arabic take-away is in the document"
    for paragraph in arabic:
        assert right_to_left(paragraph)
        assert all(r._r.rPr.find(qn("w:rtl")) is not None for r in paragraph.runs)
    english = next(p for p in doc.paragraphs if p.text.startswith("Weak coordination"))
    assert not right_to_left(english)  # English reads left to right


def right_to_left(paragraph) -> bool:
    """The paragraph's own w:bidi, else its style's (an Arabic report's styles are RTL)."""
    for ppr in (paragraph._p.pPr, paragraph.style.element.pPr):
        bidi = ppr.find(qn("w:bidi")) if ppr is not None else None
        if bidi is not None:
            return bidi.get(qn("w:val"), "1") not in ("0", "false")
    return False
