"""The pseudo-locale sweep: every window, tab, menu and dialog, with every catalog string shown
as ⟦…⟧. Any visible English word outside the marks escaped translation."""

from __future__ import annotations

import re

import pytest

from facilitator.app import bundled, file_ops
from facilitator.i18n.catalog import PSEUDO
from facilitator.ui import windows
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow

MARKED = re.compile("\u27e6[^\u27e6\u27e7]*\u27e7")  # innermost first: marks nest
WORD = re.compile(r"[A-Za-z]{2,}")
# Names that are the same in every language: the product, formats, platforms, keys.
ALLOWED = {
    "Facilitator",
    "GCM",
    "PDF",
    "CSV",
    "XLSX",
    "DOCX",
    "JSON",
    "Markdown",
    "Zoom",
    "UTF",
    "Ctrl",
    "Shift",
    "Alt",
    "Space",
    "Enter",
    "Return",
    "Esc",
    "PgUp",
    "PgDown",
    "Del",
    "Backspace",
    "Home",
    "End",
    "Ins",
    "Tab",
    "Left",
    "Right",
    "Up",
    "Down",
    "F1",
    "KB",
}


def leaks(texts) -> list[str]:
    found = []
    for where, text in texts:
        if "language-" in where or "exportLanguage" in where:
            continue  # each language is named in its own language, on purpose
        if "recentFile" in where:
            continue  # File > Open Recent lists the user's own file names
        if where.startswith("QStatusBar") and where.endswith(".toolTip"):
            continue  # the status line whole, as shown: here the file's path
        rest, previous = text, None
        while rest != previous:
            rest, previous = MARKED.sub("", rest), rest
        words = [w for w in WORD.findall(rest) if w not in ALLOWED]
        if words:
            found.append(f"{where}: {text!r}")
    return found


@pytest.fixture
def pseudo_window(qtbot, tmp_path):
    make_app()
    apply_language(PSEUDO)
    path = tmp_path / "sweep.facilitator"
    file_ops.write_new_file(path, bundled.template_series("gcm-talk"))
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(path)
    window.show()
    yield window
    apply_language("en")


def test_main_window_and_every_tab_is_translated(pseudo_window):
    found = []
    for tab in windows.session_tabs(pseudo_window):
        found += [f"[{tab}] {leak}" for leak in leaks(windows.visible_texts(pseudo_window))]
    assert not found, "\n".join(sorted(set(found)))


@pytest.mark.parametrize("name", sorted(windows.dialogs()))
def test_every_dialog_is_translated(pseudo_window, qtbot, name):
    dialog = windows.dialogs()[name](pseudo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    found = leaks(windows.visible_texts(dialog)) + leaks(windows.combo_texts(dialog))
    dialog.close()
    assert not found, "\n".join(found)
