"""Lists assembled in code use the language's own separators: an Arabic report, overview or
speakers queue has «، » and «؛ » between its items, never a Latin comma or semicolon."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitator.app import bundled
from facilitator.domain import model as m
from facilitator.exports import report_text
from facilitator.exports.report_model import build_report
from facilitator.i18n import LANGUAGES
from facilitator.i18n.lists import and_join, comma_join, language_in_text, semicolon_join

ITEM = st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=12)


@given(st.lists(ITEM, min_size=2, max_size=6), st.sampled_from(LANGUAGES))
def test_a_joined_list_splits_back_into_its_items(items, lang):
    for join, separator in ((comma_join, comma_join(["", ""], lang)), (semicolon_join, None)):
        separator = separator or semicolon_join(["", ""], lang)
        assert join(items, lang).split(separator) == items


@given(st.lists(ITEM, min_size=2, max_size=6))
def test_arabic_lists_have_arabic_separators(items):
    for joined in (comma_join(items, "ar"), semicolon_join(items, "ar"), and_join(items, "ar")):
        assert "," not in joined and ";" not in joined
    assert "،" in comma_join(items, "ar") and "؛" in semicolon_join(items, "ar")


def test_french_puts_a_no_break_space_before_its_semicolon():
    assert semicolon_join(["Genève", "Zoom"], "fr") == "Genève\u00a0; Zoom"


def test_language_names_inside_a_sentence_keep_their_case():
    names = [language_in_text(c, "fr") for c in ("en", "fr", "es")]
    assert and_join(names, "fr") == "anglais, français et espagnol"
    assert and_join([language_in_text(c, "ru") for c in ("en", "es")], "ru") == (
        "английский и испанский"
    )


def report_texts(lang: str) -> list[str]:
    content = bundled.demo_series()
    report = build_report(content, lang, [content.sessions[0].session.id], "public")
    return [b.text for b in report.blocks]


def test_the_arabic_report_joins_places_and_people_with_arabic_marks():
    texts = report_texts("ar")
    held = next(t for t in texts if "Zoom" in t)
    assert "Geneva\u061b Zoom" in held and "; Zoom" not in held  # venue؛ platform
    people = next(t for t in texts if "Mariela Guajardo" in t)
    assert "Mariela Guajardo، Operations and Emergencies Officer، IOM" in people
    assert "Guajardo," not in people


def test_a_person_is_described_with_the_export_languages_comma():
    person = m.Participant("s", "Amina Diallo", title="Minister", organisation="Government")
    assert report_text.person(person, "ar") == "Amina Diallo، Minister، Government"
    assert report_text.person(person, "en") == "Amina Diallo, Minister, Government"
