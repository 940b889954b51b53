"""The series as JSON in the export: loads back with the JSON format reader, one session or all."""

from __future__ import annotations

import pytest
from report_checks import LANGS
from report_data import build_series

from facilitator.app import bundled
from facilitator.exports import json_series, registry


@pytest.mark.parametrize("lang", LANGS)
def test_json_export_loads_back(tmp_path, lang):
    content = build_series(sessions=2)
    out = tmp_path / "series.json"
    registry.export("json", content, out, lang)
    again = json_series.loads(out.read_text(encoding="utf-8"))
    assert [sc.session.title for sc in again.sessions] == ["Session 1", "Session 2"]
    takeaways = sorted(again.sessions[0].takeaways, key=lambda t: t.position)
    expected = sorted(content.sessions[0].takeaways, key=lambda t: t.position)
    assert [t.text for t in takeaways] == [t.text for t in expected]


def test_json_of_one_session(tmp_path):
    content = build_series(sessions=2)
    out = tmp_path / "one.json"
    registry.export("json", content, out, "en", [content.sessions[1].session.id])
    assert [sc.session.title for sc in json_series.loads(out.read_text()).sessions] == ["Session 2"]


def test_json_of_an_open_series_is_the_archive(tmp_path):
    """Nothing to hide (everyone agreed to be named, no Chatham House): a lossless archive."""
    content = bundled.demo_series()
    out = tmp_path / "demo.json"
    registry.export("json", content, out, "en")
    assert out.read_text(encoding="utf-8") == json_series.dumps(content)
