"""The timer wakes once a second at most: at each change of the countdown the room watches
(the speaker's while someone has the floor, else the item's), never twice in a second."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from test_timer import T0, Run

from facilitator.domain import timer as t
from facilitator.domain.speakers import QueueEntry, floor_payload


def wakes(run: Run, start: float, seconds: float) -> list[float]:
    """The moments a screen following next_change refreshes, from `start` for `seconds`."""
    now, out = start, []
    while now < start + seconds:
        now += run.state(now).next_change() + 0.001  # the page's margin past the change
        out.append(now)
    return out


@given(
    started=st.floats(0, 0.999),
    floor_at=st.floats(5, 6),
    limit=st.integers(30, 300),
)
def test_a_running_item_and_a_speaker_wake_the_screen_once_a_second(started, floor_at, limit):
    run = Run().at(started).do("start", "i0")
    run.at(floor_at).do("floor", payload=floor_payload(QueueEntry("Ms A", limit=limit), "x"))
    moments = wakes(run, 10.0, 20.0)
    assert len(moments) <= 21  # twenty seconds: not forty, not sixty
    shown = [t.shown_seconds(run.state(m).speaker_remaining) for m in moments]
    assert all(a - b == 1 for a, b in zip(shown, shown[1:], strict=False))  # no second skipped


@given(started=st.floats(0, 0.999))
def test_a_running_item_wakes_it_at_each_second_of_its_countdown(started):
    run = Run().at(started).do("start", "i0")
    moments = wakes(run, 10.0, 10.0)
    assert len(moments) <= 11
    shown = [t.shown_seconds(run.state(m).item_remaining) for m in moments]
    assert all(a - b == 1 for a, b in zip(shown, shown[1:], strict=False))


def test_with_nothing_counting_it_wakes_on_the_wall_second():
    run = Run()
    state = run.timer.state(T0 + 3.25)
    assert abs(state.next_change() - 0.75) < 1e-9
