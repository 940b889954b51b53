"""The privacy check of an export, and the marks of the Summary tab. Qt-free.

Before an export writes, the rapporteur sees each place where a name or an identifying
affiliation was found and replaced (exports.privacy.privacy_check), where it was, what was
found and what the export will read; and, said plainly, what the app cannot know.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitator.domain import model as m
from facilitator.domain.names import NameMatcher
from facilitator.domain.privacy import Change
from facilitator.exports.privacy import privacy_check
from facilitator.i18n import N_, _, format_number, get_language, language_name

ARCHIVE_FORMATS = ("json",)  # formats that keep personal data by design
CANNOT_KNOW = N_(
    "What the app cannot know: a nickname, a misspelling or a transliteration nobody "
    "registered, a name written in another script, or words that point to someone (“the "
    "minister of the host country”). Read the texts once more, and rephrase the take-aways "
    "marked in the Summary tab."
)
WHAT = {
    ("series", "title"): N_("title of the series"),
    ("series", "description"): N_("description of the series"),
    ("topic", "name"): N_("name of a topic"),
    ("session", "title"): N_("title"),
    ("session", "subtitle"): N_("subtitle"),
    ("session", "organisers"): N_("organizers"),
    ("session", "background"): N_("background"),
    ("session", "objectives_text"): N_("objective"),
    ("session", "venue"): N_("venue"),
    ("agenda", "title"): N_("agenda item {number}, title"),
    ("agenda", "speakers"): N_("agenda item {number}, speakers"),
    ("agenda", "description"): N_("agenda item {number}, description"),
    ("question", "text"): N_("guiding question {number}"),
    ("question", "synthesis"): N_("guiding question {number}, synthesis"),
    ("intervention", "notes"): N_("notes of intervention {number}"),
    ("point", "text"): N_("a point of intervention {number}"),
    ("takeaway", "text"): N_("take-away {number}"),
    ("narrative", "text"): N_("the report's text on a topic (Summary tab)"),
}


@dataclass
class PrivacyCheck:
    fmt: str
    changes: list[Change] = field(default_factory=list)
    archive: bool = False  # the format keeps every name (the full JSON archive)
    sensitive: bool = False  # someone must stay hidden, or a session is under the Rule

    def needed(self) -> bool:
        """Whether the rapporteur should see the check before the export writes."""
        return bool(self.changes) or self.sensitive


def check(content: m.SeriesContent, fmt: str, session_ids: list[str] | None) -> PrivacyCheck:
    chosen = [s for s in content.sessions if session_ids is None or s.session.id in session_ids]
    sensitive = any(not p.may_be_named for p in content.participants) or any(
        s.session.chatham_house for s in chosen
    )
    if fmt in ARCHIVE_FORMATS:
        return PrivacyCheck(fmt, [], True, sensitive)
    return PrivacyCheck(fmt, privacy_check(content, session_ids), False, sensitive)


def file_stem(content: m.SeriesContent | None, stem: str) -> str:
    """A suggested file name without the name of anyone who must stay hidden ("_" instead)."""
    if content is None:
        return stem
    hidden = [p.name for p in content.participants if not p.may_be_named]
    return NameMatcher(hidden).replace(stem, "_") if hidden else stem


def place_text(change: Change, content: m.SeriesContent) -> str:
    """Where a replacement is, in words: “Session “Asia”: agenda item 2, title”."""
    where = change.where
    name, _colon, lang = where.field.partition(":")  # "text:fr": the French version
    what = _(WHAT.get((where.record, name), name)).format(number=format_number(where.number or 0))
    if lang:
        name = language_name(lang, get_language(), inside=True)
        what = _("{what}, version in {language}").format(what=what, language=name)
    session = next((s.session for s in content.sessions if s.session.id == where.session_id), None)
    if session is None:
        return what
    return _("Session “{session}”: {what}").format(session=session.title, what=what)


def session_marks(
    content: m.SeriesContent, session_id: str, session: m.SessionContent | None = None
) -> dict[str, Change]:
    """The take-aways and points of one session whose text needed a replacement, by id."""
    if session is not None:
        content = m.SeriesContent(content.series, content.topics, content.participants, [session])
    return {
        c.where.record_id: c
        for c in privacy_check(content, [session_id])
        if c.where.record in ("takeaway", "narrative", "point")
    }


def marks_for(
    session: m.SessionContent, participants: list[m.Participant], topics: list[m.Topic]
) -> dict[str, Change]:
    """The Summary tab's marks, from what the page has read."""
    series = m.Series("", id=session.session.series_id)
    content = m.SeriesContent(series, topics, participants, [session])
    return session_marks(content, session.session.id)
