"""Every export format by name: what it is called, its file extension, how it is written.

The command line and the export dialog both dispatch through `export()`. Output is written
into a temporary file beside the target and moved onto it at the end (exports/atomic.py), so
a crash or a cancel leaves the old file or nothing, never half a file.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.exports.atomic import atomic_file, write_atomic
from facilitator.exports.progress import NO_PROGRESS, Progress
from facilitator.i18n import N_, _, gettext_in

# The writers (and the privacy pass, tables, redaction) are imported by the export that uses
# them: the window lists the formats at start-up and writes none of them then.

Exporter = Callable[[m.SeriesContent, Path, str, "list[str] | None", Progress], list[Path]]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    label: str  # N_-marked, translate where shown
    suffix: str
    run: Exporter
    # Added to the proposed file name, so two formats with one suffix never propose one name.
    name_tag: str = ""


def _report(render) -> Exporter:
    def run(content, output, lang, session_ids, progress, template="internal") -> list[Path]:
        from facilitator.exports.privacy import private_report

        report = private_report(content, lang, session_ids, template=template)
        with atomic_file(output) as out:
            render(report, out, progress)
        return [output]

    return run


def _pdf(report, out, progress) -> None:
    from facilitator.exports.report_pdf import write_pdf

    write_pdf(report, out, progress)


def _docx(report, out, progress) -> None:
    from facilitator.exports.report_docx import write_docx

    write_docx(report, out, progress)


def _markdown(report, out, progress) -> None:
    from facilitator.exports.report_markdown import render_markdown

    out.write(render_markdown(report, progress))


def points_path(output: Path) -> Path:
    """Where the points table goes beside the interventions CSV: NAME-points.csv."""
    return output.with_name(f"{output.stem}-points{output.suffix or '.csv'}")


def _csv(content, output, lang, session_ids, progress) -> list[Path]:
    from facilitator.exports import tables
    from facilitator.exports.privacy import private_tables

    interventions, points = private_tables(content, lang, session_ids)
    progress.step(1, 3)
    first, second = tables.table_csv(interventions), tables.table_csv(points)
    progress.step(2, 3)
    write_atomic(output, first)
    write_atomic(points_path(output), second)
    return [output, points_path(output)]


def _xlsx(content, output, lang, session_ids, progress) -> list[Path]:
    from facilitator.exports import redact, tables
    from facilitator.exports.doc_properties import now_meta
    from facilitator.exports.privacy import private_tables

    built = private_tables(content, lang, session_ids)
    title = redact.scrubber_for(content)(", ".join(t.name for t in built))
    meta = now_meta(title, gettext_in(lang, "Interventions and points"), lang)
    with atomic_file(output) as out:
        tables.write_xlsx(built, out, progress, meta)
    return [output]


def _json(content, output, lang, session_ids, progress) -> list[Path]:
    """The full archive, with personal data: what the team keeps and merges."""
    from facilitator.exports import json_series

    progress.step(0, 1)
    chosen = copy.deepcopy(content)
    if session_ids is not None:
        chosen.sessions = [sc for sc in chosen.sessions if sc.session.id in session_ids]
    for sc in chosen.sessions:  # the format keeps order by list position
        sc.takeaways.sort(key=lambda t: t.position)
    write_atomic(output, json_series.dumps(chosen).encode("utf-8"))
    return [output]


def _shared_json(content, output, lang, session_ids, progress) -> list[Path]:
    """The shareable copy: redacted, and saying so in the file."""
    from facilitator.exports import json_series, redact

    progress.step(0, 1)
    data = json_series.dumps(redact.redact_for_export(content, session_ids), redacted=True)
    write_atomic(output, data.encode("utf-8"))
    return [output]


def _redacted(content, output, lang, session_ids, progress) -> list[Path]:
    from facilitator.exports import redact

    progress.step(0, 1)
    chosen = redact.redact_for_export(content, session_ids) if session_ids else content
    redact.write_redacted_file(chosen, output)
    return [output]


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("pdf", N_("PDF report"), ".pdf", _report(_pdf)),
        ExportFormat("docx", N_("Word report"), ".docx", _report(_docx)),
        ExportFormat("md", N_("Markdown report"), ".md", _report(_markdown)),
        ExportFormat("csv", N_("Interventions and points (CSV)"), ".csv", _csv),
        ExportFormat("xlsx", N_("Interventions and points (Excel)"), ".xlsx", _xlsx),
        ExportFormat("json", N_("Series archive with personal data (JSON)"), ".json", _json),
        ExportFormat(
            "json-shared",
            N_("Shareable copy without personal data (JSON)"),
            ".json",
            _shared_json,
            name_tag="-shared",
        ),
        ExportFormat(
            "redacted",
            N_("Redacted copy of the file (no personal data)"),
            ".facilitator",
            _redacted,
        ),
    )
}


# The formats that are summary reports (a template applies to them).
REPORT_FORMATS = ("pdf", "docx", "md")


def export(
    fmt: str,
    content: m.SeriesContent,
    output: str | os.PathLike,
    lang: str = "en",
    session_ids: list[str] | None = None,
    progress: Progress = NO_PROGRESS,
    template: str = "internal",
) -> list[Path]:
    """Write `content` (the chosen sessions) as `fmt` in language `lang`; the paths written.
    `template` chooses what a report holds (report_model.TEMPLATES); data exports ignore it."""
    if fmt in REPORT_FORMATS:
        return FORMATS[fmt].run(content, Path(output), lang, session_ids, progress, template)
    return FORMATS[fmt].run(content, Path(output), lang, session_ids, progress)


def choose_sessions(content: m.SeriesContent, session: str | None) -> list[str] | None:
    """`--session`: a session id or its number (1 for the first); None means the whole series."""
    if not session:
        return None
    ids = [sc.session.id for sc in content.sessions]
    if session in ids:
        return [session]
    if session.isdigit() and 1 <= int(session) <= len(ids):
        return [ids[int(session) - 1]]
    raise FacilitatorError(
        _("No session “{session}” in this file; give its id or a number from 1 to {count}.").format(
            session=session, count=len(ids)
        )
    )
