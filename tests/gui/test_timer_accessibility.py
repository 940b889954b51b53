"""The Timer tab to a screen reader and from the keyboard alone: every control has a name of
its own, Tab reaches every enabled control in the order they are on screen (and a button
reached with Tab is pressed with Space or Return, while a clicked one leaves Space to the
timer), and the timer's changes are announced: start, the next item, amber, over time, a new
speaker, a pause, the end."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QWidget,
)
from test_timer_keys import logged
from timer_fixtures import make_file
from timer_window import window_on_timer

from facilitator.domain.speakers import QueueEntry
from facilitator.i18n import gettext_in
from facilitator.ui.application import apply_language
from facilitator.ui.timer import announce as announce_module
from facilitator.ui.timer.page import TimerPage

K = Qt.Key


@pytest.fixture
def page(qtbot, tmp_path, clock):
    win, page = window_on_timer(qtbot, make_file(tmp_path))
    win.resize(1280, 720)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    yield page
    page.close_stage()
    apply_language("en")


@pytest.fixture
def heard(monkeypatch) -> list[tuple[str, bool]]:
    """What the page announces, as Qt's announcement event carries it."""
    said: list[tuple[str, bool]] = []
    real = announce_module.announce

    def listen(widget, text, assertive=False):
        said.append((text, assertive))
        real(widget, text, assertive)

    monkeypatch.setattr(announce_module, "announce", listen)
    return said


def running_with_a_speaker(page: TimerPage) -> None:
    """Every control enabled: the timer runs, the floor is taken, one more speaker waits."""
    people = sorted(page.session.participants.values(), key=lambda p: p.name)
    page.run(lambda s: s.start())
    for person in people:
        page.run(lambda s, p=person: s.enqueue(QueueEntry(p.name, p.id)))
    page.run(lambda s: s.give_floor())


def name_of(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


def labelled(widget: QWidget) -> str:
    """The label a Linux screen reader says for a drop-down (its buddy)."""
    parent = widget.parentWidget()
    for label in parent.findChildren(QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if label.buddy() is widget and label.text():
            return label.text()
    return ""


def controls(page: QWidget) -> list[QWidget]:
    """What the keyboard can reach on the page: enabled, on screen, taking Tab."""
    found = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page) or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget.parentWidget(), QComboBox) or widget.objectName().startswith("qt_"):
            continue  # a drop-down's own line edit; a spin box's editor
        found.append(widget)
    return found


@pytest.mark.parametrize("lang", ["en", "ar", "ru"])
def test_every_control_has_a_name_of_its_own(page, lang):
    running_with_a_speaker(page)
    apply_language(lang)
    boxes = {box.title() for box in page.findChildren(QGroupBox)}
    problems = []
    buttons = [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]
    for widget in controls(page) + [b for b in buttons if not b.objectName().startswith("qt_")]:
        name = name_of(widget)
        if isinstance(widget, QComboBox):  # Qt on Linux: the value, and the label beside
            name = labelled(widget) or widget.accessibleName()
        if not name or name in boxes:
            problems.append(f"{type(widget).__name__}#{widget.objectName()}: {name!r}")
    assert not problems, "\n".join(problems)
    fields = [name_of(w) for w in controls(page) if not isinstance(w, QAbstractButton)]
    assert len(fields) == len(set(fields)), fields  # four fields no longer all "Speakers"


def test_the_clocks_read_their_time_in_their_names(page, clock):
    running_with_a_speaker(page)
    clock.advance(61)
    page.refresh()
    item = name_of(page.item_clock)
    assert item.startswith("Time left on the current item: ") and "03:59" in item
    assert name_of(page.queue.clock).startswith("Speaking time left: ")
    assert name_of(page.item_words) == "Timer: Running"
    assert name_of(page.item_title).endswith("Item 1\u2069")


def tab_chain(qtbot, page: TimerPage) -> list[QWidget]:
    """Press Tab from the page itself until the focus leaves the page or comes back."""
    page.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(page.hasFocus)
    chain: list[QWidget] = []
    for _press in range(80):
        qtbot.keyClick(QApplication.focusWidget(), K.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is page or not page.isAncestorOf(focused) or focused in chain:
            break
        chain.append(focused)
    return chain


def test_tab_reaches_every_enabled_control_in_screen_order(page, qtbot):
    running_with_a_speaker(page)
    chain = tab_chain(qtbot, page)
    missing = [f"{type(w).__name__}:{name_of(w)}" for w in controls(page) if w not in chain]
    assert not missing, missing
    names = [name_of(w) for w in chain]
    # The run first, then the stage row, the agenda and, last, the speakers.
    first = ["Pause", "Previous item", "Next item", "\u202a−1\u202c minute"]
    assert names[:4] == first
    order = [
        "Stage view",
        "Rehearsal",
        "Message for the stage:",
        "Agenda: planned and actual time",
        "Amber warning at",
        "Give the floor",
        "Speakers queue",
        "Speaker:",
        "Country:",
        "Add to the queue",
        "Default speaking time:",
    ]
    assert [n for n in names if n in order] == order


def test_the_agenda_table_lets_tab_go_on(page, qtbot):
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, K.Key_Tab)
    assert not page.table.hasFocus()


def test_a_button_reached_with_tab_takes_space_a_clicked_one_leaves_it_to_the_timer(page, qtbot):
    path = page.doc.path
    chain = tab_chain(qtbot, page)
    stage = next(w for w in chain if name_of(w) == "Stage view")
    while QApplication.focusWidget() is not stage:
        qtbot.keyClick(QApplication.focusWidget(), K.Key_Tab)
    qtbot.keyClick(stage, K.Key_Space)
    qtbot.waitUntil(lambda: page.stage is not None and page.stage.isVisible())
    page.close_stage()
    assert logged(path) == []  # Space pressed the focused button, not the timer
    assert not page.focus_cue.isVisible()  # the cue says Space is not the timer's now
    page.setFocus()
    show = page.message_show
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert page.hasFocus()  # a click leaves the focus where it was
    qtbot.keyClick(page, K.Key_Space)
    assert logged(path) == ["start"]
    rehearsal = page.rehearsal
    rehearsal.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(rehearsal, K.Key_Return)  # a tick box takes Space alone
    assert not rehearsal.isChecked()


def test_the_timer_announces_its_changes(page, qtbot, clock, heard):
    qtbot.keyClick(page, K.Key_Space)
    assert heard == [("Running", False), ("Current item: Item 1", False)]
    clock.advance(181)  # 5 minutes planned, amber at 2 left
    page.refresh()
    assert heard[-1] == ("Ending soon: 2 minutes or less left", False)
    clock.advance(120)
    page.refresh()
    assert heard[-1] == ("Time is up: Item 1", True)  # interrupts
    count = len(heard)
    clock.advance(5)
    page.refresh()
    assert len(heard) == count  # the seconds over time are not news
    qtbot.keyClick(page, K.Key_PageDown)
    assert heard[-1] == ("Current item: Item 2", False)
    person = next(iter(page.session.participants.values()))
    page.run(lambda s: s.enqueue(QueueEntry(person.name, person.id, limit=60)))
    qtbot.keyClick(page, K.Key_F8)
    assert heard[-1] == (f"{person.name} has the floor", False)
    clock.advance(61)
    page.refresh()
    assert heard[-1] == (f"Speaking time is up: {person.name}", True)
    qtbot.keyClick(page, K.Key_Space)
    assert heard[-1] == ("Paused", False)


def test_announcements_are_in_the_interface_language(page, qtbot, heard):
    apply_language("ar")
    qtbot.keyClick(page, K.Key_Space)
    title = gettext_in("ar", "Current item: {title}").format(title="Item 1")
    assert heard == [(gettext_in("ar", "Running"), False), (title, False)]


def test_showing_another_session_says_nothing(page, heard):
    page.run(lambda s: s.start())
    heard.clear()
    page.announcer.last = None  # as after switching sessions
    page.refresh()
    assert heard == []
