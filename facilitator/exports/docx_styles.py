"""The Word report's page and styles, set up once per document.

A4 with the PDF's margins, page numbers in the footer ("Page {number}" translated, the number
a PAGE field), the bundled Noto fonts named in the document defaults and in every style the
report uses (theme fonts removed: they win over named fonts in Word), keep-with-next on
titles, headings, labels and chart captions, and in a right-to-left language every style's
paragraphs right to left. No language is set in the defaults or styles: the renderer tags
each translated run with the export language and leaves people's text untagged (the app does
not know its language), so Word does not spell-check a Spanish note as Arabic.

Paragraphs refer to styles by id (`Styles.ids`), resolved here once: looking a style up by
name for each paragraph was most of the time of a long export.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from facilitator.i18n import gettext_in, is_rtl

LATIN_FONT, ARABIC_FONT = "Noto Sans", "Noto Sans Arabic"
# kind of block -> (style name, built in, size pt, bold, keep with next, space before, after)
STYLE_OF: dict[str, tuple[str, bool, float, bool, bool, float, float]] = {
    "paragraph": ("Normal", True, 10.5, False, False, 0, 6),
    "title": ("Title", True, 20, True, True, 0, 6),
    "subtitle": ("Subtitle", True, 13, False, True, 0, 6),
    "date": ("Report Date", False, 11, False, True, 0, 10),
    "heading": ("Heading 1", True, 14, True, True, 14, 5),
    "subheading": ("Heading 2", True, 12, True, True, 10, 4),
    "label": ("Report Label", False, 10.5, True, True, 6, 3),
    "bullet": ("List Bullet", True, 10.5, False, False, 0, 3),
    "bullet2": ("List Bullet 2", True, 10.5, False, False, 0, 3),  # nested (Block.level 1)
    "bullet3": ("List Bullet 3", True, 10.5, False, False, 0, 3),
    "chart_title": ("Chart Title", False, 10.5, True, True, 8, 4),
    "chart": ("Chart", False, 10.5, False, True, 0, 4),
    "cell": ("Table Text", False, 9.5, False, False, 0, 0),
    "footer": ("Footer", True, 8, False, False, 0, 0),
    "footnote": ("footnote text", True, 8.5, False, False, 0, 2),  # Word's built-in name
}
# Elements after w:bidi in w:pPr (the schema fixes the order).
AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)

AFTER_SZ_CS = (
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)


@dataclass
class Styles:
    rtl: bool
    lang: str
    ids: dict[str, str] = field(default_factory=dict)  # block kind -> style id
    table: str = ""


def set_fonts(rpr) -> None:
    """Noto Sans for Latin and Cyrillic, Noto Sans Arabic for complex script; no theme font."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(key), None)
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(key), LATIN_FONT)
    fonts.set(qn("w:cs"), ARABIC_FONT)


def _drop(parent, *tags: str) -> None:
    for tag in tags:
        for element in parent.findall(qn(tag)):
            parent.remove(element)


def direction(ppr, rtl: bool, doc_rtl: bool) -> None:
    """w:bidi on a paragraph whose direction differs from its style's (the document's)."""
    if rtl != doc_rtl:
        bidi = OxmlElement("w:bidi")
        if not rtl:
            bidi.set(qn("w:val"), "0")
        ppr.insert_element_before(bidi, *AFTER_BIDI)


def _style(doc, kind: str, rtl: bool):
    name, built_in, size, bold, keep, before, after = STYLE_OF[kind]
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
    font = style.font
    font.size, font.bold = Pt(size), bold
    font.italic = None
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr)
    _drop(rpr, "w:szCs", "w:bCs", "w:i", "w:iCs", "w:lang")  # never italic (Subtitle was)
    cs_size = OxmlElement("w:szCs")
    cs_size.set(qn("w:val"), str(int(size * 2)))
    # Complex-script (Arabic) text in the same size and weight.
    rpr.insert_element_before(cs_size, *AFTER_SZ_CS)
    if bold:
        rpr.get_or_add_bCs()
    para = style.paragraph_format
    para.keep_with_next = keep or None
    para.space_before, para.space_after = Pt(before), Pt(after)
    ppr = style.element.get_or_add_pPr()
    _drop(ppr, "w:bidi", "w:pBdr")  # the template's Title has a border and theme colour
    if rtl:
        ppr.insert_element_before(OxmlElement("w:bidi"), *AFTER_BIDI)
    if kind == "footer":
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return style


def _page(doc, lang: str, footer_style: str) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.footer_distance = Cm(1.0)
    paragraph = section.footer.paragraphs[0]
    paragraph.style = doc.styles[footer_style]
    before, _, after = gettext_in(lang, "Page {number}").partition("{number}")
    for text in (before, None, after):
        if text is None:
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), "PAGE")
            run = OxmlElement("w:r")
            number = OxmlElement("w:t")
            number.text = "1"
            run.append(number)
            field.append(run)
            paragraph._p.append(field)
        elif text:
            paragraph.add_run(text)


def set_up(doc, lang: str) -> Styles:
    rtl = is_rtl(lang)
    styles = Styles(rtl, lang)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr)
    _drop(rpr, "w:lang")  # people's text is not tagged with any language by default
    for kind in STYLE_OF:
        styles.ids[kind] = _style(doc, kind, rtl).style_id
    styles.table = doc.styles["Table Grid"].style_id
    _page(doc, lang, "Footer")
    return styles
