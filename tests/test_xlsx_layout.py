"""The XLSX export as an analyst opens it: widths that show every date, a bold frozen header
with a filter, Arabic sheets right to left, durations as durations, texts stored as text
(no apostrophe added) and texts over Excel's cell limit continued, never cut."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
from report_data import build_series

from facilitator.exports import registry
from facilitator.exports.xlsx_layout import CELL_LIMIT
from facilitator.i18n import gettext_in


def export(tmp_path, lang="en", notes=None):
    content = build_series(interventions=3)
    if notes is not None:
        content.sessions[0].interventions[0].notes = notes
    out = tmp_path / f"{lang}.xlsx"
    registry.export("xlsx", content, out, lang)
    return openpyxl.load_workbook(out)


def column(sheet, title: str) -> int:
    return [c.value for c in sheet[1]].index(title) + 1


def test_columns_are_wide_enough_for_dates_and_times(tmp_path):
    sheet = export(tmp_path).worksheets[0]
    letter = openpyxl.utils.get_column_letter
    start = sheet.column_dimensions[letter(column(sheet, "Start (UTC)"))].width
    date = sheet.column_dimensions[letter(column(sheet, "Date"))].width
    assert start >= 19 and date >= 10  # "2024-01-10 14:05:00" shown, not ###
    assert all(sheet.column_dimensions[letter(n)].width <= 60 for n in range(1, 15))


def test_header_is_bold_frozen_and_filtered(tmp_path):
    for sheet in export(tmp_path).worksheets:
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        assert sheet.auto_filter.ref.endswith(str(sheet.max_row))


def test_arabic_sheets_are_right_to_left(tmp_path):
    assert all(s.sheet_view.rightToLeft for s in export(tmp_path, "ar").worksheets)
    assert not any(s.sheet_view.rightToLeft for s in export(tmp_path, "en").worksheets)


def test_durations_are_durations_and_seconds_stay(tmp_path):
    sheet = export(tmp_path).worksheets[0]
    cell = sheet.cell(2, column(sheet, "Duration"))
    seconds = sheet.cell(2, column(sheet, "Seconds")).value
    assert cell.number_format == "[h]:mm:ss"
    assert cell.value == dt.timedelta(seconds=seconds) and isinstance(seconds, int)


def test_texts_that_look_like_formulas_are_text_without_an_apostrophe(tmp_path):
    for note in ("- a bullet the note-taker typed", "=1+1", "+41 22 917 1234", "@all"):
        sheet = export(tmp_path, notes=note).worksheets[0]
        cell = sheet.cell(2, column(sheet, "Notes"))
        assert cell.value == note and cell.data_type == "s"
        assert cell.quotePrefix  # Excel's own "this is text", kept when the cell is edited


def test_csv_keeps_its_documented_apostrophe(tmp_path):
    content = build_series(interventions=1)
    content.sessions[0].interventions[0].notes = "=1+1"
    out = tmp_path / "d.csv"
    registry.export("csv", content, out, "en")
    row = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert row["Notes"] == "'=1+1"
    assert row["Duration"].count(":") == 2
    with open("docs/exports.md", encoding="utf-8") as doc:
        assert "apostrophe" in doc.read()


def test_a_note_longer_than_a_cell_is_continued_not_cut(tmp_path):
    note = "".join(f"word{n} " for n in range(12_000))  # about 100,000 characters
    book = export(tmp_path, notes=note)
    sheet = book.worksheets[0]
    kept = sheet.cell(2, column(sheet, "Notes")).value
    assert len(kept) <= CELL_LIMIT
    rest = book.worksheets[-1]
    assert rest.title == gettext_in("en", "Continued texts")
    assert "Continued texts" in kept and "parts 2 to 4" in kept  # said where it goes on
    parts = [r for r in rest.iter_rows(min_row=2, values_only=True)]
    assert [p[2] for p in parts] == [1, 2, 3, 4] and all(len(p[3]) <= CELL_LIMIT for p in parts)
    assert "".join(p[3] for p in parts) == note  # every character, in order
