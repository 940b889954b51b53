"""When the timer chimes: once per item on entering amber and once on reaching zero, only
for a change seen while it ran; never again on a replay, a reopened file or a session shown
again."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain import model as m
from facilitator.domain import timer as t
from facilitator.domain.chime import AMBER, ZERO, ChimeWatch

T0 = 1_700_000_000.0


def agenda() -> list[m.AgendaItem]:
    return [m.AgendaItem("s", f"Item {n}", 3, position=n) for n in range(3)]


def event(action: str, at: float, item: str | None = None, seconds: int = 0) -> m.TimerEvent:
    return m.TimerEvent("s", action, t.format_at(at), item, seconds)


def chimes(timer: t.Timer, watch: ChimeWatch, start: float, end: float) -> list[tuple]:
    """The chimes of a screen refreshed once a second from `start` to `end`."""
    found = []
    for second in range(int(start), int(end) + 1):
        state = timer.state(float(second))
        sound = watch.observe(state)
        if sound:
            found.append((second - T0, state.current_id, sound))
    return found


def test_amber_once_then_zero_once_per_item():
    items = agenda()
    timer = t.Timer(items, warning_seconds=60)
    watch = ChimeWatch()
    timer.apply(event("start", T0, items[0].id))
    found = chimes(timer, watch, T0, T0 + 400)
    assert found == [(120, items[0].id, AMBER), (180, items[0].id, ZERO)]


def test_reopened_replayed_or_shown_again_it_does_not_chime_again():
    items = agenda()
    log = [event("start", T0, items[0].id)]
    first = ChimeWatch()
    timer = t.Timer(items, log, warning_seconds=60)
    assert chimes(timer, first, T0, T0 + 150) == [(120, items[0].id, AMBER)]
    reopened = ChimeWatch()  # the file opened again while the item is amber
    again = t.Timer(items, log, warning_seconds=60)
    assert chimes(again, reopened, T0 + 150, T0 + 170) == []
    assert chimes(again, reopened, T0 + 171, T0 + 200) == [(180, items[0].id, ZERO)]
    first.forget()  # another session was shown, then this one again
    assert chimes(timer, first, T0 + 200, T0 + 260) == []


def test_a_minute_added_and_taken_off_again_does_not_chime_twice():
    items = agenda()
    timer = t.Timer(items, warning_seconds=60)
    watch = ChimeWatch()
    timer.apply(event("start", T0, items[0].id))
    assert len(chimes(timer, watch, T0, T0 + 130)) == 1
    timer.apply(event("adjust", T0 + 131, items[0].id, 60))  # back to normal
    assert chimes(timer, watch, T0 + 131, T0 + 200) == []  # amber again: chimed already
    timer.apply(event("adjust", T0 + 201, items[0].id, -120))  # straight to over time
    assert chimes(timer, watch, T0 + 201, T0 + 205) == [(201, items[0].id, ZERO)]


def test_paused_or_moved_to_an_item_over_its_time_no_chime():
    items = agenda()
    timer = t.Timer(items, warning_seconds=60)
    watch = ChimeWatch()
    timer.apply(event("start", T0, items[0].id))
    timer.apply(event("pause", T0 + 100, items[0].id))
    timer.apply(event("adjust", T0 + 101, items[0].id, -90))  # amber while paused
    assert chimes(timer, watch, T0 + 101, T0 + 110) == []
    timer.apply(event("resume", T0 + 111, items[0].id))
    assert chimes(timer, watch, T0 + 111, T0 + 112) == []
    timer.apply(event("next", T0 + 113, items[1].id))
    assert chimes(timer, watch, T0 + 113, T0 + 114) == []


def test_a_reset_run_chimes_again():
    items = agenda()
    timer = t.Timer(items, warning_seconds=60)
    watch = ChimeWatch()
    timer.apply(event("start", T0, items[0].id))
    assert len(chimes(timer, watch, T0, T0 + 200)) == 2
    timer.apply(event("reset", T0 + 201))
    timer.apply(event("start", T0 + 202, items[0].id))
    assert [c[2] for c in chimes(timer, watch, T0 + 202, T0 + 400)] == [AMBER, ZERO]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["next", "back", "pause", "resume", "plus", "minus"]),
            st.integers(1, 120),
        ),
        max_size=10,
    )
)
def test_each_item_chimes_each_sound_at_most_once_per_run(ops):
    items = agenda()
    timer = t.Timer(items, warning_seconds=60)
    watch = ChimeWatch()
    now = T0
    timer.apply(event("start", now, items[0].id))
    found = []
    for action, gap in ops:
        found += chimes(timer, watch, now + 1, now + gap)
        now += gap
        if action in ("plus", "minus"):
            timer.apply(event("adjust", now, None, 60 if action == "plus" else -60))
        else:
            target = timer.neighbour({"next": 1, "back": -1}.get(action, 0))
            if action in ("next", "back") and target is None:
                continue
            timer.apply(event(action, now, target if action in ("next", "back") else None))
    keys = [(item, sound) for _, item, sound in found]
    assert len(keys) == len(set(keys))
