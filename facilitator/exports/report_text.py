"""The sentences of a summary report, written as seed 003 writes them, in the export language.

Pure functions over the domain; report_model.py puts their results in order. Fixed words go
through gettext_in with named placeholders, so every language orders the sentence itself.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import UnknownLocaleError
from babel.dates import get_timezone_name

from facilitator.domain import model as m
from facilitator.domain.summary import speaker_group
from facilitator.domain.text import fold
from facilitator.exports.bidi_isolate import isolate
from facilitator.exports.report_figures import group_in
from facilitator.i18n import N_, format_date, format_number, format_time, gettext_in, is_rtl
from facilitator.i18n.formats import display_name
from facilitator.i18n.lists import and_join, comma_join

# How each format is said inside "The 90-minute … was held {how}."
HELD = {
    "online": N_("online"),
    "hybrid": N_("online and in person"),
    "in_person": N_("in person"),
}
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)\s*$")


def zone_name(moment: dt.datetime, zone: ZoneInfo, lang: str) -> str:
    """The zone's short name on that date ("CET", "CEST" in summer): the export language's
    CLDR name when it has one, else the abbreviation UN documents use in every language."""
    for locale in (lang, "en_GB"):
        name = get_timezone_name(moment, "short", locale=locale)
        if name and not name.startswith(("+", "-", "GMT", "UTC")):
            return name
    return moment.tzname() or zone.key


_FIRST_WORD = re.compile(r"^([A-Z][a-z]+)(?=[\s-]|$)")


def topic_heading(lang: str, name: str, texts: list[str]) -> str:
    """'On missing migrants', as seed 003 heads its topics. Where the language's heading puts
    the name inside a phrase, its first word goes in lower case if it is a common word (one
    the session's own texts write in lower case): never 'On mexico' or 'On iom'."""
    pattern = gettext_in(lang, "On {topic}")
    before = pattern.partition("{topic}")[0].rstrip()
    first = _FIRST_WORD.match(name)
    if before and not before.endswith(":") and first:
        word = first.group(1)
        common = re.compile(rf"(?<![\w-]){word.lower()}(?![\w])")
        if any(common.search(text) for text in texts):
            name = word.lower() + name[len(word) :]
    return pattern.format(topic=_iso(name, lang))


def when(lang: str, session: m.Session, with_time: bool = True) -> str:
    """'23 March 2023, 15:00 CET', as the workstream page writes a session's date and time
    (seed 002); '23 March 2023' alone with_time False, as the published summary (seed 003)."""
    if not session.date:
        return ""
    day = dt.date.fromisoformat(session.date)
    text = format_date(day, lang)
    if not session.start_time or not with_time:
        return text
    hour, minute = (int(x) for x in session.start_time.split(":")[:2])
    moment = dt.datetime.combine(day, dt.time(hour, minute))
    try:
        zone = ZoneInfo(session.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return gettext_in(lang, "{date}, {time}").format(date=text, time=format_time(moment, lang))
    local = moment.replace(tzinfo=zone)
    return gettext_in(lang, "{date}, {time} {zone}").format(
        date=text, time=format_time(local, lang, tzinfo=zone), zone=zone_name(local, zone, lang)
    )


def language_name(code: str, lang: str) -> str:
    try:
        return display_name(code, lang)
    except (ValueError, UnknownLocaleError):
        return code


def held(lang: str, session: m.Session, minutes: int, place: str) -> str:
    """'The 90-minute Introductory GCM Talk was held online and in person (IOM Headquarters).'"""
    how = gettext_in(lang, HELD.get(session.format, "online"))
    if place:
        how = gettext_in(lang, "{how} ({place})").format(how=how, place=_iso(place, lang))
    name = session_noun(lang, session)
    if minutes:
        sentence = gettext_in(lang, "The {minutes}-minute {name} was held {how}.").format(
            minutes=format_number(minutes, lang), name=name, how=how
        )
    else:
        sentence = gettext_in(lang, "The {name} was held {how}.").format(name=name, how=how)
    # A language that opens the sentence with the name ("{name} продолжительностью …")
    # gets the fallback word "заседание" first: a sentence starts with a capital.
    return sentence[:1].upper() + sentence[1:] if sentence[:1].islower() else sentence


def organized(lang: str, session: m.Session) -> str:
    """'This GCM Talk was organized by the ICRC, … with the support of the secretariat.'"""
    organisers = session.organisers.strip().rstrip(".")
    if not organisers:
        return ""
    name = session_noun(lang, session)
    return gettext_in(lang, "This {name} was organized by {organizers}.").format(
        name=name, organizers=_iso(organisers, lang)
    )


# Words that make a capitalised label a kind of meeting ("GCM Talk", "Regional
# Consultation") rather than a name ("Arab States", "Europe"): the languages that capitalise.
_EVENT_NOUNS = frozenset(
    "talk talks consultation consultations session sessions meeting meetings dialogue dialog "
    "forum webinar workshop seminar conference roundtable round-table briefing event panel "
    "exchange hearing review summit symposium lecture debate discussion retreat training "
    "gathering consulta consultas reunión sesión séance réunion consultation diálogo foro "
    "taller atelier".split()
)


def _is_a_name(label: str) -> bool:
    """'Arab States', 'Europe', 'GCM': every word capitalised and none a kind of meeting, so
    "The 90-minute {name} was held" would read wrong with it."""
    words = [w for w in re.split(r"[\s/]+", label) if w]
    capitalised = all(w[:1].isupper() or w[:1].isdigit() for w in words)
    kinds = {re.sub(r"[^\w-]", "", w).casefold() for w in words} & _EVENT_NOUNS
    return capitalised and not kinds


def session_noun(lang: str, session: m.Session) -> str:
    """What the report's sentences call the session: its short label when that is a kind of
    meeting ("introductory GCM Talk", "regional consultation"), else the word "session"
    (an empty label, or a name such as "Arab States" typed there)."""
    label = session.short_label.strip()
    if not label or _is_a_name(label):
        return gettext_in(lang, "session")
    return _iso(label, lang)


def _iso(value: str, lang: str) -> str:
    """People's words inside a translated sentence (bidi_isolate says why)."""
    return isolate(value, is_rtl(lang))


def interpretation(lang: str, session: m.Session) -> str:
    if not session.interpretation:
        return ""
    # CLDR's own case: "anglais" inside a French sentence, "English" in English.
    names = [language_name(code, lang) for code in session.interpretation]
    return gettext_in(lang, "Simultaneous interpretation was provided in {languages}.").format(
        languages=and_join(names, lang)
    )


def figure(lang: str, value: int, qualifier: str) -> str:
    """A reported figure with its qualifier: '100', 'over 100', 'about 100'."""
    number = format_number(value, lang)
    if qualifier == "over":
        return gettext_in(lang, "over {count}").format(count=number)
    if qualifier == "about":
        return gettext_in(lang, "about {count}").format(count=number)
    return number


def person(p: m.Participant, lang: str) -> str:
    """'Mariela Guajardo, Operations and Emergencies Officer, IOM': the organisation by its
    acronym when it has one, and left out when the title already names it."""
    organisation = p.organisation.strip()
    acronym = _ACRONYM.search(organisation)
    title = fold(p.title)
    forms = [organisation, acronym.group(1) if acronym else ""]
    forms.append(re.sub(r"(?i)\bunited nations\b", "UN", organisation))
    if acronym:
        forms.append(organisation[: acronym.start()].strip())
    if any(form and fold(form) in title for form in forms):
        organisation = ""
    elif acronym:
        organisation = acronym.group(1)
    return comma_join((x.strip() for x in (p.name, p.title, organisation) if x and x.strip()), lang)


def session_index(
    sc: m.SessionContent,
) -> tuple[dict[str, m.Point], dict[str, m.Intervention]]:
    """The session's points and interventions by id (made once for all its take-aways)."""
    return {p.id: p for p in sc.points}, {i.id: i for i in sc.interventions}


def attribution(
    takeaway: m.Takeaway,
    sc: m.SessionContent,
    people: dict[str, m.Participant],
    lang: str,
    index: tuple[dict[str, m.Point], dict[str, m.Intervention]] | None = None,
) -> str:
    """Who the report names for a take-away, as its rapporteur chose and the rules allow: in
    an open session a person (who agreed to be named), a country or a stakeholder group;
    under the Chatham House Rule a group only. The default names who made a pledge."""
    choice = takeaway.attribution or ("person" if takeaway.kind == "pledge" else "none")
    if choice == "none":
        return ""
    if sc.session.chatham_house:
        choice = "group"
    points, interventions = index or session_index(sc)
    names: list[str] = []
    for point_id in takeaway.point_ids:
        point = points.get(point_id)
        intervention = interventions.get(point.intervention_id) if point else None
        if intervention is None:
            continue
        name = _who(intervention, people, choice, lang)
        if name and name not in names:
            names.append(name)
    return and_join(names, lang) if names else ""


def _who(
    intervention: m.Intervention, people: dict[str, m.Participant], choice: str, lang: str
) -> str:
    person_ = people.get(intervention.participant_id or "")
    if choice == "person" and person_ is not None and person_.may_be_named and person_.name:
        return person_.name.strip()
    if choice in ("person", "country"):
        country = intervention.country or (person_.country if person_ else "")
        if country.strip():
            return country.strip()
    return group_in(lang, speaker_group(intervention, people))
