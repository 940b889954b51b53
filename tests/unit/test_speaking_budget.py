"""Speaking-time budgets per stakeholder group and delegation, the "has not spoken yet first"
ordering of the queue, and both kept in the file, merged and carried through JSON."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from merge_fixtures import T0, Wall, base_file, laptop, saved
from test_timer_store import Clock, make_file, open_session

from facilitator.domain import model as m
from facilitator.domain import speaking_budget as b
from facilitator.domain.speakers import Floor, QueueEntry
from facilitator.domain.vocab import STAKEHOLDER_GROUPS
from facilitator.exports import json_series
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge
from facilitator.storage.timer_store import TimerSession

GROUPS = st.sampled_from(list(STAKEHOLDER_GROUPS))
COUNTRIES = st.text("abcdefgh =:ÉÀ", min_size=1, max_size=8).filter(lambda s: s.strip())
BUDGETS = st.dictionaries(
    st.one_of(st.tuples(st.just(b.GROUP), GROUPS), st.tuples(st.just(b.DELEGATION), COUNTRIES)),
    st.integers(1, 7200),
)


@given(BUDGETS)
def test_budgets_read_back_as_written(budgets):
    written = b.write_budgets(budgets)
    again = b.read_budgets(written)
    assert b.write_budgets(again) == written
    assert sum(again.values()) <= sum(budgets.values())  # a delegation named twice is one


def test_what_does_not_read_as_a_budget_is_left_out():
    texts = [
        "group:youth=600",
        "group:pirates=60",
        "delegation:=60",
        "delegation:Mali=0",
        "delegation:Mali=abc",
        "nonsense",
        "delegation:Côte d'Ivoire=120",
    ]
    assert b.read_budgets(texts) == {("group", "youth"): 600, ("delegation", "Côte d'Ivoire"): 120}


def test_time_used_counts_the_group_and_the_country_of_every_turn():
    amina = m.Participant("s", "Amina Diallo", stakeholder_group="member_state", country="Mali")
    people = {amina.id: amina}
    floors = [
        Floor("Amina Diallo", 180, 0, participant_id=amina.id, spoken=200),
        Floor("", 180, 300, group="member_state", country="mali", spoken=50),
        Floor("", 180, 400, group="civil_society", spoken=90),
    ]
    budgets = {("group", "member_state"): 300, ("delegation", "Mali"): 240, ("group", "youth"): 60}
    live = Floor("", 180, 400, group="civil_society", spoken=100)  # the turn now on the floor
    use = {u.key: u for u in b.budget_use(budgets, floors, people, live)}
    assert use[("group", "member_state")].used == 250 and not use[("group", "member_state")].over
    assert use[("delegation", "Mali")].used == 250 and use[("delegation", "Mali")].over
    assert use[("group", "youth")].used == 0
    assert [u.key for u in b.budget_use(budgets, floors, people)][0] == ("group", "member_state")


def entry(name: str, speech: str = "statement") -> QueueEntry:
    return QueueEntry(name, speech=speech)


@given(
    st.lists(st.tuples(st.sampled_from("abcdef"), st.booleans()), max_size=10),
    st.sets(st.sampled_from("abcdef")),
)
def test_points_of_order_then_the_new_voices_then_the_others_each_in_queue_order(raw, spoken):
    queue = [entry(n, "point_of_order" if p else "statement") for n, p in raw]
    said = {f"n:{n}" for n in spoken}
    ordered = b.not_spoken_first(queue, said)
    ranks = [0 if e.speech == "point_of_order" else 1 + (e.speaker in spoken) for e in ordered]
    assert ranks == sorted(ranks)
    assert sorted(e.id for e in ordered) == sorted(e.id for e in queue)
    for rank in (0, 1, 2):  # stable: each rank keeps the order it had in the queue
        of_rank = [o.id for o, r in zip(ordered, ranks, strict=True) if r == rank]
        assert [e.id for e in queue if e.id in of_rank] == of_rank


def test_a_new_voice_is_queued_before_those_who_spoke():
    said = {"n:bo"}
    queue = [entry("poo", "point_of_order"), entry("al"), entry("bo")]
    added = b.queued_not_spoken_first(queue, entry("cy"), said)
    assert [e.speaker for e in added] == ["poo", "al", "cy", "bo"]
    again = b.queued_not_spoken_first(added, entry("bo"), said)
    assert [e.speaker for e in again] == ["poo", "al", "cy", "bo", "bo"]


# --- in the file -------------------------------------------------------------------------------


def test_the_ordering_puts_who_has_spoken_behind_and_survives_reopening(tmp_path):
    clock = Clock()
    path = make_file(tmp_path)
    db, content, session = open_session(path, clock)
    amina, jo = sorted(session.participants.values(), key=lambda p: p.name)
    session.start()
    session.enqueue(QueueEntry(amina.name, amina.id))
    session.give_floor()  # Amina has spoken
    clock.advance(60)
    session.set_not_spoken_first(True)
    session.enqueue(QueueEntry(amina.name, amina.id))
    session.enqueue(QueueEntry(group="youth"))
    session.enqueue(QueueEntry(jo.name, jo.id))
    assert [e.participant_id or e.group for e in session.queue] == ["youth", jo.id, amina.id]
    session.give_floor()  # youth spoke: nobody who has not spoken is behind it
    session.enqueue(QueueEntry(group="youth", speech="point_of_order"))
    assert [e.participant_id or e.group for e in session.queue] == ["youth", jo.id, amina.id]
    db.close()
    db, content, again = open_session(path, clock)
    assert content.session.not_spoken_first
    assert [e.id for e in again.queue] == [e.id for e in session.queue]
    db.close()


def test_turning_the_ordering_on_sorts_the_queue_once(tmp_path):
    clock = Clock()
    db, content, session = open_session(make_file(tmp_path), clock)
    session.start()
    session.enqueue(QueueEntry(group="youth"))
    session.give_floor()
    session.enqueue(QueueEntry(group="youth"))
    session.enqueue(QueueEntry("New voice"))
    session.set_not_spoken_first(True)
    assert [e.speaker or e.group for e in session.queue] == ["New voice", "youth"]
    session.move_queued(0, 1)  # the moderator's own order stays
    assert [e.speaker or e.group for e in session.queue] == ["youth", "New voice"]
    db.close()


def test_budgets_are_kept_read_live_and_cleared_by_a_reset(tmp_path):
    clock = Clock()
    path = make_file(tmp_path)
    db, content, session = open_session(path, clock)
    budgets = ["group:member_state=120", "delegation:Mali=60"]
    session.set_speaking_budgets(budgets)
    amina = next(p for p in session.participants.values() if p.country == "Mali")
    session.start()
    session.enqueue(QueueEntry(amina.name, amina.id))
    session.give_floor()
    clock.advance(90)
    db.close()
    db, content, again = open_session(path, clock)
    assert content.session.speaking_budgets == budgets
    live = again.state().floor
    use = b.budget_use(b.read_budgets(budgets), again.timer.floors, again.participants, live)
    assert [(u.used, u.over) for u in use] == [(90, False), (90, True)]
    again.reset()
    assert b.budget_use(b.read_budgets(budgets), again.timer.floors, again.participants) == [
        b.BudgetUse(("group", "member_state"), 120, 0),
        b.BudgetUse(("delegation", "Mali"), 60, 0),
    ]
    db.close()


def test_budgets_and_the_ordering_round_trip_through_json(tmp_path):
    clock = Clock()
    db, content, session = open_session(make_file(tmp_path), clock)
    session.set_speaking_budgets(["group:civil_society=600", "delegation:Mali=180"])
    session.set_not_spoken_first(True)
    series = repo.load_series(db)
    text = json_series.dumps(series)
    again = json_series.loads(text)
    assert again.sessions[0].session.speaking_budgets == [
        "group:civil_society=600",
        "delegation:Mali=180",
    ]
    assert again.sessions[0].session.not_spoken_first is True
    assert json_series.dumps(again) == text
    db.close()


def test_a_json_budget_that_does_not_read_is_refused_by_its_path(tmp_path):
    clock = Clock()
    db, content, session = open_session(make_file(tmp_path), clock)
    doc = json_series.series_to_json(repo.load_series(db))
    doc["series"]["sessions"][0]["speaking_budgets"] = ["group:civil_society=600", "Mali: 3"]
    try:
        json_series.series_from_json(doc)
    except json_series.JsonFormatError as error:
        assert "sessions[0].speaking_budgets[1]" in str(error)
    else:
        raise AssertionError("accepted")
    db.close()


def test_two_laptops_set_budgets_and_the_ordering_and_both_edits_survive(tmp_path):
    base = base_file(tmp_path)
    ana = laptop(base, tmp_path, "ana", Wall(T0))
    ben = laptop(base, tmp_path, "ben", Wall(T0 + 5))
    content = repo.load_series(ana).sessions[0]
    TimerSession(ana, content, lambda: T0).set_speaking_budgets(["group:youth=300"])
    content = repo.load_series(ben).sessions[0]
    TimerSession(ben, content, lambda: T0 + 5).set_not_spoken_first(True)
    merge(ana, saved(ben))
    session = repo.get(ana, m.Session, base.session.id)
    assert session.speaking_budgets == ["group:youth=300"] and session.not_spoken_first
    ana.close()
    reopened = open_file(saved(ana), device="ana", wall=Wall(T0 + 9))
    assert repo.get(reopened, m.Session, base.session.id).speaking_budgets == ["group:youth=300"]
    reopened.close()
