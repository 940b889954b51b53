"""Versions of people's texts in the export languages. Pure, Qt-free.

The texts a report prints from the rapporteur's pen (take-aways and narratives, topic names,
agenda titles, a session's background and objective) are written in the series' own language
(`Series.content_language`): those are the originals. A `Translation` record holds one of them
in another export language. An export in a language prints its versions, and falls back to the
original where one is missing, after telling the user which (`missing`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from facilitator.domain import model as m
from facilitator.domain.vocab import NARRATIVE
from facilitator.i18n import N_

# Which fields of which records carry a version per language.
TRANSLATABLE: dict[str, tuple[str, ...]] = {
    "session": ("background", "objectives_text"),
    "agenda_item": ("title",),
    "topic": ("name",),
    "takeaway": ("text",),
}
# What each text is, as the side-by-side view and the missing list name it.
KIND_LABELS: dict[str, str] = {
    "background": N_("Background"),
    "objectives_text": N_("Objective"),
    "agenda_item": N_("Agenda item"),
    "topic": N_("Topic"),
    "takeaway": N_("Take-away"),
    NARRATIVE: N_("Narrative"),
}

Key = tuple[str, str, str]  # (owner_table, owner_id, owner_field)


@dataclass(frozen=True)
class Entry:
    """One translatable text: where it sits, what it is, and its original wording."""

    owner_table: str
    owner_id: str
    owner_field: str
    kind: str  # a key of KIND_LABELS
    original: str
    session_id: str | None = None  # None for a topic (a topic belongs to the series)

    @property
    def key(self) -> Key:
        return (self.owner_table, self.owner_id, self.owner_field)


def versions(content: m.SeriesContent) -> dict[Key, dict[str, str]]:
    """{(table, id, field): {language: text}} of every version with words in it."""
    out: dict[Key, dict[str, str]] = {}
    for t in content.translations:
        if t.text.strip():
            out.setdefault((t.owner_table, t.owner_id, t.owner_field), {})[t.language] = t.text
    return out


def entries(content: m.SeriesContent, session_ids: list[str] | None = None) -> list[Entry]:
    """The texts of the chosen sessions (all when None) that have words, in report order: the
    topics their take-aways use, then per session background, objective, agenda, take-aways."""
    chosen = [sc for sc in content.sessions if session_ids is None or sc.session.id in session_ids]
    used = {t.topic_id for sc in chosen for t in sc.takeaways if t.topic_id}
    out = [
        Entry("topic", t.id, "name", "topic", t.name)
        for t in sorted(content.topics, key=lambda t: t.position)
        if t.id in used and t.name.strip()
    ]
    order = {t.id: n for n, t in enumerate(sorted(content.topics, key=lambda t: t.position))}
    for sc in chosen:
        s, sid = sc.session, sc.session.id
        for name in ("background", "objectives_text"):
            if getattr(s, name).strip():
                out.append(Entry("session", s.id, name, name, getattr(s, name), sid))
        for item in sorted(sc.agenda, key=lambda a: a.position):
            if item.title.strip():
                out.append(Entry("agenda_item", item.id, "title", "agenda_item", item.title, sid))
        takeaways = sorted(
            sc.takeaways,
            key=lambda t: (
                order.get(t.topic_id or "", len(order)),
                t.kind != NARRATIVE,
                t.position,
            ),
        )
        for t in takeaways:
            if t.text.strip():
                kind = NARRATIVE if t.kind == NARRATIVE else "takeaway"
                out.append(Entry("takeaway", t.id, "text", kind, t.text, sid))
    return out


def needs_versions(content: m.SeriesContent, lang: str) -> bool:
    """Whether an export in `lang` prints versions at all (not in the series' own language)."""
    return lang != content.series.content_language


def missing(
    content: m.SeriesContent,
    lang: str,
    session_ids: list[str] | None = None,
    skip: tuple[str, ...] = (),
) -> list[Entry]:
    """The texts an export in `lang` would print in the original: no version in `lang`;
    `skip` names kinds the export does not print (the public summary has no agenda)."""
    if not needs_versions(content, lang):
        return []
    found = versions(content)
    return [
        e
        for e in entries(content, session_ids)
        if e.kind not in skip and lang not in found.get(e.key, {})
    ]


def localize(content: m.SeriesContent, lang: str) -> m.SeriesContent:
    """The series as an export in `lang` prints it: every text that has a version in `lang`
    replaced by it, the others kept as written (the fallback to the original). A copy; the
    series itself is returned when nothing changes."""
    if not needs_versions(content, lang):
        return content
    chosen = {k: v[lang] for k, v in versions(content).items() if lang in v}
    if not chosen:
        return content
    out = copy.deepcopy(content)

    def apply(table: str, record) -> None:
        for name in TRANSLATABLE[table]:
            text = chosen.get((table, record.id, name))
            if text is not None:
                setattr(record, name, text)

    for topic in out.topics:
        apply("topic", topic)
    for sc in out.sessions:
        apply("session", sc.session)
        for item in sc.agenda:
            apply("agenda_item", item)
        for takeaway in sc.takeaways:
            apply("takeaway", takeaway)
    return out
