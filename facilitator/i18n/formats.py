"""Dates, times, numbers, durations and language names through Babel, for any of our locales."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel import units as babel_units

from .catalog import PSEUDO, get_language, pseudo_mark

# The UN writes English the British way: "23 March 2023", "15:00" (as the seed documents do).
BABEL_LOCALES = {"en": "en_GB", PSEUDO: "en_GB"}


def _locale(lang: str | None) -> Locale:
    lang = lang or get_language()
    return Locale.parse(BABEL_LOCALES.get(lang, lang))


# UN Arabic names a month both ways, Levantine and Egyptian: «23 آذار/مارس 2023».
UN_ARABIC_MONTHS = (
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
)


def format_date(value: dt.date, lang: str | None = None, fmt: str = "long") -> str:
    """'23 March 2023', '23 mars 2023', «23 آذار/مارس 2023»... as the locale (and, for Arabic,
    the UN) writes it."""
    locale = _locale(lang)
    if locale.language == "ar" and fmt == "long":
        return f"{format_number(value.day, 'ar')} {UN_ARABIC_MONTHS[value.month - 1]} {value.year}"
    return pseudo_mark(babel_dates.format_date(value, format=fmt, locale=locale))


def format_time(value: dt.time | dt.datetime, lang: str | None = None, tzinfo=None) -> str:
    """A short wall-clock time ('15:00', '3:00 PM') in the locale's convention; UN Arabic
    writes the 24-hour clock («15:00», not «3:00 م»)."""
    locale = _locale(lang)
    pattern = "HH:mm" if locale.language == "ar" else "short"
    return pseudo_mark(babel_dates.format_time(value, format=pattern, tzinfo=tzinfo, locale=locale))


def format_number(value: int | float, lang: str | None = None) -> str:
    return babel_numbers.format_decimal(value, locale=_locale(lang))


def format_span(seconds: float, lang: str | None = None) -> str:
    """'3 minutes', '5 hours', '1,034 days': a span in the largest unit it fills, as the
    language writes it (Babel's CLDR units)."""
    return pseudo_mark(
        babel_dates.format_timedelta(
            dt.timedelta(seconds=seconds), threshold=1, locale=_locale(lang)
        )
    )


def format_clock(seconds: float, lang: str | None = None, signed: bool = False) -> str:
    """A timer reading 'mm:ss' (or 'h:mm:ss'), '+mm:ss' on overrun, in the locale's digits.

    Babel's number symbols decide the digits: for 'ar' the CLDR default numbering system is
    Latin ('arab' digits are an alternative), so Arabic timers read 12:05 as UN Arabic
    documents and Zoom screens do.
    """
    total = int(abs(seconds) + 0.5) if seconds < 0 else int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    digits = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    digits = _localize_digits(digits, lang)
    if seconds < 0:
        return "+" + digits if signed else "-" + digits
    return digits


def _localize_digits(text: str, lang: str | None) -> str:
    zero = babel_numbers.format_decimal(0, locale=_locale(lang))
    if zero == "0":
        return text
    base = ord(zero)
    return "".join(chr(base + int(c)) if c.isdigit() else c for c in text)


def format_minutes(minutes: int, lang: str | None = None) -> str:
    """'5 minutes', '5 минут', '٥ دقائق' through CLDR unit patterns (plural rules included)."""
    return pseudo_mark(
        babel_units.format_unit(minutes, "duration-minute", length="long", locale=_locale(lang))
    )


# The interface languages in their own language, as CLDR names them (tests/unit/test_i18n.py
# checks them against Babel): the View > Language menu names them at start-up, and reading
# four more locales' data for five words costs tens of milliseconds and some megabytes.
ENDONYMS = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية", "ru": "Русский"}

# UN Arabic writes «الإنكليزية» where CLDR has «الإنجليزية» (the catalog's «بالإنكليزية» too).
UN_NAMES = {("en", "ar"): "الإنكليزية"}


def display_name(code: str, lang: str) -> str:
    """CLDR's name of language `code` written in `lang` (its own case), as the UN spells it."""
    if (code, lang) in UN_NAMES:
        return UN_NAMES[(code, lang)]
    return Locale.parse(code).get_display_name(_locale(lang)) or code


def language_name(code: str, in_lang: str | None = None, *, inside: bool = False) -> str:
    """The name of language `code` in `in_lang`; in its own language when in_lang is None.
    Capitalised as a label; `inside` a sentence as the language writes it ("en arabe")."""
    if in_lang is None and code in ENDONYMS and not inside:
        return ENDONYMS[code]
    name = display_name(code, in_lang or code)
    if not inside:
        name = name[:1].upper() + name[1:]
    return pseudo_mark(name) if in_lang else name


def text_direction(lang: str | None = None) -> str:
    """'rtl' or 'ltr', as CLDR says for the language."""
    return _locale(lang).text_direction


def is_rtl(lang: str | None = None) -> bool:
    return text_direction(lang) == "rtl"
