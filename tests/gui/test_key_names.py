"""Instructions name keys as Qt names them in the interface language ("Retour", "Échap",
"Espace", "Av Pág"), from QKeySequence, never an English key name written into a message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from timer_fixtures import make_file
from timer_window import window_on_timer

from facilitator.ui.application import apply_language
from facilitator.ui.common.keys import key_text
from facilitator.ui.prepare.roles_editor import RolesEditor

POT = Path(__file__).parents[2] / "translations" / "messages.pot"
# A key's name in running text; "(Del)", "(Ctrl+Z)"... come in through {key}.
KEY_WORDS = re.compile(
    r"\b(Enter|Return|Esc|Escape|Space|Page ?Down|Page ?Up|PgDown|PgUp|Tab|Backspace|F\d{1,2}|"
    r"(Ctrl|Alt|Shift)\+\w+)\b"
)


def msgids() -> list[str]:
    text = POT.read_text(encoding="utf-8")
    return [m.encode().decode("unicode_escape") for m in re.findall(r'^msgid "(.+)"$', text, re.M)]


def test_no_message_names_a_key_in_english():
    named = [m for m in msgids() if KEY_WORDS.search(m)]
    assert not named, named


@pytest.mark.parametrize("lang", ["fr", "es", "ru"])
def test_the_timer_and_overview_say_keys_as_qt_does(qtbot, tmp_path, clock, lang):
    win, page = window_on_timer(qtbot, make_file(tmp_path))
    try:
        apply_language(lang)
        ret, space, down = key_text("Return"), key_text("Space"), key_text("PgDown")
        assert ret in page.queue.picker.toolTip()
        page.focus_cue.retranslate()
        assert space in page.focus_cue.toolTip() and down in page.focus_cue.toolTip()
        roles = win.findChild(RolesEditor)
        placeholders = [c.lineEdit().placeholderText() for c in roles.findChildren(QComboBox)]
        assert any(ret in p for p in placeholders if p), placeholders
        page.open_stage()
        qtbot.addWidget(page.stage)
        assert key_text("Esc") in page.stage.leave_action.text()
        if lang in ("fr", "es"):  # Qt translates these names there (ru keeps "Return")
            assert "Enter" not in page.queue.picker.toolTip()
            assert "Space" not in page.focus_cue.toolTip()
    finally:
        page.close_stage()
        apply_language("en")
