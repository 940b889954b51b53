"""Issue 14: no hidden name in any byte of any export. One test per leak the issue lists,
each on the unpacked bytes (DOCX and XLSX unzipped, PDF streams decompressed, PDF Info and
XMP, the tables of a redacted file), in every language."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from name_forms import written
from privacy_data import HIDDEN, series
from privacy_scan import leaks

from facilitator import __version__
from facilitator.app import file_ops
from facilitator.domain import model as m
from facilitator.domain.speakers import QueueEntry, floor_payload
from facilitator.exports import json_series, registry
from facilitator.exports.privacy import private_report, redact_report
from facilitator.exports.report_docx import render_docx
from facilitator.exports.report_pdf import render_pdf

LANGS = ("en", "fr", "es", "ar", "ru")
REPORTS = ("pdf", "docx", "md")
SHARED = sorted(set(registry.FORMATS) - {"json"})


def export(tmp_path, fmt: str, content: m.SeriesContent, lang: str):
    out = tmp_path / f"{fmt}-{lang}{registry.FORMATS[fmt].suffix}"
    return registry.export(fmt, content, out, lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", REPORTS)
def test_agenda_title_with_a_name_is_not_in_the_planned_versus_actual_chart(tmp_path, fmt, lang):
    content = series(chatham=True)
    report = private_report(content, lang)
    charts = [b.chart for b in report.blocks if b.chart is not None]
    agenda = next(c for c in charts if c.kind == "agenda_time")
    assert agenda.categories == ["Opening", "Testimony - […]"]
    assert leaks(export(tmp_path, fmt, content, lang), ["Salomon Ezehi"]) == []


@pytest.mark.parametrize("lang", ("en", "ar"))
def test_session_title_with_a_name_is_not_in_the_pdf_title_nor_docx_core(tmp_path, lang):
    content = series(title="Hearing of Amina Diallo")
    pdf = export(tmp_path, "pdf", content, lang)[0]
    docx = export(tmp_path, "docx", content, lang)[0]
    core = zipfile.ZipFile(docx).read("docProps/core.xml").decode()
    assert "<dc:title>Hearing of […]</dc:title>" in core
    assert leaks([pdf, docx], ["Amina Diallo"]) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", SHARED)
def test_surnames_written_the_usual_way_are_replaced(tmp_path, fmt, lang):
    """ "Ms. Diallo called for…", "As Kuznetsova put it", "Ezehi asked", "طالبت حداد"."""
    paths = export(tmp_path, fmt, series(), lang)
    assert leaks(paths, HIDDEN) == []


@pytest.mark.parametrize("fmt", SHARED)
def test_affiliations_are_hidden_under_the_rule(tmp_path, fmt):
    content = series(chatham=True)
    content.sessions[0].takeaways[0].text = "Ruritania and the Ezehi Foundation called for data"
    paths = export(tmp_path, fmt, content, "en")
    assert leaks(paths, [*HIDDEN, "Ruritania", "Ezehi Foundation"]) == []


def _floor(doc: dict) -> dict:
    log = doc["series"]["sessions"][0]["timer_log"]
    return json.loads(next(e for e in log if e["action"] == "floor")["payload"])


@pytest.mark.parametrize("chatham", [False, True])
def test_floor_records_are_redacted_in_every_redacted_output(tmp_path, chatham):
    content = series(chatham=chatham)
    shared = export(tmp_path, "json-shared", content, "en")[0]
    doc = json.loads(shared.read_text(encoding="utf-8"))
    people = doc["series"]["participants"]
    assert people[1]["name"] == "#2"
    assert _floor(doc)["speaker"] == ("" if chatham else "#2")
    copy = export(tmp_path, "redacted", content, "en")[0]
    assert leaks([shared, copy], HIDDEN) == []


def test_the_json_says_whether_it_is_the_archive_or_a_shareable_copy(tmp_path, capsys):
    content = series()
    archive = json.loads(export(tmp_path, "json", content, "en")[0].read_text(encoding="utf-8"))
    assert archive["personal_data"] == "full" and "redaction" not in archive
    assert archive["series"]["participants"][1]["name"] == "Amina Diallo"
    assert _floor(archive)["speaker"] == "Amina Diallo"
    shared_path = export(tmp_path, "json-shared", content, "en")[0]
    shared = json.loads(shared_path.read_text(encoding="utf-8"))
    assert shared["personal_data"] == "redacted"
    assert shared["redaction"]["participant_placeholder"] == "#{number}"
    assert json_series.loads(shared_path.read_text(encoding="utf-8")).participants[0].name == "#1"
    notice = file_ops.redaction_notice(shared_path)
    assert notice and "#1" in notice and "placeholders" in notice
    assert file_ops.redaction_notice(tmp_path / "json-en.json") is None


def test_the_json_format_documents_both_kinds():
    from pathlib import Path

    text = (Path(__file__).parents[1] / "docs" / "json-format.md").read_text(encoding="utf-8")
    assert "`personal_data`" in text and "`redaction`" in text and "*v3*" in text


def test_a_document_with_an_unknown_kind_is_refused():
    doc = json_series.series_to_json(series())
    doc["personal_data"] = "some"
    with pytest.raises(json_series.JsonFormatError, match="personal_data"):
        json_series.series_from_json(doc)


NOW = dt.datetime(2026, 5, 4, 9, 30, 15, tzinfo=dt.UTC)


def test_document_properties_carry_the_export_time_and_this_application(tmp_path):
    report = private_report(series(title="Hearing of Amina Diallo"), "fr", now=NOW)
    docx = tmp_path / "r.docx"
    docx.write_bytes(render_docx(report))
    with zipfile.ZipFile(docx) as z:
        core, app = z.read("docProps/core.xml").decode(), z.read("docProps/app.xml").decode()
        names = z.namelist()
    assert "python-docx" not in core and "2013" not in core
    assert f"<dc:creator>Facilitator {__version__}</dc:creator>" in core
    assert "2026-05-04T09:30:15Z" in core
    assert f"<Application>Facilitator {__version__}</Application>" in app
    assert "Microsoft" not in app and not any("thumbnail" in n for n in names)
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_pdf(report))
    raw = pdf.read_bytes()
    assert b"anonymous" not in raw and b"www.reportlab.com" not in raw
    assert b"(Hearing of " in raw and b"D:20260504093015+00'00'" in raw
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    for key in ("Author", "Creator", "Producer"):
        assert f"{key}: Facilitator {__version__}".split() == next(
            line.split() for line in info.splitlines() if line.startswith(key + ":")
        )


def test_xlsx_properties_are_not_openpyxl_s(tmp_path):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    path = export(tmp_path, "xlsx", series(), "en")[0]
    with zipfile.ZipFile(path) as z:
        core, app = z.read("docProps/core.xml").decode(), z.read("docProps/app.xml").decode()
    assert "openpyxl" not in (core + app).lower()
    assert f"Facilitator {__version__}" in core and f"Facilitator {__version__}" in app
    created = core.split("<dcterms:created")[1].split(">")[1].split("<")[0]
    assert dt.datetime.fromisoformat(created.rstrip("Z")) >= before


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(w=written(sentinel=True), lang=st.sampled_from(LANGS), chatham=st.booleans())
def test_no_form_of_a_hidden_name_in_any_byte_of_any_shared_format(tmp_path, w, lang, chatham):
    content = series(chatham=chatham, title=f"Hearing {w.form}")
    person = content.participants[3]
    person.name = w.name
    sc = content.sessions[0]
    sc.agenda[1].title = f"Testimony - {w.form}"
    sc.interventions[3].notes = sc.points[3].text = f"{w.form} called for data"
    sc.takeaways[3].text = f"As {w.form} put it"
    sc.timer_log[2].payload = floor_payload(QueueEntry(w.form, person.id), None)
    out = tmp_path / f"{len(list(tmp_path.iterdir()))}"
    out.mkdir()
    paths = [p for fmt in SHARED for p in export(out, fmt, content, lang)]
    assert leaks(paths, [w.name]) == []


def test_the_last_pass_covers_every_text_of_the_report_model():
    """Whatever a section of the report takes a text from, the writers see it redacted."""
    from facilitator.exports.redact import scrubber_for
    from facilitator.exports.report_figures import Chart
    from facilitator.exports.report_model import Block, Report

    chart = Chart(
        "agenda_time", "Minutes of Ms. Diallo", ["EZEHI's item"], [("Diallo", [1.0])], "Ezehi"
    )
    report = Report(
        "en",
        "Hearing Kuznetsova",
        [Block("heading", "Ezehi"), Block("bullet", "طالبت حداد"), Block("chart", chart=chart)],
    )
    redact_report(report, scrubber_for(series()))
    assert report.title == "Hearing […]"
    assert [b.text for b in report.blocks[:2]] == ["[…]", "طالبت […]"]
    assert (chart.title, chart.categories, chart.series[0][0], chart.unit) == (
        "Minutes of […]",
        ["[…]'s item"],
        "[…]",
        "[…]",
    )
