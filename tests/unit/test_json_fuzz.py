"""Fuzzing the JSON import: any damaged document is either read whole or refused with one
line that names the field, and a refused import writes nothing."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.app import bundled, file_ops
from facilitator.errors import FacilitatorError
from facilitator.exports import json_series
from facilitator.exports.json_series import JsonFormatError

DEMO = json_series.series_to_json(bundled.demo_series())
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def paths(node, prefix=()):
    """Every (path) to a value inside the document."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from paths(value, (*prefix, n))


ALL_PATHS = [p for p in paths(DEMO) if p]


def mutate(doc, path, action, junk):
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    if action == "delete":
        del parent[key]
    else:
        parent[key] = junk


@given(
    st.lists(
        st.tuples(st.sampled_from(ALL_PATHS), st.sampled_from(["delete", "replace"]), JUNK),
        min_size=1,
        max_size=3,
    )
)
def test_damaged_documents_are_read_or_refused_cleanly(changes):
    doc = copy.deepcopy(DEMO)
    for path, action, junk in changes:
        try:
            mutate(doc, path, action, junk)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this place
    try:
        json_series.series_from_json(doc)
    except JsonFormatError as error:
        message = str(error)
        assert "\n" not in message and ("at " in message or "newer version" in message)


@given(st.text(max_size=200))
def test_any_text_is_valid_json_or_one_clear_error(text):
    try:
        json_series.loads(text)
    except JsonFormatError as error:
        assert "\n" not in str(error)


def test_refused_import_writes_nothing(tmp_path):
    doc = copy.deepcopy(DEMO)
    doc["series"]["sessions"][5]["agenda"][4]["planned_minutes"] = "ten"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    target = tmp_path / "new.facilitator"
    with pytest.raises(FacilitatorError, match=r"sessions\[5\]\.agenda\[4\]\.planned_minutes"):
        file_ops.import_json(target, source)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]
