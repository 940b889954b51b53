"""Hostile text in every field the note-taker types: 100 kB notes, every Unicode plane, NUL and
control characters, lone surrogates, bidi overrides, markup and formula prefixes. It is stored
(cleaned as documented in facilitator/domain/text.py), reads back as stored, survives the JSON
round trip, and every export format writes it without error."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.app import bundled, file_ops
from facilitator.domain import model as m
from facilitator.domain.entry import Entry, EntryPoint
from facilitator.domain.text import clean_name, clean_text
from facilitator.exports import json_series
from facilitator.exports.registry import FORMATS
from facilitator.storage import notes_store as ns
from facilitator.storage import open_file
from facilitator.storage import repository as repo

HOSTILE = st.one_of(
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60),
    st.sampled_from(
        [
            "\x00",
            "\x07\x1b[31m",
            "\u202eevil\u202c",
            "<b>&amp;</b><img src=x>",
            "=1+2",
            "+cmd",
            "-2",
            "@SUM(A1)",
            "\tindent",
            "\rreturn",
            "\ud800lone",
            "𝕏🙂\U0010fffd",
            "ﷺ مرحبا \u2067abc\u2069",
        ]
    ),
)


@settings(max_examples=25)
@given(notes=HOSTILE, point=HOSTILE, speaker=HOSTILE, country=HOSTILE)
def test_hostile_text_is_stored_and_exported_safely(
    tmp_path_factory, notes, point, speaker, country
):
    tmp = tmp_path_factory.mktemp("bad")
    path = tmp / "s.facilitator"
    file_ops.write_new_file(path, bundled.template_series("gcm-talk"))
    db = open_file(path, device="fuzz")
    session = repo.load_series(db).sessions[0]
    entry = Entry(
        session.session.id, country=country, notes=notes, points=[EntryPoint(point or "x")]
    )
    person = m.Participant(session.session.series_id, speaker or "x")
    iid = ns.save_entry(db, entry, new_speaker=person)
    stored = repo.get(db, m.Intervention, iid)
    assert stored.notes == clean_text(notes).strip()
    assert stored.country == clean_name(country)
    assert repo.get(db, m.Participant, stored.participant_id).name == clean_name(speaker or "x")
    content = repo.load_series(db)
    db.close()
    again = json_series.series_from_json(json.loads(json_series.dumps(content)))
    assert json_series.dumps(again) == json_series.dumps(content)
    for name, fmt in FORMATS.items():
        written = fmt.run(content, tmp / f"out.{fmt.suffix}", "ar", None, _no_progress())
        assert all(p.stat().st_size > 0 for p in written), name


def test_controls_and_lone_surrogates_are_removed_not_fatal(tmp_path):
    path = tmp_path / "s.facilitator"
    file_ops.write_new_file(path, bundled.template_series("gcm-talk"))
    db = open_file(path, device="d")
    session = repo.load_series(db).sessions[0]
    notes = "a\x00b\ud800c\x1bd \u202eRTL\u202c"
    iid = ns.save_entry(db, Entry(session.session.id, notes=notes, country="Ni\u202eger\x00"))
    stored = repo.get(db, m.Intervention, iid)
    db.close()
    assert stored.notes == "abcd \u202eRTL\u202c"  # bidi marks stay in notes, on purpose
    assert stored.country == "Niger"


def test_a_100_kb_note_is_stored_whole(tmp_path):
    path = tmp_path / "s.facilitator"
    file_ops.write_new_file(path, bundled.template_series("gcm-talk"))
    db = open_file(path, device="big")
    session = repo.load_series(db).sessions[0]
    text = ("Долгая заметка — ملاحظة طويلة — a long note. " * 2300)[:100_000]
    iid = ns.save_entry(db, Entry(session.session.id, notes=text))
    assert repo.get(db, m.Intervention, iid).notes == text.strip()
    db.close()


def _no_progress():
    from facilitator.exports.progress import NO_PROGRESS

    return NO_PROGRESS
