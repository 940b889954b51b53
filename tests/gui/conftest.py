"""Fixtures of the GUI tests: a fake wall clock injected where the app opens its files."""

from __future__ import annotations

import pytest
from timer_fixtures import Clock

from facilitator.storage import open_file


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """Every file the window opens reads this clock, which the test advances by hand."""
    clock = Clock()
    monkeypatch.setattr(
        "facilitator.app.document.open_file",
        lambda path, **kwargs: open_file(path, wall=clock, **kwargs),
    )
    return clock
