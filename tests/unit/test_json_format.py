"""The JSON interchange format: lossless round trips and errors that name the field."""

from __future__ import annotations

import copy
import json

import pytest

from facilitator.app import bundled
from facilitator.exports import json_series
from facilitator.exports.json_series import JsonFormatError


@pytest.fixture
def demo_doc() -> dict:
    return json_series.series_to_json(bundled.demo_series())


def test_demo_round_trips_through_json(demo_doc):
    again = json_series.series_to_json(json_series.series_from_json(demo_doc))
    assert again == demo_doc


def test_document_is_versioned(demo_doc):
    assert (
        demo_doc["format"] == "facilitator.series"
        and demo_doc["version"] == json_series.FORMAT_VERSION == 4
    )


def first_with_points(doc: dict) -> dict:
    return next(i for i in doc["series"]["sessions"][0]["interventions"] if i["points"])


def error_for(doc) -> str:
    with pytest.raises(JsonFormatError) as info:
        json_series.series_from_json(doc)
    assert "\n" not in str(info.value)
    return str(info.value)


def test_malformed_json_names_line_and_column():
    with pytest.raises(JsonFormatError) as info:
        json_series.loads('{"format": "facilitator.series",\n "version": 1,,}', source="x.json")
    assert "x.json" in str(info.value) and "line 2" in str(info.value)


@pytest.mark.parametrize(
    "mutate, field",
    [
        (lambda d: d.pop("format"), "format"),
        (lambda d: d.update(version="one"), "version"),
        (lambda d: d["series"].pop("title"), "series.title"),
        (
            lambda d: d["series"]["sessions"][0]["agenda"][2].update(planned_minutes="15"),
            "series.sessions[0].agenda[2].planned_minutes",
        ),
        (
            lambda d: d["series"]["sessions"][0]["agenda"][0].update(kind="speech"),
            "series.sessions[0].agenda[0].kind",
        ),
        (lambda d: d["series"]["sessions"][0].update(date="23/03/2023"), "series.sessions[0].date"),
        (
            lambda d: d["series"]["sessions"][0].update(gcm_objectives=[8, 24]),
            "series.sessions[0].gcm_objectives[1]",
        ),
        (
            lambda d: d["series"]["sessions"][0].update(chatham_house="no"),
            "series.sessions[0].chatham_house",
        ),
        (lambda d: d["series"]["participants"].append({"name": 5}), "series.participants"),
        (
            lambda d: d["series"]["sessions"][0]["interventions"][0].update(
                participant_id="ffffffff-ffff-4fff-8fff-ffffffffffff"
            ),
            "series.sessions[0].interventions[0].participant_id",
        ),
        (lambda d: first_with_points(d)["points"][0].update(kind="idea"), ".points[0].kind"),
    ],
)
def test_wrong_shape_names_the_field(demo_doc, mutate, field):
    doc = copy.deepcopy(demo_doc)
    mutate(doc)
    assert field in error_for(doc)


def test_duplicate_ids_are_refused(demo_doc):
    doc = copy.deepcopy(demo_doc)
    agenda = doc["series"]["sessions"][0]["agenda"]
    agenda[1]["id"] = agenda[0]["id"]
    assert "used twice" in error_for(doc)


def test_newer_format_is_refused(demo_doc):
    doc = copy.deepcopy(demo_doc)
    doc["version"] = 99
    assert "newer version" in error_for(doc)


def test_ids_and_optional_fields_may_be_left_out():
    doc = {
        "format": "facilitator.series",
        "version": 1,
        "series": {
            "title": "Written by a script",
            "sessions": [{"title": "One", "agenda": [{"title": "Opening", "planned_minutes": 5}]}],
        },
    }
    content = json_series.loads(json.dumps(doc))
    assert content.sessions[0].agenda[0].planned_minutes == 5
    assert content.sessions[0].agenda[0].session_id == content.sessions[0].session.id
