"""The app introduces itself as an installed application: name, version, icon."""

from __future__ import annotations

import tomllib
from pathlib import Path

from facilitator import __version__
from facilitator.ui.application import make_app

ROOT = Path(__file__).resolve().parents[2]


def test_name_version_and_icon():
    app = make_app()
    assert app.applicationName() == "Facilitator"
    assert app.applicationVersion() == __version__
    sizes = {size.width() for size in app.windowIcon().availableSizes()}
    assert {16, 32, 256} <= sizes  # a taskbar, a title bar and a dock all get a drawn size


def test_the_version_has_one_source():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" in project["dynamic"] and "version" not in project
