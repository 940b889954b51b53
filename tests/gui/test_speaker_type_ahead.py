"""The speaker field completes through the search's folding, from any part of a name,
organisation or country ("Jose" completes "José Pérez"), and it and its popup are wide enough
to read at 1100x720 and 1280x720 in every language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from shots import shots_dir

from facilitator.domain import model as m
from facilitator.i18n import LANGUAGES
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.notes.page import NotesPage

SHOTS = str(shots_dir("notes"))


@pytest.fixture
def window(qtbot, demo_path):
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1100, 720)
    win.open_path(demo_path)
    series_id = win.series.series.id
    for person in (
        m.Participant(
            series_id,
            "José Pérez",
            organisation="Secretaría de Relaciones Exteriores",
            country="México",
        ),
        m.Participant(
            series_id, "Пётр Семёнов", organisation="Российский Красный Крест", country="Россия"
        ),
    ):
        win.signals.run(lambda db, p=person: _insert(db, p))
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    page = win.findChild(NotesPage)
    win.session_view.tabs.setCurrentWidget(page)
    yield win, page
    apply_language("en")


def _insert(db, person):
    from facilitator.domain.changes import ChangeSet
    from facilitator.storage import repository as repo

    repo.insert(db, person)
    return ChangeSet(added=frozenset({("participant", person.id)}))


def type_text(widget, text):
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def completions(field) -> list[str]:
    model = field.completer().completionModel()
    return [model.index(n, 0).data() for n in range(model.rowCount())]


@pytest.mark.parametrize(
    "typed, name",
    [
        ("Jose", "José Pérez"),
        ("perez", "José Pérez"),
        ("relaciones exter", "José Pérez"),  # inside the organisation
        ("mexico", "José Pérez"),
        ("семенов", "Пётр Семёнов"),
        ("красный", "Пётр Семёнов"),
    ],
)
def test_any_part_without_accents_completes_the_name(qtbot, window, typed, name):
    _win, page = window
    field = page.form.speaker
    field.setFocus()
    type_text(field, typed)
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert any(line.startswith(name) for line in completions(field)), completions(field)
    row = next(n for n, line in enumerate(completions(field)) if line.startswith(name))
    for _n in range(row + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: field.text() == name, timeout=1000)
    assert field.person() is not None and field.person().name == name


@pytest.mark.parametrize("size", [(1100, 720), (1280, 720)], ids=["1100", "1280"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_speaker_field_and_popup_are_wide_enough(qtbot, window, lang, size):
    win, page = window
    apply_language(lang)
    win.resize(*size)
    qtbot.waitUntil(lambda: win.width() == size[0], timeout=2000)
    QApplication.processEvents()
    form, field = page.form, page.form.speaker
    chars = field.fontMetrics().averageCharWidth()
    assert field.width() >= 20 * chars, field.width()
    assert form.minimumSizeHint().width() <= form.width()  # nothing squeezed off the form
    field.setFocus()
    type_text(field, "pérez")
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    longest = max(popup.fontMetrics().horizontalAdvance(line) for line in completions(field))
    assert popup.width() >= min(longest + 20, win.width() - 40)
    if size == (1100, 720) and lang in ("en", "ar"):
        win.grab().save(f"{SHOTS}/speaker-{lang}-1100.png")
        popup.grab().save(f"{SHOTS}/speaker-popup-{lang}-1100.png")
    popup.hide()
