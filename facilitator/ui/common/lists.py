"""Lists in a line of the interface, with the interface language's separator ("، " in Arabic,
not a Latin comma)."""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.i18n import _


def comma_join(items: Iterable[str]) -> str:
    return _(", ").join(items)
