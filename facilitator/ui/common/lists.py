"""Lists in a line of the interface, with the interface language's separator ("، " in Arabic,
not a Latin comma). The same as facilitator.i18n.lists, in the interface language."""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.i18n.lists import and_join as _and_join
from facilitator.i18n.lists import comma_join as _comma_join


def comma_join(items: Iterable[str]) -> str:
    return _comma_join(items)


def and_join(items: Iterable[str]) -> str:
    return _and_join(items)
