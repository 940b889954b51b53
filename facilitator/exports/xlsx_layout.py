"""The XLSX workbook as analysts open it: readable columns, a bold frozen header with a
filter, the sheet right to left in Arabic, dates and durations in their formats, and texts
longer than a cell can hold continued on a sheet of their own instead of cut.

Excel holds at most 32,767 characters in a cell (openpyxl cuts longer text without a word).
Such a text keeps its start in its cell, ended by a note naming where it goes on; the rest is
on the sheet "Continued texts", in parts of at most that size, one row per part.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from facilitator.exports.progress import NO_PROGRESS, Progress
from facilitator.exports.redact import safe_text
from facilitator.i18n import gettext_in, is_rtl

CELL_LIMIT = 32_767
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MIN_WIDTH, MAX_WIDTH = 6, 60  # in characters of the default font
FORMATS = {
    dt.datetime: ("yyyy-mm-dd hh:mm:ss", 20),
    dt.date: ("yyyy-mm-dd", 11),
    dt.timedelta: ("[h]:mm:ss", 9),
}
BOLD = Font(name="Calibri", size=11, bold=True)  # the workbook default font, bold
TOP = Alignment(vertical="top")


def _sheet_title(name: str) -> str:
    cleaned = "".join(ch for ch in name if ch not in "[]:*?/\\")
    return cleaned[:31] or "Sheet"


def _text_width(text: str) -> int:
    return max((len(line) for line in text.split("\n")), default=0)


class _Continued:
    """The sheet for the parts of texts too long for their cell (created on first use)."""

    def __init__(self, book: Workbook, lang: str) -> None:
        self.book, self.lang, self.sheet = book, lang, None

    def cut(self, text: str, sheet_title: str, ref: str) -> str:
        """The part of `text` that stays in its cell; the rest goes on as numbered rows."""
        lang = self.lang
        if self.sheet is None:
            self.sheet = self.book.create_sheet(_sheet_title(gettext_in(lang, "Continued texts")))
            headers = [
                gettext_in(lang, "Sheet"),
                gettext_in(lang, "Cell"),
                gettext_in(lang, "Part"),
                gettext_in(lang, "Text"),
            ]
            self.sheet.append(headers)
            _header(self.sheet, [12, 8, 6, MAX_WIDTH * 2], lang)
        note = " " + gettext_in(
            lang, "[… continued on the sheet “{sheet}”, cell {cell}, parts 2 to {last}]"
        )
        longest = note.format(sheet=self.sheet.title, cell=ref, last=10**6)
        head = CELL_LIMIT - len(longest)  # the real note is never longer than this one
        parts = [text[:head]] + [
            text[at : at + CELL_LIMIT] for at in range(head, len(text), CELL_LIMIT)
        ]
        note = note.format(sheet=self.sheet.title, cell=ref, last=len(parts))
        for number, part in enumerate(parts, start=1):
            self.sheet.append([sheet_title, ref, number, part])
            _as_text(self.sheet.cell(self.sheet.max_row, 4))
        return parts[0] + note


def _as_text(cell) -> None:
    cell.data_type = TYPE_STRING  # never a formula, whatever the text
    if cell.value and str(cell.value).lstrip(" ").startswith(FORMULA_STARTS):
        cell.quotePrefix = True  # Excel keeps it text when edited; shows no apostrophe


def _header(sheet, widths: list[int], lang: str) -> None:
    for n, cell in enumerate(sheet[1], start=1):
        _as_text(cell)
        cell.font = BOLD
        sheet.column_dimensions[get_column_letter(n)].width = widths[n - 1]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{max(sheet.max_row, 2)}"
    sheet.sheet_view.rightToLeft = is_rtl(lang)
    # Printed (or converted to PDF): landscape, every column on one page width, header repeated.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4  # not openpyxl's default, US Letter
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _width(value: Any) -> int:
    for kind, (_format, width) in FORMATS.items():
        if isinstance(value, kind):
            return width
    return _text_width(value) if isinstance(value, str) else len(str(value))


def workbook(tables, progress: Progress = NO_PROGRESS) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    continued = None
    for table in tables:
        sheet = book.create_sheet(_sheet_title(table.name))
        headers = [safe_text(h) for h in table.headers]
        sheet.append(headers)
        widths = [max(MIN_WIDTH, _text_width(h) + 3) for h in headers]  # + the filter button
        for n, row in enumerate(table.rows, start=2):
            if n % 500 == 0:
                progress.step(n, len(table.rows))
            values = [safe_text(v) if isinstance(v, str) else v for v in row]
            sheet.append(values)
            for c, value in enumerate(values):
                widths[c] = min(MAX_WIDTH, max(widths[c], _width(value) + 1))
                if isinstance(value, str) and len(value) > CELL_LIMIT:
                    continued = continued or _Continued(book, table.lang)
                    ref = f"{get_column_letter(c + 1)}{n}"
                    sheet.cell(n, c + 1).value = continued.cut(value, sheet.title, ref)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                value = cell.value
                if isinstance(value, str):
                    _as_text(cell)
                    if "\n" in value:
                        cell.alignment = TOP
                elif type(value) in FORMATS:
                    cell.number_format = FORMATS[type(value)][0]
        _header(sheet, widths, table.lang)
    if continued is not None:  # after the tables it continues
        book.move_sheet(continued.sheet, len(book.sheetnames))
    return book
