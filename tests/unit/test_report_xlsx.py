"""Interventions and points as XLSX: one sheet per table, typed columns, opened with openpyxl."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from report_checks import LANGS
from report_data import build_series

from facilitator.exports import registry
from facilitator.i18n import gettext_in


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_has_one_typed_sheet_per_table(tmp_path, lang):
    out = tmp_path / "data.xlsx"
    registry.export("xlsx", build_series(interventions=5), out, lang)
    book = openpyxl.load_workbook(out)
    assert len(book.sheetnames) == 2
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    assert header[0] == gettext_in(lang, "Session") and len(rows) == 1 + 5
    first = rows[1]
    assert isinstance(first[header.index(gettext_in(lang, "Number"))], int)
    assert isinstance(first[header.index(gettext_in(lang, "Seconds"))], int)
    assert isinstance(first[header.index(gettext_in(lang, "Start (UTC)"))], dt.datetime)
    assert first[header.index(gettext_in(lang, "Date"))].date() == dt.date(2024, 1, 10)
    points = list(book.worksheets[1].iter_rows(values_only=True))
    assert len(points) == 1 + 5


def test_sheets_print_on_a4_landscape_one_page_wide(tmp_path):
    out = tmp_path / "data.xlsx"
    registry.export("xlsx", build_series(interventions=5), out, "ar")
    for sheet in openpyxl.load_workbook(out).worksheets:
        setup = sheet.page_setup
        assert (int(setup.paperSize), setup.orientation) == (9, "landscape")  # 9: A4
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
