"""Hypothesis strategies for people's names and the forms note-takers write them in: three
scripts, honorifics of the five languages, possessives, letter case, accents, Arabic
diacritics and tatweel, Russian case endings, Arabic prefixes."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import assume
from hypothesis import strategies as st

from facilitator.domain.names import PARTICLES, TITLES, fold

LETTERS = {
    "latin": "abcdefghijklmnoprstuvyz",
    "cyrillic": "абвгдежзиклмнопрстуфхцчшэюя",
    "arabic": "ابتثجحخدذرزسشصضطظعغفقكمنهوي",
}
SHOWN_TITLES = {
    "latin": ["Ms.", "Mr", "Dr.", "H.E.", "M.", "Mme", "Sr.", "Sra.", "Prof.", "Ambassador"],
    "cyrillic": ["г-н", "г-жа", "господин", "госпожа"],
    "arabic": ["السيد", "السيدة", "الدكتور", "سعادة"],
}
ACCENTS = {"a": "á", "e": "é", "i": "í", "o": "ö", "u": "ü", "n": "ñ", "c": "ç"}
HARAKAT = "\u064e\u064f\u0650\u0651\u0652"


@dataclass(frozen=True)
class Written:
    name: str  # as registered
    form: str  # as a note-taker wrote it
    tail: str  # what stays after the replacement ("'s")
    script: str


@st.composite
def names(draw, sentinel: bool = False) -> tuple[str, str]:
    script = draw(st.sampled_from(sorted(LETTERS)))
    mark = {"latin": "Zq", "cyrillic": "Жщ", "arabic": "ظغ"}[script] if sentinel else ""
    part = st.text(LETTERS[script], min_size=3, max_size=8).map(lambda p: mark + p)
    pieces = draw(st.lists(part, min_size=1, max_size=3, unique=True))
    if script != "arabic":
        pieces = [p[0].upper() + p[1:] for p in pieces]
    for p in pieces:
        assume(fold(p) not in PARTICLES and fold(p) not in TITLES)
    return " ".join(pieces), script


@st.composite
def written(draw, sentinel: bool = False) -> Written:
    name, script = draw(names(sentinel))
    pieces = name.split()
    whole = draw(st.booleans())
    form = name if whole else draw(st.sampled_from(pieces))
    if script == "latin":
        if draw(st.booleans()):  # typed with accents the roster lacks
            form = "".join(ACCENTS.get(ch, ch) if draw(st.booleans()) else ch for ch in form)
        form = draw(st.sampled_from([str.upper, str.lower, str.title, lambda s: s]))(form)
    elif script == "cyrillic":
        form = draw(st.sampled_from([str.upper, str.lower, lambda s: s]))(form)
        if not whole and draw(st.booleans()):
            form += draw(st.sampled_from(["ой", "у", "ом", "е"]))  # a case ending
    else:
        if draw(st.booleans()):
            form = "".join(ch + draw(st.sampled_from(["", "", "ـ", *HARAKAT])) for ch in form)
        if draw(st.booleans()):
            form = draw(st.sampled_from(["و", "ب", "لل", "وال"])) + form
    if draw(st.booleans()):
        form = draw(st.sampled_from(SHOWN_TITLES[script])) + " " + form
    tail = ""
    if script == "latin" and draw(st.booleans()):
        tail = draw(st.sampled_from(["'s", "’s"]))
    return Written(name, form + tail, tail, script)
