"""Typing into the session editor's fields with real key events, and the steps that prepare the
23 March 2023 GCM Talk, for the prepare tests. Buttons are found as the editors' attributes,
not by their text, so the same steps run in every interface language."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTimeEdit,
    QWidget,
)

from facilitator.ui.main_window import MainWindow
from facilitator.ui.prepare.agenda_editor import AgendaEditor
from facilitator.ui.prepare.questions_editor import QuestionsEditor


def field(win: MainWindow, name: str, cls: type = QWidget):
    widget = win.session_view.findChild(cls, f"field-{name}")
    assert widget is not None, name
    return widget


def focus(qtbot, widget: QWidget) -> None:
    if QApplication.activeWindow() is not widget.window():  # e.g. after a dialog closed
        widget.window().activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window(), timeout=1000)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=1000)


def type_line(qtbot, widget: QWidget, text: str, *, leave: bool = True) -> None:
    """Select what the field holds, type `text` and leave with Tab (which saves)."""
    focus(qtbot, widget)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    target = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    qtbot.keyClicks(target, text)
    if leave:
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


# --- preparing the 23 March 2023 GCM Talk (seeds 000 and 002), shared by the prepare tests ---

# The concept notes beside the repository (../shared/seeds), or where FACILITATOR_SEEDS says.
SEEDS = next(
    (
        p
        for p in (
            Path(os.environ.get("FACILITATOR_SEEDS", "")),
            Path(__file__).resolve().parents[3] / "shared" / "seeds",
            Path("/work/shared/seeds"),
        )
        if str(p) not in ("", ".") and p.is_dir()
    ),
    Path("/work/shared/seeds"),
)
# The published title is seed 003's heading; the short label is what its sentences call the
# session ("The 90-minute introductory GCM Talk was held…").
TITLE = (
    "Actionable recommendations on missing migrants and providing humanitarian "
    "assistance to migrants in distress"
)
SHORT_LABEL = "introductory GCM Talk"
VENUE = "IOM Headquarters, Geneva"
ORGANISERS = "UNNM Secretariat, ICRC, IFRC, IOM and UNHCR"
OBJECTIVES = [3, 7, 8, 12, 13, 15, 21, 23]


def seed(prefix: str) -> str:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"seed {prefix} is not in {SEEDS} (set FACILITATOR_SEEDS)")
    return found[0].read_text(encoding="utf-8")


def seed_questions() -> str:
    text = seed("000")
    start = text.index("- Which format and modality")
    return text[start : text.index("Methodology")]


def seed_objectives() -> str:
    """The concept note's Objective section, as an organiser copies it."""
    text = seed("000")
    return text[text.index("The objective of this") : text.index("The discussion will be")].strip()


def seed_agenda() -> str:
    text = seed("002")
    return text[text.index("10 minutes | Opening") : text.index("Activities")]


def agenda_editor(win: MainWindow) -> AgendaEditor:
    return win.session_view.findChild(AgendaEditor)


def questions_editor(win: MainWindow) -> QuestionsEditor:
    return win.session_view.findChild(QuestionsEditor)


def press(qtbot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def paste_into_dialog(qtbot, text: str, check: Callable[[QWidget], None]) -> None:
    """When the paste dialog opens: paste `text` with Ctrl+V, check the preview, press OK."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        box = dialog.findChild(QPlainTextEdit, "pasteText")
        QApplication.clipboard().setText(text)
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        check(dialog)
        dialog.accept()

    QTimer.singleShot(0, act)


def enter_details(qtbot, win: MainWindow) -> None:
    """Title to GCM objectives, typed into the Overview's fields (seed 000's concept note)."""
    type_line(qtbot, field(win, "title"), TITLE)
    type_line(qtbot, field(win, "short_label"), SHORT_LABEL)
    type_line(qtbot, field(win, "date"), "2023-03-23")
    time = field(win, "start_time", QTimeEdit)
    focus(qtbot, time)
    qtbot.keyClicks(time, "1500")
    qtbot.keyClick(time, Qt.Key.Key_Tab)
    type_line(qtbot, field(win, "timezone", QComboBox), "Europe/Zurich")
    fmt = field(win, "format", QComboBox)
    fmt.setCurrentIndex(fmt.findData("hybrid"))
    fmt.activated.emit(fmt.currentIndex())  # what choosing it in the popup emits
    type_line(qtbot, field(win, "venue"), VENUE)
    type_line(qtbot, field(win, "platform"), "Zoom")
    type_line(qtbot, field(win, "interpretation"), "en, fr, es")
    type_line(qtbot, field(win, "organisers"), ORGANISERS)
    objectives_text = field(win, "objectives_text")
    focus(qtbot, objectives_text)
    QApplication.clipboard().setText(seed_objectives())
    qtbot.keyClick(objectives_text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(objectives_text, Qt.Key.Key_Tab)
    objectives = field(win, "gcm_objectives", QListWidget)
    for n in OBJECTIVES:
        objectives.item(n - 1).setCheckState(Qt.CheckState.Checked)  # a click on its box


def replace_agenda(qtbot, win: MainWindow, check: Callable[[QWidget], None]) -> None:
    """Remove the template's five items, then paste seed 002's programme (`check` sees the
    paste dialog before OK)."""
    editor = agenda_editor(win)
    table = win.findChild(QTableView, "agendaTable")
    for _n in range(5):
        table.setFocus()
        press(qtbot, editor.remove_button)
    assert table.model().rowCount() == 0
    paste_into_dialog(qtbot, seed_agenda(), check)
    press(qtbot, editor.paste_button)


def paste_questions(qtbot, win: MainWindow, check: Callable[[QWidget], None]) -> None:
    """Paste seed 000's five guiding questions."""
    paste_into_dialog(qtbot, seed_questions(), check)
    press(qtbot, questions_editor(win).paste_button)
