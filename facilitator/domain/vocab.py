"""The closed vocabularies of the domain: codes stored in the file, labels shown to people.

Codes are stable English identifiers (they travel in files and JSON); labels are marked with
N_ and translated where they are shown, so the same file reads in any interface language.
"""

from __future__ import annotations

from facilitator.i18n import N_, _

STAKEHOLDER_GROUPS: dict[str, str] = {
    "member_state": N_("Member State"),
    "un_entity": N_("UN entity"),
    "international_org": N_("International or regional organization"),
    "civil_society": N_("Civil society"),
    "academia": N_("Academia"),
    "private_sector": N_("Private sector"),
    "migrant_representative": N_("Migrant or family representative"),
    "youth": N_("Youth"),
    "local_authority": N_("Local authority"),
    "other": N_("Other"),
}

POINT_KINDS: dict[str, str] = {
    "challenge": N_("Challenge"),
    "practice": N_("Promising practice"),
    "recommendation": N_("Recommendation"),
    "pledge": N_("Pledge"),
    "question": N_("Question"),
}

# A take-away of this kind is not a line of a list: it holds a topic's narrative (its lead
# paragraph, free paragraphs, nested bullets, footnotes and links).
NARRATIVE = "narrative"
TAKEAWAY_KINDS: dict[str, str] = {
    **{k: v for k, v in POINT_KINDS.items() if k != "question"},
    NARRATIVE: N_("Narrative"),
}

# Whom a report names for a take-away; the Chatham House Rule allows only the group.
ATTRIBUTIONS: dict[str, str] = {
    "": N_("Default (pledges: who made them)"),
    "none": N_("Nobody"),
    "group": N_("Stakeholder group"),
    "country": N_("Country"),
    "person": N_("Person"),
}

# Plural headings used by summaries ("Challenges:", "Promising practices:" as in the seed report).
POINT_KIND_HEADINGS: dict[str, str] = {
    "challenge": N_("Challenges"),
    "practice": N_("Promising practices"),
    "recommendation": N_("Recommendations"),
    "pledge": N_("Pledges"),
    "question": N_("Questions"),
}

FORMATS: dict[str, str] = {
    "online": N_("Online"),
    "hybrid": N_("Hybrid"),
    "in_person": N_("In person"),
}

AUDIENCES: dict[str, str] = {
    "open": N_("Open to all"),
    "member_states": N_("Member States only"),
    "youth": N_("Youth participants (under 30)"),
    "custom": N_("Other audience (described)"),
}

# How exact a reported figure is: the seed report says "over 100 CSO".
FIGURE_QUALIFIERS: dict[str, str] = {
    "exact": N_("Exactly"),
    "about": N_("About"),
    "over": N_("Over"),
}
# The reported figures of a session that carry a qualifier (Session.<name>_qualifier).
FIGURE_FIELDS: tuple[str, ...] = ("registered", "attended", "member_states", "cso")

AGENDA_KINDS: dict[str, str] = {
    "opening": N_("Opening remarks"),
    "scene_setting": N_("Setting the scene"),
    "presentation": N_("Presentation"),
    "panel": N_("Key discussants"),
    "discussion": N_("Discussion"),
    "closing": N_("Closing remarks"),
    "other": N_("Other"),
}

ROLES: dict[str, str] = {
    "moderator": N_("Moderator"),
    "speaker": N_("Speaker"),
    "panellist": N_("Panellist"),
    "participant": N_("Participant"),
    "rapporteur": N_("Rapporteur"),
    "note_taker": N_("Note-taker"),
}

GENDERS: dict[str, str] = {
    "female": N_("Female"),
    "male": N_("Male"),
    "other": N_("Other or not stated"),
}

# What a queued speaker asks the floor for; a point of order goes before everyone else.
SPEECH_TYPES: dict[str, str] = {
    "statement": N_("Statement"),
    "point_of_order": N_("Point of order"),
    "right_of_reply": N_("Right of reply"),
    "question": N_("Question"),
}

TIMER_ACTIONS: tuple[str, ...] = (
    "start",
    "pause",
    "resume",
    "next",
    "back",
    "adjust",
    "goto",
    "stop",
    "floor",
    "end_floor",
    "extend_speaker",  # seconds added to (or taken from) the current speaker's limit
    "reset",  # a new run from nothing; the events before it stay in the log as history
)

# ISO 639-1 codes offered first in language lists; any ISO 639 code is accepted
# (see domain.session_rules.is_language_code).
SPOKEN_LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "ar", "ru", "zh", "pt", "az")


def label(vocabulary: dict[str, str], code: str | None) -> str:
    """The translated label of `code`, or the code itself when it is unknown."""
    if code is None:
        return ""
    source = vocabulary.get(code)
    return _(source) if source else code
