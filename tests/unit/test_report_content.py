"""What a report says (issue 16, items 1, 3 and 4): people who spoke are participants, the
zone's short name, attributions within the rules, templates, the series overview, charts
with units, scales and the moderator's chairing apart."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from report_data import NAMED_SPEAKER, build_series

from facilitator.domain import figures
from facilitator.domain import model as m
from facilitator.exports.report_charts import ticks
from facilitator.exports.report_figures import speaking_chart
from facilitator.exports.report_model import build_report
from facilitator.exports.report_text import zone_name


def texts(report, kind: str | None = None) -> list[str]:
    return [b.text for b in report.blocks if kind is None or b.kind == kind]


def test_people_who_spoke_are_participants_even_when_nobody_ticked_attendance():
    content = build_series()
    sc = content.sessions[0]
    for role in sc.roles:
        role.attended = False
    found = figures.participation(sc, content.participants)
    spoke = {i.participant_id for i in sc.interventions}
    assert found.attended == len(spoke) > 0  # was 0: only ticked rows counted


def test_the_zone_short_name_follows_the_date():
    zone = ZoneInfo("Europe/Zurich")
    winter = dt.datetime(2023, 3, 23, 15, tzinfo=zone)
    summer = dt.datetime(2023, 7, 3, 15, tzinfo=zone)
    assert [zone_name(x, zone, "en") for x in (winter, summer)] == ["CET", "CEST"]
    assert zone_name(winter, zone, "ar") == "CET"
    content = build_series()
    content.sessions[0].session.date = "2024-07-10"
    assert "10 July 2024, 15:00 CEST" in texts(build_report(content, "en"), "date")


def test_reported_figures_carry_their_qualifier():
    content = build_series()
    sc = content.sessions[0]
    sc.roles = [r for r in sc.roles if r.role != "participant"]  # no roster: reported figures
    sc.session.cso, sc.session.cso_qualifier = 100, "over"
    sc.session.member_states, sc.session.member_states_qualifier = 24, "about"
    bullets = texts(build_report(content, "en"), "bullet")
    assert (
        "Participants: 888, including about 24 Member States and over 100 civil society "
        "organizations" in bullets
    )


def attributed(chatham: bool, choice: str) -> str:
    content = build_series(chatham=chatham)
    sc = content.sessions[0]
    named = next(p for p in content.participants if p.name == NAMED_SPEAKER)
    said = next(i for i in sc.interventions if i.participant_id == named.id)
    said.country = "Brazil"
    point = next(p for p in sc.points if p.intervention_id == said.id)
    sc.takeaways = [
        m.Takeaway(
            sc.session.id,
            "Fund search teams",
            "recommendation",
            point.topic_id,
            [point.id],
            attribution=choice,
        )
    ]
    report = build_report(content, "en", template="public")
    return next(t for t in texts(report, "bullet") if "Fund search teams" in t)


def test_each_take_away_names_whom_its_rapporteur_chose_within_the_rules():
    assert attributed(False, "person") == f"{NAMED_SPEAKER}: Fund search teams"
    assert attributed(False, "country") == "Brazil: Fund search teams"
    assert attributed(False, "group") == "Civil society: Fund search teams"
    assert attributed(False, "") == "Fund search teams"  # not a pledge: nobody by default
    # The Chatham House Rule: a stakeholder group at most, whatever was chosen.
    assert attributed(True, "person") == "Civil society: Fund search teams"
    assert attributed(True, "country") == "Civil society: Fund search teams"
    assert attributed(True, "none") == "Fund search teams"


def test_the_public_summary_leaves_out_the_internal_record():
    content = build_series()
    public = texts(build_report(content, "en", template="public"))
    internal = texts(build_report(content, "en", template="internal"))
    assert "The session in figures" in internal and "The session in figures" not in public
    assert any(t.startswith("Attended: ") for t in internal)
    assert not any(t.startswith("Attended: ") for t in public)


def test_a_series_report_opens_with_its_sessions_and_prints_no_empty_section():
    content = build_series(sessions=2)
    empty = content.sessions[1]
    empty.roles, empty.session.registered, empty.session.attended = [], None, None
    empty.interventions = []  # people who spoke would be participants, with figures to print
    report = build_report(content, "en")
    table = next(b for b in report.blocks if b.kind == "table")
    assert table.rows[0] == ["Date", "Session", "Format"]
    assert [row[1] for row in table.rows[1:]] == ["Session 1", "Session 2"]
    assert texts(report, "heading").count("Participants") == 1


def test_chairing_is_apart_from_statements_and_charts_say_their_unit():
    content = build_series()
    sc = content.sessions[0]
    moderator = next(r.participant_id for r in sc.roles if r.role == "moderator")
    sc.interventions.append(
        m.Intervention(
            sc.session.id,
            participant_id=moderator,
            started_at="2024-01-10T14:00:00Z",
            ended_at="2024-01-10T14:06:00Z",
        )
    )
    chart = speaking_chart(sc, content.participants, "en")
    assert chart.categories[-1] == "Chairing (moderator)"
    assert chart.series[0][1][-1] == 6.0
    assert "UN entity" not in chart.categories  # the moderator's group did not speak
    assert chart.rows("en")[0] == ["Stakeholder group", "Speaking time (minutes)"]
    assert "minutes" in chart.title


def test_scales_are_round():
    assert ticks(52) == [0, 20, 40, 60]
    assert ticks(7.7) == [0, 2, 4, 6, 8]
    assert ticks(0.3)[-1] >= 0.3


def test_qualified_figures_are_said_in_the_export_language():
    from facilitator.i18n import gettext_in, ngettext_in

    content = build_series()
    sc = content.sessions[0]
    sc.roles = [r for r in sc.roles if r.role != "participant"]
    sc.session.cso, sc.session.cso_qualifier = 100, "over"
    for lang in ("fr", "es", "ar", "ru"):
        words = ngettext_in(
            lang, "{count} civil society organization", "{count} civil society organizations", 100
        ).format(count=gettext_in(lang, "over {count}").format(count="100"))
        assert "civil society" not in words
        bullets = texts(build_report(content, lang), "bullet")
        assert any(words in b for b in bullets), lang


def test_the_new_fields_travel_in_the_series_json_and_bad_codes_are_refused():
    import pytest

    from facilitator.exports.json_series import JsonFormatError, dumps, loads

    content = build_series()
    content.series.workstream = "workstream on missing migrants"
    content.series.workstream_url = "https://migrationnetwork.un.org/"
    content.series.disclaimer = "Prepared on {date}."
    content.sessions[0].takeaways[0].attribution = "group"
    content.sessions[0].takeaways.append(
        m.Takeaway(content.sessions[0].session.id, "A lead.", "narrative", content.topics[0].id)
    )
    back = loads(dumps(content))
    assert back.series == content.series
    kept = {t.id: (t.kind, t.attribution, t.topic_id) for t in back.sessions[0].takeaways}
    assert kept == {
        t.id: (t.kind, t.attribution, t.topic_id) for t in content.sessions[0].takeaways
    }
    for bad in ('"attribution": "group"', '"workstream_url": "https://migrationnetwork.un.org/"'):
        text = dumps(content).replace(bad, bad.split(":")[0] + ': "javascript:x"', 1)
        with pytest.raises(JsonFormatError):
            loads(text)


def test_a_topic_heading_lowers_only_a_common_first_word():
    from facilitator.exports.report_text import topic_heading

    texts = ["Support families of missing migrants", "IOM and Mexico shared practices"]
    assert topic_heading("en", "Missing migrants", texts) == "On missing migrants"
    assert topic_heading("en", "Mexico and the region", texts) == "On Mexico and the region"
    assert topic_heading("en", "IOM practices", texts) == "On IOM practices"
    assert topic_heading("en", "Missing-person search", texts) == "On missing-person search"
    # Where the language heads a topic with a colon, the name stays as written.
    assert topic_heading("fr", "Missing migrants", texts).endswith("Missing migrants")


def test_the_organization_sentence_starts_with_a_capital_in_every_language():
    from facilitator.domain import model as m
    from facilitator.exports.report_text import held

    session = m.Session("s", "Regional consultation", format="online")  # no short label
    for lang in ("en", "fr", "es", "ar", "ru"):
        sentence = held(lang, session, 90, "Zoom")
        assert not sentence[0].islower(), (lang, sentence)
    assert held("ru", session, 90, "Zoom").startswith("Заседание продолжительностью 90 минут")
