"""Where the bundled resources are: fonts, templates, the demo series, GCM objectives."""

from __future__ import annotations

from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.exports import json_series
from facilitator.i18n import LANGUAGES, N_, _, get_language
from facilitator.i18n.fonts import resource
from facilitator.i18n.lists import comma_join

TEMPLATES: dict[str, str] = {
    "gcm-talk": N_("90-minute GCM Talk (10/10/15/50/5 minutes)"),
    "regional-consultation": N_("Regional consultation (5/15/15/45/10 minutes)"),
    "demo": N_("The demo series: the 23 March 2023 GCM Talk and the 2024 regional consultations"),
}


# The texts of the templates, so a new file starts in the interface language.
TEMPLATE_TEXTS = (
    N_("New GCM Talk"),
    N_("New regional consultation"),
    N_("Opening remarks"),
    N_("Setting the scene"),
    N_("Key discussants"),
    N_("Discussion"),
    N_("Closing remarks"),
    N_("Presentation of draft recommendations, missing migrants"),
    N_(
        "Presentation of key elements of recommendations, humanitarian assistance to migrants in distress"
    ),
    N_("UNNM Secretariat"),
    N_("Workstream co-lead, Missing Migrants Pillar"),
    N_("Workstream co-lead, Humanitarian Assistance Pillar"),
    N_("Moderator: UNNM Secretariat"),
    N_("Workstream member"),
    N_("The session will outline the background and objectives of the workstream."),
)


def originals_language() -> str:
    """The language a new file's texts are written in: the interface's, in which the template
    was just translated (English under the pseudo-locale)."""
    lang = get_language()
    return lang if lang in LANGUAGES else "en"


def _localize(content: m.SeriesContent) -> m.SeriesContent:
    # The originals are in the interface's language: an export in it asks for no versions.
    content.series.content_language = originals_language()
    content.series.title = _(content.series.title)
    for sc in content.sessions:
        sc.session.title = _(sc.session.title)
        for item in sc.agenda:
            item.title = _(item.title)
            item.speakers = _(item.speakers) if item.speakers else ""
            item.description = _(item.description) if item.description else ""
    return content


def demo_series() -> m.SeriesContent:
    return json_series.loads(resource("demo", "series.json").read_text(encoding="utf-8"))


def template_series(name: str) -> m.SeriesContent:
    """A fresh series from a bundled template (fresh ids every time, except for the demo)."""
    if name == "demo":
        return demo_series()
    if name not in TEMPLATES:
        raise FacilitatorError(
            _("Unknown template “{name}”; choose one of: {names}.").format(
                name=name, names=comma_join(TEMPLATES)
            )
        )
    text = resource("templates", f"{name}.json").read_text(encoding="utf-8")
    return _localize(json_series.loads(text))
