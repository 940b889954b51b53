"""The bundled demo series, the session templates and the GCM objectives (no Qt)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator.domain import model as m
from facilitator.domain.objectives import load_objectives, objective_short, objective_title
from facilitator.exports.json_series import dumps, loads

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
LANGUAGES = ("en", "fr", "es", "ar", "ru")


def _load(*parts: str) -> m.SeriesContent:
    return loads(RESOURCES.joinpath(*parts).read_text(encoding="utf-8"), source="/".join(parts))


def _utc(value: str | None) -> dt.datetime:
    assert value
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


@pytest.fixture(scope="module")
def demo() -> m.SeriesContent:
    return _load("demo", "series.json")


def test_demo_round_trips(demo: m.SeriesContent) -> None:
    assert loads(dumps(demo)) == demo


def test_demo_series_shape(demo: m.SeriesContent) -> None:
    assert [t.name for t in demo.topics] == [
        "Missing migrants",
        "Humanitarian assistance",
        "Cross-cutting",
    ]
    assert len(demo.sessions) == 6


def test_demo_first_session(demo: m.SeriesContent) -> None:
    first = demo.sessions[0]
    s = first.session
    assert [a.planned_minutes for a in first.agenda] == [10, 10, 15, 50, 5]
    assert len(first.questions) == 5
    assert (s.registered, s.attended, s.member_states, s.cso) == (599, 368, 24, 100)
    assert s.gcm_objectives == [3, 7, 8, 12, 13, 15, 21, 23]
    assert (s.date, s.start_time, s.format) == ("2023-03-23", "15:00", "hybrid")
    assert [t.kind for t in first.takeaways][:2] == ["challenge", "challenge"]
    assert sum(t.kind == "narrative" for t in first.takeaways) == 2  # the seed's leads


def test_demo_regional_sessions(demo: m.SeriesContent) -> None:
    regional = demo.sessions[1:]
    assert [sc.session.region for sc in regional] == [
        "Africa",
        "Latin America and the Caribbean",
        "Asia Pacific",
        "Arab States",
        "Europe",
    ]
    for sc in regional:
        assert [a.planned_minutes for a in sc.agenda] == [5, 15, 15, 45, 10]
        assert sc.session.format == "online"
        assert sc.questions


def test_demo_points_cover_every_kind_of_both_topics(demo: m.SeriesContent) -> None:
    names = {t.id: t.name for t in demo.topics}
    found = {(names[p.topic_id], p.kind) for sc in demo.sessions for p in sc.points if p.topic_id}
    for topic in ("Missing migrants", "Humanitarian assistance"):
        for kind in ("challenge", "practice", "recommendation"):
            assert (topic, kind) in found


def test_demo_floor_interventions_name_a_group(demo: m.SeriesContent) -> None:
    for sc in demo.sessions:
        for i in sc.interventions:
            if i.participant_id is None:
                assert i.stakeholder_group


def test_demo_times_are_ordered(demo: m.SeriesContent) -> None:
    first = demo.sessions[0]
    times = [_utc(e.at) for e in first.timer_log]
    assert times == sorted(times)
    assert [e.action for e in first.timer_log][0] == "start"
    assert [e.action for e in first.timer_log][-1] == "stop"
    for i in first.interventions:
        assert times[0] <= _utc(i.started_at) < _utc(i.ended_at) <= times[-1]


@pytest.mark.parametrize(
    ("name", "minutes"),
    [("gcm-talk", [10, 10, 15, 50, 5]), ("regional-consultation", [5, 15, 15, 45, 10])],
)
def test_templates(name: str, minutes: list[int]) -> None:
    content = _load("templates", f"{name}.json")
    assert len(content.sessions) == 1
    assert [a.planned_minutes for a in content.sessions[0].agenda] == minutes
    assert not content.participants and not content.sessions[0].interventions
    assert _load("templates", f"{name}.json").series.id != content.series.id  # fresh ids


def test_objectives_in_five_languages() -> None:
    objectives = load_objectives()
    assert [o.number for o in objectives] == list(range(1, 24))
    for o in objectives:
        for lang in LANGUAGES:
            assert o.title.get(lang, "").strip(), (o.number, lang)
            assert o.short.get(lang, "").strip(), (o.number, lang)
    assert objective_title(8, "en") == (
        "Save lives and establish coordinated international efforts on missing migrants"
    )
    assert objective_short(8, "en") == "Save lives"


def test_objective_lookup_falls_back_to_english() -> None:
    assert objective_title(8, "de") == objective_title(8, "en")
    assert objective_short(3, "fr_CH") == objective_short(3, "fr")
    with pytest.raises(KeyError):
        objective_title(24, "en")
