"""Building FTS5 queries from what a note-taker types in the search box. Qt-free.

The index (search_fts, see search_index.py) holds every intervention in the folded form of
facilitator.domain.search_text; a query is folded by the same function, so marks, case,
accents, hamza and taa marbuta never stand between what is typed and what was written, and a
Chinese word inside a sentence is a run of character pairs on both sides. What folding cannot
do for Arabic is handled here: Arabic glues the article and some particles to the word
("والمهاجرين", "and the migrants"), so each Arabic word is also searched with those prefixes,
and without the article when typed with it ("مهاجرين" finds "المهاجرين").

User input never reaches FTS5 syntax: every word is quoted (a quote inside is doubled) and
searched as a prefix, so typing "mig" already finds "migrants" and "AND", "NEAR(" or a stray
quote are just words.
"""

from __future__ import annotations

import re

from facilitator.domain.search_text import words

ARABIC = re.compile(r"[\u0600-\u06ff]")
ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
PREFIXES = ("", "ال", "و", "وال", "ب", "بال", "ل", "لل", "ف", "ك")
MAX_WORDS = 12  # a pasted paragraph must not become a query that takes seconds


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"*'


def _arabic_variants(word: str) -> list[str]:
    stem = word
    for article in ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            stem = word[len(article) :]
            break
    variants = [prefix + stem for prefix in PREFIXES]
    if word not in variants:
        variants.append(word)
    return list(dict.fromkeys(variants))


def query_words(text: str) -> list[str]:
    """The folded words of a query (CJK as character pairs), at most MAX_WORDS."""
    return words(text)[:MAX_WORDS]


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression for `text` (all words, each as a prefix); None if no word."""
    parts = []
    for word in query_words(text):
        if ARABIC.search(word):
            parts.append("(" + " OR ".join(_quote(v) for v in _arabic_variants(word)) + ")")
        else:
            parts.append(_quote(word))
    return " AND ".join(parts) if parts else None
