"""Per guiding question: the points that answer it, and a synthesis that is never lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.domain.entry import Entry, EntryPoint
from facilitator.storage import notes_store as store
from facilitator.storage import repository as repo
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.questions.page import QuestionsPage


@pytest.fixture
def talk(demo_db):
    return repo.load_series(demo_db).sessions[0]


@pytest.fixture
def page(qtbot, demo_db, talk):
    make_app()
    signals = DocumentSignals()
    signals.set_document(Document(demo_db))
    widget = QuestionsPage(signals)
    signals.changed.connect(widget.document_changed)  # as the session view wires its pages
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.set_session(signals.doc, talk)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)
    yield widget
    apply_language("en")


def answering(demo_db, question_id) -> int:
    return demo_db.conn.execute(
        "SELECT count(*) FROM point p JOIN intervention i ON i.id = p.intervention_id "
        "WHERE p.question_id = ? AND p.deleted = 0 AND i.deleted = 0",
        (question_id,),
    ).fetchone()[0]


def test_every_question_lists_the_points_that_answer_it(page, demo_db, talk):
    assert page.list.count() == len(talk.questions) == 5
    for row, question in enumerate(talk.questions):
        page.list.setCurrentRow(row)
        assert page.points.count() == answering(demo_db, question.id)
        assert question.text in page.question.text()
    page.list.setCurrentRow(0)
    first = page.points.item(0).text()
    assert "\n[" in first  # who spoke and when, then the classified point
    assert page.count.text().startswith(str(page.points.count()))


def test_a_point_logged_meanwhile_appears_when_announced(page, demo_db, talk):
    question = talk.questions[4]
    page.list.setCurrentRow(4)
    before = page.points.count()
    entry = Entry(
        session_id=talk.session.id,
        notes="Нужен обмен данными",
        points=[
            EntryPoint(
                "Обмен ДНК-данными между странами", "recommendation", question_id=question.id
            )
        ],
    )
    store.save_entry(demo_db, entry)
    page.signals.announce(ChangeSet.of(added=[("point", entry.points[0].id)]))
    assert page.points.count() == before + 1
    assert any(
        "Обмен ДНК-данными" in page.points.item(i).text() for i in range(page.points.count())
    )


def test_the_synthesis_is_saved_while_typing_and_shown_again(qtbot, page, demo_db, talk):
    page.list.setCurrentRow(1)
    page.synthesis.setFocus()
    page.synthesis.selectAll()  # the demo's question has a synthesis: type over it
    qtbot.keyClicks(page.synthesis, "Separate processes are not needed")
    question_id = talk.questions[1].id
    qtbot.waitUntil(
        lambda: (
            repo.get(demo_db, m.GuidingQuestion, question_id).synthesis
            == "Separate processes are not needed"
        ),
        timeout=3000,
    )
    assert page.status.text() == "Synthesis saved."
    page.list.setCurrentRow(2)
    assert page.synthesis.toPlainText() == talk.questions[2].synthesis  # another question's
    page.list.setCurrentRow(1)
    assert page.synthesis.toPlainText() == "Separate processes are not needed"


def test_switching_question_saves_at_once(qtbot, page, demo_db, talk):
    page.list.setCurrentRow(0)
    qtbot.keyClicks(page.synthesis, "Consult families and CSOs")
    page.list.setCurrentRow(3)  # no wait for the timer
    assert repo.get(demo_db, m.GuidingQuestion, talk.questions[0].id).synthesis == (
        "Consult families and CSOs"
    )


def test_a_read_only_file_keeps_the_synthesis_on_screen(qtbot, page, demo_db, talk):
    page.list.setCurrentRow(0)
    demo_db.conn.execute("PRAGMA query_only=ON")
    qtbot.keyClicks(page.synthesis, "Kept")
    qtbot.keyClick(page.synthesis, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "read-only" in page.status.text()
    assert page.synthesis.toPlainText() == "Kept"
    demo_db.conn.execute("PRAGMA query_only=OFF")
    qtbot.keyClick(page.synthesis, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert repo.get(demo_db, m.GuidingQuestion, talk.questions[0].id).synthesis == "Kept"


def test_arabic_interface_mirrors_the_page(page):
    apply_language("ar")
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert page.list.count() == 5
