"""Report figures: participation from the roster (or the reported figures), speaking time by
stakeholder group, planned versus actual minutes from the timer log."""

from __future__ import annotations

import pytest
from report_data import build_series

from facilitator.app import bundled
from facilitator.domain import figures
from facilitator.domain import model as m


def test_demo_falls_back_to_the_reported_figures():
    content = bundled.demo_series()
    found = figures.participation(content.sessions[0], content.participants)
    assert (found.registered, found.attended, found.member_states, found.cso) == (599, 368, 24, 100)
    assert not found.from_roster


def test_figures_come_from_the_roster_when_there_is_one():
    content = build_series()
    found = figures.participation(content.sessions[0], content.participants)
    assert found.from_roster
    assert (found.registered, found.attended) == (8, 7)  # one registered person did not come
    assert found.member_states == 3 and found.cso == 2
    assert found.by_gender == {"female": 5, "male": 2}
    assert found.by_group["member_state"] == 3


def test_demo_planned_versus_actual_from_the_timer_log():
    rows = figures.planned_vs_actual(bundled.demo_series().sessions[0])
    assert [r.planned_minutes for r in rows] == [10, 10, 15, 50, 5]
    actual = [round(r.actual_minutes, 2) for r in rows]
    # The discussion ran 52 min 60 s minus a 62 s pause; the moderator extended it by 1 minute.
    assert actual == [10.42, 9.75, 17.5, pytest.approx(51.97, abs=0.01), 5.5]
    assert rows[3].added_seconds == 60


def test_items_never_reached_have_no_actual_time():
    s = m.Session("x", "S")
    items = [m.AgendaItem(s.id, "A", 5, position=0), m.AgendaItem(s.id, "B", 5, position=1)]
    log = [
        m.TimerEvent(s.id, "start", "2024-01-01T10:00:00.000Z", items[0].id),
        m.TimerEvent(s.id, "stop", "2024-01-01T10:03:00.000Z"),
    ]
    rows = figures.planned_vs_actual(m.SessionContent(s, agenda=items, timer_log=log))
    assert rows[0].actual_seconds == 180 and rows[1].actual_seconds is None


def test_next_without_an_item_id_moves_to_the_following_item():
    s = m.Session("x", "S")
    items = [m.AgendaItem(s.id, t, 5, position=n) for n, t in enumerate("ABC")]
    log = [
        m.TimerEvent(s.id, "start", "2024-01-01T10:00:00.000Z"),
        m.TimerEvent(s.id, "next", "2024-01-01T10:02:00.000Z"),
        m.TimerEvent(s.id, "back", "2024-01-01T10:03:00.000Z"),
        m.TimerEvent(s.id, "stop", "2024-01-01T10:04:00.000Z"),
    ]
    rows = figures.planned_vs_actual(m.SessionContent(s, agenda=items, timer_log=log))
    assert [r.actual_seconds for r in rows] == [180, 60, None]


def test_speaking_time_by_group_largest_first():
    content = bundled.demo_series()
    totals = figures.speaking_time_by_group(content.sessions[0], content.participants)
    assert list(totals)[0] == "member_state"
    assert sum(totals.values()) == sum(
        figures.intervention_seconds(i) for i in content.sessions[0].interventions
    )
