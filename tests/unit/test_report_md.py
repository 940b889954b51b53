"""The Markdown report in the five languages: seed sections in order, figures, take-aways;
Arabic is wrapped in a right-to-left block."""

from __future__ import annotations

import pytest
from report_checks import LANGS, assert_report_text
from report_data import build_series

from facilitator.exports import registry
from facilitator.exports.report_markdown import escape
from facilitator.i18n import gettext_in


def unescape(text: str) -> str:
    return text.replace("\\", "")


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_report_has_the_seed_sections_figures_and_takeaways(tmp_path, lang):
    out = tmp_path / f"report-{lang}.md"
    registry.export("md", build_series(), out, lang)
    text = out.read_text(encoding="utf-8")
    assert_report_text(unescape(text), lang)
    assert f"## {escape(gettext_in(lang, 'Background'))}" in text
    assert text.startswith('<div dir="rtl">') == (lang == "ar")


def test_takeaways_are_list_items_under_their_kind():
    from facilitator.exports.report_markdown import render_markdown
    from facilitator.exports.report_model import build_report

    text = render_markdown(build_report(build_series(), "en")).decode()
    block = text.split("**Challenges:**", 1)[1]
    assert block.lstrip().startswith("- Families lack information on the search")
