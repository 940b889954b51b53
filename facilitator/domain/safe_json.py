"""Reading JSON that may nest beyond any sane depth (a crafted file, a damaged value).

Python's parser recurses once per level and raises RecursionError past about a thousand;
every reader of untrusted JSON goes through `loads`, which turns that into `TooDeep` (a
ValueError, so validators that refuse malformed JSON refuse this too) for the caller to name
the place in one line. Nothing the app writes nests more than a few levels.
"""

from __future__ import annotations

import json
from typing import Any

from facilitator.i18n import _


class TooDeep(ValueError):
    """JSON nested too deeply to be read."""


# A series JSON nests five levels (series, sessions, interventions, points, their lists).
MAX_DEPTH = 32


def loads(text: str | bytes, max_depth: int = MAX_DEPTH) -> Any:
    try:
        data = json.loads(text)
    except RecursionError:
        raise TooDeep("nested too deeply") from None
    if isinstance(data, (list, dict)) and depth(data, max_depth) > max_depth:
        raise TooDeep("nested too deeply")
    return data


def depth(data: Any, limit: int) -> int:
    """How deeply `data` nests (without recursion), counted up to `limit` + 1."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        if not isinstance(value, (list, dict)):
            continue
        deepest = max(deepest, level)
        if deepest > limit:
            return deepest
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, level + 1) for child in children if isinstance(child, (list, dict)))
    return deepest


def reason(msg: str) -> str:
    """Python's English reason for a JSON syntax error, said in the user's language."""
    for start, reason in (
        ("Expecting value", _("a value is missing or the text ends too early")),
        ("Expecting property name", _("a name in double quotes is expected")),
        ("Expecting ',' delimiter", _("a comma is missing")),
        ("Expecting ':' delimiter", _("a colon is missing")),
        ("Unterminated string", _("a text in quotes is not closed")),
        ("Extra data", _("there is more after the end of the data")),
        ("Invalid control character", _("a text holds a control character")),
        ("Invalid \\escape", _("a backslash is followed by an unknown letter")),
        ("Invalid \\uXXXX escape", _("a \\u escape is not four hex digits")),
    ):
        if msg.startswith(start):
            return reason
    return _("the text is not in JSON form")
