"""Translation and locale formatting, Qt-free. Import `_`, `N_`, `ngettext` from here."""

from .catalog import (
    LANGUAGES,
    N_,
    _,
    get_language,
    gettext_in,
    ngettext,
    ngettext_in,
    normalize_language,
    on_language_changed,
    pgettext,
    set_language,
    system_language,
)
from .formats import (
    format_clock,
    format_date,
    format_minutes,
    format_number,
    format_time,
    is_rtl,
    language_name,
    text_direction,
)

__all__ = [
    "LANGUAGES",
    "N_",
    "_",
    "format_clock",
    "format_date",
    "format_minutes",
    "format_number",
    "format_time",
    "get_language",
    "gettext_in",
    "is_rtl",
    "language_name",
    "ngettext",
    "ngettext_in",
    "normalize_language",
    "pgettext",
    "on_language_changed",
    "set_language",
    "system_language",
    "text_direction",
]
