"""tree_copy, the export's copy of the series before redaction, is copy.deepcopy: equal,
sharing nothing mutable with the original, sharing inside kept, lazy sessions read."""

from __future__ import annotations

import copy
import dataclasses

from report_data import build_series

from facilitator.app import bundled
from facilitator.domain import model as m
from facilitator.domain.tree_copy import tree_copy
from facilitator.storage import repository as repo


def mutable_ids(value, seen=None) -> set[int]:
    """The ids of every list, dict and dataclass reachable from `value`."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, str | int | float | bool | type(None)):
        return seen
    if isinstance(value, list | dict | tuple) or dataclasses.is_dataclass(value):
        seen.add(id(value))
    if isinstance(value, dict):
        for k, v in value.items():
            mutable_ids(k, seen)
            mutable_ids(v, seen)
    elif isinstance(value, list | tuple):
        for v in value:
            mutable_ids(v, seen)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            mutable_ids(getattr(value, f.name), seen)
    return seen


def test_a_series_copied_is_equal_and_shares_nothing():
    for content in (bundled.demo_series(), build_series(sessions=2, interventions=30)):
        copied = tree_copy(content)
        assert copied == copy.deepcopy(content)
        assert not mutable_ids(content) & mutable_ids(copied)
        copied.sessions[0].points[0].gcm_objectives.append(99)
        copied.participants[0].name = "changed"
        assert content == copy.deepcopy(content) and content != copied


def test_what_is_shared_inside_stays_shared_in_the_copy():
    point = m.Point("i", "Shared", "challenge")
    content = build_series(sessions=1, interventions=3)
    content.sessions[0].points = [point, point]
    copied = tree_copy(content)
    first, second = copied.sessions[0].points
    assert first is second and first is not point


def test_a_session_read_lazily_is_copied_whole(demo_db):
    content = repo.load_series(demo_db, lazy=True)
    assert isinstance(content.sessions[0], repo.LazySessionContent)
    copied = tree_copy(content)
    assert type(copied.sessions[0]) is m.SessionContent
    assert copied.sessions[0].interventions == content.sessions[0].interventions != []
