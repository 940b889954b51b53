"""Interventions and points as CSV: UTF-8 with BOM, read back with the csv module, translated
headers, every row there, Arabic and Cyrillic intact."""

from __future__ import annotations

import csv

import pytest
from report_checks import LANGS
from report_data import build_series

from facilitator.exports import registry
from facilitator.i18n import gettext_in


def read(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheet programs need
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


@pytest.mark.parametrize("lang", LANGS)
def test_csv_tables_read_back(tmp_path, lang):
    content = build_series(interventions=6)
    out = tmp_path / "data.csv"
    written = registry.export("csv", content, out, lang)
    assert written == [out, tmp_path / "data-points.csv"]
    interventions, points = read(written[0]), read(written[1])
    assert interventions[0][0] == gettext_in(lang, "Session")
    assert gettext_in(lang, "Stakeholder group") in interventions[0]
    assert len(interventions) == 1 + 6 and len(points) == 1 + 6
    seconds = interventions[0].index(gettext_in(lang, "Seconds"))
    assert {row[seconds] for row in interventions[1:]} == {"90"}
    assert (
        points[1][points[0].index(gettext_in(lang, "Point"))] == "Point 0 about search and rescue"
    )


def test_non_latin_text_round_trips(tmp_path):
    content = build_series(interventions=2)
    content.sessions[0].interventions[0].notes = "Привет, مرحبا — “quotes”, commas\nand a new line"
    out = tmp_path / "data.csv"
    registry.export("csv", content, out, "ru")
    rows = read(out)
    notes = rows[0].index(gettext_in("ru", "Notes"))
    assert rows[1][notes] == "Привет, مرحبا — “quotes”, commas\nand a new line"
