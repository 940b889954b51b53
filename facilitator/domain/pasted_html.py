"""Pasted text that carries HTML (a web page's source, a concept note exported with its tags):
the markup is structure, never words. Pure functions.

`to_plain` turns table cells into tab-separated cells and table rows into lines, as Word
copies a table; list items, line breaks and paragraphs become lines marked `BREAK`, for the
agenda reader to decide whether they start an item or continue the one above (a role under a
title, as in concept note 001: "Opening remarks <ul …>UNNM Secretariat …"). Other tags go,
entities are decoded ("&amp;" is "&", "&nbsp;" a space).
"""

from __future__ import annotations

import html
import re

BREAK = "\x1f"  # starts a line that was a tag, not a line of the text

_ROW = re.compile(r"<\s*/?\s*(?:tr|table|thead|tbody|tfoot)\b[^<>]*>", re.IGNORECASE)
_CELL = re.compile(r"<\s*/?\s*(?:td|th)\b[^<>]*>", re.IGNORECASE)
_BLOCK = re.compile(
    r"<\s*/?\s*(?:ul|ol|li|br|p|div|dd|dt|dl|h[1-6]|section|article|blockquote)\b[^<>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_HAS_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def has_markup(text: str) -> bool:
    return bool(_HAS_MARKUP.search(text))


def to_plain(text: str) -> str:
    """The text without its markup (see the module's docstring); plain text is unchanged."""
    if not has_markup(text):
        return text
    text = _COMMENT.sub(" ", text)
    text = _ROW.sub("\n", text)
    text = _CELL.sub("\t", text)
    text = _BLOCK.sub("\n" + BREAK, text)
    text = _TAG.sub("", text)
    # Decoded last, so "&lt;b&gt;" written in the text stays the words "<b>".
    return html.unescape(text).replace("\u00a0", " ")
