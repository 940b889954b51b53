"""A highlighted cell too narrow for its text shows the first match: the text cut with "…",
from a word shortly before the match when the match would fall past the cell's end."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitator.ui.notes.highlight import ELLIPSIS, snippet


def advance(text: str) -> float:
    return 7.0 * len(text)  # every character 7 px wide


@st.composite
def cells(draw):
    text = draw(st.text(alphabet="ab c", min_size=1, max_size=120))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=6))))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    width = draw(st.integers(14, 800)) * 1.0
    return text, spans, width


@given(cells())
def test_the_shown_text_fits_and_keeps_the_matched_characters(cell):
    text, spans, width = cell
    shown, moved = snippet(text, spans, width, advance)
    if shown == text:
        assert moved == spans
        return
    assert advance(shown) <= width
    inner = shown.removeprefix(ELLIPSIS).removesuffix(ELLIPSIS)
    offset = text.find(inner) if shown.startswith(ELLIPSIS) else 0
    assert text[offset : offset + len(inner)] == inner
    head = len(shown) - len(shown.removeprefix(ELLIPSIS))
    for a, b in moved:
        assert shown[a:b] == text[a - head + offset : b - head + offset]


@given(cells())
def test_a_first_match_narrower_than_a_third_of_the_cell_is_shown_whole(cell):
    text, spans, width = cell
    if not spans or advance(text[spans[0][0] : spans[0][1]]) > width / 3 or width < 70:
        return
    shown, moved = snippet(text, spans, width, advance)
    assert moved and shown[moved[0][0] : moved[0][1]] == text[spans[0][0] : spans[0][1]]


def test_a_match_at_the_end_of_a_long_note_is_shown_after_an_ellipsis():
    text = "Saved at 200,000 interventions (10): quokka row"
    at = text.index("quokka")
    shown, moved = snippet(text, [(at, at + 6)], 7.0 * 24, advance)
    assert shown.startswith(ELLIPSIS) and "quokka" in shown
    assert [shown[a:b] for a, b in moved] == ["quokka"]
