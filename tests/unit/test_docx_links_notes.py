"""The Word report's links and footnotes are Word's own: a w:hyperlink with an external
relationship in the Hyperlink style, and a footnotes part (its relationship and content type)
whose notes the text refers to with w:footnoteReference. Read back from the .docx itself."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from facilitator.app import bundled
from facilitator.exports import registry

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DECLARATION = "https://www.un.org/en/migration2022/progress-declaration"


@pytest.fixture(scope="module")
def demo_docx(tmp_path_factory):
    content = bundled.demo_series()
    out = tmp_path_factory.mktemp("docx") / "report.docx"
    registry.export("docx", content, out, "en", [content.sessions[0].session.id], template="public")
    return out


def _xml(part):
    """A part's XML: python-docx reads a footnotes part as bytes only."""
    return part.element if hasattr(part, "element") else etree.fromstring(part.blob)


def _links(part) -> list[tuple[str, str]]:
    """(text, address) of every w:hyperlink of a part, its runs in the Hyperlink style."""
    found = []
    for link in _xml(part).iter(qn("w:hyperlink")):
        rel = part.rels[link.get(qn("r:id"))]
        assert rel.is_external and rel.reltype == RT.HYPERLINK
        runs = link.findall(qn("w:r"))
        styles = {r.find(f"{W}rPr/{W}rStyle").get(qn("w:val")) for r in runs}
        assert styles == {"Hyperlink"}
        found.append(("".join(t.text for t in link.iter(qn("w:t"))), rel.target_ref))
    return found


def test_the_background_footnote_is_a_word_footnote_at_its_reference(demo_docx):
    doc = docx.Document(str(demo_docx))
    parts = [rel.target_part for rel in doc.part.rels.values() if rel.reltype == RT.FOOTNOTES]
    assert len(parts) == 1
    notes = parts[0]
    assert notes.content_type.endswith("wordprocessingml.footnotes+xml")
    with zipfile.ZipFile(demo_docx) as z:
        assert 'PartName="/word/footnotes.xml"' in z.read("[Content_Types].xml").decode()
    real = [n for n in _xml(notes).iter(qn("w:footnote")) if int(n.get(qn("w:id"))) > 0]
    assert len(real) == 1 and real[0].get(qn("w:id")) == "1"
    assert real[0].find(f".//{W}footnoteRef") is not None  # Word draws the number itself
    assert "".join(t.text for t in real[0].iter(qn("w:t"))).strip() == (
        "Paragraph 76, International Migration Review Forum Progress Declaration"
    )
    assert _links(notes) == [
        ("International Migration Review Forum Progress Declaration", DECLARATION)
    ]
    # The reference sits at the end of the background's first paragraph, numbered by Word.
    body = [p for p in doc.paragraphs if p._p.find(f".//{W}footnoteReference") is not None]
    assert len(body) == 1 and body[0].text.endswith("preventing loss of life in transit.")
    ref = body[0]._p.find(f".//{W}footnoteReference")
    assert ref.get(qn("w:id")) == "1"
    assert ref.getparent().find(f"{W}rPr/{W}rStyle").get(qn("w:val")) == "footnotereference"
    # Not printed a second time as a paragraph of the body.
    assert not any(p.text.startswith(("¹", "1 Paragraph 76")) for p in doc.paragraphs)
    superscript = doc.styles["footnote reference"].font.superscript
    assert superscript is True


def test_the_disclaimer_link_is_a_word_hyperlink(demo_docx):
    doc = docx.Document(str(demo_docx))
    links = _links(doc.part)
    assert (
        "workstream on missing migrants and humanitarian assistance to migrants in distress",
        "https://migrationnetwork.un.org/",
    ) in links
    closing = next(p for p in doc.paragraphs if p.text.startswith("This summary of the GCM"))
    assert "(https://" not in closing.text  # the address is the link's, not printed


def test_a_note_nobody_refers_to_stays_in_the_text_and_links_work_in_arabic(tmp_path):
    content = bundled.demo_series()
    session = content.sessions[0].session
    session.background = (
        "خلفية الجلسة[^a] مع [رابط](https://example.org/ar)\n\n"
        "[^a]: ملاحظة أولى\n[^b]: Kept although nothing refers to it"
    )
    out = tmp_path / "ar.docx"
    registry.export("docx", content, out, "ar", [session.id], template="public")
    doc = docx.Document(str(out))
    assert ("رابط", "https://example.org/ar") in _links(doc.part)
    link_run = next(doc.part.element.iter(qn("w:hyperlink"))).find(qn("w:r"))
    assert link_run.find(f"{W}rPr/{W}rtl") is not None  # Arabic runs stay right to left
    notes = next(r.target_part for r in doc.part.rels.values() if r.reltype == RT.FOOTNOTES)
    texts = ["".join(t.text for t in n.iter(qn("w:t"))) for n in _xml(notes).iter(qn("w:footnote"))]
    assert any("ملاحظة أولى" in t for t in texts)
    assert any(p.text.endswith("Kept although nothing refers to it") for p in doc.paragraphs)


def test_the_document_xml_is_valid_for_word_order(demo_docx):
    """w:rStyle comes first in a run's properties (Word rejects it elsewhere)."""
    with zipfile.ZipFile(demo_docx) as z:
        for name in ("word/document.xml", "word/footnotes.xml"):
            root = etree.fromstring(z.read(name))
            for rpr in root.iter(f"{W}rPr"):
                tags = [child.tag for child in rpr]
                if f"{W}rStyle" in tags:
                    assert tags[0] == f"{W}rStyle", (name, tags)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_puts_the_note_at_the_page_foot_and_keeps_the_links(demo_docx, tmp_path):
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), demo_docx],
        capture_output=True,
        check=True,
        timeout=240,
    )
    pdf = tmp_path / "report.pdf"
    page = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    # The note's text sits under the page's last line of body text, above the page number.
    note = next(n for n, line in enumerate(lines) if line.startswith("Paragraph 76"))
    assert lines[note - 1] == "1" or lines[note].startswith("1")
    assert lines[note + 1 :] == ["Page 1"]
    assert note > next(n for n, line in enumerate(lines) if line.startswith("Objective"))
    raw = pdf.read_bytes()
    for address in (DECLARATION, "https://migrationnetwork.un.org/"):
        assert f"/URI({address})".encode() in raw


def test_each_session_of_a_series_refers_to_its_own_note(tmp_path):
    content = bundled.demo_series()
    first, second = content.sessions[0].session, content.sessions[1].session
    first.background = "First background.[^1]\n\n[^1]: Note of the first session"
    second.background = "Second background.[^1] Again.[^1]\n\n[^1]: Note of the second session"
    out = tmp_path / "series.docx"
    registry.export("docx", content, out, "en", [first.id, second.id], template="public")
    doc = docx.Document(str(out))
    notes = next(r.target_part for r in doc.part.rels.values() if r.reltype == RT.FOOTNOTES)
    texts = {
        n.get(qn("w:id")): "".join(t.text for t in n.iter(qn("w:t"))).strip()
        for n in _xml(notes).iter(qn("w:footnote"))
        if int(n.get(qn("w:id"))) > 0
    }
    assert texts == {"1": "Note of the first session", "2": "Note of the second session"}
    refs = {
        p.text: [r.get(qn("w:id")) for r in p._p.iter(qn("w:footnoteReference"))]
        for p in doc.paragraphs
        if p.text.startswith(("First background", "Second background"))
    }
    # Word numbers on through the document (a reference has no text of its own); a second
    # reference to the same note prints its number as text.
    assert refs == {"First background.": ["1"], "Second background. Again.²": ["2"]}


def test_a_paragraph_after_a_list_stands_apart_in_word(demo_docx):
    doc = docx.Document(str(demo_docx))
    closing = next(p for p in doc.paragraphs if p.text.startswith("This summary of the GCM"))
    assert closing.paragraph_format.space_before == Pt(10)
    first = next(p for p in doc.paragraphs if p.text.startswith("The International Migration"))
    assert first.paragraph_format.space_before is None  # after a heading: the style's


def test_the_settings_name_the_separators_before_compat(demo_docx):
    with zipfile.ZipFile(demo_docx) as z:
        root = etree.fromstring(z.read("word/settings.xml"))
    tags = [child.tag for child in root]
    at = tags.index(f"{W}footnotePr")
    assert tags[at + 1] == f"{W}compat"
    ids = [n.get(qn("w:id")) for n in root[at]]
    assert ids == ["-1", "0"]
