"""Plural forms by Babel's rules, locale formats, direction and language names."""

from __future__ import annotations

import datetime as dt

import pytest
from babel import Locale
from babel.messages.plurals import get_plural

from facilitator.i18n import (
    LANGUAGES,
    format_clock,
    format_date,
    format_minutes,
    format_number,
    is_rtl,
    language_name,
    ngettext_in,
)
from facilitator.i18n.catalog import normalize_language, translations


def test_russian_minutes_take_three_forms():
    assert [format_minutes(n, "ru") for n in (1, 2, 5, 21)] == [
        "1 минута",
        "2 минуты",
        "5 минут",
        "21 минута",
    ]


def test_arabic_minutes_follow_the_six_arabic_forms():
    forms = {Locale.parse("ar").plural_form(n) for n in (0, 1, 2, 3, 11, 100)}
    assert forms == {"zero", "one", "two", "few", "many", "other"}
    assert format_minutes(2, "ar") != format_minutes(3, "ar")


@pytest.mark.parametrize("lang", ["fr", "es", "ar", "ru"])
def test_catalog_plural_forms_match_babel(lang):
    """The catalog picks among exactly the gettext forms Babel defines (ru 3, ar 6, fr/es 2)."""
    catalog = translations(lang)
    chosen = {catalog.plural(n) for n in range(0, 200)}
    assert chosen == set(range(get_plural(lang).num_plurals))
    assert get_plural("ru").num_plurals == 3 and get_plural("ar").num_plurals == 6


@pytest.mark.parametrize("lang", ["fr", "es", "ar", "ru"])
def test_session_count_plural_is_translated(lang):
    one = ngettext_in(lang, "{count} session", "{count} sessions", 1)
    many = ngettext_in(lang, "{count} session", "{count} sessions", 5)
    assert "{count}" in many and many != "{count} sessions"
    assert one


def test_dates_and_numbers_follow_the_locale():
    day = dt.date(2023, 3, 23)
    assert format_date(day, "en") == "23 March 2023"  # UN English, as the seed report writes it
    assert format_date(day, "fr") == "23 mars 2023"
    assert format_number(1234.5, "ru") == "1\xa0234,5"


def test_timer_readings_are_signed_on_overrun():
    assert format_clock(125, "en") == "02:05"
    assert format_clock(-65, "en", signed=True) == "+01:05"
    assert format_clock(3725, "en") == "1:02:05"


def test_direction_and_own_names():
    assert [is_rtl(lang) for lang in LANGUAGES] == [False, False, False, True, False]
    assert language_name("ar") == "العربية" and language_name("ru") == "Русский"


@pytest.mark.parametrize(
    "value, expected",
    [("fr_CH.UTF-8", "fr"), ("ar-EG", "ar"), ("de_DE", None), ("", None), ("C", None)],
)
def test_system_locales_are_mapped_to_our_languages(value, expected):
    assert normalize_language(value) == expected
