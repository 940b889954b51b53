"""The rules of a prepared session, as a report and the session editor use them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain import model as m
from facilitator.domain import session_rules as rules
from facilitator.i18n import set_language


def test_the_seed_figure_over_100_cso_reads_as_in_the_report():
    assert rules.qualified_figure(100, "over") == "over 100"
    assert rules.qualified_figure(50, "about") == "about 50"
    assert rules.qualified_figure(599, "exact") == "599"
    assert rules.qualified_figure(None, "over") == ""
    set_language("fr")
    assert rules.qualified_figure(100, "over") == "plus de 100"


def test_a_custom_audience_is_shown_in_its_own_words():
    session = m.Session("s", "t", audience="custom", audience_custom="Mayors of border towns")
    assert rules.audience_text(session) == "Mayors of border towns"
    assert rules.audience_text(m.Session("s", "t", audience="youth")).startswith("Youth")


def test_an_item_without_its_own_threshold_uses_the_sessions():
    session = m.Session("s", "t", warning_seconds=120)
    assert rules.effective_warning_seconds(m.AgendaItem("s", "a", 5), session) == 120
    own = m.AgendaItem("s", "a", 5, warning_seconds=0)
    assert rules.effective_warning_seconds(own, session) == 0


@pytest.mark.parametrize("code", ["en", "fr", "az", "ast", "zh"])
def test_any_iso_639_code_is_a_language(code):
    assert rules.is_language_code(code)


@pytest.mark.parametrize("code", ["", "english", "EN", "e1", "fr-CA", 7])
def test_other_values_are_not(code):
    assert not rules.is_language_code(code)


@given(st.lists(st.sampled_from(["en", "EN", " fr ", "az", "Es", "ru"]), max_size=8))
def test_cleaning_languages_is_idempotent_and_keeps_the_first_order(codes):
    once = rules.clean_languages(codes)
    assert rules.clean_languages(once) == once
    assert len(once) == len(set(once))
    assert once == list(dict.fromkeys(c.strip().lower() for c in codes))


@given(st.lists(st.integers(1, 23), max_size=10))
def test_gcm_objectives_are_kept_once_in_order(numbers):
    assert rules.clean_objectives(numbers) == sorted(set(numbers))


@pytest.mark.parametrize(
    "text, ok",
    [
        ("https://www.un.org/register", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("www.example.org", False),
        ("https://", False),
    ],
)
def test_web_addresses(text, ok):
    assert rules.is_web_address(text) is ok
