"""The side-by-side view of texts and their versions in the export languages, and the list of
what an export would print in the original. Qt-free.

Reads return what the file holds now. Every edit is a RecordStep (Edit > Undo takes it back):
the page runs `step.operation` through `signals.run(step.operation, undo=step)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from facilitator.app.document import Document
from facilitator.app.record_undo import RecordStep
from facilitator.domain import model as m
from facilitator.domain import translations as tr
from facilitator.i18n import LANGUAGES, _, format_number, gettext_in, language_name, ngettext_in
from facilitator.storage import Database, translation_store
from facilitator.storage import repository as repo

# A change of any of these kinds makes the view read again.
SHOWN_KINDS = ("translation", "takeaway", "topic", "agenda_item", "session", "series")
Entry = tr.Entry


@dataclass
class Sheet:
    """What the view shows for one session: its texts, their versions, the originals' language."""

    series_id: str
    content_language: str
    entries: list[Entry] = field(default_factory=list)
    versions: dict[tr.Key, dict[str, str]] = field(default_factory=dict)

    @property
    def targets(self) -> list[str]:
        """The export languages a version can be written in (all but the originals')."""
        return [lang for lang in LANGUAGES if lang != self.content_language]

    def version(self, entry: Entry, lang: str) -> str:
        return self.versions.get(entry.key, {}).get(lang, "")

    def missing_in(self, entry: Entry) -> list[str]:
        return [lang for lang in self.targets if not self.version(entry, lang)]

    def missing_count(self, lang: str) -> int:
        return sum(1 for e in self.entries if not self.version(e, lang))


def sheet(doc: Document, session_id: str) -> Sheet | None:
    """The session's texts (and the topics its take-aways use); None once it is gone."""
    series = repo.get_series(doc.db)
    try:
        session = repo.get(doc.db, m.Session, session_id)
    except LookupError:
        return None
    if series is None:
        return None
    content = m.SeriesContent(
        series=series,
        topics=repo.find(doc.db, m.Topic, series_id=series.id),
        sessions=[repo.session_outline(doc.db, session)],
        translations=translation_store.all_versions(doc.db),
    )
    return Sheet(series.id, series.content_language, tr.entries(content), tr.versions(content))


def _one(record_id: str):
    def scope(db: Database) -> list[m.Translation]:
        try:
            return [repo.get(db, m.Translation, record_id)]
        except LookupError:
            return []

    return scope


def set_version(doc: Document, entry: Entry, lang: str, text: str) -> RecordStep:
    """Write (or, with no words, clear) the version of `entry` in `lang`; one undo step."""
    record_id = m.translation_id(entry.owner_table, entry.owner_id, entry.owner_field, lang)
    return RecordStep(
        doc,
        lambda: _("Edit translation"),
        _one(record_id),
        lambda db: translation_store.set_version(db, *entry.key, lang, text),
    )


def set_content_language(doc: Document, series_id: str, lang: str) -> RecordStep:
    """The language the originals are written in."""

    def scope(db: Database) -> list[m.Series]:
        found = repo.get_series(db)
        return [found] if found is not None else []

    return RecordStep(
        doc,
        lambda: _("Change the language of the originals"),
        scope,
        lambda db: translation_store.set_content_language(db, series_id, lang),
    )


# --- before an export ----------------------------------------------------------------------


def missing(
    content: m.SeriesContent,
    lang: str,
    session_ids: list[str] | None,
    skip: tuple[str, ...] = (),
) -> list[Entry]:
    """The texts an export in `lang` would print in the original language."""
    return tr.missing(content, lang, session_ids, skip)


def kind_label(entry: Entry, lang: str | None = None) -> str:
    label = tr.KIND_LABELS[entry.kind]
    return gettext_in(lang, label) if lang else _(label)


def describe_missing(
    entries: list[Entry],
    lang: str,
    ui_lang: str,
    limit: int = 12,
    refused: bool = False,
    isolate: Callable[[str], str] = lambda text: text,
) -> str:
    """The missing list in words, in the interface language `ui_lang`: a sentence, then one
    line per text ("Take-away: Improve data…"), at most `limit` lines and a count of the rest.
    `refused`: the export was not written because of them; `isolate` wraps people's words
    (the window isolates them in their own direction)."""
    count = len(entries)
    language = language_name(lang, ui_lang, inside=True)
    if refused:
        head = ngettext_in(
            ui_lang,
            "{count} text has no version in {language}; nothing was written:",
            "{count} texts have no version in {language}; nothing was written:",
            count,
        )
    else:
        head = ngettext_in(
            ui_lang,
            "{count} text has no version in {language}; the export prints it in the original:",
            "{count} texts have no version in {language}; the export prints them in the original:",
            count,
        )
    head = head.format(count=format_number(count, ui_lang), language=language)
    lines = [head]
    for entry in entries[:limit]:
        words = " ".join(entry.original.split())
        short = words if len(words) <= 70 else words[:69] + "…"
        line = gettext_in(ui_lang, "{kind}: {text}").format(
            kind=kind_label(entry, ui_lang), text=isolate(short)
        )
        lines.append(f"- {line}")
    if count > limit:
        rest = count - limit
        lines.append(
            ngettext_in(ui_lang, "… and {n} more", "… and {n} more", rest).format(
                n=format_number(rest, ui_lang)
            )
        )
    return "\n".join(lines)
