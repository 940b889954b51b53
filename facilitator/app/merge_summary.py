"""What a merge did, in words: shared by the command line and the app's merge report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from facilitator.i18n import N_, _, format_number, ngettext, pgettext
from facilitator.storage.folder_merge import BatchReport, Outcome
from facilitator.storage.merge import MergeReport, TableCounts

# The kinds of records, as a report names them.
KIND_LABELS: dict[str, str] = {
    "series": N_("Series"),
    "topic": N_("Topics"),
    "participant": N_("Participants"),
    "session": N_("Sessions"),
    "agenda_item": N_("Agenda items"),
    "guiding_question": N_("Guiding questions"),
    "session_role": N_("Session roles"),
    "intervention": N_("Interventions"),
    "point": N_("Points"),
    "takeaway": N_("Take-aways"),
    "timer_event": N_("Timer log entries"),
    "translation": N_("Translations"),
}

# One record of each kind, as the conflicts name it.
RECORD_LABELS: dict[str, str] = {
    "series": N_("Series"),
    "topic": N_("Topic"),
    "participant": N_("Participant"),
    "session": N_("Session"),
    "agenda_item": N_("Agenda item"),
    "guiding_question": N_("Guiding question"),
    "session_role": N_("Session role"),
    "intervention": N_("Intervention"),
    "point": N_("Point"),
    "takeaway": N_("Take-away"),
    "timer_event": N_("Timer log entry"),
    "translation": N_("Translation"),
}

# Field names people recognise; any other field shows its stored name.
FIELD_LABELS: dict[str, str] = {
    "deleted": N_("deleted or kept"),
    "notes": N_("notes"),
    "text": N_("text"),
    "title": N_("title"),
    "name": N_("name"),
    "kind": N_("kind"),
    "participant_id": N_("speaker"),
    "stakeholder_group": N_("stakeholder group"),
    "country": N_("country"),
    "language": N_("language"),
    "agenda_item_id": N_("agenda item"),
    "topic_id": N_("topic"),
    "question_id": N_("guiding question"),
    "started_at": N_("start time"),
    "ended_at": N_("end time"),
    "planned_minutes": N_("planned minutes"),
    "position": N_("order"),
    "synthesis": N_("synthesis"),
    "organisation": N_("organisation"),
    "role": N_("role"),
    "gcm_objectives": N_("GCM objectives"),
}


def kind_label(table: str) -> str:
    if table == "series":  # one word for one and for many in English, not in French or Russian
        return pgettext("several series, as a merge report counts them", "Series")
    return _(KIND_LABELS[table]) if table in KIND_LABELS else table


def record_label(table: str) -> str:
    return _(RECORD_LABELS[table]) if table in RECORD_LABELS else table


def field_label(name: str, table: str = "") -> str:
    """A field's name as people say it; a participant's "title" is their job title and their
    "name" a person's name, which most languages say otherwise than a topic's or a session's."""
    if table == "participant" and name == "title":
        return pgettext("a person's job title, in a merge conflict", "title")
    if table == "participant" and name == "name":
        return pgettext("a person's name, in a merge conflict", "name")
    return _(FIELD_LABELS[name]) if name in FIELD_LABELS else name


def counts_text(counts: TableCounts) -> str:
    return _("new {added}, updated {updated}, already present {present}, deleted {deleted}").format(
        added=format_number(counts.added),
        updated=format_number(counts.updated),
        present=format_number(counts.present),
        deleted=format_number(counts.deleted),
    )


def short(value: Any, limit: int = 60) -> str:
    """A value on one line, cut to `limit` characters."""
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report_lines(
    report: MergeReport,
    conflicts_shown: int = 5,
    display: Callable[[str, Any], str] | None = None,
) -> list[str]:
    """A few lines: the totals, each kind of record that changed, the conflicts.

    `display(field, value)` may turn stored values into names (see conflict_line)."""
    lines = [_("{name}: {counts}.").format(name=report.source, counts=counts_text(report.totals()))]
    if report.other_series is not None:
        lines.append(
            "  "
            + _("Its sessions were added beside this series' sessions (from “{title}”).").format(
                title=report.other_series
            )
        )
    for table, counts in report.counts.items():
        if counts.changed:
            lines.append(
                "  "
                + _("{kind}: {counts}").format(kind=kind_label(table), counts=counts_text(counts))
            )
    lines += ["  " + skew_line(device, seconds) for device, seconds in report.clock_skew.items()]
    if report.conflicts:
        n = len(report.conflicts)
        lines.append(
            "  "
            + ngettext(
                "{count} conflict resolved; the other version is kept in Merge conflicts:",
                "{count} conflicts resolved; the other versions are kept in Merge conflicts:",
                n,
            ).format(count=format_number(n))
        )
        shown = sorted(report.conflicts, key=lambda c: not c.review)[:conflicts_shown]
        for c in shown:
            line = conflict_line(c.table, c.field, c.kept_value, c.lost_value, display)
            if c.review:
                line = _("review (a clock ran wrong): {conflict}").format(conflict=line)
            lines.append("    " + line)
        if n > conflicts_shown:
            lines.append(
                "    " + _("… and {count} more").format(count=format_number(n - conflicts_shown))
            )
    return lines


def skew_line(device: str, seconds: int) -> str:
    """A device whose clock ran ahead (seconds > 0) or behind, and what that decided."""
    minutes = max(1, round(abs(seconds) / 60))
    if seconds > 0:
        text = ngettext(
            "The clock of laptop {device} ran {count} minute ahead: the conflicts it won are "
            "marked for review.",
            "The clock of laptop {device} ran {count} minutes ahead: the conflicts it won are "
            "marked for review.",
            minutes,
        )
    else:
        text = ngettext(
            "The clock of laptop {device} ran {count} minute behind: the conflicts it lost are "
            "marked for review.",
            "The clock of laptop {device} ran {count} minutes behind: the conflicts it lost are "
            "marked for review.",
            minutes,
        )
    return text.format(device=device, count=format_number(minutes))


def conflict_line(
    table: str,
    field: str,
    kept: Any,
    lost: Any,
    display: Callable[[str, Any], str] | None = None,
) -> str:
    """One resolved conflict; `display(field, value)` may turn ids into names."""
    if display is not None:
        kept, lost = display(field, kept), display(field, lost)
    return _("{kind}, {field}: kept “{kept}”, other version “{lost}”").format(
        kind=record_label(table), field=field_label(field), kept=short(kept), lost=short(lost)
    )


def outcome_line(outcome: Outcome) -> str:
    """One line for a file that was not merged (merged files get report_lines)."""
    if outcome.already_merged:
        return _("{name}: already merged, skipped.").format(name=outcome.name)
    return _("{name}: not merged. {reason}").format(name=outcome.name, reason=outcome.refused)


def batch_summary(batch: BatchReport) -> str:
    merged = len(batch.merged())
    already = sum(1 for o in batch.outcomes if o.already_merged)
    refused = sum(1 for o in batch.outcomes if o.refused)
    parts = [
        ngettext("{count} file merged", "{count} files merged", merged).format(
            count=format_number(merged)
        )
    ]
    if already:
        parts.append(
            ngettext(
                "{count} already merged before", "{count} already merged before", already
            ).format(count=format_number(already))
        )
    if refused:
        parts.append(
            ngettext("{count} not merged", "{count} not merged", refused).format(
                count=format_number(refused)
            )
        )
    text = _("{parts}.").format(parts=_(", ").join(parts))
    if batch.cancelled:
        text += " " + _("Cancelled: the remaining files were not merged.")
    return text
