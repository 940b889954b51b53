"""Reading registration lists (CSV) into participants. Qt-free and SQL-free.

Lists come from Zoom, Eventbrite, Excel or a colleague's spreadsheet: UTF-8 with or without a
byte-order mark (Excel's "CSV UTF-8" writes one; UTF-16 "Unicode text" is read too), commas or
semicolons (French and Spanish Excel use ";"), headers in any of the five languages. Reading is
two steps so the import dialog can show the guessed column mapping and let people change it:
`read_table` splits the file, `parse_rows` turns rows into participants. A row that cannot be
used is reported with its line number and the reason; the other rows still import.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from facilitator.domain import vocab
from facilitator.domain.model import Participant
from facilitator.domain.roster_words import (
    AMBIGUOUS_FIRST,
    AMBIGUOUS_LAST,
    GENDER_WORDS,
    GROUP_WORDS,
    HEADERS,
    KEYWORDS,
    NO,
    YES,
)
from facilitator.domain.text import clean_name, fold
from facilitator.errors import FacilitatorError
from facilitator.i18n import LANGUAGES, N_, _, gettext_in

# The fields a column can be mapped to, with their labels for the mapping dialog.
FIELDS: dict[str, str] = {
    "name": N_("Full name"),
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "title": N_("Title or position"),
    "organisation": N_("Organization"),
    "stakeholder_group": N_("Stakeholder group"),
    "country": N_("Country"),
    "gender": N_("Gender"),
    "email": N_("E-mail"),
    "role": N_("Role"),
    "attended": N_("Attended"),
}
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_BYTES = 20_000_000  # far above any real registration list; protects the window


@dataclass
class RosterTable:
    """The cells of a CSV file: its header and its rows, each with its first line number."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    delimiter: str
    broken_at: int | None = None  # line where reading stopped (an unclosed quote...)
    encoding: str = "utf-8"  # how the text was read ("" for a workbook)


@dataclass
class RosterRow:
    line: int
    participant: Participant
    role: str = "participant"
    attended: bool | None = None  # None when the list has no attendance column


@dataclass
class RowProblem:
    """A row not imported (error) or imported with a change (warning), and why."""

    line: int
    reason: str  # a message id, translated when shown so it follows the interface language
    value: str = ""
    skipped: bool = True

    def message(self) -> str:
        return _("Line {line}: {reason}").format(
            line=self.line, reason=_(self.reason).format(value=self.value)
        )


@dataclass
class RosterParse:
    rows: list[RosterRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


# The encodings a list may come in, as the import dialog names them (the guess can be changed).
ENCODINGS: dict[str, str] = {
    "utf-8": N_("UTF-8"),
    "utf-16": N_("UTF-16 (Excel's “Unicode text”)"),
    "cp1252": N_("Windows-1252 (Excel's “CSV”, Western European)"),
    "latin-1": N_("Latin-1 (ISO 8859-1)"),
}


def encoding_label(code: str) -> str:
    """The translated name of an encoding ("utf-16-le" is UTF-16 to people)."""
    family = "utf-16" if code.startswith("utf-16") else code
    return _(ENCODINGS[family]) if family in ENCODINGS else code


def detect_encoding(data: bytes) -> str:
    """The encoding a registration list is most likely in: a byte-order mark says it; UTF-16
    without one shows as NUL bytes in every other place; valid UTF-8 is UTF-8; anything else
    is what Excel's plain "CSV (Comma delimited)" writes on Windows."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) >= len(sample) // 4:
        return "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return "latin-1"  # bytes Windows-1252 leaves undefined: Latin-1 reads every byte
        return "cp1252"
    return "utf-8"


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of a list and the encoding it was read with (`encoding`, or the guess); a
    one-line FacilitatorError when it cannot be read that way."""
    if len(data) > MAX_BYTES:
        raise FacilitatorError(_("This file is too large to be a registration list."))
    chosen = encoding or detect_encoding(data)
    codec = {"utf-8": "utf-8-sig"}.get(chosen, chosen)
    try:
        return data.decode(codec), chosen
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FacilitatorError(
            _("Line {line} cannot be read as {encoding}; choose another encoding above.").format(
                line=line, encoding=encoding_label(chosen)
            )
        ) from None


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", first)
    counts = {d: unquoted.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table(data: bytes, encoding: str | None = None) -> RosterTable:
    """Split a CSV file into header and rows (blank lines skipped); an Excel workbook (.xlsx)
    is read from its first sheet with data."""
    if data.startswith(b"PK\x03\x04"):
        from facilitator.domain.roster_xlsx import read_workbook  # only for workbooks

        return read_workbook(data)
    text, used = decode(data, encoding)
    text = text.replace("\x00", "")
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    headers: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    broken_at = None
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            broken_at = start
            break
        if any(c.strip() for c in cells):
            if headers is None:
                headers = [clean_name(c) for c in cells]
            else:
                rows.append((start, cells))
        start = reader.line_num + 1
    if not headers:
        raise FacilitatorError(_("The file is empty: there is no header line and no row."))
    return RosterTable(headers, rows, delimiter, broken_at, used)


def _lookup(words: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {fold(w): code for code, ws in words.items() for w in ws}


HEADER_LOOKUP = _lookup(HEADERS)


def guess_mapping(headers: list[str]) -> dict[int, str]:
    """{column index: field} from the header names; each field is taken by one column only."""
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        key = fold(header).strip(" :*")
        found = HEADER_LOOKUP.get(key) or (key if key in FIELDS else None)
        if found and found not in mapping.values():
            mapping[index] = found
    for name, words in KEYWORDS:  # headings that are questions: a word inside them
        if name in mapping.values():
            continue
        for index, header in enumerate(headers):
            key = f" {fold(header)} "
            if index not in mapping and any(fold(w) in key for w in words):
                mapping[index] = name
                break
    fields = set(mapping.values())
    for index, name in list(mapping.items()):
        key = fold(headers[index]).strip(" :*")
        if name == "name" and "last_name" in fields and key in AMBIGUOUS_FIRST:
            mapping[index] = "first_name"
        elif name == "name" and "first_name" in fields and key in AMBIGUOUS_LAST:
            mapping[index] = "last_name"
    return mapping


def unmapped_columns(table: RosterTable, mapping: dict[int, str]) -> list[str]:
    """The headings of columns that hold values but are not imported, to say so before."""
    return [
        header or f"#{index + 1}"
        for index, header in enumerate(table.headers)
        if index not in mapping
        and any(index < len(cells) and cells[index].strip() for _line, cells in table.rows)
    ]


def _vocabulary_lookup(words: dict[str, tuple[str, ...]], labels: dict[str, str]) -> dict[str, str]:
    """Our synonyms plus every translation of our own labels, and the codes themselves."""
    table = _lookup(words)
    for code, label in labels.items():
        table[fold(code.replace("_", " "))] = code
        for lang in LANGUAGES:
            table.setdefault(fold(gettext_in(lang, label)), code)
    return table


def _role_lookup() -> dict[str, str]:
    return _vocabulary_lookup({}, vocab.ROLES)


def parse_rows(
    table: RosterTable,
    mapping: dict[int, str],
    on_rows: Callable[[int, int], None] | None = None,
) -> RosterParse:
    """Participants from the rows of `table`, read through `mapping` ({column: field});
    `on_rows(done, total)` is told every 500 rows (it may raise to stop the reading)."""
    fields = set(mapping.values())
    if "name" not in fields and not {"first_name", "last_name"} & fields:
        raise FacilitatorError(
            _("No column holds the participants' names; choose which column has the names.")
        )
    groups = _vocabulary_lookup(GROUP_WORDS, vocab.STAKEHOLDER_GROUPS)
    genders = _vocabulary_lookup(GENDER_WORDS, vocab.GENDERS)
    roles = _role_lookup()
    yes, no = {fold(w) for w in YES}, {fold(w) for w in NO}
    result = RosterParse()
    seen: dict[str, int] = {}
    total = len(table.rows)
    for done, (line, cells) in enumerate(table.rows):
        if on_rows is not None and done % 500 == 0:
            on_rows(done, total)
        if len(cells) > len(table.headers) and any(c.strip() for c in cells[len(table.headers) :]):
            result.problems.append(
                RowProblem(
                    line, N_("more cells than the header has columns ({value})"), str(len(cells))
                )
            )
            continue
        values = {name: cells[i] if i < len(cells) else "" for i, name in mapping.items()}
        row = _row(line, values, groups, genders, roles, yes, no, result.problems)
        if row is None:
            continue
        key = fold(row.participant.email) or fold(
            f"{row.participant.name}|{row.participant.organisation}"
        )
        if key in seen:
            result.problems.append(
                RowProblem(line, N_("same person as line {value}"), str(seen[key]))
            )
            continue
        seen[key] = line
        result.rows.append(row)
    if table.broken_at is not None:
        result.problems.append(
            RowProblem(
                table.broken_at,
                N_("a quotation mark is not closed; the rest of the file could not be read"),
            )
        )
    return result


def _row(line, values, groups, genders, roles, yes, no, problems) -> RosterRow | None:
    name = clean_name(values.get("name", ""))
    if not name:
        name = clean_name(f"{values.get('first_name', '')} {values.get('last_name', '')}")
    if not name:
        problems.append(RowProblem(line, N_("no name")))
        return None
    person = Participant(
        series_id="",
        name=name,
        title=clean_name(values.get("title")),
        organisation=clean_name(values.get("organisation")),
        country=clean_name(values.get("country")),
    )
    group = clean_name(values.get("stakeholder_group"))
    person.stakeholder_group = groups.get(fold(group), "other")
    if group and fold(group) not in groups:
        problems.append(
            RowProblem(
                line,
                N_("stakeholder group “{value}” not recognized, recorded as Other"),
                group,
                skipped=False,
            )
        )
    gender = clean_name(values.get("gender"))
    person.gender = genders.get(fold(gender), "")
    if gender and fold(gender) not in genders:
        problems.append(
            RowProblem(
                line, N_("gender “{value}” not recognized, left blank"), gender, skipped=False
            )
        )
    email = clean_name(values.get("email"))
    if email and not EMAIL_RE.match(email):
        problems.append(
            RowProblem(
                line, N_("“{value}” is not an e-mail address, left blank"), email, skipped=False
            )
        )
        email = ""
    person.email = email
    row = RosterRow(line, person, roles.get(fold(clean_name(values.get("role"))), "participant"))
    if "attended" in values:
        mark = fold(clean_name(values["attended"]))
        row.attended = mark in yes
        if mark not in yes and mark not in no:
            problems.append(
                RowProblem(
                    line,
                    N_("attendance “{value}” not understood, recorded as absent"),
                    values["attended"],
                    skipped=False,
                )
            )
    return row


def parse_roster(data: bytes, mapping: dict[int, str] | None = None) -> RosterParse:
    """Read a whole registration list at once (the command line and the tests)."""
    table = read_table(data)
    return parse_rows(table, mapping if mapping is not None else guess_mapping(table.headers))
