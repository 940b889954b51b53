"""The shortcuts pdf_bidi takes for plain paragraphs (no call to the bidi engine) give what
the engine gives, on any text of letters, numbers, marks, neutrals and controls."""

from __future__ import annotations

from unicodedata import bidirectional

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.exports import pdf_bidi

# Characters of every bidi class the reports meet: Arabic letters and presentation forms,
# harakat, Hebrew, Latin, European and Arabic-Indic digits, separators and terminators,
# spaces, tab, brackets, ZWJ/ZWNJ, soft hyphen, marks and every embedding and isolate.
POOL = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    "\ufe8d\ufe91\ufef5\u064b\u064e\u0651\u0670"
    "שלום"
    "abcXYZéœ"
    "0123456789٠١٢٣٤٥٦٧٨٩۰۱"
    "+-,.:/%$#°"
    " \u00a0\t"
    "()[]{}«»<>!?؟،؛"
    "\u200c\u200d\u00ad\u0300"
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
texts = st.text(alphabet=st.sampled_from(POOL), max_size=40)
arabic_only = st.text(
    alphabet=st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهوي \u064e\u0651.,:()«»!؟،؛\u200c\u200d"),
    max_size=40,
)


@settings(max_examples=400)
@given(text=st.one_of(texts, arabic_only, st.text(max_size=30)), rtl=st.booleans())
def test_levels_are_the_engine_s(text, rtl):
    text = pdf_bidi.clean(text)
    assert pdf_bidi.levels(text, rtl) == pdf_bidi.engine_levels(text, rtl)


@given(text=st.one_of(st.text(alphabet=st.characters(max_codepoint=127)), texts))
def test_the_direction_of_a_paragraph_follows_its_strong_letters(text):
    kinds = {bidirectional(ch) for ch in text}
    strong_rtl = bool(kinds & {"R", "AL"})
    assert pdf_bidi.paragraph_rtl(text, True, True) == (strong_rtl or "L" not in kinds)
    assert pdf_bidi.paragraph_rtl(text, False, True) == (strong_rtl and "L" not in kinds)
    assert pdf_bidi.paragraph_rtl(text, True, False) is True
