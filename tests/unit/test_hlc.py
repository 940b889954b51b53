from hypothesis import given
from hypothesis import strategies as st

from facilitator.storage.hlc import HybridClock, parse


def test_stamps_increase_even_when_the_wall_clock_goes_back():
    times = iter([100.0, 100.0, 99.0, 101.0])
    clock = HybridClock("a", wall=lambda: next(times))
    stamps = [clock.now() for _ in range(4)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4


@given(st.lists(st.floats(min_value=0, max_value=4e9), min_size=1, max_size=30))
def test_stamps_are_strictly_increasing_for_any_wall_clock(walls):
    it = iter(walls)
    clock = HybridClock("dev", wall=lambda: next(it))
    stamps = [clock.now() for _ in walls]
    assert all(a < b for a, b in zip(stamps, stamps[1:], strict=False))


def test_observing_a_later_stamp_moves_past_it():
    clock = HybridClock("b", wall=lambda: 10.0)
    other = HybridClock("a", wall=lambda: 50.0).now()
    clock.observe(other)
    assert clock.now() > other
    assert parse(clock.now())[2] == "b"
