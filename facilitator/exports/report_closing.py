"""The closing disclaimer of a summary report and the overview table of a series report.

The disclaimer is seed 003's, in the export language, unless the series has its own
(Series.disclaimer, in the narrative subset, where "{date}" stands for the session's date). The
workstream and the recording are links when their addresses are known.
"""

from __future__ import annotations

import datetime as dt
import re

from facilitator.domain import model as m
from facilitator.domain.vocab import FORMATS
from facilitator.exports.report_figures import vocab_in
from facilitator.exports.report_text import when as session_when
from facilitator.i18n import format_date, gettext_in


def _escape(text: str) -> str:
    return re.sub(r"([\[\]\\])", r"\\\1", " ".join(text.split()))


def _link(text: str, url: str) -> str:
    text = _escape(text)
    return f"[{text}]({url})" if url and text else text


def disclaimer(lang: str, series: m.Series, session: m.Session) -> str:
    """The disclaimer as narrative source (links in the subset's syntax)."""
    day = format_date(dt.date.fromisoformat(session.date), lang) if session.date else ""
    if series.disclaimer.strip():
        text = series.disclaimer.replace("{date}", _escape(day))
    else:
        workstream = series.workstream.strip()
        if workstream:
            text = gettext_in(
                lang,
                "This summary of the GCM Talk held on {date} was prepared by the members of the "
                "{workstream} and the secretariat of the UN Network on Migration. It does not "
                "necessarily reflect the opinions of the Network members. As a summary, it is "
                "not a verbatim transcript.",
            ).format(date=_escape(day), workstream=_link(workstream, series.workstream_url))
        else:
            text = gettext_in(
                lang,
                "This summary of the GCM Talk held on {date} was prepared by the secretariat of "
                "the UN Network on Migration. It does not necessarily reflect the opinions of the "
                "Network members. As a summary, it is not a verbatim transcript.",
            ).format(date=_escape(day))
    if session.recording_url:
        text += " " + gettext_in(lang, "Watch the full recording {here}.").format(
            here=_link(gettext_in(lang, "here"), session.recording_url)
        )
    return text


def sessions_table(lang: str, sessions: list[m.Session]) -> list[list[str]]:
    """The series report's overview: one row per session (date and time, title, format)."""
    header = [gettext_in(lang, "Date"), gettext_in(lang, "Session"), gettext_in(lang, "Format")]
    rows = [
        [session_when(lang, s), s.title, vocab_in(lang, FORMATS, s.format)]
        for s in sorted(sessions, key=lambda s: (s.date, s.start_time, s.position))
    ]
    return [header, *rows]
