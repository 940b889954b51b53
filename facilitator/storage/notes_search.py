"""Building FTS5 queries from what a note-taker types in the search box. Qt-free.

The search indexes (intervention_fts, point_fts) use the unicode61 tokenizer with
remove_diacritics 2: case and Latin accents are folded ("busqueda" finds "Búsqueda",
"мигранты" finds "МИГРАНТЫ"), every word is a token whatever its script. What the tokenizer
cannot do for Arabic is handled here, on the query side:

- Arabic glues the article and some particles to the word ("والمهاجرين", "and the migrants"):
  each Arabic word is also searched with those prefixes, and without the article when typed
  with it, so "مهاجرين" finds "المهاجرين".
- The hamza on an initial alef is often left out when typing fast ("اطفال" for "أطفال"): the
  forms of alef are searched too.

User input never reaches FTS5 syntax: every word is quoted (a quote inside is doubled) and
searched as a prefix, so typing "mig" already finds "migrants" and "AND", "NEAR(" or a stray
quote are just words.
"""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"[^\W_]+")
ARABIC = re.compile(r"[\u0600-\u06ff]")
ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
PREFIXES = ("", "ال", "و", "وال", "ب", "بال", "ل", "لل", "ف", "ك")
ALEFS = "اأإآ"
MAX_WORDS = 12  # a pasted paragraph must not become a query that takes seconds


def _strip_marks(text: str) -> str:
    """Drop combining marks (Arabic short vowels typed in the query; nothing else has them)."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if not unicodedata.combining(ch))


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"*'


def _arabic_variants(word: str) -> list[str]:
    stem = word
    for article in ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            stem = word[len(article) :]
            break
    stems = [stem]
    if stem[0] in ALEFS:
        stems = [alef + stem[1:] for alef in ALEFS]
    variants = [prefix + s for s in stems for prefix in PREFIXES]
    if word not in variants:
        variants.append(word)
    return list(dict.fromkeys(variants))


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression for `text` (all words, each as a prefix); None if no word."""
    words = WORD.findall(_strip_marks(text))[:MAX_WORDS]
    parts = []
    for word in words:
        if ARABIC.search(word):
            parts.append("(" + " OR ".join(_quote(v) for v in _arabic_variants(word)) + ")")
        else:
            parts.append(_quote(word))
    return " AND ".join(parts) if parts else None
