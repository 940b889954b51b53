"""A file made from a template, or an empty series, in the Arabic interface holds Arabic
texts; they are its originals, so an Arabic export asks for no versions of them (it listed the
Arabic agenda titles as having "no version in Arabic") and an English one lists them."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from facilitator.app import bundled, file_ops, prepare
from facilitator.app.exports import missing_versions
from facilitator.i18n import get_language, set_language
from facilitator.i18n.catalog import PSEUDO


@pytest.fixture
def language():
    before = get_language()
    yield set_language
    set_language(before)


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar", "ru"])
def test_a_template_is_written_in_the_interface_language(language, lang):
    language(lang)
    content = bundled.template_series("gcm-talk")
    assert content.series.content_language == lang
    assert missing_versions("pdf", content, lang, None) == []
    other = "en" if lang != "en" else "fr"
    assert missing_versions("pdf", content, other, None)  # the agenda titles, to translate


def test_a_new_file_in_arabic_keeps_arabic_as_its_originals(language, tmp_path):
    language("ar")
    path = tmp_path / "talk.facilitator"
    file_ops.new_from_template(path, "gcm-talk")
    empty = tmp_path / "empty.facilitator"
    prepare.new_series(empty, None)
    for made in (path, empty):
        with closing(sqlite3.connect(made)) as db:
            assert db.execute("SELECT content_language FROM series").fetchone()[0] == "ar"


def test_the_pseudo_locale_writes_english_originals(language):
    language(PSEUDO)
    assert bundled.template_series("gcm-talk").series.content_language == "en"
