"""The one form of text that search compares: what the index stores and what a query becomes.
Pure and Qt-free; the same functions serve the notes search, type-ahead and highlighting.

People type fast and without marks, and paste text that has them; both must meet:

- Unicode compatibility forms (NFKC: full-width letters, ligatures), case and accents folded
  ("Búsqueda" ~ "busqueda", "Приём" ~ "прием": ё is е with a diaeresis);
- Arabic short vowels (tashkeel), shadda, the superscript alef and Quranic marks removed, and
  the tatweel that stretches words; the hamza forms of alef (أ إ آ ٱ) are alef, ؤ is و, ئ is ي;
  taa marbuta (ة) is haa (ه) and alef maqsura (ى) is yaa (ي), as typists use them
  interchangeably at the end of a word; the Persian forms of kaf and yeh are the Arabic ones;
- Chinese and Japanese write no spaces, so a run of ideographs or kana becomes its overlapping
  pairs of characters ("移民问题" -> "移民 民问 问题"): any word of two or more characters
  inside a sentence is then a sequence of whole tokens, found like a word of any other script.

`fold` works character by character, so `fold_spans` can say which characters of the original
text a folded word came from (to highlight what matched).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LETTERS = {
    "\u0671": "\u0627",  # alef wasla -> alef (the other alef forms decompose to alef + hamza)
    "\u0629": "\u0647",  # taa marbuta -> haa
    "\u0649": "\u064a",  # alef maqsura -> yaa
    "\u06cc": "\u064a",  # Persian yeh -> yaa
    "\u06a9": "\u0643",  # keheh -> kaf
    "\u06c0": "\u0647",  # heh with yeh above
    "\u0640": "",  # tatweel
}
# Ideographs (CJK unified, extension A, compatibility), hiragana and katakana: no spaces.
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]{2,}")


def _fold_once(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).casefold()
    text = unicodedata.normalize("NFKD", text)
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Mn", "Me", "Cf"):  # marks (tashkeel, shadda, accents), invisibles
            continue
        kept.append(_LETTERS.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(kept))


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """The folded form of one character (often itself, "" for a mark, two for "ß" or "ﬁ")."""
    folded = _fold_once(ch)
    for _round in range(4):  # until nothing changes: folding a folded text changes nothing
        again = "".join(_fold_once(c) for c in folded)
        if again == folded:
            break
        folded = again
    return folded


class _FoldTable(dict):
    """code point -> fold_char, for str.translate: each character is folded once (then read
    from C) instead of a Python call per character of every note saved or searched."""

    LIMIT = 65_536  # distinct characters kept; a text of every code point must not fill memory

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        if len(self) < self.LIMIT:
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """`text` as search compares it (see the module's docstring); idempotent."""
    if text.isascii():  # no marks, no compatibility forms: folding is lowering (merge, saves)
        return text.lower()
    return text.translate(_FOLD_TABLE)


def _pairs(match: re.Match[str]) -> str:
    run = match.group(0)
    return " " + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + " "


def search_form(text: str) -> str:
    """What the index stores for `text` and what a query is split from: folded, runs of CJK
    characters as overlapping pairs, one space between words; idempotent."""
    folded = fold(text)
    if not folded.isascii():  # no ideographs or kana in ASCII
        folded = _CJK.sub(_pairs, folded)
    # str.split() splits at exactly the characters regex \s matches (str.isspace), faster.
    return " ".join(folded.split())


_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The folded words of what was typed in a search box (CJK as character pairs)."""
    return _WORD.findall(search_form(text))


def fold_spans(text: str) -> tuple[str, list[int]]:
    """(fold(text), origin) where origin[k] is the index in `text` of the character that
    folded character k came from."""
    out: list[str] = []
    origin: list[int] = []
    for n, ch in enumerate(text):
        folded = fold_char(ch)
        out.append(folded)
        origin.extend([n] * len(folded))
    return "".join(out), origin


def contains(haystack: str, needle: str) -> bool:
    """Whether `needle` occurs anywhere in `haystack` once both are folded ("jose" in
    "José Pérez", "перес" in "Пе́рес")."""
    wanted = fold(needle).strip()
    return bool(wanted) and wanted in fold(haystack)


def match_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """(start, end) ranges of `text` where any of the folded `words` occurs, merged and in
    order: what the notes table highlights ("المهاجرين" covers "المهاجرّين" with its shadda)."""
    folded, origin = fold_spans(text)
    found: list[tuple[int, int]] = []
    for word in {w for w in words if w}:
        start = folded.find(word)
        while start >= 0:
            end = start + len(word) - 1
            found.append((origin[start], origin[end] + 1))
            start = folded.find(word, start + len(word))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    # A mark after the last matched letter belongs to it (the shadda of "ين", an accent).
    return [(s, _past_marks(text, e)) for s, e in merged]


def _past_marks(text: str, end: int) -> int:
    while end < len(text) and not fold_char(text[end]) and not text[end].isspace():
        end += 1
    return end
