"""Under the Chatham House Rule no export attributes a statement to a person or a named
delegation: a participant who did not agree to be named appears nowhere, in any format, not
in the bytes and not in the text a reader extracts; statements carry a stakeholder group only."""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile

import pytest
from report_checks import pdf_text
from report_data import HIDDEN_EMAIL, HIDDEN_NAME, NAMED_SPEAKER, build_series

from facilitator.exports import registry

SECRETS = (HIDDEN_NAME, HIDDEN_EMAIL, "Secret Title", "Mission of Hidden")
# Every format that leaves the team; "json" is the full archive, with personal data by design.
SHARED = sorted(set(registry.FORMATS) - {"json"})


def readable_forms(path) -> list[str]:
    """Everything a person or a program could read out of an exported file."""
    raw = path.read_bytes()
    forms = [raw.decode("utf-8", "replace"), raw.decode("latin-1")]
    if zipfile.is_zipfile(path):  # DOCX, XLSX: the XML inside
        with zipfile.ZipFile(path) as archive:
            forms += [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
    if path.suffix == ".pdf":
        forms.append(pdf_text(path))
    if path.suffix == ".facilitator":
        conn = sqlite3.connect(path)
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            forms += [repr(row) for row in conn.execute(f"SELECT * FROM [{table}]")]
        conn.close()
    return forms


@pytest.mark.parametrize("fmt", SHARED)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_hidden_name_in_any_export(tmp_path, fmt, lang):
    content = build_series(chatham=True, interventions=6)
    out = tmp_path / f"export{registry.FORMATS[fmt].suffix}"
    for path in registry.export(fmt, content, out, lang):
        for form in readable_forms(path):
            for secret in SECRETS:
                assert secret.casefold() not in form.casefold(), f"{secret} in {path.name}"


@pytest.mark.parametrize("fmt", ["pdf", "docx", "md"])
def test_reports_name_nobody_under_the_rule_and_who_agreed_in_an_open_session(tmp_path, fmt):
    """The Rule covers every participant's identity, as the Overview's check box says
    ("name no speaker and no delegation"): consent to be named is for open sessions."""
    closed, open_ = tmp_path / f"closed.{fmt}", tmp_path / f"open.{fmt}"
    registry.export(fmt, build_series(chatham=True), closed, "en")
    registry.export(fmt, build_series(chatham=False), open_, "en")
    assert not any(NAMED_SPEAKER in form for form in readable_forms(closed))
    assert any(NAMED_SPEAKER in form for form in readable_forms(open_))


def test_statements_carry_a_group_not_a_person_or_country(tmp_path):
    out = tmp_path / "data.csv"
    registry.export("csv", build_series(chatham=True, interventions=4), out, "en")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {r["Speaker"] for r in rows} == {""}
    assert {r["Country"] for r in rows} == {""}
    assert {r["Stakeholder group"] for r in rows} == {"Member State", "Civil society"}
    # Notes quoting a speaker lose the name, even of a speaker the report names.
    assert all(r["Notes"].startswith("[…] spoke about point") for r in rows)


def test_open_session_names_speakers_who_agreed(tmp_path):
    out = tmp_path / "data.csv"
    registry.export("csv", build_series(chatham=False, interventions=4), out, "en")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {r["Speaker"] for r in rows} == {"", NAMED_SPEAKER}  # the hidden one stays unnamed
