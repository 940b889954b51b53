"""Finding a person's name in free text, in the forms people write it. Pure, Qt-free.

Note-takers rarely type a full name: they write "Ms. Diallo called for…", "As Kuznetsova put
it", "Ezehi's point", "طالبت حداد", "по словам Кузнецовой". So a hidden person is looked for as
the full name and as each part of three letters or more, with an honorific before it in any of
the five languages (which goes too: "Ms. […]" would still say who), in any letter case, with
or without accents, Arabic diacritics or tatweel, with the Arabic prefixes و ف ب ك ل ال
attached, and with Russian case endings. Matching runs on a folded copy of the text whose
characters map back to the original, so the replacement keeps everything else as typed.

What cannot be found here: a nickname or a spelling nobody registered, a name in another
script than the one registered (a transliteration), or a description that identifies someone
("the minister of the host country"). The privacy check says so to the rapporteur.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

HIDDEN = "[…]"

# Honorifics that may precede a name (folded: lower case, no accents or diacritics).
TITLES = (
    # English
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "madam",
    "h.e", "h. e", "his excellency", "her excellency", "ambassador", "minister", "hon",
    # French
    "m", "mme", "mlle", "mmes", "mm", "me", "pr", "son excellence", "s.e", "s. e",
    "ambassadeur", "ambassadrice", "monsieur", "madame", "mademoiselle", "docteur",
    # Spanish
    "sr", "sra", "srta", "sres", "d", "dna", "don", "dona", "dra", "excmo", "excma",
    "embajador", "embajadora", "senor", "senora", "senorita",
    # Russian
    "г-н", "г-на", "г-ну", "г-ном", "г-жа", "г-жи", "г-же", "г-жой", "господин", "господина",
    "госпожа", "госпожи", "д-р", "проф", "посол", "его превосходительство",
    # Arabic (folded: ة as ه, أ as ا)
    "السيد", "السيده", "الدكتور", "الدكتوره", "د", "الاستاذ", "الاستاذه", "سعاده", "معالي",
    "السفير", "السفيره", "فخامه",
)  # fmt: skip
# Name particles that are words of their own in running text: never matched alone.
PARTICLES = frozenset(
    "van von der den del della des dos das die bin ibn bint abu ben binti "
    "عبد بن بنت ابو ابن ال".split()
)
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_FOLD_MAP = {"ى": "ي", "ة": "ه", "ـ": "", "’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-"}
_SPLIT = re.compile(r"[\s\-‐‑]+")


@cache  # one entry per distinct character: reports fold every text they print
def _fold_char(ch: str) -> str:
    ch = _FOLD_MAP.get(ch, ch)
    out = []
    for part in unicodedata.normalize("NFKD", ch):
        category = unicodedata.category(part)
        if category in ("Mn", "Me", "Cf"):  # accents, harakat, hamza marks, invisible controls
            continue
        out.append(_FOLD_MAP.get(part, part))
    return "".join(out).casefold()


def fold(text: str) -> str:
    """The text as it is compared: case, accents, Arabic diacritics and tatweel folded."""
    return "".join(_fold_char(ch) for ch in text)


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the original one."""
    if text.isascii():  # folding ASCII is lower case, character for character
        return text.lower(), list(range(len(text)))
    chars: list[str] = []
    where: list[int] = []
    for n, ch in enumerate(text):
        folded = _fold_char(ch)
        chars.append(folded)
        where.extend([n] * len(folded))
    return "".join(chars), where


def parts(name: str) -> list[str]:
    """The folded parts of a name that are matched on their own: three letters or more."""
    found = []
    for piece in _SPLIT.split(fold(name)):
        piece = piece.strip(".,'")
        letters = sum(ch.isalpha() for ch in piece)
        if letters >= 3 and piece not in PARTICLES:
            found.append(piece)
            if _ARABIC_LETTER.match(piece) and piece.startswith("ال") and letters >= 5:
                found.append(piece[2:])  # "الحداد" is also written "حداد"
    return found


def _needle(token: str) -> str:
    """A piece of text every match of the token's pattern holds (see _token_pattern)."""
    first = token.split()[0]
    return first[:-1] if len(first) > 1 else first


def _token_pattern(token: str) -> str:
    """A regular expression for one folded token, with the endings its script allows."""
    words = [re.escape(w) for w in token.split()]
    body = r"[\s\-]+".join(words)
    if _ARABIC_LETTER.search(token):
        return r"(?:[وف]?(?:[بك]?ال|لل|[بكل])?)" + body
    if _CYRILLIC.search(token):
        last = token.split()[-1]
        if len(last) >= 4 and last[-1] in "аяйьоеы":
            body = body[: -len(re.escape(last[-1]))]
        return body + "[а-яё]{0,3}"
    return body


@dataclass(frozen=True)
class Found:
    start: int  # in the original text
    end: int
    text: str  # as written
    who: str  # the registered name or affiliation it stands for


class NameMatcher:
    """Finds and replaces the registered names (every form) and affiliations (as written)."""

    def __init__(self, names: Iterable[str] = (), affiliations: Iterable[str] = ()) -> None:
        self.tokens: dict[str, str] = {}  # folded token -> who
        for name in names:
            name = " ".join(name.split())
            if sum(ch.isalpha() for ch in fold(name)) < 2:  # "#3", a placeholder
                continue
            self.tokens.setdefault(" ".join(fold(name).split()), name)
            for part in parts(name):
                self.tokens.setdefault(part, name)
        for place in affiliations:
            place = " ".join(place.split())
            folded = " ".join(fold(place).split())
            if sum(ch.isalpha() for ch in folded) >= 2:
                self.tokens.setdefault(folded, place)
        self.pattern = self._compile()
        # What any match holds as written (its first word; a Russian ending may take the
        # last letter): a text with none of these is not run through the whole pattern, which
        # tries every title and token at every character.
        self._needles = tuple({_needle(t) for t in self.tokens})

    def _compile(self) -> re.Pattern[str] | None:
        if not self.tokens:
            return None
        tokens = sorted(self.tokens, key=len, reverse=True)
        names = "|".join(f"(?P<t{n}>{_token_pattern(t)})" for n, t in enumerate(tokens))
        self._order = tokens
        titles = "|".join(
            re.escape(t).replace(r"\ ", r"\s*") for t in sorted(TITLES, key=len, reverse=True)
        )
        # A title goes with the name it precedes: "Ms. Diallo", "H. E. Mr Diallo", "السيد حداد".
        title = rf"(?:(?<!\w)(?:{titles})\.?\s+)*"
        return re.compile(rf"{title}(?<!\w)(?:{names})(?!\w)")

    def __bool__(self) -> bool:
        return self.pattern is not None

    def find(self, text: str) -> list[Found]:
        if self.pattern is None or not text:
            return []
        if text.isascii():  # folded character for character: no map to build
            folded = text.lower()
            if not any(needle in folded for needle in self._needles):
                return []
            return self._find_in(text, folded, range(len(text)))
        folded, where = _folded_with_map(text)
        if not any(needle in folded for needle in self._needles):
            return []
        return self._find_in(text, folded, where)

    def _find_in(self, text: str, folded: str, where: Sequence[int]) -> list[Found]:
        found = []
        for match in self.pattern.finditer(folded):
            if match.end() == match.start():
                continue
            start = where[match.start()]
            end = where[match.end() - 1] + 1
            while end < len(text) and not _fold_char(text[end]):  # trailing marks go too
                end += 1
            token = next(
                self._order[int(k[1:])] for k, v in match.groupdict().items() if v is not None
            )
            found.append(Found(start, end, text[start:end], self.tokens[token]))
        return found

    def replace(self, text: str, placeholder: str = HIDDEN) -> str:
        if not text:
            return text
        out, at = [], 0
        for f in self.find(text):
            out += [text[at : f.start], placeholder]
            at = f.end
        return "".join(out) + text[at:] if out else text
