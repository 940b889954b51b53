"""One redaction step between the series and every report format (Qt-free).

`private_report` builds the report from the redacted series (exports.redact: hidden people,
the Chatham House Rule, every form of a name) and then passes once more over everything the
report model holds, the texts the builder composed as well as people's: block texts, chart
titles, categories, legends and units, the title the document properties carry. So a writer
(PDF, Word, Markdown) only ever sees redacted text, wherever a future section takes it from.
`privacy_check` lists what the redaction replaced, for the rapporteur to see before writing.
"""

from __future__ import annotations

import datetime as dt

from facilitator.domain import model as m
from facilitator.domain.privacy import Change
from facilitator.domain.translations import localize
from facilitator.exports.doc_properties import now_meta
from facilitator.exports.redact import Scrubber, redact_for_export, scrubber_for
from facilitator.exports.report_model import Report, build_report
from facilitator.exports.tables import Table, build_tables
from facilitator.i18n import gettext_in


def redact_report(report: Report, scrub: Scrubber) -> Report:
    """Every text of the report model through `scrub`, in place."""
    report.title = scrub(report.title)
    for block in report.blocks:
        block.text = scrub(block.text)
        chart = block.chart
        if chart is not None:
            chart.title, chart.unit = scrub(chart.title), scrub(chart.unit)
            chart.categories = [scrub(c) for c in chart.categories]
            chart.series = [(scrub(name), values) for name, values in chart.series]
    return report


def private_tables(
    content: m.SeriesContent, lang: str, session_ids: list[str] | None = None
) -> list[Table]:
    """The interventions and points tables (built from the redacted series), every text cell
    and header once more through the hidden names: the same last pass as the report's."""
    scrub = scrubber_for(content)
    built = build_tables(localize(content, lang), lang, session_ids)
    for table in built:
        table.name, table.headers = scrub(table.name), [scrub(h) for h in table.headers]
        table.rows = [[scrub(v) if isinstance(v, str) else v for v in row] for row in table.rows]
    return built


def private_report(
    content: m.SeriesContent,
    lang: str,
    session_ids: list[str] | None = None,
    now: dt.datetime | None = None,
    template: str = "internal",
) -> Report:
    """The report of the chosen sessions with nothing in it that must stay hidden, and its
    document properties (redacted title, export time, this application)."""
    # The texts in the export language's versions (the originals where there are none), then
    # the same redaction as ever: a translated take-away is scrubbed as its original would be.
    localized = localize(content, lang)
    report = build_report(redact_for_export(localized, session_ids), lang, None, template)
    redact_report(report, scrubber_for(content))
    report.meta = now_meta(report.title, gettext_in(lang, "Summary report"), lang, now)
    return report


def privacy_check(content: m.SeriesContent, session_ids: list[str] | None = None) -> list[Change]:
    """Each text of the chosen sessions where a name or affiliation was found and replaced."""
    changes: list[Change] = []
    redact_for_export(content, session_ids, changes)
    return changes
