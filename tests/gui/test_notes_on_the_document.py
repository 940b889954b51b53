"""The Notes and Guiding questions tabs of a real main window share the open document: a
save shows up on the other tab at once, Edit > Undo takes it back, a write by another program
appears without a click, nothing polls the file, and the status line follows the language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer

from facilitator.domain.entry import Entry, EntryPoint
from facilitator.storage import notes_store as store
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.ui.application import apply_language
from facilitator.ui.notes.page import NotesPage
from facilitator.ui.questions.page import QuestionsPage

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(demo_window):
    return demo_window


def notes_tab(window) -> NotesPage:
    page = window.findChild(NotesPage)
    window.session_view.tabs.setCurrentWidget(page)
    return page


def live_ids(db) -> set[str]:
    return {r[0] for r in db.conn.execute("SELECT id FROM intervention WHERE deleted = 0")}


def save_a_note(qtbot, page, notes: str, point: str = "") -> None:
    """Speaker field first (Alt+S), then the notes (Alt+N), a point, then Ctrl+Enter."""
    qtbot.keyClick(page.form, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert page.form.notes.hasFocus()
    qtbot.keyClicks(page.form.notes, notes)
    if point:
        qtbot.keyClick(page.form, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClicks(page.form.points.text, point)
        qtbot.keyClick(page.form.points.text, Qt.Key.Key_Return)
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    assert "Saved" in page.form.status.text()


def test_a_point_saved_on_notes_is_under_its_question_at_once(qtbot, window):
    page = notes_tab(window)
    question = window.series.sessions[0].questions[0]
    page.form.points.question.setCurrentIndex(page.form.points.question.findData(question.id))
    save_a_note(qtbot, page, "Spoke of data exchange", "Share DNA data between countries")
    questions = window.session_view.show_page(QuestionsPage)
    questions.list.setCurrentRow(0)
    shown = [questions.points.item(i).text() for i in range(questions.points.count())]
    assert any("Share DNA data between countries" in text for text in shown)


def test_no_timer_of_the_notes_or_questions_tab_repeats(qtbot, window):
    for page_type in (NotesPage, QuestionsPage):
        page = window.findChild(page_type)
        window.session_view.tabs.setCurrentWidget(page)
        qtbot.wait(50)
        repeating = [t for t in page.findChildren(QTimer) if t.isActive() and not t.isSingleShot()]
        assert repeating == [], page_type.__name__


def test_ctrl_z_in_the_window_undoes_the_save_and_ctrl_shift_z_redoes_it(qtbot, window):
    page = notes_tab(window)
    before = live_ids(window.db)
    save_a_note(qtbot, page, "Saved by mistake")
    (saved,) = live_ids(window.db) - before
    assert page.form.speaker.hasFocus()  # an empty field: the key goes to Edit > Undo
    qtbot.keyClick(page.form.speaker, Qt.Key.Key_Z, CTRL)
    assert saved not in live_ids(window.db)
    assert page.model.row_of(saved) == -1
    assert window.statusBar().currentMessage() == "Undone: Save of a new intervention"
    qtbot.keyClick(page.form.speaker, Qt.Key.Key_Z, CTRL | SHIFT)
    assert saved in live_ids(window.db)
    assert page.model.row_of(saved) >= 0
    assert window.statusBar().currentMessage() == "Redone: Save of a new intervention"


def test_ctrl_z_while_typing_undoes_the_typing_not_the_last_save(qtbot, window):
    page = notes_tab(window)
    save_a_note(qtbot, page, "Kept")
    saved = live_ids(window.db)
    page.form.notes.setFocus()
    qtbot.keyClicks(page.form.notes, "typo")
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Z, CTRL)
    assert page.form.notes.toPlainText() == ""  # the field's own undo took the typing back
    assert live_ids(window.db) == saved  # and the save is still there


def test_a_write_by_another_program_appears_in_the_table(qtbot, window):
    page = notes_tab(window)
    session = window.series.sessions[0].session
    other = open_file(window.doc.path, device="colleague")
    try:
        entry = Entry(session_id=session.id, notes="Written by a colleague's program")
        store.save_entry(other, entry, draft_id=None)
    finally:
        other.close()
    window.signals._file_changed(str(window.doc.path))  # what the file watcher calls
    qtbot.waitUntil(lambda: page.model.row_of(entry.intervention_id) >= 0, timeout=3000)


def test_the_saved_status_line_follows_a_language_switch(qtbot, window):
    page = notes_tab(window)
    save_a_note(qtbot, page, "Before the switch")
    english = page.form.status.text()
    apply_language("fr")
    french = page.form.status.text()
    assert french != english and french.startswith("Enregistr")
    assert english.split("(")[1].split(")")[0] in french  # the same time, in the new language


def test_a_save_redraws_the_table_but_not_the_forms_lists(qtbot, window, monkeypatch):
    page = notes_tab(window)
    rebuilt = []
    monkeypatch.setattr(page.form, "set_context", lambda *a: rebuilt.append(a))
    monkeypatch.setattr(page.filters, "set_vocabulary", lambda *a: rebuilt.append(a))
    save_a_note(qtbot, page, "Only the table moves")
    assert page.model.rows[0].intervention.notes == "Only the table moves"
    assert rebuilt == []


def test_undo_of_a_synthesis_from_the_edit_menu(qtbot, window):
    questions = window.session_view.show_page(QuestionsPage)
    questions.list.setCurrentRow(1)
    question = window.series.sessions[0].questions[1]
    questions.synthesis.setFocus()
    questions.synthesis.selectAll()  # the demo's question has a synthesis: type over it
    qtbot.keyClicks(questions.synthesis, "A short answer")
    qtbot.keyClick(questions.synthesis, Qt.Key.Key_S, CTRL)
    assert repo.get(window.db, type(question), question.id).synthesis == "A short answer"
    window.undo_action.trigger()
    assert repo.get(window.db, type(question), question.id).synthesis == question.synthesis
    assert questions.synthesis.toPlainText() == question.synthesis
    assert window.statusBar().currentMessage() == "Undone: Edit of a synthesis"


def test_a_point_of_the_moderators_file_reaches_the_questions_tab(qtbot, window):
    questions = window.session_view.show_page(QuestionsPage)
    questions.list.setCurrentRow(4)
    before = questions.points.count()
    sc = window.series.sessions[0]
    other = open_file(window.doc.path, device="moderator")
    try:
        point = EntryPoint("Merged point", "recommendation", question_id=sc.questions[4].id)
        store.save_entry(other, Entry(session_id=sc.session.id, points=[point]))
    finally:
        other.close()
    window.signals._file_changed(str(window.doc.path))
    qtbot.waitUntil(lambda: questions.points.count() == before + 1, timeout=3000)
