"""File format 3 (what preparing a session needs): format-2 files move forward with nothing lost,
a colleague's format-2 file still merges, and the new fields merge field by field."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

from merge_fixtures import T0, Wall, base_file, laptop, saved

from facilitator.domain import model as m
from facilitator.storage import open_file
from facilitator.storage import prepare_agenda as agenda
from facilitator.storage import prepare_sessions as sessions
from facilitator.storage import repository as repo
from facilitator.storage.conflicts import list_conflicts
from facilitator.storage.merge import merge
from facilitator.storage.schema import SCHEMA_VERSION

FIXTURE_V2 = Path(__file__).parents[1] / "fixtures" / "format2.facilitator"
SESSION_ID = "2a6f1c1e-0000-4000-8000-000000000004"
ITEM_ID = "2a6f1c1e-0000-4000-8000-000000000005"
TOPIC_ID = "2a6f1c1e-0000-4000-8000-000000000002"


def _copy(tmp_path: Path, name: str = "old.facilitator") -> Path:
    path = tmp_path / name
    shutil.copyfile(FIXTURE_V2, path)
    return path


def _only_item(base, tmp_path: Path) -> m.AgendaItem:
    probe = laptop(base, tmp_path, "probe")
    try:
        return repo.find(probe, m.AgendaItem)[0]
    finally:
        probe.close()


def test_a_format2_file_opens_with_everything_and_the_new_fields_at_their_defaults(tmp_path):
    path = _copy(tmp_path)
    original = hashlib.sha256(path.read_bytes()).hexdigest()
    db = open_file(path, device="d")
    try:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        content = repo.load_series(db)
        sc = content.sessions[0]
        session = sc.session
        assert session.title == "Introductory GCM Talk (missing migrants)"
        assert (session.registered, session.attended, session.cso) == (599, 368, 100)
        assert session.interpretation == ["en", "fr", "es"]
        assert session.short_label == "" and session.registration_url == ""
        assert session.report_exported_at == ""
        assert session.cso_qualifier == "exact"
        assert [a.title for a in sc.agenda] == ["Opening remarks", "Discussion"]
        assert all(a.warning_seconds is None for a in sc.agenda)
        assert content.topics[0].colour == "" and content.topics[0].description == ""
        assert sc.points[0].text == "Coordinate search mechanisms"
        # the new fields can be edited at once
        repo.update(db, m.Session, session.id, cso_qualifier="over", short_label="Intro")
        repo.update(db, m.AgendaItem, ITEM_ID, warning_seconds=60)
        assert repo.get(db, m.Session, session.id).cso_qualifier == "over"
        assert repo.get(db, m.AgendaItem, ITEM_ID).warning_seconds == 60
    finally:
        db.close()
    backup = tmp_path / "old.format2.backup.facilitator"
    assert hashlib.sha256(backup.read_bytes()).hexdigest() == original


def test_a_colleagues_format2_file_merges_without_undoing_edits_of_new_fields(tmp_path):
    ours = open_file(_copy(tmp_path, "ours.facilitator"), device="ours", wall=Wall(T0))
    repo.update(ours, m.Session, SESSION_ID, short_label="Intro talk", cso_qualifier="over")
    repo.update(ours, m.Topic, TOPIC_ID, colour="#1f77b4")
    # the colleague still runs the format-2 app and edits the title later than our edit
    theirs = _copy(tmp_path, "theirs.facilitator")
    conn = sqlite3.connect(theirs)
    later = f"{int((T0 + 60) * 1000):013d}.000000.colleague"
    conn.execute(
        "UPDATE session SET title = 'Renamed by a colleague', hlc = ?, device = 'colleague' "
        "WHERE id = ?",
        (later, SESSION_ID),
    )
    conn.commit()
    conn.close()

    report = merge(ours, theirs, now=T0 + 120)
    session = repo.get(ours, m.Session, SESSION_ID)
    assert session.title == "Renamed by a colleague"
    assert session.short_label == "Intro talk" and session.cso_qualifier == "over"
    assert repo.get(ours, m.Topic, TOPIC_ID).colour == "#1f77b4"
    assert report.conflicts == [] and list_conflicts(ours) == []
    # merging it again changes nothing
    again = merge(ours, theirs, now=T0 + 120)
    assert again.totals().changed == 0
    ours.close()


def test_two_organisers_edit_different_new_fields_and_both_edits_survive(tmp_path):
    base = base_file(tmp_path)
    item = _only_item(base, tmp_path)
    ana = laptop(base, tmp_path, "ana", Wall(T0))
    ben = laptop(base, tmp_path, "ben", Wall(T0 + 5))
    sessions.update_session(ana, base.session.id, short_label="Arab States 2024")
    sessions.update_session(ben, base.session.id, registration_url="https://example.org/r")
    agenda.edit_agenda_item(ana, item.id, warning_seconds=60)
    agenda.set_planned_minutes(ben, item.id, 50)
    merge(ana, saved(ben))

    session = repo.get(ana, m.Session, base.session.id)
    assert session.short_label == "Arab States 2024"
    assert session.registration_url == "https://example.org/r"
    merged_item = repo.get(ana, m.AgendaItem, item.id)
    assert (merged_item.warning_seconds, merged_item.planned_minutes) == (60, 50)
    assert list_conflicts(ana) == []


def test_two_organisers_edit_the_same_new_field_and_the_newer_edit_wins(tmp_path):
    base = base_file(tmp_path)
    item = _only_item(base, tmp_path)
    ana = laptop(base, tmp_path, "ana", Wall(T0 + 10))  # edited later
    ben = laptop(base, tmp_path, "ben", Wall(T0))
    sessions.update_session(ana, base.session.id, short_label="Ana's label")
    sessions.update_session(ben, base.session.id, short_label="Ben's label")
    agenda.edit_agenda_item(ana, item.id, warning_seconds=90)
    agenda.edit_agenda_item(ben, item.id, warning_seconds=30)
    ben_path = saved(ben)
    merge(ana, ben_path)
    assert repo.get(ana, m.Session, base.session.id).short_label == "Ana's label"
    assert repo.get(ana, m.AgendaItem, item.id).warning_seconds == 90
    lost = {(c.field, c.lost_value) for c in list_conflicts(ana)}
    assert ("short_label", "Ben's label") in lost  # kept for review, not silently dropped
    # the other way round gives the same result
    ana_path = saved(ana)
    ben = open_file(ben_path, device="ben", wall=Wall(T0))
    merge(ben, ana_path)
    assert repo.get(ben, m.Session, base.session.id).short_label == "Ana's label"
    assert repo.get(ben, m.AgendaItem, item.id).warning_seconds == 90
    ben.close()
