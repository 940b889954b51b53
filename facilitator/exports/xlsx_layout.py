"""The XLSX workbook as analysts open it: readable columns, a bold frozen header with a
filter, the sheet right to left in Arabic, dates and durations in their formats, and texts
longer than a cell can hold continued on a sheet of their own instead of cut.

Excel holds at most 32,767 characters in a cell (openpyxl cuts longer text without a word).
Such a text keeps its start in its cell, ended by a note naming where it goes on; the rest is
on the sheet "Continued texts", in parts of at most that size, one row per part.

The workbook is openpyxl's write-only one: each row is streamed to the sheet's file as it is
appended, not kept as cell objects (some 50 times the size of the values: a normal workbook of
100,000 interventions needed gigabytes). What a streamed sheet writes before its rows (column
widths, the frozen header, the direction) is set first, the widths from a pass over the rows.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.constants import ARC_APP

from facilitator.exports.doc_properties import DocumentMeta, app_xml
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
            _layout(self.sheet, [12, 8, 6, MAX_WIDTH * 2], lang)
            self.sheet.append(_header_cells(self.sheet, headers))
            self.rows = 1
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
            self.sheet.append([sheet_title, ref, number, _text_cell(self.sheet, part)])
            self.rows += 1
        return parts[0] + note

    def close(self) -> None:
        if self.sheet is not None:
            _filter(self.sheet, 4, self.rows)


def _as_text(cell) -> None:
    cell.data_type = TYPE_STRING  # never a formula, whatever the text
    if cell.value and str(cell.value).lstrip(" ").startswith(FORMULA_STARTS):
        cell.quotePrefix = True  # Excel keeps it text when edited; shows no apostrophe


def _text_cell(sheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value)
    _as_text(cell)
    if "\n" in value:
        cell.alignment = TOP
    return cell


def _header_cells(sheet, headers: list[str]) -> list[WriteOnlyCell]:
    cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, text)
        _as_text(cell)
        cell.font = BOLD
        cells.append(cell)
    return cells


def _layout(sheet, widths: list[int], lang: str) -> None:
    """What a streamed sheet writes before its first row: widths, frozen header, direction,
    and how it prints (landscape, every column on one page width, the header repeated)."""
    for n, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = "A2"
    sheet.sheet_view.rightToLeft = is_rtl(lang)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4  # not openpyxl's default, US Letter
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _filter(sheet, columns: int, rows: int) -> None:
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(rows, 2)}"


def _width(value: Any) -> int:
    for kind, (_format, width) in FORMATS.items():
        if isinstance(value, kind):
            return width
    return _text_width(value) if isinstance(value, str) else len(str(value))


def _widths(headers: list[str], rows) -> list[int]:
    widths = [max(MIN_WIDTH, _text_width(h) + 3) for h in headers]  # + the filter button
    for row in rows:
        for c, value in enumerate(row):
            if isinstance(value, str):
                value = safe_text(value)
            widths[c] = min(MAX_WIDTH, max(widths[c], _width(value) + 1))
    return widths


def _cell(sheet, value: Any, continued, title: str, ref) -> Any:
    if isinstance(value, str):
        value = safe_text(value)
        if len(value) > CELL_LIMIT:
            value = continued().cut(value, title, ref())
        return _text_cell(sheet, value)
    if type(value) in FORMATS:
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = FORMATS[type(value)][0]
        return cell
    return value


def workbook(tables, progress: Progress = NO_PROGRESS) -> Workbook:
    book = Workbook(write_only=True)
    state: dict[str, _Continued] = {}
    lang = tables[0].lang if tables else "en"

    def continued() -> _Continued:
        if "sheet" not in state:
            state["sheet"] = _Continued(book, lang)
        return state["sheet"]

    for table in tables:
        sheet = book.create_sheet(_sheet_title(table.name))
        headers = [safe_text(h) for h in table.headers]
        _layout(sheet, _widths(headers, table.rows), table.lang)
        sheet.append(_header_cells(sheet, headers))
        for n, row in enumerate(table.rows, start=2):
            if n % 500 == 0:
                progress.step(n, len(table.rows))
            sheet.append(
                [
                    _cell(
                        sheet,
                        v,
                        continued,
                        sheet.title,
                        lambda c=c, n=n: f"{get_column_letter(c + 1)}{n}",
                    )
                    for c, v in enumerate(row)
                ]
            )
        _filter(sheet, len(headers), len(table.rows) + 1)
    if "sheet" in state:  # after the tables it continues
        state["sheet"].close()
        book.move_sheet(state["sheet"].sheet.title, len(book.sheetnames))
    return book


class _Archive(zipfile.ZipFile):
    """The workbook's zip, with this application's docProps/app.xml in place of the one
    openpyxl writes (naming openpyxl): set as it is written, no second pass over the file."""

    def __init__(self, out: BinaryIO, app: bytes) -> None:
        super().__init__(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self._app = app

    def writestr(self, zinfo_or_arcname, data, *args, **kwargs) -> None:
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, self._app if name == ARC_APP else data, *args, **kwargs)


def save_workbook(book: Workbook, out: BinaryIO, meta: DocumentMeta) -> None:
    """Workbook.save without its two changes: the modified time is the export's (not the
    clock's) and docProps/app.xml names this application. The sheets' rows go from their
    temporary files into `out`, compressed as they are copied."""
    if not book.worksheets:
        book.create_sheet()
    archive = _Archive(out, app_xml(meta))
    try:
        ExcelWriter(book, archive).save()
    except BaseException:
        archive.fp = None  # abandoned with its temporary file: nothing to finish at exit
        raise
