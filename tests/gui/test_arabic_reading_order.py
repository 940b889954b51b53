"""In Arabic every sentence of the interface reads right to left, even when it begins with a
key name, a file name or a speaker's Latin name: Qt gives a text the direction of its first
strong letter, so "Return أو النقر المزدوج…" was laid out left to right, its full stop before
its first word. What the app puts in a sentence is isolated (U+2068…U+2069), which that rule
skips. Checked on the demo (Latin names and titles) on every tab and in every dialog."""

from __future__ import annotations

from unicodedata import bidirectional

import pytest

from facilitator.ui import windows
from facilitator.ui.application import apply_language

FSI, LRI, RLI, PDI = "\u2068", "\u2066", "\u2067", "\u2069"


def paragraph_direction(text: str) -> str | None:
    """'R' or 'L' by the first strong letter outside isolates (Unicode bidi rules P2, P3)."""
    depth = 0
    for ch in text:
        if ch in (FSI, LRI, RLI):
            depth += 1
        elif ch == PDI:
            depth = max(0, depth - 1)
        elif depth == 0:
            kind = bidirectional(ch)
            if kind in ("R", "AL"):
                return "R"
            if kind == "L":
                return "L"
    return None


def has_arabic(text: str) -> bool:
    return any(bidirectional(ch) == "AL" for ch in text)


def left_to_right(texts) -> list[str]:
    return [
        f"{where}: {text!r}"
        for where, text in texts
        if has_arabic(text) and paragraph_direction(text) == "L" and not text.startswith("<")
    ]


@pytest.fixture
def arabic_window(demo_window):
    apply_language("ar")  # demo_window puts English back afterwards
    return demo_window


def test_every_tab_reads_right_to_left(arabic_window):
    found = []
    for tab in windows.session_tabs(arabic_window):
        found += [f"[{tab}] {x}" for x in left_to_right(windows.visible_texts(arabic_window))]
    assert not found, "\n".join(sorted(set(found)))


@pytest.mark.parametrize("name", sorted(windows.dialogs()))
def test_every_dialog_reads_right_to_left(arabic_window, qtbot, name):
    dialog = windows.dialogs()[name](arabic_window)
    qtbot.addWidget(dialog)
    dialog.show()
    found = left_to_right(windows.visible_texts(dialog)) + left_to_right(
        windows.combo_texts(dialog)
    )
    dialog.close()
    assert not found, "\n".join(found)
