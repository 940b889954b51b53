"""The bundled resources (fonts for Latin, Cyrillic and Arabic, templates, the demo series),
found with importlib.resources so editable installs, wheels and bundles all work. Qt-free: the
report writers and the window both take their fonts from here."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable


@cache
def _root() -> Traversable:
    # Found once: each files() call builds its reader again (3 ms for the icon's eight sizes
    # and the four fonts at start-up).
    return files("facilitator.resources")


def resource(*parts: str) -> Traversable:
    node = _root()
    for part in parts:
        node = node / part
    return node


def font_path(name: str) -> str:
    return str(resource("fonts", name))
