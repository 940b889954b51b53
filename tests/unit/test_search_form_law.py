"""The shortcuts of search_text that the merge's index rebuilding relies on (issue 19) give
what the character-by-character forms give, for any text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.search_text import _CJK, _pairs, fold, fold_char, search_form

TEXT = st.text(
    st.one_of(
        st.characters(max_codepoint=127),
        st.characters(),
        st.sampled_from("ﬁßÉé\u0301أإآٱةىـ移民问题 \t\n\u00a0\u2003\u3000\x1c"),
    )
)


@given(TEXT)
def test_fold_is_the_fold_of_each_character(text):
    assert fold(text) == "".join(fold_char(ch) for ch in text)


@given(TEXT)
def test_search_form_is_one_space_between_words(text):
    assert search_form(text) == re.sub(r"\s+", " ", _CJK.sub(_pairs, fold(text))).strip()
