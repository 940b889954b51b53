"""People's words inside a translated sentence, isolated for the bidi algorithm.

"Organizers: {organizers}" in Arabic with an English list of organisations: without an
isolate the list's brackets, commas and full stop take their direction from the Arabic around
them and land on the wrong side. FSI ... PDI (U+2068, U+2069) make the value one neutral for
the sentence, laid out in its own first-strong direction (UAX#9 X5c). Only where directions
can mix: in a right-to-left report, or for a value with right-to-left letters; an English
report of English names gets no invisible characters.
"""

from __future__ import annotations

from unicodedata import bidirectional

FSI, PDI = "\u2068", "\u2069"


def isolate(value: str, rtl_report: bool) -> str:
    if not value or (not rtl_report and not any(bidirectional(ch) in ("R", "AL") for ch in value)):
        return value
    return FSI + value + PDI
