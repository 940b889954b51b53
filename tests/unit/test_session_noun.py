"""The Overview's "Kind of session" is a noun phrase of the report's sentences ("The 90-minute
GCM Talk was held online"); a name typed there ("Arab States") gives the word "session"
instead, never "The 90-minute Arab States was held"."""

from __future__ import annotations

import pytest

from facilitator.domain import model as m
from facilitator.exports.report_model import build_report
from facilitator.exports.report_text import held, organized, session_noun
from facilitator.i18n import gettext_in


def session(label: str) -> m.Session:
    return m.Session("s", "Regional consultation", short_label=label, format="online",
                     organisers="ICRC")  # fmt: skip


@pytest.mark.parametrize(
    "label, held_sentence, organized_sentence",
    [
        ("GCM Talk", "The 90-minute GCM Talk was held online (Zoom).",
         "This GCM Talk was organized by ICRC."),
        ("introductory GCM Talk", "The 90-minute introductory GCM Talk was held online (Zoom).",
         "This introductory GCM Talk was organized by ICRC."),
        ("regional consultation", "The 90-minute regional consultation was held online (Zoom).",
         "This regional consultation was organized by ICRC."),
        ("Arab States Consultation", "The 90-minute Arab States Consultation was held online "
         "(Zoom).", "This Arab States Consultation was organized by ICRC."),
        ("Arab States", "The 90-minute session was held online (Zoom).",
         "This session was organized by ICRC."),
        ("Europe", "The 90-minute session was held online (Zoom).",
         "This session was organized by ICRC."),
        ("", "The 90-minute session was held online (Zoom).",
         "This session was organized by ICRC."),
        ("  ", "The 90-minute session was held online (Zoom).",
         "This session was organized by ICRC."),
    ],
)  # fmt: skip
def test_the_label_is_used_only_as_a_noun_phrase(label, held_sentence, organized_sentence):
    s = session(label)
    assert held("en", s, 90, "Zoom") == held_sentence
    assert organized("en", s) == organized_sentence


@pytest.mark.parametrize("lang", ["fr", "es", "ar", "ru"])
def test_a_name_gives_the_translated_word_for_session(lang):
    assert session_noun(lang, session("Arab States")) == gettext_in(lang, "session")
    assert gettext_in(lang, "session") != "session"


def test_labels_in_scripts_without_capitals_are_kept():
    assert "مشاورة إقليمية" in session_noun("ar", session("مشاورة إقليمية"))
    assert "Региональная консультация" in session_noun("ru", session("Региональная консультация"))


def test_the_report_of_a_session_labelled_with_its_region():
    content = m.SeriesContent(
        series=m.Series("Regional consultations", id="series"),
        sessions=[m.SessionContent(session=session("Arab States"))],
    )
    content.sessions[0].session.series_id = "series"
    texts = " ".join(b.text for b in build_report(content, "en").blocks)
    assert "Arab States was" not in texts and "This Arab States" not in texts
    assert "This session was organized by ICRC." in texts
