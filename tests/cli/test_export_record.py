"""`facilitator export` of a report notes it in the file (the calendar's "report exported"),
tables and archives do not, and a file the app holds open is exported but left untouched."""

from __future__ import annotations

import hashlib

from facilitator import settings
from facilitator.app import calendar, file_ops
from facilitator.app.document import Document
from facilitator.storage.instance_lock import InstanceLock


def states(path) -> dict[str, str]:
    doc = Document.open(path)
    try:
        return {row.title: row.state for row in calendar.rows(doc)}
    finally:
        doc.close()


def test_a_report_export_is_noted_for_its_sessions_only(demo_path, tmp_path):
    file_ops.export_path(demo_path, "csv", tmp_path / "t.csv", "en", session="2")
    file_ops.export_path(demo_path, "json", tmp_path / "t.json", "en")
    assert calendar.REPORTED not in states(demo_path).values()
    file_ops.export_path(demo_path, "pdf", tmp_path / "r.pdf", "fr", session="2")
    after = states(demo_path)
    assert after["Regional consultation: Africa"] == calendar.REPORTED
    assert list(after.values()).count(calendar.REPORTED) == 1


def test_a_file_open_in_the_app_is_exported_and_not_written(demo_path, tmp_path):
    lock = InstanceLock(settings.locks_dir(), demo_path)
    assert lock.acquire()
    try:
        before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
        [out] = file_ops.export_path(demo_path, "md", tmp_path / "r.md", "en")
        assert out.exists()
        assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    finally:
        lock.release()
