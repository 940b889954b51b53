"""Preparing a session from the concept note: every edit is checked, saved in one go (or not at
all, with one line that says what to fix) and reports what changed."""

from __future__ import annotations

import pytest

from facilitator.domain import model as m
from facilitator.domain.agenda_paste import parse_agenda, parse_questions
from facilitator.errors import FacilitatorError
from facilitator.i18n import set_language
from facilitator.storage import create_file
from facilitator.storage import prepare_agenda as agenda
from facilitator.storage import prepare_sessions as sessions
from facilitator.storage import repository as repo
from facilitator.storage.merge import synced_content


@pytest.fixture
def db(tmp_path):
    db = create_file(tmp_path / "prep.facilitator", device="organiser")
    series = m.Series("GCM Talks 2023")
    session = m.Session(series.id, "Introductory GCM Talk", date="2023-03-23", start_time="15:00")
    repo.insert_all(db, [series, session])
    db.series, db.session = series, session
    yield db
    db.close()


def only(keys):
    [(kind, record_id)] = keys
    return kind, record_id


def refused(db, call, *words):
    before = synced_content(db)
    with pytest.raises(FacilitatorError) as info:
        call()
    message = str(info.value)
    assert "\n" not in message
    for word in words:
        assert word in message
    assert synced_content(db) == before, "nothing may be saved half-way"
    return message


# --- session details --------------------------------------------------------------------------


def test_session_details_from_the_seeds_are_saved(db):
    changes = sessions.update_session(
        db,
        db.session.id,
        short_label="Intro",
        format="hybrid",
        venue="IOM headquarters (Geneva)",
        interpretation=["EN", "fr", "es", "az", "fr"],
        cso=100,
        cso_qualifier="over",
        registration_url="https://www.un.org/register",
        chatham_house=True,
    )
    assert changes.changed == {("session", db.session.id)} and not changes.added
    s = repo.get(db, m.Session, db.session.id)
    assert s.interpretation == ["en", "fr", "es", "az"]  # Azerbaijani, as in the calendar
    assert (s.cso, s.cso_qualifier, s.short_label) == (100, "over", "Intro")
    assert s.title == "Introductory GCM Talk"  # the published title is untouched


def test_an_edit_that_changes_nothing_reports_nothing(db):
    assert not sessions.update_session(db, db.session.id, title=" Introductory GCM Talk ")


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"title": "   "}, ["Title"]),
        ({"date": "23/03/2023"}, ["Date", "YYYY-MM-DD"]),
        ({"start_time": "3pm"}, ["Start time", "HH:MM"]),
        ({"timezone": "CET+1"}, ["Time zone"]),
        ({"interpretation": ["english"]}, ["Interpretation", "english"]),
        ({"audience": "custom"}, ["Audience"]),
        ({"cso": -1}, ["Civil society"]),
        ({"cso_qualifier": "roughly"}, ["Civil society"]),
        ({"registration_url": "www.example.org"}, ["Registration link", "https://"]),
        ({"gcm_objectives": [24]}, ["GCM objectives", "23"]),
        ({"venue": "Geneva", "warning_seconds": -5}, ["Warning"]),
    ],
)
def test_wrong_values_are_refused_with_one_line_and_nothing_is_saved(db, changes, words):
    refused(db, lambda: sessions.update_session(db, db.session.id, **changes), *words)


def test_a_custom_audience_needs_its_words(db):
    sessions.update_session(
        db, db.session.id, audience="custom", audience_custom="Mayors of border towns"
    )
    s = repo.get(db, m.Session, db.session.id)
    assert (s.audience, s.audience_custom) == ("custom", "Mayors of border towns")


def test_the_message_is_in_the_interface_language(db):
    set_language("fr")
    message = refused(db, lambda: sessions.update_session(db, db.session.id, date="demain"))
    assert message.startswith("Date : ") and "AAAA-MM-JJ" in message
    assert "type it as" not in message


# --- sessions of the series ---------------------------------------------------------------------


def test_add_duplicate_delete_restore_and_reorder_sessions(db):
    added = sessions.add_session(db, db.series.id, "Arab States", date="2024-02-01")
    _, arab_id = only(added.added)
    agenda.add_agenda_item(db, db.session.id, "Opening remarks", 10, kind="opening")
    agenda.add_question(db, db.session.id, "What are the main challenges?")
    repo.insert(db, m.Intervention(db.session.id, notes="said in the session"))
    sessions.update_session(db, db.session.id, cso=100, cso_qualifier="over")

    copy = sessions.duplicate_session(db, db.session.id)
    copy_id = next(iter(copy.ids("session") & {k[1] for k in copy.added}))
    assert {k for k, _ in copy.added} == {"session", "agenda_item", "guiding_question"}
    duplicate = repo.get(db, m.Session, copy_id)
    assert duplicate.title == "Introductory GCM Talk (copy)"
    assert (
        duplicate.date == "2023-03-23" and duplicate.cso is None
    )  # figures belong to the held one
    content = repo.session_content(db, duplicate)
    assert [a.title for a in content.agenda] == ["Opening remarks"]
    assert [q.text for q in content.questions] == ["What are the main challenges?"]
    assert content.interventions == [] and content.timer_log == []
    order = [s.id for s in sessions.sessions(db, db.series.id)]
    assert order == [db.session.id, copy_id, arab_id]  # the copy sits after its original

    deleted = sessions.delete_session(db, copy_id)
    assert ("session", copy_id) in deleted.deleted
    assert [s.id for s in sessions.sessions(db, db.series.id)] == [db.session.id, arab_id]
    restored = sessions.restore_session(db, copy_id)
    assert ("session", copy_id) in restored.added
    assert len(repo.session_content(db, repo.get(db, m.Session, copy_id)).agenda) == 1

    sessions.reorder_sessions(db, db.series.id, [arab_id, copy_id, db.session.id])
    assert [s.id for s in sessions.sessions(db, db.series.id)] == [arab_id, copy_id, db.session.id]
    refused(db, lambda: sessions.reorder_sessions(db, db.series.id, [arab_id]))


# --- agenda -------------------------------------------------------------------------------------


def titles(db):
    return [(a.title, a.planned_minutes) for a in agenda.agenda(db, db.session.id)]


def test_agenda_items_are_added_renamed_timed_moved_and_deleted(db):
    first = agenda.add_agenda_item(db, db.session.id, "Opening remarks", 10)
    _, opening = only(first.added)
    agenda.add_agenda_item(db, db.session.id, "Discussion", 50)
    inserted = agenda.add_agenda_item(db, db.session.id, "Setting the scene", 10, at=1)
    _, scene = only(inserted.added)
    assert titles(db) == [("Opening remarks", 10), ("Setting the scene", 10), ("Discussion", 50)]
    assert len(inserted.changed) == 1  # Discussion moved down one place

    assert agenda.rename_agenda_item(db, opening, "Welcome").changed == {("agenda_item", opening)}
    agenda.set_planned_minutes(db, scene, 15)
    agenda.edit_agenda_item(db, scene, warning_seconds=60, kind="scene_setting")
    item = repo.get(db, m.AgendaItem, scene)
    assert (item.planned_minutes, item.warning_seconds, item.kind) == (15, 60, "scene_setting")

    ids = [a.id for a in agenda.agenda(db, db.session.id)]
    agenda.reorder_agenda(db, db.session.id, [ids[2], ids[0], ids[1]])
    assert [t for t, _ in titles(db)] == ["Discussion", "Welcome", "Setting the scene"]
    agenda.delete_agenda_item(db, opening)
    assert [a.position for a in agenda.agenda(db, db.session.id)] == [0, 1]
    agenda.restore_agenda_item(db, opening)
    assert "Welcome" in [t for t, _ in titles(db)]


@pytest.mark.parametrize("minutes", [0, 601, -3, 2.5, "10", True])
def test_planned_minutes_must_be_1_to_600(db, minutes):
    _, item = only(agenda.add_agenda_item(db, db.session.id, "Discussion", 50).added)
    refused(db, lambda: agenda.set_planned_minutes(db, item, minutes), "1", "600")


def test_an_item_with_notes_is_not_deleted(db):
    _, item = only(agenda.add_agenda_item(db, db.session.id, "Discussion", 50).added)
    repo.insert(db, m.Intervention(db.session.id, item, notes="a statement"))
    refused(db, lambda: agenda.delete_agenda_item(db, item), "Discussion")


def test_a_pasted_agenda_is_added_in_one_go_or_not_at_all(db):
    pasted = parse_agenda("10 minutes | Opening remarks\n50 minutes | Discussion\nA break\n")
    refused(db, lambda: agenda.add_parsed_agenda(db, db.session.id, pasted), "A break")
    changes = agenda.add_parsed_agenda(db, db.session.id, pasted[:2])
    assert len(changes.added) == 2
    assert titles(db) == [("Opening remarks", 10), ("Discussion", 50)]


# --- guiding questions and topics ---------------------------------------------------------------


def test_guiding_questions(db):
    pasted = parse_questions("1. What are the challenges?\n2. What works?\n")
    changes = agenda.add_questions(db, db.session.id, pasted)
    assert len(changes.added) == 2
    first, second = agenda.questions(db, db.session.id)
    agenda.edit_question(db, second.id, "Which practices work?")
    agenda.reorder_questions(db, db.session.id, [second.id, first.id])
    assert [q.text for q in agenda.questions(db, db.session.id)] == [
        "Which practices work?",
        "What are the challenges?",
    ]
    refused(db, lambda: agenda.edit_question(db, first.id, "  "), "Guiding question")
    agenda.delete_question(db, first.id)
    assert [q.position for q in agenda.questions(db, db.session.id)] == [0]


def test_topics_have_a_description_and_a_colour(db):
    _, topic = only(agenda.add_topic(db, db.series.id, "Missing migrants", colour="#1F77B4").added)
    agenda.add_topic(db, db.series.id, "Humanitarian assistance", at=0)
    agenda.edit_topic(db, topic, description="Search, identification, families")
    saved = repo.get(db, m.Topic, topic)
    assert (saved.colour, saved.description) == ("#1f77b4", "Search, identification, families")
    assert [t.name for t in agenda.topics(db, db.series.id)] == [
        "Humanitarian assistance",
        "Missing migrants",
    ]
    refused(db, lambda: agenda.edit_topic(db, topic, colour="blue"), "Colour", "#")
    repo.insert(db, m.Point(m.new_id(), "a point", topic_id=topic))
    refused(db, lambda: agenda.delete_topic(db, topic), "Missing migrants")
