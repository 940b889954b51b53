"""Where the bundled resources are: fonts, templates, the demo series, GCM objectives."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.exports import json_series
from facilitator.i18n import N_, _

TEMPLATES: dict[str, str] = {
    "gcm-talk": N_("90-minute GCM Talk (10/10/15/50/5 minutes)"),
    "regional-consultation": N_("Regional consultation (5/15/15/45/10 minutes)"),
    "demo": N_("The demo series: the 23 March 2023 GCM Talk and the 2024 regional consultations"),
}


def resource(*parts: str) -> Traversable:
    node = files("facilitator.resources")
    for part in parts:
        node = node / part
    return node


def font_path(name: str) -> str:
    return str(resource("fonts", name))


def demo_series() -> m.SeriesContent:
    return json_series.loads(resource("demo", "series.json").read_text(encoding="utf-8"))


def template_series(name: str) -> m.SeriesContent:
    """A fresh series from a bundled template (fresh ids every time, except for the demo)."""
    if name == "demo":
        return demo_series()
    if name not in TEMPLATES:
        raise FacilitatorError(
            _("Unknown template “{name}”; choose one of: {names}.").format(
                name=name, names=", ".join(TEMPLATES)
            )
        )
    text = resource("templates", f"{name}.json").read_text(encoding="utf-8")
    return json_series.loads(text)
