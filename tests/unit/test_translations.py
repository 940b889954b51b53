"""Versions of texts in the export languages: kept in the file, in the JSON archive, merged,
printed by the exports in their language, listed when missing, redacted like their originals."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from facilitator.app import bundled, file_ops
from facilitator.app import translations as app
from facilitator.domain import model as m
from facilitator.domain import translations as tr
from facilitator.exports import json_series, registry
from facilitator.exports.json_series import JsonFormatError
from facilitator.storage import open_file, translation_store
from facilitator.storage import repository as repo
from facilitator.storage.merge import merge

FR_TAKEAWAY = "Manque de ressources humaines, de budget et d’outils techniques"
FR_TOPIC = "Migrants disparus"


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "demo.facilitator"
    file_ops.write_new_file(path, bundled.demo_series())
    return path


def first_takeaway(content: m.SeriesContent) -> m.Takeaway:
    sc = content.sessions[0]
    return next(t for t in sorted(sc.takeaways, key=lambda t: t.position) if t.kind == "challenge")


def translate_some(path) -> tuple[m.Takeaway, m.Topic]:
    db = open_file(path, device="rapporteur")
    try:
        content = repo.load_series(db)
        takeaway = first_takeaway(content)
        topic = next(t for t in content.topics if t.id == takeaway.topic_id)
        translation_store.set_version(db, "takeaway", takeaway.id, "text", "fr", FR_TAKEAWAY)
        translation_store.set_version(db, "topic", topic.id, "name", "fr", FR_TOPIC)
        return takeaway, topic
    finally:
        db.close()


# --- storage ---------------------------------------------------------------------------------


def test_a_version_is_kept_in_the_file_cleared_as_a_tombstone_and_brought_back(demo):
    takeaway, _topic = translate_some(demo)
    db = open_file(demo, device="rapporteur")
    try:
        content = repo.load_series(db)
        assert tr.versions(content)[("takeaway", takeaway.id, "text")] == {"fr": FR_TAKEAWAY}
        record_id = m.translation_id("takeaway", takeaway.id, "text", "fr")
        assert translation_store.set_version(db, "takeaway", takeaway.id, "text", "fr", " ") is None
        assert db.conn.execute(
            "SELECT deleted FROM translation WHERE id = ?", (record_id,)
        ).fetchone() == (1,)
        again = translation_store.set_version(db, "takeaway", takeaway.id, "text", "fr", "Encore")
        assert again.id == record_id  # the same record, restored
        assert [t.text for t in repo.find(db, m.Translation)] == ["Encore", FR_TOPIC] or {
            t.text for t in repo.find(db, m.Translation)
        } == {"Encore", FR_TOPIC}
        with pytest.raises(ValueError):
            translation_store.set_version(db, "takeaway", takeaway.id, "kind", "fr", "x")
    finally:
        db.close()


def test_json_round_trip_keeps_every_version_byte_for_byte(demo, tmp_path):
    translate_some(demo)
    db = open_file(demo, device="reader", readonly=True)
    content = repo.load_series(db)
    db.close()
    text = json_series.dumps(content)
    doc = json.loads(text)
    assert doc["version"] == 4
    topics = doc["series"]["topics"]
    assert any(t.get("translations") == {"fr": {"name": FR_TOPIC}} for t in topics)
    again = json_series.loads(text)
    assert {(t.owner_id, t.language, t.text) for t in again.translations} == {
        (t.owner_id, t.language, t.text) for t in content.translations
    }
    copy = tmp_path / "copy.facilitator"
    file_ops.write_new_file(copy, again)
    db = open_file(copy, device="reader", readonly=True)
    assert json_series.dumps(repo.load_series(db)) == text
    db.close()


@pytest.mark.parametrize(
    "bad, where",
    [
        ({"de": {"text": "x"}}, "translations"),
        ({"fr": {"kind": "x"}}, "translations.fr"),
        ({"fr": {"text": 3}}, "translations.fr.text"),
        ({"fr": "x"}, "translations.fr"),
    ],
)
def test_a_wrong_version_in_json_is_refused_naming_its_path(demo, bad, where):
    db = open_file(demo, device="reader", readonly=True)
    doc = json_series.series_to_json(repo.load_series(db))
    db.close()
    doc["series"]["sessions"][0]["takeaways"][0]["translations"] = bad
    with pytest.raises(JsonFormatError, match=rf"sessions\[0\]\.takeaways\[0\]\.{where}"):
        json_series.series_from_json(doc)


def test_a_version_3_document_reads_with_no_versions_and_english_originals(demo):
    db = open_file(demo, device="reader", readonly=True)
    doc = json_series.series_to_json(repo.load_series(db))
    db.close()
    doc["version"] = 3
    del doc["series"]["content_language"]
    content = json_series.series_from_json(doc)
    assert content.translations == [] and content.series.content_language == "en"


# --- merge -----------------------------------------------------------------------------------


def test_two_laptops_writing_the_same_version_merge_into_one_record(demo, tmp_path):
    takeaway = first_takeaway(json_series.loads(json_series.dumps(_load(demo))))
    paths = []
    for n, (device, text) in enumerate((("laptop-a", "Version A"), ("laptop-b", "Version B"))):
        path = tmp_path / f"{device}.facilitator"
        shutil.copyfile(demo, path)
        db = open_file(path, device=device, wall=lambda n=n: 1_800_000_000.0 + n)
        translation_store.set_version(db, "takeaway", takeaway.id, "text", "fr", text)
        db.close()
        paths.append(path)
    db = open_file(paths[0], device="laptop-a", wall=lambda: 1_800_000_010.0)
    report = merge(db, paths[1])
    found = repo.find(db, m.Translation)
    assert [(t.owner_id, t.text) for t in found] == [(takeaway.id, "Version B")]  # the later
    assert [c.table for c in report.conflicts] == ["translation"]  # the lost one is kept
    db.close()


def _load(path) -> m.SeriesContent:
    db = open_file(path, device="reader", readonly=True)
    try:
        return repo.load_series(db)
    finally:
        db.close()


# --- exports ---------------------------------------------------------------------------------


def test_missing_lists_what_has_no_version_and_localize_falls_back_to_the_original(demo):
    takeaway, topic = translate_some(demo)
    content = _load(demo)
    sid = [content.sessions[0].session.id]
    missing = tr.missing(content, "fr", sid)
    keys = {e.key for e in missing}
    assert ("takeaway", takeaway.id, "text") not in keys
    assert ("topic", topic.id, "name") not in keys
    assert ("session", sid[0], "background") in keys
    assert tr.missing(content, "en", sid) == []  # the originals' language lacks nothing
    assert all(e.kind != "agenda_item" for e in tr.missing(content, "fr", sid, ("agenda_item",)))
    local = tr.localize(content, "fr")
    sc = local.sessions[0]
    assert next(t for t in sc.takeaways if t.id == takeaway.id).text == FR_TAKEAWAY
    assert sc.session.background == content.sessions[0].session.background  # the original
    assert first_takeaway(content).text != FR_TAKEAWAY  # the series itself is unchanged
    text = app.describe_missing(missing, "fr", "en", limit=2)
    assert text.splitlines()[0].startswith(f"{len(missing)} texts have no version in French")
    assert text.splitlines()[-1] == f"… and {len(missing) - 2} more"


def test_markdown_and_pdf_in_french_print_the_versions_and_the_originals_elsewhere(demo, tmp_path):
    takeaway, _topic = translate_some(demo)
    content = _load(demo)
    sid = [content.sessions[0].session.id]
    md, pdf = tmp_path / "fr.md", tmp_path / "fr.pdf"
    registry.export("md", content, md, "fr", sid, template="public")
    registry.export("pdf", content, pdf, "fr", sid, template="public")
    english = content.sessions[0].session.background.split()[:4]
    text = md.read_text(encoding="utf-8")
    assert FR_TAKEAWAY in text and FR_TOPIC in text
    assert takeaway.text not in text
    assert " ".join(english) in text  # no version: the original
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(out.split())
    assert FR_TOPIC in flat and "Manque de ressources humaines" in flat
    assert "Lack of human resources" not in flat
    # In English the originals.
    registry.export("md", content, md, "en", sid, template="public")
    assert takeaway.text in md.read_text(encoding="utf-8")


def run_cli(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command_line_lists_what_is_missing_and_falls_back_or_refuses(demo, tmp_path):
    translate_some(demo)
    out = tmp_path / "report.md"
    done = run_cli(
        "--lang", "en", "export", str(demo), "--format", "md", "--lang", "fr",
        "--session", "1", "-o", str(out), cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "have no version in French; the export prints them in the original:" in done.stderr
    assert "- Background: " in done.stderr and "- Agenda item" not in done.stderr  # public
    assert FR_TAKEAWAY in out.read_text(encoding="utf-8")
    out.unlink()
    refused = run_cli(
        "--lang", "en", "export", str(demo), "--format", "md", "--lang", "fr",
        "--session", "1", "-o", str(out), "--require-translations", cwd=tmp_path,
    )  # fmt: skip
    assert refused.returncode == 1 and not out.exists()
    assert "nothing was written" in refused.stderr and "Traceback" not in refused.stderr
    # The originals' language lacks nothing: no list.
    english = run_cli(
        "export", str(demo), "--format", "md", "--lang", "en", "--session", "1",
        "-o", str(out), "--require-translations", cwd=tmp_path,
    )  # fmt: skip
    assert english.returncode == 0 and english.stderr == ""


# --- privacy ---------------------------------------------------------------------------------


def test_under_the_chatham_house_rule_a_translated_take_away_is_redacted_like_its_original(
    tmp_path,
):
    from privacy_data import HIDDEN, series
    from privacy_scan import leaks

    content = series(chatham=True)
    sc = content.sessions[0]
    named = next(p for p in content.participants if p.may_be_named)  # may be named, but not
    for n, t in enumerate(sc.takeaways):  # attributed under the Rule
        text = f"Comme l’a dit {HIDDEN[n]} ({named.name}, {named.organisation}), il faut agir"
        content.translations.append(m.Translation("takeaway", t.id, "text", "fr", text))
    paths = []
    for fmt, suffix in (("md", ".md"), ("pdf", ".pdf"), ("docx", ".docx")):
        path = tmp_path / f"report-fr{suffix}"
        registry.export(fmt, content, path, "fr")
        paths.append(path)
    shared = tmp_path / "shared.json"
    registry.export("json-shared", content, shared, "fr")
    assert leaks([*paths, shared], HIDDEN) == []  # in no byte of any format
    # A named speaker is printed among the speakers, never in what was said.
    lines = [x for x in paths[0].read_text(encoding="utf-8").splitlines() if "il faut agir" in x]
    assert len(lines) == len(sc.takeaways)
    assert not [x for x in lines if named.name.split()[0] in x or named.organisation in x]
    pdf = subprocess.run(
        ["pdftotext", str(paths[1]), "-"], capture_output=True, text=True, check=True
    ).stdout
    said = [x for x in " ".join(pdf.split()).split("Comme l’a dit")[1:]]
    assert len(said) == len(sc.takeaways) and not [x for x in said if "Maya" in x[:40]]
    kept = json.loads(shared.read_text(encoding="utf-8"))["series"]["sessions"][0]
    versions = [t["translations"]["fr"]["text"] for t in kept["takeaways"]]
    assert len(versions) == 4 and all("Maya" not in v and "Org A" not in v for v in versions)


def test_a_colleagues_file_of_an_older_format_merges_and_the_versions_stay(tmp_path):
    from pathlib import Path

    fixture = Path(__file__).parents[1] / "fixtures" / "format2.facilitator"
    ours, theirs = tmp_path / "ours.facilitator", tmp_path / "theirs.facilitator"
    shutil.copyfile(fixture, ours)
    shutil.copyfile(fixture, theirs)  # no translation table, no content_language
    db = open_file(ours, device="ours", wall=lambda: 1_900_000_000.0)
    try:
        topic = repo.find(db, m.Topic)[0]
        translation_store.set_version(db, "topic", topic.id, "name", "ar", "المهاجرون المفقودون")
        translation_store.set_content_language(db, repo.get_series(db).id, "fr")
        merge(db, theirs, now=1_900_000_000.0)
        assert [t.text for t in repo.find(db, m.Translation)] == ["المهاجرون المفقودون"]
        assert repo.get_series(db).content_language == "fr"  # the older file had no say
    finally:
        db.close()


def test_word_in_french_prints_the_version(demo, tmp_path):
    import docx

    translate_some(demo)
    content = _load(demo)
    out = tmp_path / "fr.docx"
    registry.export("docx", content, out, "fr", [content.sessions[0].session.id])
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert FR_TAKEAWAY in text and FR_TOPIC in text


def test_with_french_originals_an_export_in_french_lacks_nothing_and_english_does(demo):
    db = open_file(demo, device="rapporteur")
    try:
        translation_store.set_content_language(db, repo.get_series(db).id, "fr")
        content = repo.load_series(db)
    finally:
        db.close()
    assert tr.missing(content, "fr") == []
    assert tr.missing(content, "en")  # English is now a language of versions


def test_the_privacy_check_names_the_version_where_a_hidden_name_was_replaced():
    from privacy_data import series

    from facilitator.app import privacy

    content = series(chatham=False)
    takeaway = content.sessions[0].takeaways[0]
    text = "Selon Olga Kuznetsova, il faut agir"
    content.translations.append(m.Translation("takeaway", takeaway.id, "text", "fr", text))
    found = privacy.check(content, "pdf", None).changes
    version = [c for c in found if c.where.field == "text:fr"]
    assert len(version) == 1 and version[0].after == "Selon […], il faut agir"
    assert privacy.place_text(version[0], content).endswith("take-away 1, version in French")


def test_the_privacy_check_calls_the_reports_own_text_by_its_name_not_a_take_away():
    from privacy_data import series

    from facilitator.app import privacy

    content = series(chatham=False)
    sc = content.sessions[0]
    lead = m.Takeaway(
        sc.session.id, "Opened by Olga Kuznetsova.", "narrative", None, [], position=9
    )
    sc.takeaways.append(lead)
    found = [c for c in privacy.check(content, "pdf", None).changes if c.where.record_id == lead.id]
    assert len(found) == 1
    assert privacy.place_text(found[0], content).endswith(
        "the report's text on a topic (Summary tab)"
    )
