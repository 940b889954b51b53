"""The JSON format carries every field of a prepared session, reads version-1 documents with
their defaults, names a wrong new field by its path, and its documentation lists every field."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from facilitator.domain import model as m
from facilitator.exports import json_series
from facilitator.exports.json_series import JsonFormatError
from facilitator.storage import create_file
from facilitator.storage import repository as repo

ROOT = Path(__file__).parents[2]
DOC = ROOT / "docs" / "json-format.md"


def prepared() -> m.SeriesContent:
    series = m.Series("GCM Talks 2023")
    topic = m.Topic(series.id, "Missing migrants", 0, description="Search", colour="#1f77b4")
    person = m.Participant(series.id, "Laurel Townhead")
    session = m.Session(
        series.id,
        "Introductory GCM Talk",
        short_label="Intro",
        interpretation=["en", "fr", "es", "az"],
        audience="custom",
        audience_custom="Mayors of border towns",
        registered=599,
        cso=100,
        cso_qualifier="over",
        attended_qualifier="about",
        registration_url="https://www.un.org/register",
        recording_url="https://www.un.org/recording",
    )
    items = [
        m.AgendaItem(session.id, "Opening remarks", 10, "opening", position=0, warning_seconds=60),
        m.AgendaItem(session.id, "Discussion", 50, "discussion", position=1),
    ]
    role = m.SessionRole(session.id, person.id, role="note_taker")
    sc = m.SessionContent(session, agenda=items, roles=[role])
    return m.SeriesContent(series, topics=[topic], participants=[person], sessions=[sc])


def test_every_new_field_survives_json_and_the_file(tmp_path):
    doc = json_series.series_to_json(prepared())
    session = doc["series"]["sessions"][0]
    assert session["cso_qualifier"] == "over" and session["interpretation"][-1] == "az"
    assert session["agenda"][0]["warning_seconds"] == 60
    assert session["agenda"][1]["warning_seconds"] is None
    assert doc["series"]["topics"][0]["colour"] == "#1f77b4"
    assert json_series.series_to_json(json_series.series_from_json(doc)) == doc

    db = create_file(tmp_path / "x.facilitator", device="d")
    repo.save_series(db, json_series.series_from_json(doc))
    from_file = json_series.series_to_json(repo.load_series(db))
    assert from_file.pop("as_of") and from_file == doc  # from a file: as of its newest change
    db.close()


def test_a_version_1_document_reads_with_the_defaults():
    doc = json.loads((ROOT / "resources" / "templates" / "gcm-talk.json").read_text("utf-8"))
    doc["version"] = 1  # the template as version 1 wrote it: no field of a later version
    del doc["series"]["sessions"][0]["duration_minutes"]
    content = json_series.loads(json.dumps(doc))
    session = content.sessions[0].session
    assert (session.short_label, session.registration_url, session.cso_qualifier) == (
        "",
        "",
        "exact",
    )
    assert all(a.warning_seconds is None for a in content.sessions[0].agenda)
    assert session.duration_minutes is None and session.report_exported_at == ""


@pytest.mark.parametrize(
    "where, value, path",
    [
        (("interpretation",), ["english"], "series.sessions[0].interpretation[0]"),
        (("cso_qualifier",), "roughly", "series.sessions[0].cso_qualifier"),
        (("registration_url",), "javascript:alert(1)", "series.sessions[0].registration_url"),
        (("audience",), "everyone", "series.sessions[0].audience"),
        (("agenda", 0, "warning_seconds"), -1, "series.sessions[0].agenda[0].warning_seconds"),
        (("roles", 0, "role"), "scribe", "series.sessions[0].roles[0].role"),
    ],
)
def test_a_wrong_new_field_is_named_by_its_path(where, value, path):
    doc = json_series.series_to_json(prepared())
    node = doc["series"]["sessions"][0]
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    with pytest.raises(JsonFormatError) as info:
        json_series.series_from_json(doc)
    assert path in str(info.value)


def test_a_wrong_topic_colour_is_named():
    doc = json_series.series_to_json(prepared())
    doc["series"]["topics"][0]["colour"] = "blue"
    with pytest.raises(JsonFormatError, match=re.escape("series.topics[0].colour")):
        json_series.series_from_json(doc)


@pytest.mark.parametrize(
    "cls", [m.Series, m.Topic, m.Participant, m.Session, m.AgendaItem, m.SessionRole]
)
def test_the_documentation_lists_every_field(cls):
    text = DOC.read_text(encoding="utf-8")
    section = text.split(f"({cls.__name__})", 1)[1].split("\n### ", 1)[0]
    for f in dataclasses.fields(cls):
        if f.name not in json_series.IMPLIED:
            assert f"| `{f.name}` |" in section, f"{cls.__name__}.{f.name} is not documented"
