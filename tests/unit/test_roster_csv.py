"""Registration lists in the shapes they really come in, and broken ones reported row by row."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.roster_csv import guess_mapping, parse_roster, read_table
from facilitator.errors import FacilitatorError
from facilitator.i18n import set_language

ENGLISH = (
    "Name,Title,Organization,Stakeholder group,Country,Gender,Email,Attended\n"
    "Jorge Gonzalez-Mayagoitia,First Secretary,Permanent Mission of Mexico,Member State,"
    "Mexico,M,jorge@example.org,yes\n"
    '"Weerasinghe, Sanjula",Coordinator,IFRC,International organization,,F,,no\n'
)


def names(result):
    return [r.participant.name for r in result.rows]


def test_english_list_with_comma_reads_every_field():
    result = parse_roster(ENGLISH.encode())
    assert names(result) == ["Jorge Gonzalez-Mayagoitia", "Weerasinghe, Sanjula"]
    jorge = result.rows[0]
    assert jorge.participant.stakeholder_group == "member_state"
    assert jorge.participant.gender == "male"
    assert jorge.participant.email == "jorge@example.org"
    assert jorge.attended is True and result.rows[1].attended is False
    assert result.rows[1].participant.stakeholder_group == "international_org"
    assert result.problems == []


def test_excel_csv_utf8_with_bom_and_semicolons_in_french():
    text = (
        "Prénom;Nom;Fonction;Organisation;Catégorie;Pays;Sexe;Courriel;Présent\n"
        "Amélie;Dupont;Directrice;Croix-Rouge;Société civile;France;Femme;a@croix.fr;oui\n"
    )
    result = parse_roster(b"\xef\xbb\xbf" + text.encode("utf-8"))
    person = result.rows[0].participant
    assert person.name == "Amélie Dupont"  # "Nom" beside "Prénom" is the surname
    assert (person.title, person.organisation) == ("Directrice", "Croix-Rouge")
    assert (person.stakeholder_group, person.gender, person.country) == (
        "civil_society",
        "female",
        "France",
    )
    assert result.rows[0].attended is True


def test_spanish_arabic_and_russian_headers():
    spanish = "Nombre;Apellidos;Cargo;Organización;País;Género\nAna;López;Jefa;ONG X;Chile;Mujer\n"
    arabic = "الاسم,المنصب,المنظمة,الفئة,البلد,الجنس\nأحمد علي,مدير,الهلال الأحمر,المجتمع المدني,تونس,ذكر\n"
    russian = "ФИО;Должность;Организация;Страна;Пол\nИванова Мария;Эксперт;МОМ;Казахстан;Ж\n"
    ana = parse_roster(spanish.encode()).rows[0].participant
    assert (ana.name, ana.title, ana.gender) == ("Ana López", "Jefa", "female")
    ahmed = parse_roster(arabic.encode()).rows[0].participant
    assert (ahmed.name, ahmed.stakeholder_group, ahmed.gender) == (
        "أحمد علي",
        "civil_society",
        "male",
    )
    maria = parse_roster(russian.encode()).rows[0].participant
    assert (maria.name, maria.country, maria.gender) == ("Иванова Мария", "Казахстан", "female")


def test_utf16_unicode_text_from_excel_is_read():
    data = "Name\tCountry\nLi Wei\tChina\n".encode("utf-16")
    assert names(parse_roster(data)) == ["Li Wei"]


def test_bad_rows_are_reported_with_line_and_reason_and_the_rest_imports():
    text = (
        "Name,Organization,Email,Stakeholder group\n"
        ",Nobody,x@y.org,\n"  # line 2: no name
        "Ana,Org,not-an-email,Astronauts\n"  # line 3: imported, e-mail dropped, group Other
        "Ana,Org,,\n"  # line 4: same person as line 3
        "Bob,Org,b@o.org,,extra,cells\n"  # line 5: too many cells
        '"Multi\nline",Org,m@o.org,\n'  # lines 6-7: a quoted line break is one row
        "Zoe,Org,z@o.org,NGO\n"
    )
    result = parse_roster(text.encode())
    assert names(result) == ["Ana", "Multi line", "Zoe"]
    assert result.rows[0].participant.email == ""
    assert result.rows[0].participant.stakeholder_group == "other"
    assert result.rows[2].participant.stakeholder_group == "civil_society"
    lines = sorted((p.line, p.skipped) for p in result.problems)
    assert lines == [(2, True), (3, False), (3, False), (4, True), (5, True)]
    messages = [p.message() for p in result.problems]
    assert any(m.startswith("Line 2: no name") for m in messages)
    assert any("same person as line 3" in m for m in messages)


def test_problem_messages_follow_the_interface_language():
    result = parse_roster(b"Name,Email\n,a@b.org\n")
    english = result.problems[0].message()
    set_language("fr")
    try:
        french = result.problems[0].message()
    finally:
        set_language("en")
    assert english.startswith("Line 2")
    assert "2" in french


def test_unclosed_quote_reports_where_reading_stopped():
    result = parse_roster(b'Name,Country\nAna,Chile\n"Bob,Peru\nCarl,Cuba\n')
    assert names(result) == ["Ana"]
    assert result.problems[-1].line == 3
    assert "quotation mark" in result.problems[-1].message()


def test_files_that_are_not_lists_get_one_clear_error():
    with pytest.raises(FacilitatorError, match="empty"):
        read_table(b"\n\n")
    with pytest.raises(FacilitatorError, match="Line 2 cannot be read as UTF-8"):
        read_table("Name\nJosé\n".encode("latin-1"), "utf-8")
    with pytest.raises(FacilitatorError, match="names"):
        parse_roster(b"Colour,Size\nred,L\n")


def test_a_column_chosen_in_the_dialog_overrides_the_guess():
    table = read_table(b"Delegate,Place\nAna,Chile\n")
    assert guess_mapping(table.headers) == {}
    result = parse_roster(b"Delegate,Place\nAna,Chile\n", {0: "name", 1: "country"})
    assert (result.rows[0].participant.name, result.rows[0].participant.country) == (
        "Ana",
        "Chile",
    )


def test_names_are_cleaned_of_invisible_characters():
    result = parse_roster("Name\n\u202eAli\u200b Khan\n".encode())
    assert names(result) == ["Ali Khan"]


cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@given(st.lists(st.lists(cell, min_size=3, max_size=3), max_size=8), st.sampled_from([",", ";"]))
def test_any_list_written_by_a_csv_writer_reads_back_or_reports(rows, delimiter):
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(["Name", "Country", "Email"])
    writer.writerows(rows)
    try:
        result = parse_roster(buf.getvalue().encode("utf-8"))
    except FacilitatorError:
        return  # one clear line (e.g. a list that is empty once blank rows are dropped)
    read = len(result.rows) + sum(p.skipped for p in result.problems)
    assert read <= len(rows)
    for row in result.rows:
        assert row.participant.name and row.participant.name == row.participant.name.strip()
