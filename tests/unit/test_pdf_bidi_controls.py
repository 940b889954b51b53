"""Any Unicode bidi control in a point (pasted text and the app's own isolates) is laid out,
never a crash: the PDF writer uses the current bidi algorithm, which knows isolates."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitator.exports.pdf_bidi import BIDI_CONTROLS, visual

CONTROLS = [chr(c) for c in BIDI_CONTROLS]
PIECES = st.sampled_from(["مرحبا", "ﷺ", " ", "abc", "IOM", "(", ")", ".", "12", "Приём", *CONTROLS])


@given(st.lists(PIECES, max_size=12).map("".join), st.booleans())
def test_any_mix_of_scripts_and_bidi_controls_is_laid_out(text, rtl):
    shown = visual(text, rtl)
    assert not any(c in shown for c in CONTROLS)  # invisible controls are not drawn as boxes
    # Nothing lost or added, but reordered, and brackets mirrored in right-to-left runs.
    same = str.maketrans("()", "((")
    kept = text.translate(BIDI_CONTROLS)
    assert sorted(shown.translate(same).replace(" ", "")) == sorted(
        kept.translate(same).replace(" ", "")
    )


def test_the_example_that_crashed_the_legacy_algorithm():
    assert visual("ﷺ مرحبا \u2067abc\u2069", rtl=True) == "abc ابحرم ﷺ"
    assert visual("(IOM) ومنظمة", rtl=True).endswith("(IOM)")  # brackets still mirrored


@given(st.text(), st.booleans())
def test_any_text_at_all_is_laid_out_without_error(text, rtl):
    """Unassigned code points, surrogates' neighbours, every plane: never an exception."""
    assert isinstance(visual(text, rtl), str)
