"""People who spoke took part: a new file from the gcm-talk template, one person registered on
the Participants page (never ticked "attended"), seven speakers logged on the Notes page (new
names typed on the fly, as the form makes them, and the registered one), then the report and
the Participants page's figures count the seven as participants."""

from __future__ import annotations

import pytest

from facilitator.app import exports, file_ops
from facilitator.app import participants as people_app
from facilitator.app.document import Document
from facilitator.app.notes import SaveEntry
from facilitator.domain import model as m
from facilitator.domain.entry import Entry
from facilitator.exports.report_model import build_report
from facilitator.storage import open_file
from facilitator.storage import repository as repo

NEW_NAMES = ["Amina Diallo", "Carlos Ruiz", "Fatima Zahra", "Ivan Petrov", "Li Wei", "Sara Haddad"]


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "talk.facilitator"
    file_ops.new_from_template(path, "gcm-talk")
    db = open_file(path, device="test")
    yield Document(db)
    db.close()


def log(doc: Document, session: m.Session, participant_id=None, name="") -> None:
    """What the Notes page's Ctrl+Return hands to the app layer (NotesPage.save)."""
    entry = Entry(
        session_id=session.id,
        participant_id=participant_id,
        speaker_text=name,
        notes=f"{name or 'The registered one'} spoke.",
        started_at="2023-03-23T14:10:00Z",
    )
    new = None
    if not participant_id:  # NotesForm.new_speaker: a name typed on the fly
        new = m.Participant(series_id=session.series_id, name=name, stakeholder_group="other")
    step = SaveEntry(doc, entry, new_speaker=new)
    doc.run(step, undo=step)


def participants_lines(doc: Document) -> list[str]:
    report = build_report(exports.read_series(doc), "en")
    return [b.text for b in report.blocks if b.section == "participants" and b.kind == "bullet"]


def test_seven_people_who_spoke_are_seven_participants(doc):
    session = repo.find(doc.db, m.Session)[0]
    person = m.Participant(series_id=session.series_id, name="")
    step = people_app.save_participant(
        doc,
        person,
        {"name": "Registered Delegate", "stakeholder_group": "member_state", "country": "Chile"},
        new=True,
        session_id=session.id,
        registration=(True, False, "participant"),  # registered, never ticked "attended"
    )
    doc.run(step.operation, undo=step)
    log(doc, session, participant_id=person.id)
    for name in NEW_NAMES:
        log(doc, session, name=name)
    log(doc, session, name=NEW_NAMES[0])  # typed again: a second participant of that name
    lines = participants_lines(doc)
    assert "Registered participants: 8" in lines
    assert any(line.startswith("Participants: 8") for line in lines), lines
    figures = people_app.figures(doc, session.series_id, session.id)  # the Participants page
    assert (figures.registered, figures.attended) == (8, 8)


def test_speakers_without_any_registration_still_give_figures(doc):
    session = repo.find(doc.db, m.Session)[0]
    for name in NEW_NAMES[:3]:
        log(doc, session, name=name)
    lines = participants_lines(doc)
    assert "Participants: 3" in lines, lines
