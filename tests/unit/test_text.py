"""What people type is stored as typed (NFC); names lose invisible and bidi control characters."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.text import BIDI_CONTROLS, clean_name, clean_text, fold


def test_names_lose_bidi_overrides_and_zero_width_characters():
    # U+202E would display "Ali" + reversed text: a spoofing trick, and copy-paste debris.
    assert clean_name("Ali\u202eKhan\u202c") == "AliKhan"
    assert clean_name("\ufeffMaría\u200b José\u2066\u2069") == "María José"
    assert clean_name("  Jorge \t Gonzalez-Mayagoitia \n") == "Jorge Gonzalez-Mayagoitia"
    assert clean_name(None) == ""


def test_names_keep_joiners_that_are_part_of_a_spelling():
    # Zero-width non-joiner is part of Persian spelling ("می‌خواهم"); it must survive.
    assert "\u200c" in clean_name("می\u200cخواهم")


def test_text_is_nfc_and_keeps_lines_and_bidi_marks():
    decomposed = "Mesa de Bu\u0301squeda"
    assert clean_text(decomposed) == "Mesa de Búsqueda"
    assert clean_text("line one\r\nline two\rthree") == "line one\nline two\nthree"
    assert clean_text("المكسيك\u200f (Mexico)") == "المكسيك\u200f (Mexico)"
    assert clean_text("bell\x07 and nul\x00") == "bell and nul"


def test_fold_compares_names_without_case_or_accents():
    assert fold("JOSÉ  Pérez") == fold("jose perez")
    assert fold("أحمد") == fold("احمد")  # hamza on alef is a mark in NFKD
    assert fold("Ёлкин") != ""


@given(st.text())
def test_clean_name_is_idempotent_nfc_and_has_no_controls(text):
    cleaned = clean_name(text)
    assert clean_name(cleaned) == cleaned
    assert unicodedata.is_normalized("NFC", cleaned)
    assert cleaned == cleaned.strip()
    for ch in cleaned:
        assert ch not in BIDI_CONTROLS
        assert unicodedata.category(ch) != "Cc"
        assert unicodedata.category(ch) != "Cf" or ch in "\u200c\u200d"


@given(st.text())
def test_clean_text_is_idempotent_and_loses_only_controls(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert unicodedata.is_normalized("NFC", cleaned)
    lines = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(c for c in lines if c in "\n\t" or unicodedata.category(c) != "Cc")
    assert cleaned == kept  # nothing but control characters is ever dropped from notes


def test_notes_lose_exactly_the_control_characters_of_every_code_point():
    """Each of the 1,114,112 code points, alone: kept unless it is a C0/C1 control (Cc) or a
    lone surrogate (Cs), tab and line feed kept (carriage returns become line feeds)."""
    for code in range(0x110000):
        ch = chr(code)
        expected = "\n" if ch == "\r" else ch
        if ch not in "\n\t\r" and unicodedata.category(ch) in ("Cc", "Cs"):
            expected = ""
        else:
            expected = unicodedata.normalize("NFC", expected)
        assert clean_text(ch) == expected, hex(code)
