"""The moderator's timer as a pure state machine over the log and a fake clock."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain import model as m
from facilitator.domain import timer as t
from facilitator.domain.speakers import QueueEntry, floor_payload

T0 = t.parse_at("2023-03-23T14:00:00.000Z")  # 15:00 in Geneva
MINUTES = [10, 10, 15, 50, 5]


def agenda() -> list[m.AgendaItem]:
    return [
        m.AgendaItem("s", f"Item {n}", minutes, position=n, id=f"i{n}")
        for n, minutes in enumerate(MINUTES)
    ]


class Run:
    """A moderator driving a Timer by hand, with a fake clock in seconds after T0."""

    def __init__(self, items: list[m.AgendaItem] | None = None, warning: int = 120) -> None:
        self.items = items or agenda()
        self.timer = t.Timer(self.items, warning_seconds=warning)
        self.log: list[m.TimerEvent] = []
        self.now = 0.0

    def at(self, seconds: float) -> Run:
        self.now = seconds
        return self

    def do(self, action: str, item: str | None = None, seconds: int = 0, payload: str = ""):
        if action in ("next", "back") and item is None:
            item = self.timer.neighbour(1 if action == "next" else -1)
        event = m.TimerEvent("s", action, t.format_at(T0 + self.now), item, seconds, payload)
        self.log.append(event)
        self.timer.apply(event)
        return self

    def state(self, seconds: float | None = None) -> t.TimerState:
        return self.timer.state(T0 + (self.now if seconds is None else seconds))


def test_before_the_start_nothing_runs_and_the_whole_agenda_is_ahead():
    run = Run()
    state = run.state(100)
    assert state.phase == t.IDLE and state.current_id is None
    assert state.remaining_total == 90 * 60
    assert state.projected_end == T0 + 100 + 90 * 60


def test_start_pause_resume_next_back():
    run = Run().at(0).do("start", "i0")
    assert run.state(61).item_remaining == 600 - 61
    run.at(100).do("pause")
    assert run.state(400).item_remaining == 500  # a pause stops the item's countdown
    assert run.state(400).elapsed == 400  # but the session's time goes on
    run.at(400).do("resume").at(500).do("next")
    state = run.state(530)
    assert state.current_id == "i1" and state.current_index == 1
    assert state.item_remaining == 570
    run.at(560).do("back")
    state = run.state(600)
    assert state.current_id == "i0"
    assert state.item_remaining == 600 - 200 - 40  # item 0 carries on from where it was left
    readings = {r.item_id: r for r in run.timer.readings(T0 + 600)}
    assert readings["i1"].actual_seconds == 60
    assert readings["i0"].current and not readings["i1"].current


def test_extend_and_shorten_by_a_minute():
    run = Run().at(0).do("start", "i0").at(30).do("adjust", "i0", 60)
    assert run.state(30).item_remaining == 630
    run.at(40).do("adjust", "i0", -60).do("adjust", "i0", -60)
    assert run.state(40).item_remaining == 500
    reading = run.timer.readings(T0 + 40)[0]
    assert reading.adjusted_seconds == -60 and reading.planned_seconds == 600


def test_amber_two_minutes_before_the_end_then_red_and_signed_overrun():
    run = Run().at(0).do("start", "i0")
    assert run.state(479).level == t.NORMAL
    assert run.state(480).level == t.WARNING  # 2:00 left
    assert run.state(599.5).level == t.WARNING
    assert t.shown_seconds(run.state(599.5).item_remaining) == 1  # 00:01
    assert run.state(600).level == t.OVERRUN
    assert t.shown_seconds(run.state(600).item_remaining) == 0  # +00:00
    assert t.shown_seconds(run.state(665.2).item_remaining) == -65  # +01:05


def test_the_warning_threshold_is_per_session():
    run = Run(warning=300).at(0).do("start", "i0")
    assert run.state(299).level == t.NORMAL and run.state(301).level == t.WARNING


def test_an_item_with_its_own_threshold_turns_amber_then_and_the_others_keep_the_session_one():
    items = [
        m.AgendaItem("s", "Opening", 10, position=0, id="i0", warning_seconds=30),
        m.AgendaItem("s", "Discussion", 10, position=1, id="i1"),
    ]
    run = Run(items, warning=120).at(0).do("start", "i0")
    assert run.state(500).level == t.NORMAL  # 100 s left, above the item's 30 s
    assert run.state(575).level == t.WARNING
    run.at(600).do("next")
    assert run.state(600 + 470).level == t.NORMAL
    assert run.state(600 + 490).level == t.WARNING  # 110 s left, the session's 120 s


def test_projected_end_moves_with_overrun_and_pauses():
    run = Run().at(0).do("start", "i0")
    assert run.state(10).projected_end == T0 + 90 * 60
    assert run.state(700).projected_end == T0 + 700 + 80 * 60  # 100 s over on item 0
    run.at(700).do("next").at(800).do("pause")
    state = run.state(1000)
    assert state.projected_end == T0 + 1000 + 500 + 70 * 60
    assert state.remaining_total == 500 + 70 * 60


def test_stop_freezes_everything_and_keeps_planned_versus_actual():
    run = Run().at(0).do("start", "i0").at(650).do("next").at(1200).do("stop")
    state = run.state(5000)
    assert state.phase == t.STOPPED and state.remaining_total == 0
    assert state.projected_end == T0 + 1200 and state.elapsed == 1200
    readings = run.timer.readings(T0 + 5000)
    assert [r.actual_seconds for r in readings] == [650, 550, 0, 0, 0]
    assert readings[0].difference == 50 and readings[1].difference == -50
    assert readings[1].started_at == T0 + 650 and readings[1].ended_at == T0 + 1200


def test_speaking_time_counts_down_with_its_own_limit_and_warning():
    entry = QueueEntry("Ms A", limit=120)
    run = Run().at(0).do("start", "i0").at(10).do("floor", payload=floor_payload(entry, "x"))
    state = run.state(70)
    assert state.floor.speaker == "Ms A" and state.speaker_remaining == 60
    assert state.speaker_level == t.NORMAL
    assert run.state(101).speaker_level == t.WARNING  # 30 s or less
    assert run.state(131).speaker_level == t.OVERRUN
    run.at(70).do("pause").at(170).do("resume")
    assert run.state(170).speaker_remaining == 60  # paused with the session
    run.at(180).do("extend_speaker", seconds=60)
    assert run.state(180).speaker_remaining == 110
    run.at(200).do("floor", payload=floor_payload(QueueEntry("Mr B", limit=180), "y"))
    assert run.state(210).speaker_remaining == 170 and run.state(210).floor.speaker == "Mr B"
    assert [f.ended for f in run.timer.floors] == [T0 + 200, None]
    run.at(220).do("end_floor")
    assert run.state(230).floor is None


def test_a_damaged_floor_payload_still_gives_the_default_limit():
    run = Run().at(0).do("floor", payload="{not json")
    assert run.state(20).speaker_remaining == 160


def test_reordering_and_replanning_keep_the_time_spent_on_each_item():
    run = Run().at(0).do("start", "i0").at(300).do("next")
    items = run.items
    items[0], items[1] = items[1], items[0]
    items[1].planned_minutes = 12
    run.timer.set_agenda(items)
    state = run.state(360)
    assert state.current_id == "i1" and state.current_index == 0
    assert run.timer.readings(T0 + 360)[1].actual_seconds == 300
    assert state.remaining_total == 540 + (12 * 60 - 300) + (15 + 50 + 5) * 60


def test_next_reads_refresh_on_whole_seconds_of_the_countdown():
    run = Run().at(0.25).do("start", "i0")
    state = run.state(10.0)  # 590.25 left: 591 shown, next change when 590 is reached
    assert state.next_change() == pytest.approx(0.25)
    assert t.until_change(-3.5) == pytest.approx(0.5)


def test_demo_log_gives_planned_versus_actual():
    from facilitator.app import bundled

    sc = bundled.demo_series().sessions[0]
    readings = t.planned_vs_actual(sc.agenda, sc.timer_log, t.parse_at("2023-03-23T16:00:00Z"))
    minutes = [round(r.actual_seconds / 60, 1) for r in readings]
    assert minutes == [10.4, 9.8, 17.5, 51.97, 5.5] or minutes[:3] == [10.4, 9.8, 17.5]
    discussion = readings[3]
    assert discussion.actual_seconds == 53 * 60 - 62  # 14:38:20 to 15:31:20, paused 62 s
    assert discussion.adjusted_seconds == 60


def test_scheduled_start_uses_the_session_time_zone():
    session = m.Session("s", "x", date="2023-03-23", start_time="15:00", timezone="Europe/Zurich")
    assert t.scheduled_start(session) == T0
    assert t.scheduled_start(m.Session("s", "x")) is None


# --- clock jumps ---------------------------------------------------------------------------


def test_forward_and_backward_jumps_are_questioned_small_ones_are_not():
    state = Run().at(0).do("start", "i0").state(100)
    assert t.clock_jump(state, T0 + 95, T0 + 100) is None
    assert t.clock_jump(state, T0 + 95, T0 + 95 + 299) is None  # a short sleep just counts
    forward = t.clock_jump(state, T0 + 95, T0 + 95 + 600)
    assert forward and not forward.backwards and forward.gap == 600
    assert forward.default() == t.COUNT_GAP and t.COUNT_GAP in forward.choices()
    backward = t.clock_jump(state, T0 + 95, T0 + 30)
    assert backward and backward.backwards and t.COUNT_GAP not in backward.choices()
    paused = Run().at(0).do("start", "i0").do("pause").state(100)
    assert t.clock_jump(paused, T0, T0 + 3600) is None  # nothing counts while paused


def test_resolving_a_forward_jump():
    def resolved(choice: str) -> float:
        run = Run().at(0).do("start", "i0")
        jump = t.ClockJump(T0 + 100, T0 + 400)
        for action, at in t.resolve_jump(jump, choice):
            run.at(at - T0).do(action)
        return run.state(410).item_remaining

    assert resolved(t.COUNT_GAP) == 600 - 410  # the laptop slept: the time passed
    assert resolved(t.PAUSE_AT_HEARTBEAT) == 500  # frozen at the last heartbeat
    assert resolved(t.CONTINUE) == 600 - 100 - 10  # running on from the heartbeat


def test_after_the_clock_went_back_the_timer_resumes_from_the_heartbeat():
    run = Run().at(0).do("start", "i0")
    jump = t.ClockJump(T0 + 100, T0 - 3600)  # the laptop's clock was set back an hour
    assert run.state(-3600).item_remaining == 600  # no negative time is ever counted
    for action, at in t.resolve_jump(jump, t.CONTINUE):
        run.at(at - T0).do(action)
    assert run.state(-3600 + 20).item_remaining == 600 - 100 - 20
    run.at(-3600 + 30).do("next")
    assert run.state(-3600 + 40).item_remaining == 590
    assert run.timer.readings(T0)[0].actual_seconds == 130


# --- property: a restarted timer equals an uninterrupted one ---------------------------------

ACTIONS = ["start", "pause", "resume", "next", "back", "goto", "adjust", "stop"]
ACTIONS += ["floor", "end_floor", "extend_speaker"]


class Stopwatch:
    """The reference: a naive stopwatch never restarted, advanced in half-second ticks."""

    def __init__(self, items: list[m.AgendaItem]) -> None:
        self.ids = [i.id for i in items]
        self.planned = {i.id: i.planned_minutes * 60 for i in items}
        self.phase, self.current = t.IDLE, None
        self.spent = dict.fromkeys(self.ids, 0.0)
        self.adjusted = dict.fromkeys(self.ids, 0.0)
        self.speaker: list[float] | None = None  # [limit, spoken]

    def event(self, action: str, item: str | None, seconds: int, limit: float) -> None:
        if action in ("next", "back", "goto") or action == "start":
            step = {"next": 1, "back": -1}.get(action, 0)
            if item is None and self.current is None:
                item = self.ids[0]
            elif item is None:
                n = self.ids.index(self.current) + step
                item = self.ids[n] if 0 <= n < len(self.ids) else None
            self.current = item or self.current
            if action == "start":
                self.phase = t.RUNNING
        elif action == "pause" and self.phase == t.RUNNING:
            self.phase = t.PAUSED
        elif action == "resume" and self.phase == t.PAUSED:
            self.phase = t.RUNNING
        elif action == "adjust" and (item or self.current):
            self.adjusted[item or self.current] += seconds
        elif action == "stop" and self.phase in (t.RUNNING, t.PAUSED):
            self.phase, self.speaker = t.STOPPED, None
        elif action == "floor":
            self.speaker = [limit, 0.0]
        elif action == "end_floor":
            self.speaker = None
        elif action == "extend_speaker" and self.speaker:
            self.speaker[0] += seconds

    def tick(self, dt: float) -> None:
        if self.phase == t.RUNNING and self.current:
            self.spent[self.current] += dt
        if self.speaker and self.phase != t.PAUSED:
            self.speaker[1] += dt

    def remaining(self) -> float:
        c = self.current
        return self.planned[c] + self.adjusted[c] - self.spent[c] if c else 0.0


steps = st.tuples(
    st.sampled_from(ACTIONS),
    st.integers(0, 240),  # half seconds since the previous action
    st.sampled_from([None, "i0", "i2", "i4"]),
    st.sampled_from([60, -60]),
    st.sampled_from([60, 180]),
)


@given(st.lists(steps, max_size=25), st.integers(0, 2000))
def test_a_restart_at_any_moment_resumes_the_uninterrupted_run(script, restart):
    items = agenda()
    log: list[tuple[int, m.TimerEvent]] = []  # (half seconds after T0, event)
    half = 0
    for action, gap, item, seconds, limit in script:
        half += gap
        if action in ("next", "back") and half % 2:
            item = None  # both targeted moves and moves to the neighbour
        payload = floor_payload(QueueEntry("x", limit=limit), None) if action == "floor" else ""
        log.append(
            (half, m.TimerEvent("s", action, t.format_at(T0 + half / 2), item, seconds, payload))
        )
    end = max(restart, half) + 10
    # the uninterrupted run: a stopwatch ticking every half second from T0 to the end
    watch, samples = Stopwatch(items), {}
    for tick in range(end + 1):
        for e in (e for h, e in log if h == tick):
            watch.event(
                e.action, e.agenda_item_id, e.seconds, t.read_floor(e.payload, 0, 180).limit
            )
        speaker = watch.speaker[0] - watch.speaker[1] if watch.speaker else None
        samples[tick] = (watch.phase, watch.current, watch.remaining(), speaker)
        watch.tick(0.5)
    # the app killed at `restart`, reopened from what was logged by then, then used on
    restarted = t.Timer(items, [e for h, e in log if h <= restart])
    checks = [(restart, restarted.state(T0 + restart / 2))]
    for _h, e in ((h, e) for h, e in log if h > restart):
        restarted.apply(e)
    checks.append((end, restarted.state(T0 + end / 2)))
    for tick, state in checks:
        phase, current, remaining, speaker = samples[tick]
        assert (state.phase, state.current_id) == (phase, current)
        assert state.item_remaining == pytest.approx(remaining)
        assert state.speaker_remaining == (pytest.approx(speaker) if speaker is not None else None)
