"""The agenda editor beyond titles and minutes, through the widgets of a real main window:
speakers completed from the roster with their title and organisation, a description and an
amber warning per item, the total against the session's length, a template's items inserted
after the selected item in one undo step; and sessions moved in the series with Ctrl+Up/Down
and the Session menu, undoable."""

from __future__ import annotations

import pytest
from prepare_helpers import agenda_editor, field, focus, type_line
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QSpinBox, QTableView

from facilitator.domain import model as m
from facilitator.storage import repository as repo
from facilitator.ui.application import apply_language
from facilitator.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(template_window):
    yield template_window
    apply_language("en")


def items(win: MainWindow) -> list[m.AgendaItem]:
    return repo.find(win.db, m.AgendaItem, session_id=win.session_view.content.session.id)


def add_person(win: MainWindow, name: str, title: str, organisation: str) -> None:
    from facilitator.app import participants

    person = m.Participant(win.series.series.id, name="")
    values = {"name": name, "title": title, "organisation": organisation}
    step = participants.save_participant(win.doc, person, values, new=True)
    win.signals.run(step.operation, undo=step)


def test_speakers_complete_from_the_roster_with_title_and_organisation(window, qtbot):
    win = window
    add_person(win, "José Pérez", "Head of the secretariat", "UN Network on Migration")
    table = win.findChild(QTableView, "agendaTable")
    table.selectRow(0)
    speakers = win.findChild(QLineEdit, "itemSpeakers")
    focus(qtbot, speakers)
    qtbot.keyClick(speakers, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(speakers, "Moderator; jose")  # no accent, any case
    popup = agenda_editor(win).completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClick(speakers, Qt.Key.Key_Tab)
    assert items(win)[0].speakers == (
        "Moderator; José Pérez, Head of the secretariat, UN Network on Migration"
    )


def test_description_and_amber_warning_per_item(window, qtbot):
    win = window
    win.findChild(QTableView, "agendaTable").selectRow(3)
    type_line(qtbot, win.findChild(QLineEdit, "itemDescription"), "Open floor, three minutes each")
    warning = win.findChild(QSpinBox, "itemWarning")
    assert warning.text().startswith("As the session")  # no threshold of its own yet
    focus(qtbot, warning)
    qtbot.keyClick(warning, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(warning, "5")
    qtbot.keyClick(warning, Qt.Key.Key_Tab)
    item = items(win)[3]
    assert item.description == "Open floor, three minutes each"
    assert item.warning_seconds == 300
    win.undo_action.trigger()  # Edit > Undo gives the item back the session's threshold
    assert items(win)[3].warning_seconds is None
    assert warning.value() == warning.minimum()


def test_total_is_shown_against_the_sessions_length_and_turns_red_when_over(window, qtbot):
    win = window
    total = win.findChild(QLabel, "agendaTotal")
    assert total.text() == "Total planned time: 90 minutes of 90 minutes"
    length = field(win, "duration_minutes", QSpinBox)
    assert length.value() == 90
    type_line(qtbot, length, "60")
    assert win.session_view.content.session.duration_minutes == 60
    assert total.text() == "Total planned time: 90 minutes of 60 minutes"
    assert "#b00020" in total.styleSheet()


def test_insert_a_templates_items_after_the_selected_item_in_one_undo_step(
    window, qtbot, monkeypatch
):
    win = window
    editor = agenda_editor(win)
    win.findChild(QTableView, "agendaTable").selectRow(0)
    chosen = []

    def pick(parent, title, label, labels, current, editable):
        chosen.append(labels)
        return next(x for x in labels if x.startswith("Regional consultation")), True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    qtbot.mouseClick(editor.template_button, Qt.MouseButton.LeftButton)
    titles = [i.title for i in items(win)]
    assert len(titles) == 10
    assert titles[:3] == [
        "Opening remarks",
        "Opening remarks",
        "Presentation of draft recommendations, missing migrants",
    ]
    assert not any(label.startswith("The demo") for label in chosen[0])
    assert win.doc.history.undo_label() == "Insert a template's items"
    win.undo_action.trigger()
    assert len(items(win)) == 5


def test_move_a_session_with_ctrl_down_and_the_menu_then_undo(window, qtbot):
    from PySide6.QtGui import QAction

    win = window
    win.findChild(QAction, "addSessionAction").trigger()
    titles = lambda: [sc.session.title for sc in win.series.sessions]  # noqa: E731
    assert titles() == ["New GCM Talk", "New session"]
    win.sessions.setCurrentRow(0)
    focus(qtbot, win.sessions)
    qtbot.keyClick(win.sessions, Qt.Key.Key_Down, CTRL)
    assert titles() == ["New session", "New GCM Talk"]
    assert win.sessions.currentRow() == 1  # the moved session stays selected
    win.findChild(QAction, "moveSessionUpAction").trigger()
    assert titles() == ["New GCM Talk", "New session"]
    win.undo_action.trigger()
    assert titles() == ["New session", "New GCM Talk"]


def test_drag_an_item_to_another_place_then_undo(window, qtbot):
    """What a drop on the table hands the model: the dragged row's data, dropped before row 4."""
    win = window
    model = win.findChild(QTableView, "agendaTable").model()
    before = [i.title for i in items(win)]
    data = model.mimeData([model.index(0, 1)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 4, 0, model.index(-1, -1))
    after = [i.title for i in items(win)]
    assert after == [*before[1:4], before[0], before[4]]
    assert win.doc.history.undo_label() == "Move agenda item"
    win.undo_action.trigger()
    assert [i.title for i in items(win)] == before
