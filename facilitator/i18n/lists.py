"""Lists inside a sentence, with the language's own separators (Qt-free, for the core and the
exports as for the interface): Arabic joins with «، » and «؛ », never a Latin comma.

`comma_join` and `semicolon_join` take the separator from the catalog (", " and "; " are
translated like any text: «، », «؛ », French « ; » with its no-break space); `and_join` is
CLDR's list ("a, b et c", «أ وب وج») through Babel.
"""

from __future__ import annotations

from collections.abc import Iterable

from babel import UnknownLocaleError
from babel.lists import format_list

from .catalog import get_language, gettext_in, pseudo_mark
from .formats import BABEL_LOCALES, display_name


def comma_join(items: Iterable[str], lang: str | None = None) -> str:
    """'a, b, c' in the language `lang` (the interface's by default)."""
    return gettext_in(lang or get_language(), ", ").join(items)


def semicolon_join(items: Iterable[str], lang: str | None = None) -> str:
    """'a; b' for items that may hold commas themselves (a venue, a platform)."""
    return gettext_in(lang or get_language(), "; ").join(items)


def and_join(items: Iterable[str], lang: str | None = None) -> str:
    """'a, b and c' as CLDR writes a list of things in `lang`."""
    lang = lang or get_language()
    listed = list(items)
    if not listed:
        return ""
    try:
        return format_list(listed, locale=BABEL_LOCALES.get(lang, lang))  # en: the UN's en_GB
    except (ValueError, UnknownLocaleError):
        return format_list(listed, locale="en")


def language_in_text(code: str, lang: str | None = None) -> str:
    """A language's name as written inside a sentence of `lang`: CLDR's own case ("anglais",
    "английский", "English"), where a menu capitalizes it."""
    lang = lang or get_language()
    try:
        name = display_name(code, lang)
    except (ValueError, UnknownLocaleError):
        return code
    return pseudo_mark(name)
