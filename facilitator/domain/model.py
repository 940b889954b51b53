"""The nouns of the domain as plain dataclasses. No Qt, no SQL.

Every record has a UUID `id` so files written on different laptops can be merged; the storage
layer adds the device id, clock stamp and tombstone that merging needs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class Series:
    title: str
    description: str = ""
    # The report's closing texts, edited per series; "" prints the export language's default.
    disclaimer: str = ""  # Markdown subset (domain/narrative.py); {date} is the session's date
    acknowledgements: str = ""  # Markdown subset, printed before the disclaimer
    workstream: str = ""  # who prepared the summaries: "workstream on missing migrants..."
    workstream_url: str = ""  # the workstream's page, linked from the disclaimer
    # The language people write the series in: its texts are the originals, versions in the
    # other export languages are Translation records (domain/translations.py).
    content_language: str = "en"
    id: str = field(default_factory=new_id)


@dataclass
class Topic:
    series_id: str
    name: str
    position: int = 0
    description: str = ""
    colour: str = ""  # "#rrggbb", or "" for the app's own colour
    id: str = field(default_factory=new_id)


@dataclass
class Session:
    series_id: str
    title: str
    subtitle: str = ""
    date: str = ""  # ISO date, 2023-03-23
    start_time: str = ""  # local wall-clock time in `timezone`, 15:00
    timezone: str = "Europe/Zurich"  # IANA name; the seeds say "CET"
    format: str = "online"  # vocab.FORMATS
    venue: str = ""
    platform: str = ""
    region: str = ""
    interpretation: list[str] = field(default_factory=list)  # ISO 639 codes (en, fr, az...)
    audience: str = "open"  # vocab.AUDIENCES
    chatham_house: bool = False
    organisers: str = ""
    background: str = ""
    objectives_text: str = ""
    gcm_objectives: list[int] = field(default_factory=list)  # 1..23
    registered: int | None = None  # reported figures; later computed from the roster
    attended: int | None = None
    member_states: int | None = None
    cso: int | None = None
    warning_seconds: int = 120  # amber when this much of an item is left
    speaking_seconds: int = 180  # default speaking-time limit of a floor intervention
    position: int = 0
    short_label: str = ""  # the organisers' own short name; `title` is the published title
    audience_custom: str = ""  # who may attend, in words, when audience is "custom"
    registered_qualifier: str = "exact"  # vocab.FIGURE_QUALIFIERS: "over 100 CSO"
    attended_qualifier: str = "exact"
    member_states_qualifier: str = "exact"
    cso_qualifier: str = "exact"
    registration_url: str = ""
    recording_url: str = ""
    duration_minutes: int | None = None  # the session's length ("90-minute"); None: not set
    report_exported_at: str = ""  # ISO 8601 UTC of the last report export covering it
    # Speaking-time budgets, "group:<code>=<seconds>" or "delegation:<country>=<seconds>"
    # (domain/speaking_budget.py), and the queue's "has not spoken yet first" ordering.
    speaking_budgets: list[str] = field(default_factory=list)
    not_spoken_first: bool = False
    id: str = field(default_factory=new_id)


@dataclass
class AgendaItem:
    session_id: str
    title: str
    planned_minutes: int
    kind: str = "other"  # vocab.AGENDA_KINDS
    speakers: str = ""  # names or roles as the programme lists them
    description: str = ""
    position: int = 0
    warning_seconds: int | None = None  # amber threshold of this item; None: the session's
    id: str = field(default_factory=new_id)


@dataclass
class GuidingQuestion:
    session_id: str
    text: str
    synthesis: str = ""
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class Participant:
    series_id: str
    name: str
    title: str = ""
    organisation: str = ""
    stakeholder_group: str = "other"  # vocab.STAKEHOLDER_GROUPS
    country: str = ""
    gender: str = ""  # vocab.GENDERS, or "" when not known
    email: str = ""
    may_be_named: bool = True  # consent; under the Chatham House Rule nobody is named
    id: str = field(default_factory=new_id)


@dataclass
class SessionRole:
    """A participant's part in one session: role and attendance."""

    session_id: str
    participant_id: str
    role: str = "participant"  # vocab.ROLES
    attended: bool = False
    id: str = field(default_factory=new_id)


@dataclass
class Intervention:
    session_id: str
    agenda_item_id: str | None = None
    participant_id: str | None = None
    stakeholder_group: str = ""  # as recorded for this intervention; else the speaker's
    country: str = ""
    language: str = ""
    started_at: str | None = None  # ISO 8601 UTC
    ended_at: str | None = None
    notes: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Point:
    intervention_id: str
    text: str
    kind: str = "challenge"  # vocab.POINT_KINDS
    topic_id: str | None = None
    question_id: str | None = None
    gcm_objectives: list[int] = field(default_factory=list)
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class Takeaway:
    session_id: str
    text: str
    kind: str = "recommendation"
    topic_id: str | None = None
    point_ids: list[str] = field(default_factory=list)
    position: int = 0
    # Who the report names for it, within what the rules allow: vocab.ATTRIBUTIONS ("" is the
    # default: pledges name who made them, other kinds nobody). Kind "narrative" holds a
    # topic's lead and free paragraphs (domain/narrative.py), not a line of a list.
    attribution: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class TimerEvent:
    """One moderator action, appended to the log; the live timer is derived from the log."""

    session_id: str
    action: str  # vocab.TIMER_ACTIONS
    at: str  # ISO 8601 UTC, milliseconds
    agenda_item_id: str | None = None
    seconds: int = 0  # minutes added/removed by "adjust", in seconds
    payload: str = ""  # free JSON for actions that need more (floor: speaker)
    id: str = field(default_factory=new_id)


@dataclass
class Translation:
    """One text of a record in one export language: a take-away's text, a topic's name, an
    agenda item's title, a session's background or objective (domain/translations.py). The id
    follows from (owner, field, language), so two laptops writing the French version of the
    same take-away write the same record, and a merge keeps the later wording."""

    owner_table: str  # translations.TRANSLATABLE
    owner_id: str
    owner_field: str
    language: str  # i18n.LANGUAGES
    text: str = ""
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = translation_id(
                self.owner_table, self.owner_id, self.owner_field, self.language
            )


TRANSLATION_NS = uuid.UUID("0b7e4a52-3c51-4d8e-9f0a-6c2b1d7e9a35")


def translation_id(owner_table: str, owner_id: str, owner_field: str, language: str) -> str:
    return str(uuid.uuid5(TRANSLATION_NS, f"{owner_table}|{owner_id}|{owner_field}|{language}"))


@dataclass
class SessionContent:
    """Everything of one session, as the main window and the exports read it."""

    session: Session
    agenda: list[AgendaItem] = field(default_factory=list)
    questions: list[GuidingQuestion] = field(default_factory=list)
    roles: list[SessionRole] = field(default_factory=list)
    interventions: list[Intervention] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    takeaways: list[Takeaway] = field(default_factory=list)
    timer_log: list[TimerEvent] = field(default_factory=list)


@dataclass
class SeriesContent:
    """A whole series: what a file holds and what the JSON format carries."""

    series: Series
    topics: list[Topic] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    sessions: list[SessionContent] = field(default_factory=list)
    translations: list[Translation] = field(default_factory=list)
    # Milliseconds (UTC) of the newest change in the file it was read from, None when it was
    # not: an archive carries it, so that records imported from it stand, in a merge, where
    # the archive's content stood in time (not at the moment of the import).
    as_of_ms: int | None = field(default=None, compare=False)
