"""A note-taker logs interventions with the keyboard alone, finds them in the table (filters,
full-text search in any script), edits and deletes with undo/redo, and never loses a word."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.storage import notes_store as store
from facilitator.storage import repository as repo
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.notes.interventions_model import PAGE
from facilitator.ui.notes.page import NotesPage

NOW = dt.datetime(2023, 3, 23, 15, 40, tzinfo=dt.UTC)  # after the demo's last intervention
CTRL, ALT, SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
)


@pytest.fixture
def talk(demo_db):
    series = repo.load_series(demo_db)
    return series.sessions[0], {t.name: t.id for t in series.topics}


def open_page(qtbot, db, session) -> NotesPage:
    """The page alone, wired as the session view wires it to the window's signals."""
    make_app()
    signals = DocumentSignals()
    signals.set_document(Document(db))
    widget = NotesPage(signals, now=lambda: NOW)
    signals.changed.connect(widget.document_changed)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.set_session(signals.doc, session)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)
    return widget


@pytest.fixture
def page(qtbot, demo_db, talk):
    yield open_page(qtbot, demo_db, talk[0])
    apply_language("en")


@pytest.fixture
def window(demo_window):
    """A real main window on the demo, its Notes tab shown: Ctrl+Z is Edit > Undo there."""
    demo_window.session_view.tabs.setCurrentWidget(demo_window.findChild(NotesPage))
    return demo_window


def type_text(qtbot, widget, text):
    """Type like a keyboard in any layout: QTest.keyClicks only knows ASCII keys, so other
    characters arrive as key events carrying their text, as an Arabic or Russian layout sends."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def rows(page) -> list[store.InterventionRow]:
    return page.model.rows


def type_point(qtbot, page, text, *keys):
    qtbot.keyClick(page.form, Qt.Key.Key_P, ALT)  # the "Points" label's mnemonic
    assert page.form.points.text.hasFocus()
    type_text(qtbot, page.form.points.text, text)
    for key, modifier in keys:
        qtbot.keyClick(page.form.points.text, key, modifier)
    qtbot.keyClick(page.form.points.text, Qt.Key.Key_Return)


def log_intervention(qtbot, page, speaker, notes, points=()):
    form = page.form
    qtbot.keyClick(form, Qt.Key.Key_S, ALT)  # Speaker
    if speaker:
        type_text(qtbot, form.speaker, speaker)
    qtbot.keyClick(form.speaker, Qt.Key.Key_F5)
    qtbot.keyClick(form, Qt.Key.Key_N, ALT)  # Notes
    type_text(qtbot, form.notes, notes)
    for text, keys in points:
        type_point(qtbot, page, text, *keys)
    qtbot.keyClick(form.points.text, Qt.Key.Key_Return, CTRL)


def test_keyboard_only_intervention_with_points_lands_in_the_table(qtbot, page, demo_db, talk):
    sc, topics = talk
    log_intervention(
        qtbot,
        page,
        "Jorge Gonzalez-Mayagoitia",
        "Mexico presented its national search system.",
        [
            (
                "Adopt a law on forced disappearances",
                [(Qt.Key.Key_3, CTRL), (Qt.Key.Key_1, ALT), (Qt.Key.Key_G, CTRL)],
            ),
            ("Lack of forensic capacity", [(Qt.Key.Key_1, CTRL), (Qt.Key.Key_2, ALT)]),
        ],
    )
    assert "Saved" in page.form.status.text()
    top = rows(page)[0]
    assert top.speaker == "Jorge Gonzalez-Mayagoitia"
    assert top.intervention.notes == "Mexico presented its national search system."
    assert top.intervention.started_at == "2023-03-23T15:40:00Z"
    assert top.intervention.agenda_item_id == sc.agenda[-1].id  # the timer's current item
    assert [(p.text, p.kind, p.topic_id, p.question_id) for p in top.points] == [
        (
            "Adopt a law on forced disappearances",
            "recommendation",
            topics["Missing migrants"],
            sc.questions[0].id,
        ),
        (
            "Lack of forensic capacity",
            "challenge",
            topics["Humanitarian assistance"],
            sc.questions[0].id,
        ),  # kind, topic and question carry over to the next point
    ]
    # the form is empty and ready for the next speaker
    assert page.form.notes.toPlainText() == "" and page.form.speaker.text() == ""
    assert page.form.speaker.hasFocus()
    shown = page.model.index(0, page.model.COLUMNS.index("points")).data()
    assert "Recommendation" in shown and "Adopt a law" in shown


def test_a_point_still_in_the_typing_line_is_saved_too(qtbot, page, demo_db):
    page.form.notes.setPlainText("Short intervention")
    qtbot.keyClicks(page.form.points.text, "Not yet added with Enter")
    qtbot.keyClick(page.form.points.text, Qt.Key.Key_Return, CTRL)
    assert [p.text for p in rows(page)[0].points] == ["Not yet added with Enter"]


def test_selected_notes_become_a_point_with_ctrl_p(qtbot, page):
    form = page.form
    qtbot.keyClicks(form.notes, "Create safe spaces along routes")
    form.notes.selectAll()
    qtbot.keyClick(form.notes, Qt.Key.Key_P, CTRL)
    assert form.points.text.text() == "Create safe spaces along routes"
    assert form.points.text.hasFocus()


@pytest.mark.parametrize(
    "query",
    ["المهاجرين", "مهاجرين", "МИГРАНТЫ", "пропавш", "busqueda"],
)
def test_full_text_search_in_arabic_russian_and_spanish(qtbot, page, query):
    log_intervention(
        qtbot,
        page,
        "",
        "نطالب بحماية المهاجرين في الصحراء",
        [("Пропавшие мигранты: нужен обмен данными", [(Qt.Key.Key_2, CTRL)])],
    )
    log_intervention(qtbot, page, "", "Mesa de Búsqueda de migrantes")
    log_intervention(qtbot, page, "", "Unrelated remark about the agenda")
    type_text(qtbot, page.filters.search, query)
    qtbot.waitUntil(lambda: page.model.total < 5, timeout=2000)
    notes = [r.intervention.notes for r in rows(page)]
    assert notes and "Unrelated remark about the agenda" not in notes
    assert page.filters.count.text().startswith(str(page.model.total))


def test_filters_by_group_kind_topic_question_and_speaker(qtbot, page, demo_db, talk):
    sc, topics = talk
    filters = page.filters

    def choose(name, data):
        combo = filters.combos[name]
        combo.setCurrentIndex(combo.findData(data))

    choose("group", "member_state")
    assert rows(page) and all(r.group == "member_state" for r in rows(page))
    choose("kind", "practice")
    for row in rows(page):
        assert any(p.kind == "practice" for p in row.points)
    filters.clear()
    choose("topic", topics["Missing migrants"])
    choose("question", sc.questions[1].id)
    for row in rows(page):
        assert any(
            p.topic_id == topics["Missing migrants"] and p.question_id == sc.questions[1].id
            for p in row.points
        )
    filters.clear()
    jorge = next(p for p in repo.find(demo_db, m.Participant) if p.name.startswith("Jorge"))
    choose("speaker", jorge.id)
    assert {r.speaker for r in rows(page)} == {jorge.name}
    choose("agenda", sc.agenda[0].id)
    assert rows(page) == []
    assert filters.count.text() == "0 interventions"


def test_delete_and_edit_with_undo_and_redo_from_the_keyboard(qtbot, window):
    page, demo_db = window.findChild(NotesPage), window.db
    log_intervention(qtbot, page, "", "Original notes")
    table = page.table
    table.setFocus()
    table.selectRow(0)
    saved_id = page.model.intervention_id(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert saved_id not in [r.intervention.id for r in rows(page)]
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert page.model.intervention_id(0) == saved_id
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert saved_id not in [r.intervention.id for r in rows(page)]
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert page.model.intervention_id(0) == saved_id

    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # edit the selected row
    assert page.form.notes.toPlainText() == "Original notes"
    page.form.notes.selectAll()
    qtbot.keyClicks(page.form.notes, "Corrected notes")
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    assert rows(page)[0].intervention.notes == "Corrected notes"
    assert rows(page)[0].intervention.id == saved_id
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert store.load_entry(demo_db, saved_id).notes == "Original notes"
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert store.load_entry(demo_db, saved_id).notes == "Corrected notes"


def test_ctrl_z_in_an_empty_form_undoes_the_last_save(qtbot, window):
    page, demo_db = window.findChild(NotesPage), window.db
    talk = (repo.load_series(demo_db).sessions[0],)
    before = store.count_interventions(demo_db, talk[0].session.id, store.NotesFilter())
    log_intervention(qtbot, page, "", "Saved by mistake")
    assert page.form.speaker.hasFocus()
    qtbot.keyClick(page.form.speaker, Qt.Key.Key_Z, CTRL)
    assert store.count_interventions(demo_db, talk[0].session.id, store.NotesFilter()) == before


def test_the_draft_follows_the_keyboard_and_goes_with_the_save(qtbot, page, demo_db, talk):
    session_id = talk[0].session.id
    qtbot.keyClicks(page.form.notes, "Typed but not saved")
    qtbot.waitUntil(lambda: bool(store.drafts(demo_db, session_id)), timeout=2500)  # ~2 s at most
    assert store.drafts(demo_db, session_id)[0].entry.notes == "Typed but not saved"
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    assert store.drafts(demo_db, session_id) == []


def test_a_draft_left_in_the_file_is_offered_back(qtbot, demo_db, talk):
    entry = store.Entry(session_id=talk[0].session.id, notes="Words from before the crash")
    store.save_draft(demo_db, "old-form", entry, NOW)
    widget = open_page(qtbot, demo_db, talk[0])
    assert widget.banner.isVisible()
    assert "Words from before the crash" in widget.banner.text.text()
    qtbot.mouseClick(widget.banner.restore_button, Qt.MouseButton.LeftButton)
    assert widget.form.notes.toPlainText() == "Words from before the crash"
    assert not widget.banner.isVisible()
    qtbot.keyClick(widget.form.notes, Qt.Key.Key_Return, CTRL)
    assert store.drafts(demo_db, talk[0].session.id) == []
    assert widget.model.rows[0].intervention.notes == "Words from before the crash"


@pytest.mark.parametrize("failure", ["read-only", "disk is full"])
def test_a_file_that_cannot_be_written_keeps_the_text_in_the_form(qtbot, page, demo_db, failure):
    if failure == "read-only":
        demo_db.conn.execute("PRAGMA query_only=ON")
    else:
        pages = demo_db.conn.execute("PRAGMA page_count").fetchone()[0]
        demo_db.conn.execute(f"PRAGMA max_page_count={pages}")
    notes = "Important words " * 4000
    page.form.notes.setPlainText(notes)
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    assert failure in page.form.status.text()
    assert page.form.notes.toPlainText() == notes  # still there
    demo_db.conn.execute("PRAGMA query_only=OFF")
    demo_db.conn.execute("PRAGMA max_page_count=1073741823")
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    assert "Saved" in page.form.status.text()
    assert rows(page)[0].intervention.notes == notes.strip()


def test_the_moderators_floor_record_is_shown_and_filled_in(qtbot, page, demo_db, talk):
    sc, _topics = talk
    floor = m.Intervention(
        sc.session.id,
        agenda_item_id=sc.agenda[3].id,
        stakeholder_group="civil_society",
        country="Niger",
        started_at="2023-03-23T15:38:00.000Z",
    )
    repo.insert(demo_db, floor)  # what the moderator's "give the floor" writes
    page.signals.announce(ChangeSet.of(added=[("intervention", floor.id)]))  # and announces
    assert page.model.intervention_id(0) == floor.id
    assert page.form.intervention_id == floor.id
    assert page.form.country.text() == "Niger"
    repo.update(demo_db, m.Intervention, floor.id, ended_at="2023-03-23T15:41:00.000Z")
    qtbot.keyClicks(page.form.notes, "Desert rescue is needed")
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    saved = store.load_entry(demo_db, floor.id)
    assert saved.notes == "Desert rescue is needed"
    assert saved.ended_at == "2023-03-23T15:41:00.000Z"  # the timer's end time is kept
    assert sum(1 for r in rows(page) if r.intervention.notes == "Desert rescue is needed") == 1


def test_the_default_agenda_item_follows_the_timer(qtbot, page, demo_db, talk):
    sc, _topics = talk
    repo.insert(
        demo_db, m.TimerEvent(sc.session.id, "goto", "2023-03-23T15:39:00.000Z", sc.agenda[1].id)
    )
    page.signals.announce(ChangeSet.of(added=[("timer_event", "goto")]))
    assert page.form.agenda_box.currentData() == sc.agenda[1].id


def test_language_switch_keeps_what_is_being_typed(qtbot, page, demo_db, talk):
    qtbot.keyClicks(page.form.notes, "Half-typed sentence")
    apply_language("ar")
    page.set_session(page.doc, talk[0])  # the main window refreshes its pages on a switch
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert page.form.notes.toPlainText() == "Half-typed sentence"
    apply_language("ru")
    assert page.form.notes.toPlainText() == "Half-typed sentence"


def test_thousands_of_rows_load_lazily(qtbot, page, demo_db, talk):
    sc, _topics = talk
    records = [m.Intervention(sc.session.id, notes=f"Bulk {n}") for n in range(1500)]
    repo.insert_all(demo_db, records)
    page.signals.announce(ChangeSet.of(added=[("intervention", r.id) for r in records]))
    assert page.model.total >= 1500
    assert page.model.rowCount() == PAGE  # one page read
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > PAGE, timeout=2000)


def test_speaker_type_ahead_by_organisation_or_country(qtbot, page, demo_db):
    form = page.form
    form.speaker.setFocus()
    qtbot.keyClicks(form.speaker, "Mission of Mex")
    popup = form.speaker.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.speaker.text() == "Jorge Gonzalez-Mayagoitia", timeout=1000)
    assert form.group.currentData() == "member_state"
    assert form.country.text() == "Mexico"
    qtbot.keyClicks(form.notes, "Shared the law on forced disappearances")
    qtbot.keyClick(form.notes, Qt.Key.Key_Return, CTRL)
    jorge = rows(page)[0]
    assert jorge.speaker == "Jorge Gonzalez-Mayagoitia" and jorge.intervention.participant_id


def test_a_new_name_typed_on_the_fly_becomes_a_participant(qtbot, page, demo_db, talk):
    form = page.form
    type_text(qtbot, form.speaker, "Ольга Иванова")
    form.group.setCurrentIndex(form.group.findData("civil_society"))
    type_text(qtbot, form.notes, "Призвала к обмену данными")
    qtbot.keyClick(form.notes, Qt.Key.Key_Return, CTRL)
    person = next(p for p in repo.find(demo_db, m.Participant) if p.name == "Ольга Иванова")
    assert person.stakeholder_group == "civil_society"
    assert rows(page)[0].intervention.participant_id == person.id
    assert page.form.speaker.people.get(person.id)  # offered by the type-ahead from now on


def test_a_new_name_saved_with_no_group_is_not_recorded_not_other(qtbot, page, demo_db, talk):
    form = page.form
    type_text(qtbot, form.speaker, "Karim Benali")
    assert form.group.currentData() == ""  # "Not recorded", as the form starts
    type_text(qtbot, form.notes, "Asked about family tracing")
    qtbot.keyClick(form.notes, Qt.Key.Key_Return, CTRL)
    person = next(p for p in repo.find(demo_db, m.Participant) if p.name == "Karim Benali")
    assert person.stakeholder_group == ""
    model = page.model
    shown = model.data(model.index(0, model.COLUMNS.index("group")))
    assert shown == ""  # it read "Other"


def test_saving_an_old_intervention_says_the_time_of_the_save(qtbot, page, talk):
    """Editing a row logged hours ago: "Saved (…)" tells when the save happened (the injected
    clock, in the session's zone), not when the intervention started."""
    from facilitator.ui.notes.interventions_model import clock_text

    session = talk[0].session
    old = next(r for r in rows(page) if r.intervention.started_at)
    started = clock_text(old.intervention.started_at, session.timezone)
    saved = clock_text(NOW.isoformat(), session.timezone)
    assert started != saved  # the demo's rows are from earlier in the day
    page.table.setFocus()
    page.table.selectRow(rows(page).index(old))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # edit the selected row
    assert page.form.intervention_id == old.intervention.id
    page.form.notes.moveCursor(page.form.notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.form.notes, " Corrected.")
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    assert page.form.status.text() == f"Saved ({saved})."
