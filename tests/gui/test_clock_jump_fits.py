"""The clock-jump question is shown whole in every language: the dialog grows with its
wrapped text (Spanish, Russian and Arabic take a line more than English)."""

from __future__ import annotations

import pytest
from shots import shots_dir

from facilitator.domain import timer as t
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.timer.clock_jump import ClockJumpDialog


@pytest.mark.parametrize("lang", ["en", "es", "ru", "ar", "fr"])
def test_the_whole_question_is_shown(qtbot, lang):
    make_app()
    apply_language(lang)
    try:
        start = t.parse_at("2024-02-01T13:00:00Z")
        dialog = ClockJumpDialog(t.ClockJump(start, start - 3600))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        message = dialog.message
        assert message.height() >= message.heightForWidth(message.width())
        buttons = list(dialog.buttons.values())
        assert message.geometry().bottom() < min(b.geometry().top() for b in buttons)
        assert max(b.geometry().bottom() for b in buttons) <= dialog.height()
        dialog.grab().save(str(shots_dir("a11y") / f"clock-jump-{lang}.png"))
    finally:
        apply_language("en")
