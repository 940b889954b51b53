"""Registration lists as people have them: the encodings Excel and other tools write, Excel
workbooks (with the limits that keep a hostile file from freezing the window), and headings
that are questions, as Google Forms and Microsoft Forms export them."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from facilitator.domain import text
from facilitator.domain.roster_csv import (
    detect_encoding,
    guess_mapping,
    parse_rows,
    read_table,
    unmapped_columns,
)
from facilitator.errors import FacilitatorError

LIST = "Name,Organisation,Country\nJosé Müller,Société civile,Côte d'Ivoire\nLi Wei,ACME,China\n"


def names(data: bytes, encoding: str | None = None) -> list[str]:
    table = read_table(data, encoding)
    return [r.participant.name for r in parse_rows(table, guess_mapping(table.headers)).rows]


@pytest.mark.parametrize(
    "codec, guessed",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8"),
        ("utf-16", "utf-16"),  # with a byte-order mark: Excel's "Unicode text"
        ("utf-16-le", "utf-16-le"),  # without one
        ("utf-16-be", "utf-16-be"),
        ("cp1252", "cp1252"),  # Excel's "CSV (Comma delimited)" on Windows
    ],
)
def test_each_encoding_is_guessed_and_the_names_read_as_written(codec, guessed):
    data = LIST.encode(codec)
    assert detect_encoding(data) == guessed
    assert names(data) == ["José Müller", "Li Wei"]


def test_bytes_windows_1252_leaves_undefined_are_read_as_latin_1():
    data = "Name\nJos\u00e9 \u0081\n".encode("latin-1")
    assert detect_encoding(data) == "latin-1"
    assert names(data) == ["José"]  # U+0081 is a control character, cleaned from a name


def test_a_chosen_encoding_that_does_not_fit_names_the_line():
    with pytest.raises(FacilitatorError, match="Line 3 cannot be read as UTF-8"):
        read_table("Name\nAna\nJosé\n".encode("cp1252"), "utf-8")


def workbook(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_excel_workbook_is_read_from_its_first_sheet_with_values_as_people_see_them():
    import datetime as dt

    data = workbook(
        [
            [],
            ["Full name", "Organization", "Registered on", "Seats", None],
            ["José Müller", "IOM", dt.datetime(2023, 3, 1), 2.0, None],
            [None, None, None, None, None],
            ["أحمد علي", "الهلال الأحمر", dt.date(2023, 3, 2), 1, None],
        ]
    )
    table = read_table(data)
    assert table.headers == ["Full name", "Organization", "Registered on", "Seats"]
    assert table.rows == [
        (3, ["José Müller", "IOM", "2023-03-01", "2", ""]),
        (5, ["أحمد علي", "الهلال الأحمر", "2023-03-02", "1", ""]),
    ]
    assert names(data) == ["José Müller", "أحمد علي"]


def test_a_zip_bomb_or_a_zip_that_is_not_a_workbook_gets_one_line():
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 20_000_000)
    with pytest.raises(FacilitatorError, match="too large or too compressed"):
        read_table(bomb.getvalue())
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(FacilitatorError, match="not a workbook"):
        read_table(other.getvalue())


@pytest.mark.parametrize(
    "headers, expected",
    [
        (
            [
                "Timestamp",
                "Email Address",
                "Full name",
                "Name of your organization",
                "Which stakeholder group do you represent?",
                "Country of residence",
                "Job title / position",
            ],
            [None, "email", "name", "organisation", "stakeholder_group", "country", "title"],
        ),
        (
            [
                "Horodateur",
                "Adresse e-mail",
                "Nom et prénom",
                "Nom de votre organisation",
                "Groupe de parties prenantes",
                "Pays",
            ],
            [None, "email", "name", "organisation", "stakeholder_group", "country"],
        ),
        (
            [
                "Marca temporal",
                "Dirección de correo electrónico",
                "Nombre y apellidos",
                "Nombre de su organización",
                "¿Qué grupo de partes interesadas representa?",
                "País",
            ],
            [None, "email", "name", "organisation", "stakeholder_group", "country"],
        ),
    ],
)
def test_form_exports_keep_organisation_and_group(headers, expected):
    mapping = guess_mapping(headers)
    assert [mapping.get(i) for i in range(len(headers))] == expected


def test_columns_left_out_are_named_before_importing():
    table = read_table(b"Name,Dietary needs,Notes\nAna,vegan,\nBob,,\n")
    assert unmapped_columns(table, guess_mapping(table.headers)) == ["Dietary needs"]


def _reference_clean_name(value: str) -> str:
    """clean_name as it was written before its fast path, character by character."""
    value = unicodedata.normalize("NFC", value)
    kept = []
    for ch in value:
        if ch in text.KEEP_FORMAT:
            kept.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cs") or ch.isspace():
            kept.append(" ")
        elif ch in text.BIDI_CONTROLS or unicodedata.category(ch) == "Cf":
            continue
        else:
            kept.append(ch)
    return " ".join("".join(kept).split()).strip()


@given(st.text())
def test_the_fast_path_of_clean_name_gives_what_the_careful_path_gives(value):
    assert text.clean_name(value) == _reference_clean_name(value)
