"""The summary report as a language-neutral structure that every report format renders.

The sections follow the seed summary report (shared/seeds/003): title, date and time, summary
report, background, organization, objective and guiding questions, participants, (the session
in figures), take-aways per topic as Challenges / Promising practices / Recommendations
(/ Pledges), and the closing disclaimer. Fixed texts are translated into the export language
with gettext_in, dates and numbers formatted by Babel in that language; people's own texts are
kept as written and flagged `user=True` so renderers never read them as markup.

The Chatham House Rule and personal choices are applied here, once, for every format: only
participants who agreed to be named appear by name, the participants section gives figures,
and names that must stay hidden are scrubbed from any free text that quotes them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError
from babel.lists import format_list

from facilitator.domain import figures, summary
from facilitator.domain import model as m
from facilitator.domain.vocab import FORMATS, POINT_KIND_HEADINGS
from facilitator.exports.bidi_isolate import isolate
from facilitator.exports.redact import safe_text, scrubber_for
from facilitator.exports.report_figures import Chart, session_charts
from facilitator.exports.report_figures import vocab_in as _vocab
from facilitator.i18n import (
    format_date,
    format_number,
    format_time,
    gettext_in,
    is_rtl,
    ngettext_in,
)


@dataclass
class Block:
    kind: str  # title subtitle date heading subheading label paragraph bullet chart page_break
    text: str = ""
    user: bool = False  # written by people: literal text with its own direction
    section: str = ""  # which section of the seed report it belongs to
    chart: Chart | None = None


@dataclass
class Report:
    lang: str
    title: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)


def _when(lang: str, session: m.Session) -> str:
    if not session.date:
        return ""
    day = dt.date.fromisoformat(session.date)
    text = format_date(day, lang)
    if session.start_time:
        hour, minute = (int(x) for x in session.start_time.split(":")[:2])
        moment = dt.datetime.combine(day, dt.time(hour, minute))
        try:
            zone = ZoneInfo(session.timezone)
            text = gettext_in(lang, "{date}, {time} ({zone})").format(
                date=text,
                time=format_time(moment.replace(tzinfo=zone), lang, tzinfo=zone),
                zone=session.timezone,
            )
        except (ZoneInfoNotFoundError, ValueError):
            text = gettext_in(lang, "{date}, {time}").format(
                date=text, time=format_time(moment, lang)
            )
    return text


def _language(code: str, lang: str) -> str:
    try:
        return Locale.parse(code).get_display_name(lang) or code
    except (ValueError, UnknownLocaleError):
        return code


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text or "") if p.strip()]


class _Builder:
    def __init__(self, content: m.SeriesContent, lang: str) -> None:
        self.content = content
        self.lang = lang
        self.blocks: list[Block] = []
        self.people = {p.id: p for p in content.participants}
        self.topics = {t.id: t for t in content.topics}
        self.topic_order = [t.id for t in sorted(content.topics, key=lambda t: t.position)]
        self.scrub = scrubber_for(content)
        self.scrub_all = scrubber_for(content, everyone=True)
        self.user_scrub = self.scrub  # people's own texts; every name under Chatham House

    def add(self, kind: str, text: str = "", section: str = "", user: bool = False) -> None:
        # Every text is scrubbed: fixed sentences carry people's words too (organizers, titles).
        text = self.scrub(safe_text(text))
        self.blocks.append(Block(kind, self.user_scrub(text) if user else text, user, section))

    def iso(self, value: str) -> str:
        """People's words inside a translated sentence: isolated (bidi_isolate says why)."""
        return isolate(value, is_rtl(self.lang))

    def num(self, value: float) -> str:
        return format_number(value, self.lang)

    # --- the sections, in the seed's order --------------------------------------------------

    def session(self, sc: m.SessionContent) -> None:
        lang, s = self.lang, sc.session
        self.user_scrub = self.scrub_all if s.chatham_house else self.scrub
        self.add("title", s.title, "title", user=True)
        if s.subtitle:
            self.add("subtitle", s.subtitle, "title", user=True)
        if s.date:
            self.add("date", _when(lang, s), "date")
        self.add("subtitle", gettext_in(lang, "Summary report"), "title")
        if s.background.strip():
            self.add("heading", gettext_in(lang, "Background"), "background")
            for text in _paragraphs(s.background):
                self.add("paragraph", text, "background", user=True)
        self.organization(sc)
        self.objectives(sc)
        self.participants(sc)
        self.in_figures(sc)
        self.takeaways(sc)
        self.disclaimer(sc)

    def organization(self, sc: m.SessionContent) -> None:
        lang, s = self.lang, sc.session
        self.add("heading", gettext_in(lang, "Organization"), "organization")
        minutes = sum(item.planned_minutes for item in sc.agenda)
        duration = ngettext_in(lang, "{count} minute", "{count} minutes", minutes).format(
            count=self.num(minutes)
        )
        place = " · ".join(x for x in (s.venue, s.platform) if x.strip())
        sentence = gettext_in(lang, "Format: {format}.").format(
            format=_vocab(lang, FORMATS, s.format)
        )
        if minutes:
            sentence += " " + gettext_in(lang, "Duration: {duration}.").format(duration=duration)
        if place:
            sentence += " " + gettext_in(lang, "Venue and platform: {place}.").format(
                place=self.iso(place)
            )
        self.add("paragraph", sentence, "organization")
        if s.interpretation:
            # CLDR's own case: "anglais" inside a French sentence, "English" in English.
            names = [_language(code, lang) for code in s.interpretation]
            self.add(
                "paragraph",
                gettext_in(lang, "Simultaneous interpretation was provided in {languages}.").format(
                    languages=format_list(names, locale=lang)
                ),
                "organization",
            )
        if s.organisers.strip():
            self.add(
                "paragraph",
                gettext_in(lang, "Organizers: {organizers}").format(
                    organizers=self.iso(self.scrub(s.organisers.strip()))
                ),
                "organization",
            )
        if s.chatham_house:
            self.add(
                "paragraph",
                gettext_in(
                    lang,
                    "The session was held under the Chatham House Rule: no statement in this "
                    "report is attributed to a person or a named delegation.",
                ),
                "organization",
            )

    def objectives(self, sc: m.SessionContent) -> None:
        lang = self.lang
        if not sc.session.objectives_text.strip() and not sc.questions:
            return
        self.add("heading", gettext_in(lang, "Objective"), "objectives")
        for text in _paragraphs(sc.session.objectives_text):
            self.add("paragraph", text, "objectives", user=True)
        if sc.questions:
            self.add(
                "paragraph",
                gettext_in(lang, "The discussion was based on the following guiding questions:"),
                "questions",
            )
            for question in sorted(sc.questions, key=lambda q: q.position):
                self.add("bullet", question.text, "questions", user=True)

    def _person(self, person: m.Participant) -> str:
        parts = [person.name, person.title, person.organisation]
        return ", ".join(p.strip() for p in parts if p and p.strip())

    def participants(self, sc: m.SessionContent) -> None:
        lang, num = self.lang, self.num
        figures_ = figures.participation(sc, self.content.participants)
        self.add("heading", gettext_in(lang, "Participants"), "participants")
        if figures_.registered is not None:
            self.add(
                "bullet",
                gettext_in(lang, "Registered participants: {count}").format(
                    count=num(figures_.registered)
                ),
                "participants",
            )
        if figures_.attended is not None:
            parts = []
            if figures_.member_states:
                parts.append(
                    ngettext_in(
                        lang,
                        "{count} Member State",
                        "{count} Member States",
                        figures_.member_states,
                    ).format(count=num(figures_.member_states))
                )
            if figures_.cso:
                parts.append(
                    ngettext_in(
                        lang,
                        "{count} civil society organization",
                        "{count} civil society organizations",
                        figures_.cso,
                    ).format(count=num(figures_.cso))
                )
            text = gettext_in(lang, "Participants: {count}").format(count=num(figures_.attended))
            if parts:
                text = gettext_in(lang, "Participants: {count}, including {groups}").format(
                    count=num(figures_.attended), groups=format_list(parts, locale=lang)
                )
            self.add("bullet", text, "participants")
        self.speakers(sc)

    def speakers(self, sc: m.SessionContent) -> None:
        lang = self.lang
        named, unnamed, moderators = [], 0, []
        for role in sc.roles:
            person = self.people.get(role.participant_id)
            if person is None:
                continue
            if role.role == "moderator" and person.may_be_named:
                moderators.append(self._person(person))
            elif role.role in ("speaker", "panellist"):
                if person.may_be_named:
                    named.append(self._person(person))
                else:
                    unnamed += 1
        if named or unnamed:
            people = list(named)
            if unnamed:
                people.append(
                    ngettext_in(
                        lang,
                        "{count} speaker who is not named",
                        "{count} speakers who are not named",
                        unnamed,
                    ).format(count=self.num(unnamed))
                )
            self.add(
                "bullet",
                # "; " between people: each of them is "name, title, organization".
                gettext_in(lang, "Speakers and panellists: {people}").format(
                    people=self.iso("; ".join(people))
                ),
                "participants",
            )
        if moderators:
            self.add(
                "bullet",
                gettext_in(lang, "The moderator was {person}.").format(
                    person=self.iso("; ".join(moderators))
                ),
                "participants",
            )

    def in_figures(self, sc: m.SessionContent) -> None:
        charts = session_charts(sc, self.content.participants, self.lang)
        if not charts:
            return
        self.add("heading", gettext_in(self.lang, "The session in figures"), "figures")
        for chart in charts:
            self.blocks.append(Block("chart", chart.title, section="figures", chart=chart))

    def takeaways(self, sc: m.SessionContent) -> None:
        lang = self.lang
        takeaways = summary.report_takeaways(sc, self.topic_order)
        if not takeaways:
            return
        when = format_date(dt.date.fromisoformat(sc.session.date), lang) if sc.session.date else ""
        heading = (
            gettext_in(
                lang, "Recommendations and key take-aways from the session of {date}"
            ).format(date=when)
            if when
            else gettext_in(lang, "Recommendations and key take-aways")
        )
        self.add("heading", heading, "takeaways")
        self.add(
            "paragraph",
            gettext_in(
                lang,
                "Below is a summary of the main challenges, practices and recommendations "
                "noted during the session.",
            ),
            "takeaways",
        )
        topic_shown: object = object()
        for section in summary.sections(takeaways, self.topic_order):
            if section.topic_id != topic_shown:
                topic_shown = section.topic_id
                topic = self.topics.get(section.topic_id or "")
                name = topic.name if topic else gettext_in(lang, "General")
                self.add("subheading", name, "takeaways", user=topic is not None)
            self.add(
                "label",
                gettext_in(lang, "{heading}:").format(
                    heading=_vocab(lang, POINT_KIND_HEADINGS, section.kind)
                ),
                "takeaways",
            )
            for takeaway in section.takeaways:
                self.add("bullet", takeaway.text, "takeaways", user=True)

    def disclaimer(self, sc: m.SessionContent) -> None:
        lang = self.lang
        when = format_date(dt.date.fromisoformat(sc.session.date), lang) if sc.session.date else ""
        self.add(
            "paragraph",
            gettext_in(
                lang,
                "This summary of the session held on {date} was prepared by its organizers. It "
                "does not necessarily reflect the opinions of all participants. As a summary, "
                "it is not a verbatim transcript.",
            ).format(date=when),
            "disclaimer",
        )


def build_report(
    content: m.SeriesContent, lang: str, session_ids: list[str] | None = None
) -> Report:
    """The report of the chosen sessions (all of the series when `session_ids` is None)."""
    builder = _Builder(content, lang)
    chosen = [sc for sc in content.sessions if session_ids is None or sc.session.id in session_ids]
    if len(chosen) == 1:
        builder.session(chosen[0])
        return Report(lang, chosen[0].session.title, builder.blocks)
    builder.add("title", content.series.title, "series", user=True)
    builder.add("subtitle", gettext_in(lang, "Summary report"), "series")
    for text in _paragraphs(content.series.description):
        builder.add("paragraph", text, "series", user=True)
    for sc in chosen:
        builder.blocks.append(Block("page_break"))
        builder.session(sc)
    return Report(lang, content.series.title, builder.blocks)
