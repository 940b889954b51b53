"""Showing people's own text inside a mirrored (or not) interface.

A first-strong isolate (U+2068 ... U+2069) lets Qt's bidi algorithm give each piece of user
text its own direction, so an English question keeps its "?" at the end in the Arabic
interface and an Arabic note keeps its word order in the English one.
"""

FSI, PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    return f"{FSI}{text}{PDI}" if text else text
