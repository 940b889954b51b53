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

from facilitator.domain import figures, narrative, summary
from facilitator.domain import model as m
from facilitator.domain.vocab import POINT_KIND_HEADINGS
from facilitator.exports import report_closing as closing
from facilitator.exports import report_text
from facilitator.exports.bidi_isolate import isolate
from facilitator.exports.doc_properties import DocumentMeta
from facilitator.exports.redact import safe_text, scrubber_for
from facilitator.exports.report_figures import Chart, session_charts
from facilitator.exports.report_figures import vocab_in as _vocab
from facilitator.i18n import (
    format_date,
    format_number,
    gettext_in,
    is_rtl,
    ngettext_in,
)
from facilitator.i18n.lists import and_join, semicolon_join

TEMPLATES = ("public", "internal")  # the published summary; the organisers' own record


@dataclass
class Block:
    kind: str  # title subtitle date heading subheading label paragraph bullet footnote
    #            chart table page_break
    text: str = ""
    user: bool = False  # written by people: literal text with its own direction
    section: str = ""  # which section of the seed report it belongs to
    chart: Chart | None = None
    level: int = 0  # nesting of a bullet (0, 1, 2)
    # The text with its links and footnote references (narrative.Span), for formats that
    # show links; `text` is the same without them ("here (https://...)", superscripts).
    spans: tuple[narrative.Span, ...] = ()
    rows: list[list[str]] = field(default_factory=list)  # a table: header row, then rows


@dataclass
class Report:
    lang: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    template: str = "public"
    meta: DocumentMeta | None = None  # document properties, set by exports.privacy

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text or "") if p.strip()]


class _Builder:
    def __init__(self, content: m.SeriesContent, lang: str, template: str) -> None:
        self.content = content
        self.lang = lang
        self.template = template
        self.blocks: list[Block] = []
        self.people = {p.id: p for p in content.participants}
        self.topics = {t.id: t for t in content.topics}
        self.topic_order = [t.id for t in sorted(content.topics, key=lambda t: t.position)]
        self.scrub = scrubber_for(content)
        self.scrub_all = scrubber_for(content, everyone=True)
        self.user_scrub = self.scrub  # people's own texts; every name under Chatham House
        self.notes: list[tuple[narrative.Span, ...]] = []  # the session's footnotes so far

    def add(self, kind: str, text: str = "", section: str = "", user: bool = False) -> None:
        # Every text is scrubbed: fixed sentences carry people's words too (organizers, titles).
        text = self.scrub(safe_text(text))
        self.blocks.append(Block(kind, self.user_scrub(text) if user else text, user, section))

    def iso(self, value: str) -> str:
        """People's words inside a translated sentence: isolated (bidi_isolate says why)."""
        return isolate(value, is_rtl(self.lang))

    def num(self, value: float) -> str:
        return format_number(value, self.lang)

    def _spans(self, spans: tuple[narrative.Span, ...], user: bool, offset: int) -> tuple:
        scrub = self.user_scrub if user else self.scrub
        return tuple(
            narrative.Span(
                scrub(self.scrub(safe_text(s.text))), s.url, s.note + offset if s.note else 0
            )
            for s in spans
        )

    def rich(
        self, source: str, section: str, user: bool = True, kind: str = "", level: int = 0
    ) -> None:
        """Text in the narrative subset: paragraphs, nested bullets, links and footnotes.
        `kind` "bullet" makes its first paragraph a bullet at `level` and nests the rest."""
        parsed = narrative.parse(safe_text(source))
        offset = len(self.notes)
        for n, para in enumerate(parsed.blocks):
            block_kind, block_level = para.kind, para.level
            if kind == "bullet":
                block_kind = "bullet"
                block_level = level if n == 0 else min(level + 1 + para.level, narrative.MAX_LEVEL)
            spans = self._spans(para.spans, user, offset)
            text = narrative.plain(spans)
            self.blocks.append(
                Block(block_kind, text, user, section, level=block_level, spans=spans)
            )
        self.notes += [self._spans(note, user, offset) for note in parsed.notes]

    def footnotes(self) -> None:
        for n, note in enumerate(self.notes, 1):
            spans = (narrative.Span(str(n).translate(narrative.SUPERSCRIPTS) + " "), *note)
            self.blocks.append(
                Block("footnote", narrative.plain(spans), True, "footnotes", spans=spans)
            )
        self.notes = []

    # --- the sections, in the seed's order --------------------------------------------------

    def session(self, sc: m.SessionContent) -> None:
        lang, s = self.lang, sc.session
        self.user_scrub = self.scrub_all if s.chatham_house else self.scrub
        self.add("title", s.title, "title", user=True)
        if s.subtitle:
            self.add("subtitle", s.subtitle, "title", user=True)
        if s.date:
            # The published summary gives the date alone (seed 003), the record its time too.
            with_time = self.template == "internal"
            self.add("date", report_text.when(lang, s, with_time), "date")
        self.add("subtitle", gettext_in(lang, "Summary report"), "title")
        if s.background.strip():
            self.add("heading", gettext_in(lang, "Background"), "background")
            self.rich(s.background, "background")
        self.organization(sc)
        self.objectives(sc)
        self.participants(sc)
        if self.template == "internal":
            self.in_figures(sc)
        self.takeaways(sc)
        self.closing(sc)
        self.footnotes()

    def organization(self, sc: m.SessionContent) -> None:
        lang, s = self.lang, sc.session
        self.add("heading", gettext_in(lang, "Organization"), "organization")
        # "The 90-minute …": the session's length as prepared, else what its agenda plans.
        minutes = s.duration_minutes or sum(item.planned_minutes for item in sc.agenda)
        place = semicolon_join((x.strip() for x in (s.venue, s.platform) if x.strip()), lang)
        sentences = [report_text.held(lang, s, minutes, place), report_text.interpretation(lang, s)]
        self.add("paragraph", " ".join(x for x in sentences if x), "organization")
        organized = report_text.organized(lang, s)
        if organized:
            self.add("paragraph", organized, "organization")
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
        if sc.session.objectives_text.strip():
            self.rich(sc.session.objectives_text, "objectives")
        if sc.questions:
            self.add(
                "paragraph",
                gettext_in(lang, "The discussion was based on the following guiding questions:"),
                "questions",
            )
            for question in sorted(sc.questions, key=lambda q: q.position):
                self.add("bullet", question.text, "questions", user=True)
                if question.synthesis.strip():
                    # The rapporteur's synthesis, under its question.
                    self.rich(question.synthesis, "questions", kind="bullet", level=1)

    def participants(self, sc: m.SessionContent) -> None:
        lang = self.lang
        found = figures.participation(sc, self.content.participants)
        lines = []
        q = found.qualifiers
        if found.registered is not None:
            lines.append(
                gettext_in(lang, "Registered participants: {count}").format(
                    count=report_text.figure(lang, found.registered, q.get("registered", ""))
                )
            )
        if found.attended is not None:
            parts = []
            fig = report_text.figure
            if found.member_states:
                parts.append(
                    ngettext_in(
                        lang, "{count} Member State", "{count} Member States", found.member_states
                    ).format(count=fig(lang, found.member_states, q.get("member_states", "")))
                )
            if found.cso:
                parts.append(
                    ngettext_in(
                        lang,
                        "{count} civil society organization",
                        "{count} civil society organizations",
                        found.cso,
                    ).format(count=fig(lang, found.cso, q.get("cso", "")))
                )
            attended = report_text.figure(lang, found.attended, q.get("attended", ""))
            text = gettext_in(lang, "Participants: {count}").format(count=attended)
            if parts:
                text = gettext_in(lang, "Participants: {count}, including {groups}").format(
                    count=attended, groups=and_join(parts, lang)
                )
            lines.append(text)
        speakers = self.speakers(sc)
        if speakers:
            lines.append(speakers)
        if self.template == "internal":
            lines += self.attendance(sc)
        if not lines:
            return  # no empty heading
        self.add("heading", gettext_in(lang, "Participants"), "participants")
        for line in lines:
            self.add("bullet", line, "participants")

    def speakers(self, sc: m.SessionContent) -> str:
        """One line as seed 003's: speakers with their titles, then the moderator."""
        lang = self.lang
        named, unnamed, moderators = [], 0, []
        for role in sc.roles:
            person = self.people.get(role.participant_id)
            if person is None:
                continue
            if role.role == "moderator" and person.may_be_named:
                moderators.append(report_text.person(person, self.lang))
            elif role.role in ("speaker", "panellist"):
                if person.may_be_named:
                    named.append(report_text.person(person, self.lang))
                else:
                    unnamed += 1
        sentences = []
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
            sentences.append(
                gettext_in(lang, "Speakers and panellists: {people}.").format(
                    # Each person isolated, the language's own "and" between them.
                    people=and_join([self.iso(p) for p in people], lang)
                )
            )
        if moderators:
            sentences.append(
                gettext_in(lang, "The moderator was {person}.").format(
                    person=and_join([self.iso(p) for p in moderators], lang)
                )
            )
        return " ".join(sentences)

    def attendance(self, sc: m.SessionContent) -> list[str]:
        """The internal record's list of who attended (names only of those who may be named)."""
        attended = [self.people.get(r.participant_id) for r in sc.roles if r.attended]
        names = sorted(p.name for p in attended if p is not None and p.may_be_named)
        if not names:
            return []
        return [
            gettext_in(self.lang, "Attended: {people}").format(people=and_join(names, self.lang))
        ]

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
        opening = summary.narrative(sc, None)
        if not takeaways and not opening:
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
        if opening:
            self.rich(opening, "takeaways")
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
        index = report_text.session_index(sc)
        for section in summary.sections(takeaways, self.topic_order):
            if section.topic_id != topic_shown:
                topic_shown = section.topic_id
                topic = self.topics.get(section.topic_id or "")
                name = topic.name if topic else gettext_in(lang, "General")
                if topic is not None:
                    words = [t.text for t in takeaways] + [summary.narrative(sc, None)]
                    name = self.user_scrub(safe_text(name))  # people's words, as elsewhere
                    name = report_text.topic_heading(lang, name, words)
                self.add("subheading", name, "takeaways")
                lead = summary.narrative(sc, section.topic_id) if topic else ""
                if lead:
                    self.rich(lead, "takeaways")  # the topic's lead and free paragraphs
            self.add(
                "label",
                gettext_in(lang, "{heading}:").format(
                    heading=_vocab(lang, POINT_KIND_HEADINGS, section.kind)
                ),
                "takeaways",
            )
            for takeaway in section.takeaways:
                self.takeaway(takeaway, sc, index)

    def takeaway(self, takeaway: m.Takeaway, sc: m.SessionContent, index=None) -> None:
        """A line of a list, literal, with who said it when the rules allow; its following
        "- " lines are nested under it (the seed's examples from Mexico)."""
        who = report_text.attribution(takeaway, sc, self.people, self.lang, index)
        for n, (level, text) in enumerate(narrative.lines_of(takeaway.text)):
            if n == 0 and who:
                text = gettext_in(self.lang, "{who}: {text}").format(who=who, text=text)
            self.add("bullet", text, "takeaways", user=True)
            self.blocks[-1].level = level

    def closing(self, sc: m.SessionContent) -> None:
        series = self.content.series
        if series.acknowledgements.strip():
            self.rich(series.acknowledgements, "acknowledgements")
        self.rich(closing.disclaimer(self.lang, series, sc.session), "disclaimer", user=False)


def build_report(
    content: m.SeriesContent,
    lang: str,
    session_ids: list[str] | None = None,
    template: str = "internal",
) -> Report:
    """The report of the chosen sessions (all of the series when `session_ids` is None), as
    the published summary ("public": no internal timing) or the organisers' record
    ("internal": planned and actual time, speaking time, attendance). The command line and
    the export dialog offer the public summary first; code gets everything unless it asks."""
    builder = _Builder(content, lang, template if template in TEMPLATES else "internal")
    chosen = [sc for sc in content.sessions if session_ids is None or sc.session.id in session_ids]
    if len(chosen) == 1:
        builder.session(chosen[0])
        return Report(lang, chosen[0].session.title, builder.blocks, builder.template)
    builder.add("title", content.series.title, "series", user=True)
    builder.add("subtitle", gettext_in(lang, "Summary report"), "series")
    builder.rich(content.series.description, "series")
    overview = closing.sessions_table(lang, [sc.session for sc in chosen])
    if len(overview) > 1:
        safe = [[builder.scrub(safe_text(cell)) for cell in row] for row in overview]
        builder.blocks.append(Block("table", section="series", rows=safe, user=True))
    builder.footnotes()
    for sc in chosen:
        builder.blocks.append(Block("page_break"))
        builder.session(sc)
    return Report(lang, content.series.title, builder.blocks, builder.template)
