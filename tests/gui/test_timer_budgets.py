"""Speaking-time budgets, the "has not spoken yet first" order and the chime, on the real
timer page with real key events: what the moderator sets is in the file, the queue shows the
time used and warns once a group or delegation is over, the order puts new voices first, and
the chime is requested once at amber and once at zero, never again on reopening."""

from __future__ import annotations

import wave

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu
from timer_fixtures import make_file
from timer_window import window_on_timer

from facilitator import settings
from facilitator.domain import model as m
from facilitator.domain.speakers import QueueEntry
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.ui.application import apply_language
from facilitator.ui.timer.chime import sound_path
from facilitator.ui.timer.speaker_budgets import BudgetDialog


@pytest.fixture
def path(tmp_path):
    return make_file(tmp_path)


@pytest.fixture
def page(qtbot, path, clock):
    win, page = window_on_timer(qtbot, path)
    win.activateWindow()
    yield page
    apply_language("en")


def type_then_enter(qtbot, page, text: str) -> None:
    line = page.queue.picker.lineEdit()
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClicks(line, text)
    popup = page.queue.picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(QApplication.activePopupWidget() or line, Qt.Key.Key_Return)


def give_floor(qtbot, page) -> None:
    page.setFocus()
    qtbot.waitUntil(page.hasFocus)
    qtbot.keyClick(page, Qt.Key.Key_F8)


def set_budgets_in_dialog(qtbot, page, group_minutes: dict[str, int], mali: int) -> None:
    def fill() -> None:
        dialog = page.findChild(BudgetDialog)
        for code, minutes in group_minutes.items():
            box = dialog.groups[code]
            box.setFocus()
            box.lineEdit().selectAll()
            qtbot.keyClicks(box, str(minutes))
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        name, minutes_box = dialog.delegations[-1]
        qtbot.keyClicks(name, "mali")  # any letter case: the delegation of Mali
        minutes_box.lineEdit().selectAll()
        qtbot.keyClicks(minutes_box, str(mali))
        qtbot.keyClick(minutes_box, Qt.Key.Key_Return)  # the dialog's default button: OK

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(page.queue.budgets_button, Qt.MouseButton.LeftButton)
    back_to_the_window(qtbot, page)


def back_to_the_window(qtbot, page) -> None:
    """After a dialog, the main window is the active one again (offscreen, by hand)."""
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)


def test_budgets_are_set_kept_and_warn_once_over(page, qtbot, clock, path):
    set_budgets_in_dialog(qtbot, page, {"member_state": 2}, 1)
    assert page.session.session.speaking_budgets == [
        "group:member_state=120",
        "delegation:mali=60",
    ]
    page.run(lambda s: s.start())
    type_then_enter(qtbot, page, "Amin")  # Amina Diallo, Member State, Mali
    give_floor(qtbot, page)
    clock.advance(45)
    page.refresh()
    rows = [r.text() for r in page.queue.budget_rows.rows]
    assert "Member State" in rows[0] and "00:45" in rows[0] and "over" not in rows[0]
    assert "mali" in rows[1] and "over" not in rows[1]
    type_then_enter(qtbot, page, "Amin")  # she asks for the floor again
    assert "over budget" not in page.queue.list.item(0).text()
    clock.advance(30)  # 75 s: Mali is over its minute, Member States are not
    page.refresh()
    rows = [r.text() for r in page.queue.budget_rows.rows]
    assert "over budget by" in rows[1] and "00:15" in rows[1] and "over" not in rows[0]
    assert page.queue.budget_rows.rows[1].property("over") == "over"
    assert "over budget" in page.queue.list.item(0).text()  # in words, in the queue
    assert "has spoken" in page.queue.list.item(0).text()
    win = page.window()
    assert "budgets" in win.undo_action.text()
    win.undo_action.trigger()  # Edit > Undo: no budgets, no warning
    page.refresh()
    assert page.session.session.speaking_budgets == []
    assert not page.queue.budget_rows.isVisible()
    assert "over budget" not in page.queue.list.item(0).text()
    win.redo_action.trigger()
    page.refresh()
    assert len(page.queue.budget_rows.rows) == 2
    page.window().close()
    db = open_file(path, device="check")
    session = repo.load_series(db).sessions[0].session
    assert session.speaking_budgets == ["group:member_state=120", "delegation:mali=60"]
    db.close()


def test_the_budgets_dialog_cancelled_changes_nothing(page, qtbot):
    def cancel() -> None:
        dialog = page.findChild(BudgetDialog)
        qtbot.keyClicks(dialog.groups["youth"], "5")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    menu = page.window().findChild(QMenu, "timerMenu")
    assert page.queue.budgets_action in menu.actions()  # reached from the keyboard too
    page.queue.budgets_action.trigger()
    back_to_the_window(qtbot, page)
    assert page.session.session.speaking_budgets == []
    assert not page.queue.budget_rows.isVisible()


def test_not_spoken_yet_first_with_keys_and_undo(page, qtbot, path):
    page.run(lambda s: s.start())
    type_then_enter(qtbot, page, "Amin")
    give_floor(qtbot, page)  # Amina has spoken
    type_then_enter(qtbot, page, "Amin")
    type_then_enter(qtbot, page, "Smi")
    assert [e.speaker for e in page.session.queue] == ["Amina Diallo", "Jo Smith"]
    order = page.queue.order
    order.setFocus()
    qtbot.waitUntil(order.hasFocus)
    qtbot.keyClick(order, Qt.Key.Key_Down)  # the next choice: not spoken yet first
    assert page.session.session.not_spoken_first
    assert [e.speaker for e in page.session.queue] == ["Jo Smith", "Amina Diallo"]
    assert page.queue.list.item(0).text().startswith("1. ") and "Jo Smith" in (
        page.queue.list.item(0).text()
    )
    assert "has spoken" in page.queue.list.item(1).text()
    page.queue.speech.setCurrentIndex(page.queue.speech.findData("point_of_order"))
    type_then_enter(qtbot, page, "Amin")  # a point of order still goes first
    assert [e.speech for e in page.session.queue][0] == "point_of_order"
    win = page.window()
    assert "order" in win.undo_action.text()
    win.undo_action.trigger()  # the setting back; the queue keeps the order it has
    assert not page.session.session.not_spoken_first
    assert page.queue.order.currentIndex() == 0
    db = open_file(path, device="check")
    assert repo.load_series(db).sessions[0].session.not_spoken_first is False
    db.close()


def test_chime_at_amber_and_zero_once_and_not_again_on_reopening(qtbot, path, clock):
    win, page = window_on_timer(qtbot, path)
    back_to_the_window(qtbot, page)
    box = page.chimes.box
    assert not box.isChecked()  # off by default
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked() and settings.load()["timer_chime"] is True
    timer_menu = win.findChild(QMenu, "timerMenu")
    assert page.chimes.action in timer_menu.actions() and page.chimes.action.isChecked()
    page.chimes.action.trigger()  # View > Timer > Chime: off, and on again
    assert not box.isChecked() and settings.load()["timer_chime"] is False
    page.chimes.action.trigger()
    page.run(lambda s: s.start())  # item 1: 5 minutes, amber at 2 minutes left
    for _ in range(3):
        clock.advance(45)
        page.refresh()
    assert page.chimes.played == []
    clock.advance(45)  # 3:00 spent, 2:00 left: amber
    page.refresh()
    page.refresh()
    assert page.chimes.played == ["amber"]
    clock.advance(119)
    page.refresh()
    assert page.chimes.played == ["amber"]
    clock.advance(1)  # zero
    page.refresh()
    clock.advance(30)
    page.refresh()
    assert page.chimes.played == ["amber", "zero"]
    win.close()
    again, page = window_on_timer(qtbot, path)  # reopened while over time: no chime
    assert page.chimes.box.isChecked()  # the setting is this laptop's, kept
    for _ in range(3):
        clock.advance(20)
        page.refresh()
    assert page.chimes.played == []
    page.run(lambda s: s.move(1))  # the next item, from the start: its own chimes later
    for _ in range(3):  # in steps the clock-jump check takes as normal time
        clock.advance(195)
        page.refresh()
    assert page.chimes.played == []
    clock.advance(195)  # 13:00 spent, 2:00 left of item 2
    page.refresh()
    assert page.chimes.played == ["amber"]


def test_chime_off_plays_nothing(page, clock):
    page.run(lambda s: s.start())
    page.refresh()
    clock.advance(181)
    page.refresh()
    assert page.chimes.played == [] and not page.chimes.box.isChecked()


def test_queued_entries_show_group_and_country(page):
    page.run(lambda s: s.enqueue(QueueEntry(group="member_state", country="Mali")))
    amina = next(p for p in page.session.participants.values() if p.country == "Mali")
    page.run(lambda s: s.enqueue(QueueEntry(amina.name, amina.id)))
    texts = [page.queue.list.item(n).text() for n in range(2)]
    assert "Member State" in texts[0] and "Mali" in texts[0]
    assert "Member State" in texts[1] and "Mali" in texts[1] and "Amina Diallo" in texts[1]
    assert isinstance(amina, m.Participant)


def test_the_bundled_chimes_are_short_wav_files_and_offscreen_nothing_plays(page):
    for sound in ("amber", "zero"):
        with wave.open(str(sound_path(sound))) as chime:
            seconds = chime.getnframes() / chime.getframerate()
            assert 0.2 < seconds < 2 and chime.getnchannels() == 1
    played = []
    page.chimes.backend = played.append
    page.chimes.play("amber")  # no screen, no sound device to expect: the request only
    assert page.chimes.played == ["amber"] and played == []
