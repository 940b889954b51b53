"""A point's kind, topic and guiding question carry over to the next point of the same
intervention (they show in their lists), and start afresh for the next intervention: the
next speaker's points are never filed silently under the previous speaker's topic."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from facilitator.ui.notes.page import NotesPage

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


@pytest.fixture
def page(demo_window):
    notes = demo_window.findChild(NotesPage)
    demo_window.session_view.tabs.setCurrentWidget(notes)
    return notes


def point(qtbot, page, text, *keys):
    qtbot.keyClick(page.form, Qt.Key.Key_P, ALT)
    qtbot.keyClicks(page.form.points.text, text)
    for key, modifier in keys:
        qtbot.keyClick(page.form.points.text, key, modifier)
    qtbot.keyClick(page.form.points.text, Qt.Key.Key_Return)


def saved_points(page, texts):
    db = page.doc.db
    rows = db.conn.execute(
        "SELECT text, kind, topic_id, question_id FROM point WHERE deleted = 0"
    ).fetchall()
    return {r[0]: r[1:] for r in rows if r[0] in texts}


def test_classification_carries_within_an_intervention_and_resets_for_the_next(qtbot, page):
    form = page.form
    qtbot.keyClick(form, Qt.Key.Key_N, ALT)
    qtbot.keyClicks(form.notes, "First speaker")
    point(
        qtbot,
        page,
        "Fund forensic labs",
        (Qt.Key.Key_3, CTRL),
        (Qt.Key.Key_2, ALT),
        (Qt.Key.Key_G, CTRL),
    )
    point(qtbot, page, "Share DNA data")  # same speaker: same kind, topic, question
    qtbot.keyClick(form.notes, Qt.Key.Key_Return, CTRL)
    first = saved_points(page, {"Fund forensic labs", "Share DNA data"})
    assert first["Fund forensic labs"] == first["Share DNA data"]
    assert first["Fund forensic labs"][0] == "recommendation"
    assert first["Fund forensic labs"][1] is not None and first["Fund forensic labs"][2]

    # The next intervention starts from the defaults, shown in the lists.
    points = form.points
    assert (points.kind.currentIndex(), points.topic.currentIndex()) == (0, 0)
    assert points.question.currentIndex() == 0
    qtbot.keyClick(form, Qt.Key.Key_N, ALT)
    qtbot.keyClicks(form.notes, "Second speaker")
    point(qtbot, page, "Border deaths are rising")
    qtbot.keyClick(form.notes, Qt.Key.Key_Return, CTRL)
    second = saved_points(page, {"Border deaths are rising"})
    assert second["Border deaths are rising"] == ("challenge", None, None)
