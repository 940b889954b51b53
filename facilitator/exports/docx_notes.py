"""Links and footnotes of the Word report: real hyperlinks and real footnotes.

A link is a w:hyperlink whose r:id names an external relationship of the part it is in (the
document, or the footnotes part for a link inside a footnote), its runs in the "Hyperlink"
character style. python-docx has no footnote API: the footnotes part (/word/footnotes.xml, its
content type and the document's relationship to it) is made here, with the separator and
continuation separator Word expects as footnotes -1 and 0 (named in the settings, as Word
writes them), and each reference in the text is a
w:footnoteReference run. Word numbers footnotes itself, in the order of their references.

The report model numbers footnotes per session and lists them after the session's closing
("footnote" blocks); `Footnotes.index` maps each session's note numbers to those blocks, so a
reference anywhere in a session finds its note. A note that nothing refers to (the narrative
keeps it: no word is lost) stays in the body as a "footnote" paragraph.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import RGBColor

from facilitator.domain import narrative
from facilitator.exports.report_model import Block

HYPERLINK, NOTE_REF = "Hyperlink", "footnote reference"
LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)  # Word's own; 5.6:1 on white
_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_EMPTY = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


def character_styles(doc) -> dict[str, str]:
    """The Hyperlink and footnote reference character styles (style ids by name)."""
    ids = {}
    for name in (HYPERLINK, NOTE_REF):
        try:
            style = doc.styles[name]
        except KeyError:
            style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        if name == HYPERLINK:
            style.font.color.rgb, style.font.underline = LINK_COLOUR, True
        else:
            style.font.superscript = True
        ids[name] = style.style_id
        style.unhide_when_used = True
    return ids


def note_number(block: Block) -> int:
    """A footnote block's number (its first span is the superscript number and a space)."""
    digits = block.spans[0].text.strip().translate(_DIGITS) if block.spans else ""
    return int(digits) if digits.isdigit() else 0


class Footnotes:
    """Which footnote block each reference of each session means, and the footnotes part."""

    def __init__(self, doc, blocks: list[Block]) -> None:
        self.doc = doc
        self.part: XmlPart | None = None
        self.notes: dict[tuple[int, int], Block] = {}  # (session run, number) -> note
        self.session_of: list[int] = []  # per block, the run of blocks its notes follow
        self.referred: set[tuple[int, int]] = set()
        session, after_notes = 0, False
        for block in blocks:
            is_note = block.kind == "footnote"
            if after_notes and not is_note:
                session += 1
            after_notes = is_note
            self.session_of.append(session)
            if is_note and note_number(block):
                self.notes[(session, note_number(block))] = block
        for n, block in enumerate(blocks):
            for span in block.spans:
                if span.note and (self.session_of[n], span.note) in self.notes:
                    self.referred.add((self.session_of[n], span.note))
        self.next_id = 1

    def is_referred(self, n: int, block: Block) -> bool:
        return (self.session_of[n], note_number(block)) in self.referred

    def target(self, n: int, note: int) -> Block | None:
        """The note a reference of block n means, when a footnote can hold it."""
        key = (self.session_of[n], note)
        return self.notes.get(key) if key in self.referred else None

    def footnotes_part(self) -> XmlPart:
        if self.part is None:
            document = self.doc.part
            self.part = XmlPart(
                PackURI("/word/footnotes.xml"),
                CT.WML_FOOTNOTES,
                parse_xml(_EMPTY),
                document.package,
            )
            document.relate_to(self.part, RT.FOOTNOTES)
            self._settings()
        return self.part

    def _settings(self) -> None:
        """The separators named in the settings, as Word writes them: w:footnotePr comes
        right before w:compat in the settings' fixed order."""
        settings = self.doc.settings.element
        compat = settings.find(qn("w:compat"))
        if compat is None or settings.find(qn("w:footnotePr")) is not None:
            return
        properties = OxmlElement("w:footnotePr")
        for special in ("-1", "0"):
            note = OxmlElement("w:footnote")
            note.set(qn("w:id"), special)
            properties.append(note)
        compat.addprevious(properties)

    def add(self, paragraph) -> int:
        """A new footnote holding `paragraph` (its w:p, footnote mark first): its id."""
        note_id, self.next_id = self.next_id, self.next_id + 1
        footnote = OxmlElement("w:footnote")
        footnote.set(qn("w:id"), str(note_id))
        footnote.append(paragraph)
        self.footnotes_part().element.append(footnote)
        return note_id


def note_mark(style_id: str, reference_id: int | None):
    """The superscript number: w:footnoteReference in the text (with the note's id), or
    w:footnoteRef at the start of the note itself (reference_id None)."""
    run = OxmlElement("w:r")
    rpr = run.get_or_add_rPr()
    rpr.insert(0, _rstyle(style_id))
    if reference_id is None:
        run.append(OxmlElement("w:footnoteRef"))
    else:
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(reference_id))
        run.append(ref)
    return run


def hyperlink(part, url: str, runs: list, style_id: str):
    """A w:hyperlink to `url` (an external relationship of `part`) around `runs`."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), part.relate_to(url, RT.HYPERLINK, is_external=True))
    link.set(qn("w:history"), "1")
    for run in runs:
        run.get_or_add_rPr().insert(0, _rstyle(style_id))
        link.append(run)
    return link


def _rstyle(style_id: str):
    element = OxmlElement("w:rStyle")
    element.set(qn("w:val"), style_id)
    return element


def plain_spans(spans: tuple[narrative.Span, ...]) -> bool:
    return not any(s.url or s.note for s in spans)
