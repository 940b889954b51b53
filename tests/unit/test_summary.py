"""Proposing take-aways from classified points, and tracing each back to who said it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitator.app import bundled
from facilitator.domain import model as m
from facilitator.domain import summary


def session_with(points: list[tuple[str, str, str | None]]) -> m.SessionContent:
    s = m.Session("series", "S")
    groups = ["member_state", "civil_society", "academia"]
    interventions = [
        m.Intervention(s.id, stakeholder_group=groups[n % 3]) for n in range(len(points))
    ]
    pts = [
        m.Point(interventions[n].id, text, kind, topic)
        for n, (text, kind, topic) in enumerate(points)
    ]
    return m.SessionContent(s, interventions=interventions, points=pts)


def test_proposals_follow_topic_then_kind_order_and_skip_questions():
    sc = session_with(
        [
            ("Strengthen regular pathways", "recommendation", "t2"),
            ("Lack of water on the routes", "challenge", "t1"),
            ("Where do the routes go?", "question", "t1"),
            ("Family links project in Brazil", "practice", "t1"),
            ("Open two service points", "pledge", None),
        ]
    )
    proposals = summary.propose_takeaways(sc, ["t1", "t2"])
    assert [(p.topic_id, p.kind) for p in proposals] == [
        ("t1", "challenge"),
        ("t1", "practice"),
        ("t2", "recommendation"),
        (None, "pledge"),
    ]
    assert all(p.session_id == sc.session.id for p in proposals)


def test_near_duplicates_are_gathered_with_every_point_id():
    sc = session_with(
        [
            ("Lack of access to food, water and health services", "challenge", "t"),
            ("Lack of access to food and water and health services!", "challenge", "t"),
            ("Gender-based violence along migration routes", "challenge", "t"),
            ("lack of ACCESS to food, water, health services along routes", "challenge", "t"),
        ]
    )
    proposals = summary.propose_takeaways(sc, ["t"])
    assert len(proposals) == 2
    first = proposals[0]
    assert first.point_ids == [sc.points[0].id, sc.points[1].id, sc.points[3].id]
    assert first.text == "lack of ACCESS to food, water, health services along routes"  # fullest
    assert proposals[1].point_ids == [sc.points[2].id]


def test_provenance_names_interventions_and_stakeholder_groups():
    sc = session_with(
        [
            ("Lack of water", "challenge", "t"),
            ("Lack of water", "challenge", "t"),
            ("Lack of water", "challenge", "t"),
        ]
    )
    [takeaway] = summary.propose_takeaways(sc, ["t"])
    found = summary.provenance(takeaway, sc, [])
    assert found.intervention_ids == [i.id for i in sc.interventions]
    assert found.stakeholder_groups == {"member_state": 1, "civil_society": 1, "academia": 1}


def test_provenance_prefers_the_participants_group_and_skips_deleted_points():
    content = bundled.demo_series()
    sc = content.sessions[0]
    point = next(p for p in sc.points if p.kind == "practice")
    takeaway = m.Takeaway(sc.session.id, "x", point_ids=[point.id, "deleted-point"])
    found = summary.provenance(takeaway, sc, content.participants)
    assert found.point_ids == [point.id]
    assert list(found.stakeholder_groups) == ["member_state"]  # the Mexican panellist


def test_demo_session_proposes_a_draft_for_every_topic():
    content = bundled.demo_series()
    sc = content.sessions[0]
    proposals = summary.propose_takeaways(sc, [t.id for t in content.topics])
    assert {p.topic_id for p in proposals} == {t.id for t in content.topics}
    linked = [pid for p in proposals for pid in p.point_ids]
    summarised = [p.id for p in sc.points if p.kind in summary.SUMMARY_KINDS]
    assert sorted(linked) == sorted(summarised)  # every point lands in exactly one take-away


@given(st.lists(st.text(max_size=30), max_size=25))
def test_clustering_keeps_every_point_once(texts):
    sc = session_with([(t, "challenge", "t") for t in texts])
    clusters = summary.cluster(sc.points)
    assert sorted(p.id for c in clusters for p in c) == sorted(p.id for p in sc.points)


def test_reorder_moves_one_and_renumbers():
    items = [m.Takeaway("s", str(n), position=n) for n in range(4)]
    ordered = summary.reorder(items, items[3].id, 0)
    assert [t.text for t in ordered] == ["3", "0", "1", "2"]
    assert [t.position for t in ordered] == [0, 1, 2, 3]


def test_sections_sort_by_topic_kind_and_position():
    items = [
        m.Takeaway("s", "b", "challenge", "t2", position=0),
        m.Takeaway("s", "a2", "recommendation", "t1", position=1),
        m.Takeaway("s", "a1", "recommendation", "t1", position=0),
        m.Takeaway("s", "c", "challenge", "t1", position=5),
    ]
    sections = summary.sections(items, ["t1", "t2"])
    assert [(s.topic_id, s.kind, [t.text for t in s.takeaways]) for s in sections] == [
        ("t1", "challenge", ["c"]),
        ("t1", "recommendation", ["a1", "a2"]),
        ("t2", "challenge", ["b"]),
    ]
