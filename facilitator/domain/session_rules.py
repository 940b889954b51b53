"""The rules a prepared session, agenda, question and topic follow. Qt-free, no storage.

`clean_session_changes` takes the fields an organiser edited and returns them cleaned
(spaces trimmed, codes lower-cased, lists without duplicates) or raises InvalidValue with one
translated line that names the field and says what to do. The storage layer turns that into
the FacilitatorError the user sees, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
import zoneinfo
from functools import cache
from typing import Any

from facilitator.domain import model as m
from facilitator.domain import vocab
from facilitator.i18n import _, format_number, pgettext
from facilitator.i18n.lists import comma_join

MIN_PLANNED_MINUTES = 1
MAX_PLANNED_MINUTES = 600
MAX_WARNING_SECONDS = 3600
MAX_SPEAKING_SECONDS = 3600
MAX_LENGTH = 24 * 60  # minutes in a session
MAX_FIGURE = 10_000_000

LANGUAGE_RE = re.compile(r"[a-z]{2,3}")
COLOUR_RE = re.compile(r"#[0-9a-f]{6}")
TIME_RE = re.compile(r"([01]\d|2[0-3]):[0-5]\d")

# Fields of Session an organiser edits in the session editor (not series_id, position, id).
EDITABLE_SESSION_FIELDS: frozenset[str] = frozenset(
    f for f in m.Session.__dataclass_fields__ if f not in {"series_id", "position", "id"}
)
TEXT_FIELDS = (
    "subtitle",
    "venue",
    "platform",
    "region",
    "organisers",
    "background",
    "objectives_text",
    "short_label",
    "audience_custom",
)


class InvalidValue(ValueError):
    """A value a rule refuses; str() is the translated one-line message."""


def is_language_code(code: str) -> bool:
    """An ISO 639 code as stored: two (639-1) or three (639-2/3) lower-case letters."""
    return isinstance(code, str) and LANGUAGE_RE.fullmatch(code) is not None


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_web_address(text: str) -> bool:
    """An http(s) address with a host: what a registration or recording link may be."""
    try:
        parts = urllib.parse.urlsplit(text)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and " " not in text


def clean_url(value: Any, label: str) -> str:
    """An optional web address (a link of a report), trimmed; refused unless http(s)."""
    return _url(value, label)


def _url(value: Any, label: str) -> str:
    text = _text(value, label).strip()
    if not text:
        return ""
    if not is_web_address(text):
        raise InvalidValue(
            _(
                "{field}: “{value}” is not a web address; paste one that starts with https://."
            ).format(field=label, value=text[:80])
        )
    return text


def _text(value: Any, label: str) -> str:
    if not isinstance(value, str) or "\x00" in value:
        raise InvalidValue(_("{field}: expected text.").format(field=label))
    return value


def _figure(value: Any, label: str) -> int | None:
    if value is None or value == "":
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_FIGURE:
        raise InvalidValue(
            _("{field}: type a whole number of zero or more, or leave it empty.").format(
                field=label
            )
        )
    return value


def _length(value: Any) -> int | None:
    if value is None or value == 0:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_LENGTH:
        raise InvalidValue(
            _(
                "Length of the session: type its minutes, from 1 to {most}, or leave it unset."
            ).format(most=MAX_LENGTH)
        )
    return value


def _seconds(value: Any, label: str, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= high:
        raise InvalidValue(
            _("{field}: choose between 0 and {most} seconds.").format(field=label, most=high)
        )
    return value


def _code(value: Any, codes: dict[str, str], label: str) -> str:
    if value not in codes:
        raise InvalidValue(
            _("{field}: choose one of {choices}.").format(
                field=label, choices=comma_join(vocab.label(codes, c) for c in codes)
            )
        )
    return value


def field_label(name: str) -> str:
    """The translated name of a Session field, as the session editor shows it."""
    labels = {
        "title": pgettext("session field", "Title"),
        "short_label": _("Kind of session (in sentences)"),
        "subtitle": _("Subtitle"),
        "date": _("Date"),
        "start_time": _("Start time"),
        "timezone": _("Time zone"),
        "format": _("Format"),
        "venue": _("Venue"),
        "platform": _("Platform"),
        "region": _("Region"),
        "interpretation": _("Interpretation"),
        "audience": _("Audience"),
        "audience_custom": _("Audience (in words)"),
        "chatham_house": _("Chatham House Rule"),
        "organisers": _("Organisers"),
        "background": _("Background"),
        "objectives_text": _("Objectives"),
        "gcm_objectives": _("GCM objectives"),
        "registered": _("Registered participants"),
        "attended": _("Participants"),
        "member_states": _("Member States"),
        "cso": _("Civil society organisations"),
        "warning_seconds": _("Warning before the end of an item"),
        "speaking_seconds": _("Speaking time"),
        "registration_url": _("Registration link"),
        "recording_url": _("Recording link"),
        "duration_minutes": _("Length of the session"),
        "speaking_budgets": _("Speaking-time budgets"),
        "not_spoken_first": _("Those who have not spoken yet first"),
    }
    for figure in vocab.FIGURE_FIELDS:
        labels[f"{figure}_qualifier"] = labels[figure]
    return labels.get(name, name)


def clean_session_field(name: str, value: Any) -> Any:
    """One edited field of a Session, cleaned, or InvalidValue."""
    label = field_label(name)
    if name not in EDITABLE_SESSION_FIELDS:
        raise InvalidValue(_("{field} cannot be edited here.").format(field=name))
    if name == "title":
        text = _text(value, label).strip()
        if not text:
            raise InvalidValue(
                _("Title: the session needs a title; type it as it will be published.")
            )
        return text
    if name in TEXT_FIELDS:
        return _text(value, label).strip()
    if name == "date":
        text = _text(value, label).strip()
        if text:
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                raise InvalidValue(
                    _("Date: type it as YYYY-MM-DD, for example 2023-03-23.")
                ) from None
        return text
    if name == "start_time":
        text = _text(value, label).strip()
        if text and not TIME_RE.fullmatch(text):
            raise InvalidValue(_("Start time: type it as HH:MM, for example 15:00."))
        return text
    if name == "timezone":
        text = _text(value, label).strip()
        if text not in _zones():
            raise InvalidValue(
                _("Time zone: “{value}” is unknown; choose a zone such as Europe/Zurich.").format(
                    value=text[:60]
                )
            )
        return text
    if name == "format":
        return _code(value, vocab.FORMATS, label)
    if name == "audience":
        return _code(value, vocab.AUDIENCES, label)
    if name.endswith("_qualifier"):
        return _code(value, vocab.FIGURE_QUALIFIERS, label)
    if name == "chatham_house":
        if not isinstance(value, bool):
            raise InvalidValue(_("{field}: expected on or off.").format(field=label))
        return value
    if name == "interpretation":
        return clean_languages(value)
    if name == "gcm_objectives":
        return clean_objectives(value)
    if name in vocab.FIGURE_FIELDS:
        return _figure(value, label)
    if name == "warning_seconds":
        return _seconds(value, label, MAX_WARNING_SECONDS)
    if name == "speaking_seconds":
        return _seconds(value, label, MAX_SPEAKING_SECONDS)
    if name in ("registration_url", "recording_url"):
        return _url(value, label)
    if name == "duration_minutes":
        return _length(value)
    raise InvalidValue(_("{field} cannot be edited here.").format(field=name))  # pragma: no cover


def clean_languages(codes: Any) -> list[str]:
    """Interpretation languages: ISO 639 codes, lower case, each once, in the order given."""
    if not isinstance(codes, (list, tuple)):
        raise InvalidValue(_("Interpretation: expected a list of language codes."))
    out: list[str] = []
    for code in codes:
        clean = code.strip().lower() if isinstance(code, str) else code
        if not is_language_code(clean):
            raise InvalidValue(
                _(
                    "Interpretation: “{value}” is not a language code; use ISO 639 codes "
                    "such as en, fr or az."
                ).format(value=str(code)[:20])
            )
        if clean not in out:
            out.append(clean)
    return out


def clean_objectives(numbers: Any) -> list[int]:
    """Linked GCM objectives: numbers 1 to 23, each once, in increasing order."""
    if not isinstance(numbers, (list, tuple)) or not all(
        isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 23 for n in numbers
    ):
        raise InvalidValue(_("GCM objectives: choose objectives numbered 1 to 23."))
    return sorted(set(numbers))


def clean_session_changes(session: m.Session, changes: dict[str, Any]) -> dict[str, Any]:
    """All edited fields cleaned and checked together (a custom audience needs its words).

    Returns only the fields whose cleaned value differs from `session`.
    """
    cleaned = {name: clean_session_field(name, value) for name, value in changes.items()}
    audience = cleaned.get("audience", session.audience)
    words = cleaned.get("audience_custom", session.audience_custom)
    if audience == "custom" and not words:
        raise InvalidValue(_("Audience: describe who may attend, or choose another audience."))
    return {k: v for k, v in cleaned.items() if getattr(session, k) != v}


def clean_planned_minutes(value: Any) -> int:
    if (
        not isinstance(value, int)
        or isinstance(value, bool)
        or not MIN_PLANNED_MINUTES <= value <= MAX_PLANNED_MINUTES
    ):
        raise InvalidValue(
            _("Planned minutes: choose a whole number from {least} to {most}.").format(
                least=MIN_PLANNED_MINUTES, most=MAX_PLANNED_MINUTES
            )
        )
    return value


def clean_item_warning(value: Any) -> int | None:
    """An agenda item's own amber threshold in seconds, or None for the session's."""
    if value is None:
        return None
    return _seconds(value, _("Warning before the end of an item"), MAX_WARNING_SECONDS)


def clean_title(value: Any, what: str) -> str:
    """A required one-line text (agenda item title, topic name); `what` names the field."""
    text = " ".join(_text(value, what).split())
    if not text:
        raise InvalidValue(_("{field}: type a name; it cannot be empty.").format(field=what))
    return text


def clean_text(value: Any, what: str) -> str:
    """Optional free text (speakers, descriptions), trimmed."""
    return _text(value, what).strip()


def clean_question(value: Any) -> str:
    text = _text(value, _("Guiding question")).strip()
    if not text:
        raise InvalidValue(_("Guiding question: type the question; it cannot be empty."))
    return text


def clean_colour(value: Any) -> str:
    """A topic colour as #rrggbb (lower case), or "" for the app's own colour."""
    text = _text(value, _("Colour")).strip().lower()
    if text and not COLOUR_RE.fullmatch(text):
        raise InvalidValue(
            _("Colour: “{value}” is not a colour; use the form #1f77b4.").format(value=text[:20])
        )
    return text


def effective_warning_seconds(item: m.AgendaItem, session: m.Session) -> int:
    """When this item's timer turns amber: its own threshold, else the session's."""
    return session.warning_seconds if item.warning_seconds is None else item.warning_seconds


def audience_text(session: m.Session) -> str:
    """Who may attend, as a report or the session view says it."""
    if session.audience == "custom":
        return session.audience_custom
    return vocab.label(vocab.AUDIENCES, session.audience)


def qualified_figure(value: int | None, qualifier: str) -> str:
    """A reported figure with its qualifier: "over 100", "about 50", "599"."""
    if value is None:
        return ""
    if qualifier == "over":
        return _("over {number}").format(number=format_number(value))
    if qualifier == "about":
        return _("about {number}").format(number=format_number(value))
    return format_number(value)
