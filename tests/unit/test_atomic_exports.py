"""Exports stream into a temporary file beside the target and replace it at the end: a writer
that fails halfway leaves the file that was there byte for byte, and nothing else."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import pytest
from report_data import build_series

from facilitator import __version__
from facilitator.errors import FacilitatorError
from facilitator.exports import registry, tables, xlsx_layout
from facilitator.exports.atomic import atomic_file
from facilitator.exports.doc_properties import now_meta

OLD = b"the report that was there before"


def _fail_after_writing(monkeypatch, fmt: str) -> None:
    """Make the writer of `fmt` fail after it has written part of its output."""
    error = OSError(28, "No space left on device")
    if fmt == "xlsx":

        def writestr(self, name, data, *args, **kwargs):
            if getattr(name, "filename", name) == "xl/styles.xml":  # after the sheets
                raise error
            return zipfile.ZipFile.writestr(self, name, data, *args, **kwargs)

        monkeypatch.setattr(xlsx_layout._Archive, "writestr", writestr)
        return
    if fmt == "pdf":
        from reportlab.pdfbase import pdfdoc

        real = pdfdoc.PDFDocument.GetPDFData

        def data(self, canvas):
            real(self, canvas)
            raise error

        monkeypatch.setattr(pdfdoc.PDFDocument, "GetPDFData", data)
        return
    from docx.opc import phys_pkg

    def write(self, pack_uri, blob):
        if pack_uri.endswith("document.xml"):
            self._zipf.fp = None  # python-docx never closes it after a failure: not at exit
            raise error
        self._zipf.writestr(pack_uri.membername, blob)

    monkeypatch.setattr(phys_pkg._ZipPkgWriter, "write", write)


@pytest.mark.parametrize("fmt", ["xlsx", "pdf", "docx"])
def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, fmt):
    target = tmp_path / f"out.{fmt}"
    target.write_bytes(OLD)
    _fail_after_writing(monkeypatch, fmt)
    with pytest.raises(FacilitatorError, match="No space left on device"):
        registry.export(fmt, build_series(interventions=5), target, "en")
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize("fmt", ["xlsx", "pdf", "docx"])
def test_an_export_replaces_the_old_file_with_a_whole_one(tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    target.write_bytes(OLD)
    registry.export(fmt, build_series(interventions=5), target, "ar")
    data = target.read_bytes()
    assert data.startswith(b"%PDF" if fmt == "pdf" else b"PK")
    if fmt != "pdf":
        assert zipfile.ZipFile(target).testzip() is None
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_bug_in_a_writer_is_not_reported_as_a_file_error_and_leaves_nothing(tmp_path):
    target = tmp_path / "out.xlsx"
    with pytest.raises(ZeroDivisionError), atomic_file(target) as out:
        out.write(b"half")
        1 / 0  # noqa: B018
    assert list(tmp_path.iterdir()) == []


def test_xlsx_times_are_the_export_s_and_its_application_this_one(tmp_path):
    moment = dt.datetime(2026, 5, 4, 9, 30, 15, 123, tzinfo=dt.UTC)
    built = tables.build_tables(build_series(interventions=3), "en")
    with atomic_file(tmp_path / "t.xlsx") as out:
        tables.write_xlsx(built, out, meta=now_meta("Title", "Subject", "en", moment))
    with zipfile.ZipFile(tmp_path / "t.xlsx") as z:
        core, app = z.read("docProps/core.xml").decode(), z.read("docProps/app.xml").decode()
        assert [n for n in z.namelist() if n == "docProps/app.xml"] == ["docProps/app.xml"]
    stamps = dict(re.findall(r"<dcterms:(created|modified)[^>]*>([^<]*)<", core))
    assert stamps == {"created": "2026-05-04T09:30:15Z", "modified": "2026-05-04T09:30:15Z"}
    assert f"<Application>Facilitator {__version__}</Application>" in app
    assert "openpyxl" not in (core + app).lower()
