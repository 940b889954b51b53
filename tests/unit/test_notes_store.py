"""Interventions and points: saved in one transaction, listed, filtered, searched, undone."""

from __future__ import annotations

import sqlite3

import pytest

from facilitator.app import notes
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.entry import Entry, EntryPoint, current_agenda_item
from facilitator.storage import notes_store as store
from facilitator.storage import repository as repo
from facilitator.storage.notes_search import fts_query


@pytest.fixture
def talk(demo_db):
    """The 23 March 2023 GCM Talk of the demo, with its topics."""
    series = repo.load_series(demo_db)
    return series.sessions[0], {t.name: t.id for t in series.topics}


def ids(rows):
    return [r.intervention.id for r in rows]


def find(db, session_id, **kw):
    return store.list_interventions(db, session_id, store.NotesFilter(**kw), 0, 1000)


def test_saving_an_entry_commits_intervention_points_and_new_speaker(demo_db, talk):
    sc, topics = talk
    entry = Entry(
        session_id=sc.session.id,
        stakeholder_group="member_state",
        country="Morocco",
        language="ar",
        agenda_item_id=sc.agenda[3].id,
        notes="Le Maroc a présenté son plan national.",
        points=[
            EntryPoint("Create safe spaces", "recommendation", topics["Humanitarian assistance"]),
            EntryPoint("   "),  # an empty point is not saved
        ],
    )
    speaker = m.Participant(sc.session.series_id, "Amina \u202eBen\u202c Ali")
    new_id = store.save_entry(demo_db, entry, new_speaker=speaker)
    assert not demo_db.conn.in_transaction
    row = find(demo_db, sc.session.id, participant_id=speaker.id)[0]
    assert row.intervention.id == new_id
    assert row.speaker == "Amina Ben Ali"  # bidi override stripped from the name
    assert [p.text for p in row.points] == ["Create safe spaces"]
    assert row.group == "member_state" and row.country == "Morocco"


def test_a_failed_save_leaves_nothing_behind(demo_db, talk):
    sc, _topics = talk
    before = store.count_interventions(demo_db, sc.session.id, store.NotesFilter())
    demo_db.conn.execute("PRAGMA query_only=ON")  # the file became read-only
    entry = Entry(session_id=sc.session.id, notes="lost?", points=[EntryPoint("p")])
    with pytest.raises(sqlite3.OperationalError) as caught:
        store.save_entry(demo_db, entry)
    assert "read-only" in store.describe_write_error(caught.value)
    demo_db.conn.execute("PRAGMA query_only=OFF")
    assert store.count_interventions(demo_db, sc.session.id, store.NotesFilter()) == before
    store.save_entry(demo_db, entry)  # and it can be saved again once writable
    assert store.count_interventions(demo_db, sc.session.id, store.NotesFilter()) == before + 1


def test_full_disk_gives_its_own_message(demo_db, talk):
    sc, _topics = talk
    pages = demo_db.conn.execute("PRAGMA page_count").fetchone()[0]
    demo_db.conn.execute(f"PRAGMA max_page_count={pages}")
    entry = Entry(session_id=sc.session.id, notes="x" * 200_000)
    with pytest.raises(sqlite3.OperationalError) as caught:
        store.save_entry(demo_db, entry)
    assert "disk is full" in store.describe_write_error(caught.value)


def test_filters_combine_agenda_speaker_group_topic_kind_and_question(demo_db, talk):
    sc, topics = talk
    everything = find(demo_db, sc.session.id)
    assert len(everything) == store.count_interventions(demo_db, sc.session.id, store.NotesFilter())
    discussion = find(demo_db, sc.session.id, agenda_item_id=sc.agenda[3].id)
    assert discussion and all(r.intervention.agenda_item_id == sc.agenda[3].id for r in discussion)
    states = find(demo_db, sc.session.id, stakeholder_group="member_state")
    assert states and all(r.group == "member_state" for r in states)
    missing = topics["Missing migrants"]
    challenges = find(demo_db, sc.session.id, topic_id=missing, kind="challenge")
    assert challenges
    for row in challenges:
        assert any(p.topic_id == missing and p.kind == "challenge" for p in row.points)
    question = sc.questions[0].id
    answering = find(demo_db, sc.session.id, question_id=question)
    assert answering and all(any(p.question_id == question for p in r.points) for r in answering)
    assert len(find(demo_db, sc.session.id, kind="pledge", stakeholder_group="youth")) <= 1


def test_listing_is_newest_first_and_pages_do_not_overlap(demo_db, talk):
    sc, _topics = talk
    flt = store.NotesFilter()
    first = store.list_interventions(demo_db, sc.session.id, flt, 0, 10)
    second = store.list_interventions(demo_db, sc.session.id, flt, 10, 10)
    starts = [r.intervention.started_at for r in first + second]
    assert starts == sorted(starts, reverse=True)
    assert not set(ids(first)) & set(ids(second))


@pytest.mark.parametrize(
    "notes, query",
    [
        ("Les migrants disparus à la frontière", "DISPARUS"),
        ("Mesa de Búsqueda para migrantes", "busqueda"),
        ("Пропавшие МИГРАНТЫ в пустыне", "мигранты"),
        ("Пропавшие мигранты в пустыне", "пропав"),  # prefix while typing
        ("دعم أسر المهاجرين المفقودين", "المهاجرين"),
        ("دعم أسر المهاجرين المفقودين", "مهاجرين"),  # without the glued article
        ("حماية الأطفال في الصحراء", "اطفال"),  # alef typed without hamza
        ("Mixed: المفقودين and Mexico", "mexico المفقودين"),
    ],
)
def test_full_text_search_finds_words_in_any_script(demo_db, talk, notes, query):
    sc, _topics = talk
    target = store.save_entry(demo_db, Entry(session_id=sc.session.id, notes=notes))
    assert target in ids(find(demo_db, sc.session.id, text=query))


def test_search_also_looks_into_points_and_ignores_fts_syntax(demo_db, talk):
    sc, _topics = talk
    entry = Entry(session_id=sc.session.id, notes="short", points=[EntryPoint("Гуманитарный")])
    target = store.save_entry(demo_db, entry)
    assert ids(find(demo_db, sc.session.id, text="гуманитар")) == [target]
    for nasty in ['"', "NEAR(", "AND OR NOT", "*", "a:b", "(((", "'; DROP TABLE point; --"]:
        find(demo_db, sc.session.id, text=nasty)  # never an FTS syntax error
    assert fts_query("  ,;  ") is None
    assert find(demo_db, sc.session.id, text=" ,; ") == []


def test_edit_writes_only_what_changed_and_keeps_the_timer_end_time(demo_db, talk):
    sc, _topics = talk
    floor = m.Intervention(sc.session.id, started_at="2023-03-23T15:00:00.000Z")
    repo.insert(demo_db, floor)
    base = store.load_entry(demo_db, floor.id)
    edited = store.load_entry(demo_db, floor.id)
    edited.notes = "Filled in by the note-taker"
    edited.points = [EntryPoint("A point")]
    # meanwhile the moderator's timer closes the turn
    repo.update(demo_db, m.Intervention, floor.id, ended_at="2023-03-23T15:03:00.000Z")
    store.save_entry(demo_db, edited, base=base)
    saved = store.load_entry(demo_db, floor.id)
    assert saved.notes == "Filled in by the note-taker"
    assert saved.ended_at == "2023-03-23T15:03:00.000Z"
    assert [p.text for p in saved.points] == ["A point"]


def test_undo_and_redo_of_save_edit_and_delete(demo_db, talk):
    """The steps of app.notes on the document's history, each saying what it changed."""
    sc, _topics = talk
    doc = Document(demo_db)
    history = doc.history
    entry = Entry(session_id=sc.session.id, notes="first", points=[EntryPoint("one")])
    save = notes.SaveEntry(doc, entry)
    changes = doc.run(save, undo=save)
    new_id = save.intervention_id
    assert ("intervention", new_id) in changes.added
    assert ("point", entry.points[0].id) in changes.added
    base = store.load_entry(demo_db, new_id)
    after = store.load_entry(demo_db, new_id)
    after.notes = "second"
    after.points = [EntryPoint("two")]
    edit = notes.SaveEntry(doc, after, base=base)
    changes = doc.run(edit, undo=edit)
    assert ("intervention", new_id) in changes.changed
    assert ("point", base.points[0].id) in changes.deleted
    assert ("point", after.points[0].id) in changes.added
    delete = notes.Delete(doc, new_id)
    changes = doc.run(delete, undo=delete)
    assert ("intervention", new_id) in changes.deleted
    assert new_id not in ids(find(demo_db, sc.session.id))
    assert history.undo_label() == "Deletion of an intervention"

    assert ("intervention", new_id) in doc.undo().added  # the delete
    restored = store.load_entry(demo_db, new_id)
    assert (restored.notes, [p.text for p in restored.points]) == ("second", ["two"])
    assert history.undo_label() == "Edit of an intervention"
    doc.undo()  # the edit
    restored = store.load_entry(demo_db, new_id)
    assert (restored.notes, [p.text for p in restored.points]) == ("first", ["one"])
    assert history.undo_label() == "Save of a new intervention"
    assert ("intervention", new_id) in doc.undo().deleted  # the save
    assert new_id not in ids(find(demo_db, sc.session.id))
    assert not history.can_undo()
    for _step in range(3):
        doc.redo()
    assert new_id not in ids(find(demo_db, sc.session.id))  # redone delete
    doc.undo()
    assert store.load_entry(demo_db, new_id).notes == "second"
    assert ids(find(demo_db, sc.session.id, text="two")) == [new_id]
    assert new_id not in ids(find(demo_db, sc.session.id, text="one"))


def test_undo_of_a_synthesis_writes_the_previous_text_back(demo_db, talk):
    sc, _topics = talk
    doc = Document(demo_db)
    question = sc.questions[0]
    step = notes.SynthesisEdit(doc, question.id, question.synthesis, "Consult widely.")
    assert doc.run(step, undo=step).changed == {("guiding_question", question.id)}
    assert doc.history.undo_label() == "Edit of a synthesis"
    doc.undo()
    assert repo.get(demo_db, m.GuidingQuestion, question.id).synthesis == question.synthesis
    doc.redo()
    assert repo.get(demo_db, m.GuidingQuestion, question.id).synthesis == "Consult widely."


def test_points_for_a_question_and_its_synthesis(demo_db, talk):
    sc, _topics = talk
    question = sc.questions[0]
    rows = store.points_for_question(demo_db, sc.session.id, question.id)
    assert rows and all(p.question_id == question.id for r in rows for p in r.points)
    starts = [r.intervention.started_at for r in rows]
    assert starts == sorted(starts)  # in speaking order
    store.save_synthesis(demo_db, question.id, "  Consult widely.\u0000 ")
    assert repo.get(demo_db, m.GuidingQuestion, question.id).synthesis == "Consult widely."


def test_current_agenda_item_and_open_floor(demo_db, talk):
    sc, _topics = talk
    assert store.current_agenda_item_id(demo_db, sc.session.id) == sc.agenda[-1].id
    log = [
        m.TimerEvent(sc.session.id, "start", "2024-01-01T10:00:00.000Z", sc.agenda[0].id),
        m.TimerEvent(sc.session.id, "next", "2024-01-01T10:05:00.000Z", sc.agenda[1].id),
        m.TimerEvent(sc.session.id, "pause", "2024-01-01T10:06:00.000Z", sc.agenda[1].id),
    ]
    assert current_agenda_item(log) == sc.agenda[1].id
    assert current_agenda_item([]) is None
    assert store.open_floor(demo_db, sc.session.id) is None
    floor = m.Intervention(sc.session.id, started_at="2023-03-23T15:40:00.000Z")
    repo.insert(demo_db, floor)
    assert store.open_floor(demo_db, sc.session.id).id == floor.id
    marker = store.change_marker(demo_db)
    repo.update(demo_db, m.Intervention, floor.id, ended_at="2023-03-23T15:41:00.000Z")
    assert store.change_marker(demo_db) > marker
    assert store.open_floor(demo_db, sc.session.id) is None
