"""Reading a registration list saved as an Excel workbook (.xlsx). Qt-free and SQL-free.

A workbook is a zip archive; before openpyxl opens it, its directory is checked so that a
hostile or broken file (a zip bomb, thousands of parts) gets one line, not a frozen window. The
first sheet with a header row is read in openpyxl's read-only mode, values only (no formulas
run), cells as the text people see: 42.0 as "42", dates as YYYY-MM-DD.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from facilitator.domain.roster_csv import MAX_BYTES, RosterTable
from facilitator.domain.text import clean_name
from facilitator.errors import FacilitatorError
from facilitator.i18n import _, format_number

MAX_UNPACKED = 200_000_000  # bytes of all parts once unpacked
MAX_RATIO = 500  # unpacked over packed size of a part: sheets compress well, bombs far more
MAX_PARTS = 2_000
MAX_ROWS = 200_000


def _check_archive(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise FacilitatorError(
            _("This file is not a workbook Excel can open; save it again as .xlsx or CSV.")
        ) from None
    parts = archive.infolist()
    unpacked = sum(p.file_size for p in parts)
    ratio = max((p.file_size / max(p.compress_size, 1) for p in parts), default=0)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED or ratio > MAX_RATIO:
        raise FacilitatorError(
            _("This workbook is too large or too compressed to be a registration list.")
        )
    if "xl/workbook.xml" not in {p.filename for p in parts}:
        raise FacilitatorError(
            _("This file is not a workbook Excel can open; save it again as .xlsx or CSV.")
        )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def read_workbook(data: bytes) -> RosterTable:
    """The first sheet with a header row, as a RosterTable (line numbers are row numbers)."""
    if len(data) > MAX_BYTES:
        raise FacilitatorError(_("This file is too large to be a registration list."))
    _check_archive(data)
    from openpyxl import load_workbook  # only when a workbook is imported

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged workbook
        raise FacilitatorError(
            _("This file is not a workbook Excel can open; save it again as .xlsx or CSV.")
        ) from None
    try:
        for sheet in book.worksheets:
            headers: list[str] | None = None
            rows: list[tuple[int, list[str]]] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_text(v) for v in values]
                if not any(c.strip() for c in cells):
                    continue
                if headers is None:
                    headers = [clean_name(c) for c in cells]
                    continue
                if len(rows) >= MAX_ROWS:
                    raise FacilitatorError(
                        _("This sheet has more than {count} rows; split the list.").format(
                            count=format_number(MAX_ROWS)
                        )
                    )
                rows.append((number, cells))
            if headers:
                while headers and not headers[-1]:  # formatted but empty columns at the end
                    headers.pop()
                return RosterTable(headers, rows, delimiter="", encoding="")
    finally:
        book.close()
    raise FacilitatorError(_("The file is empty: there is no header line and no row."))
