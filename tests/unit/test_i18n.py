"""Plural forms by Babel's rules, locale formats, direction and language names."""

from __future__ import annotations

import datetime as dt
from importlib.resources import files

import pytest
from babel import Locale
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

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
from facilitator.i18n.catalog import normalize_language


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


COUNTS = [*range(0, 201), 1_000_000]
# The order in which gettext numbers CLDR's categories (Babel's own order).
CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


def _plural_messages(lang):
    po = files("facilitator.translations") / lang / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    return [m for m in catalog if m.id and m.pluralizable]


def _cldr_index(lang, n):
    """The gettext form CLDR's rule picks for n, worked out from the rule itself, not a header."""
    locale = Locale.parse(lang)
    present = [tag for tag in CLDR_ORDER if tag in locale.plural_form.tags or tag == "other"]
    return present.index(locale.plural_form(n))


@pytest.mark.parametrize("lang", ["fr", "es", "ar", "ru"])
def test_every_plural_message_picks_the_cldr_form_for_every_count(lang):
    """For each plural message and each count, the text shown is the one written for the count's
    CLDR category: a header that disagrees with Babel's rules, or a catalog with the wrong number
    of forms, shifts texts and fails here."""
    expected_forms = get_plural(lang).num_plurals
    messages = _plural_messages(lang)
    assert messages
    for message in messages:
        assert len(message.string) == expected_forms, message.id
        assert all(message.string), message.id
        for n in COUNTS:
            shown = ngettext_in(lang, message.id[0], message.id[1], n)
            assert shown == message.string[_cldr_index(lang, n)], (message.id[0], n)


def test_arabic_eleven_to_ninety_nine_take_the_accusative_singular():
    """The CLDR 'many' case of Arabic (11-99) is the accusative singular; 100 is genitive."""
    assert "ملفًا" in ngettext_in("ar", "{count} file merged", "{count} files merged", 15)
    assert "ملفًا" not in ngettext_in("ar", "{count} file merged", "{count} files merged", 100)


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


def test_the_interface_languages_are_named_as_cldr_names_them():
    """The menu's names of the languages, kept as text, are CLDR's (through Babel)."""
    from babel import Locale

    from facilitator.i18n import LANGUAGES
    from facilitator.i18n.formats import ENDONYMS

    assert set(ENDONYMS) == set(LANGUAGES)
    for code, name in ENDONYMS.items():
        cldr = Locale.parse(code).get_display_name(Locale.parse(code))
        assert name == cldr[:1].upper() + cldr[1:]
