"""The Markdown subset of report texts (domain/narrative.py): its only active syntax is the
structure (paragraphs, nested bullets, links, footnotes); everything else is inert text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain import narrative as n

MARKUP = ["*", "_", "#", "<b>", "&amp;", "`", "> ", "|", "![i](x.png)", "~~", "1. ", "\\", "["]
PIECES = st.sampled_from(
    MARKUP
    + ["- ", "  - ", "\n", "\n\n", "[^1]", "[^1]: note", "[a](https://un.org/x)", "word", " "]
) | st.text(max_size=8)
SOURCES = st.lists(PIECES, max_size=12).map("".join)


def words(parsed: n.Narrative) -> str:
    texts = [s.text for b in parsed.blocks for s in b.spans]
    texts += [s.text for note in parsed.notes for s in note]
    return " ".join(" ".join(texts).split())


@settings(max_examples=300)
@given(SOURCES)
def test_any_text_parses_and_writes_back_to_the_same_structure(text):
    parsed = n.parse(text)
    assert n.parse(n.to_source(parsed)) == parsed


@settings(max_examples=300)
@given(st.text())
def test_any_unicode_text_parses(text):
    parsed = n.parse(text)
    assert n.parse(n.to_source(parsed)) == parsed
    for block in parsed.blocks:
        assert block.kind in ("paragraph", "bullet") and 0 <= block.level <= n.MAX_LEVEL


@settings(max_examples=200)
@given(st.lists(st.sampled_from(MARKUP[:-2]) | st.text(alphabet="abc xyzé中م", max_size=6)))
def test_text_without_structure_is_kept_word_for_word(pieces):
    """Emphasis, headings, HTML, entities, images, code: printed as typed."""
    text = "".join(pieces)
    if re.match(r"\s*- ", text):  # a line starting with "- " is a bullet: structure
        text = "x" + text
    assert words(n.parse(text)) == " ".join(text.split())


def test_the_seed_structure():
    source = (
        "The government of Mexico shared several examples:\n"
        "- Adoption of a law on forced disappearances\n"
        "  - nested *not emphasis*\n"
        "\n"
        "Paragraph 76 of the [Declaration](https://www.un.org/x)[^p], see [^none].\n"
        "[^p]: Paragraph 76, [Progress Declaration](https://www.un.org/pd)\n"
        "[evil](javascript:alert(1)) <script>\n"
    )
    parsed = n.parse(source)
    kinds = [(b.kind, b.level) for b in parsed.blocks]
    assert kinds == [
        ("paragraph", 0),
        ("bullet", 0),
        ("bullet", 1),
        ("paragraph", 0),
        ("paragraph", 0),
    ]
    assert parsed.blocks[2].text == "nested *not emphasis*"
    link = parsed.blocks[3].spans[1]
    assert (link.text, link.url) == ("Declaration", "https://www.un.org/x")
    assert parsed.blocks[3].spans[2].note == 1
    assert "[^none]" in parsed.blocks[3].text  # an undefined footnote stays as written
    assert parsed.notes[0][1].url == "https://www.un.org/pd"
    assert parsed.blocks[4].text == "[evil](javascript:alert(1)) <script>"  # not a link
    assert n.plain(parsed.blocks[3].spans).startswith("Paragraph 76 of the Declaration (https")


def test_a_footnote_nobody_refers_to_is_kept():
    parsed = n.parse("Text.\n[^a]: kept")
    assert [s.text for s in parsed.notes[0]] == ["kept"]


def test_backslash_makes_structure_literal():
    parsed = n.parse("\\- not a bullet \\[x\\](https://a.org)")
    assert [(b.kind, b.text) for b in parsed.blocks] == [
        ("paragraph", "- not a bullet [x](https://a.org)")
    ]


def test_a_list_line_keeps_its_words_and_nests_its_bullets():
    assert n.lines_of("Mexico:\n- a law\n  - detail\nmore") == [
        (0, "Mexico:"),
        (1, "a law"),
        (2, "detail"),
        (1, "more"),
    ]
    assert n.lines_of("[link](http://x)  *a*\t<b>") == [(0, "[link](http://x)  *a*\t<b>")]
