"""The stakeholder group an intervention counts for in every export is the one the note-taker
recorded for it, as the Notes table shows it; the roster's group only where none was recorded;
and where neither says, "Not recorded" (it was counted as 'Other')."""

from __future__ import annotations

import pytest

from facilitator.domain import model as m
from facilitator.domain.summary import speaker_group
from facilitator.exports.report_figures import speaking_chart
from facilitator.exports.tables import build_tables
from facilitator.i18n import gettext_in


def test_the_group_recorded_for_an_intervention_wins_over_the_roster():
    # Typed in on the fly with "Not recorded": the roster holds no group either.
    karim = m.Participant("s", "Karim Benali", stakeholder_group="")
    amina = m.Participant("s", "Amina Yusuf", stakeholder_group="civil_society")
    people = {p.id: p for p in (karim, amina)}
    first = m.Intervention("x", participant_id=karim.id, stakeholder_group="")
    second = m.Intervention("x", participant_id=karim.id, stakeholder_group="member_state")
    hers = m.Intervention("x", participant_id=amina.id, stakeholder_group="")
    nobody = m.Intervention("x", stakeholder_group="")
    assert speaker_group(first, people) == ""
    assert speaker_group(second, people) == "member_state"
    assert speaker_group(hers, people) == "civil_society"
    assert speaker_group(nobody, people) == ""


def content_with_an_unrecorded_speaker() -> tuple[m.SessionContent, list[m.Participant]]:
    session = m.Session("s", "GCM Talk", date="2023-03-23")
    karim = m.Participant("s", "Karim Benali", stakeholder_group="")
    amina = m.Participant("s", "Amina Yusuf", stakeholder_group="civil_society")
    spoke = [
        m.Intervention(
            session.id,
            participant_id=who.id,
            started_at=f"2023-03-23T14:0{n}:00Z",
            ended_at=f"2023-03-23T14:0{n}:50Z",
        )
        for n, who in enumerate((karim, amina))
    ]
    return m.SessionContent(session, interventions=spoke), [karim, amina]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_reports_say_not_recorded_and_not_other(lang):
    content, people = content_with_an_unrecorded_speaker()
    chart = speaking_chart(content, people, lang)
    assert gettext_in(lang, "Not recorded") in chart.categories
    assert gettext_in(lang, "Other") not in chart.categories


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_interventions_table_says_not_recorded(lang):
    content, people = content_with_an_unrecorded_speaker()
    series = m.SeriesContent(m.Series("GCM Talks"), sessions=[content], participants=people)
    content.session.series_id = series.series.id
    interventions = build_tables(series, lang)[0]
    column = interventions.headers.index(gettext_in(lang, "Stakeholder group"))
    groups = [row[column] for row in interventions.rows]
    assert groups == [gettext_in(lang, "Not recorded"), gettext_in(lang, "Civil society")]
