"""Gettext catalogs for the five interface languages, compiled in memory from the .po files.

Compiling at load time (Babel's read_po + write_mo) means the catalogs can never be stale and
no build step is needed; it costs a few milliseconds per language, once per process.
"""

from __future__ import annotations

import io
import locale
import os
from functools import cache
from importlib.resources import files

from babel.support import NullTranslations, Translations

LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "ar", "ru")
SOURCE_LANGUAGE = "en"
# A pseudo-locale for tests and reviews: every string that went through a catalog (or Babel)
# is shown between ⟦ and ⟧, so any visible English text without them escaped translation.
PSEUDO = "qps"
PSEUDO_OPEN, PSEUDO_CLOSE = "\u27e6", "\u27e7"


class PseudoTranslations(NullTranslations):
    def gettext(self, message: str) -> str:
        return f"{PSEUDO_OPEN}{message}{PSEUDO_CLOSE}"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"{PSEUDO_OPEN}{singular if n == 1 else plural}{PSEUDO_CLOSE}"

    def pgettext(self, context: str, message: str) -> str:
        return f"{PSEUDO_OPEN}{message}{PSEUDO_CLOSE}"


def pseudo_mark(text: str) -> str:
    """Mark localized output (dates, numbers with words) when the pseudo-locale is on."""
    return f"{PSEUDO_OPEN}{text}{PSEUDO_CLOSE}" if _current == PSEUDO else text


_current: str = SOURCE_LANGUAGE
_listeners: list = []


@cache
def translations(lang: str) -> NullTranslations:
    """The compiled catalog of `lang` (English, the source language, is the identity)."""
    if lang == SOURCE_LANGUAGE:
        return NullTranslations()
    if lang == PSEUDO:
        return PseudoTranslations()
    po = files("facilitator.translations") / lang / "LC_MESSAGES" / "messages.po"
    if not po.is_file():
        return NullTranslations()
    # Imported here: an English window reads no catalog, and babel.messages is 20 ms.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(fp=buf)


def normalize_language(value: str | None) -> str | None:
    """'fr_CH.UTF-8' -> 'fr'; None when not one of the five languages."""
    if not value:
        return None
    code = value.replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def system_language() -> str:
    """The language the system asks for, when it is one of ours, else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        for part in os.environ.get(var, "").split(":"):
            found = normalize_language(part)
            if found:
                return found
    try:
        found = normalize_language(locale.getlocale()[0])
    except ValueError:
        found = None
    return found or SOURCE_LANGUAGE


def set_language(lang: str) -> None:
    """Switch the interface language for the whole process and tell the listeners."""
    global _current
    if lang not in LANGUAGES and lang != PSEUDO:
        raise ValueError(lang)
    _current = lang
    for listener in list(_listeners):
        listener(lang)


def get_language() -> str:
    return _current


def on_language_changed(listener) -> None:
    """Call `listener(lang)` after every set_language (the UI retranslates on it)."""
    _listeners.append(listener)


def _(message: str) -> str:
    """Translate `message` into the current language."""
    return translations(_current).gettext(message)


def N_(message: str) -> str:
    """Mark `message` for extraction; translate it later, where it is shown, with `_`."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The plural form of the current language for count `n` (Russian 3 forms, Arabic 6)."""
    return translations(_current).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate `message` as meant in `context`, where one English word has several
    meanings ("Title" of a session is not a person's title)."""
    return translations(_current).pgettext(context, message)


def gettext_in(lang: str, message: str) -> str:
    """Translate into `lang` whatever the interface language (exports choose their own)."""
    return translations(lang).gettext(message)


def ngettext_in(lang: str, singular: str, plural: str, n: int) -> str:
    return translations(lang).ngettext(singular, plural, n)
