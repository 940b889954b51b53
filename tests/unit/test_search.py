"""Search finds what people type: one folded form for the index and the query (Arabic marks,
hamza, taa marbuta, alef maqsura, tatweel; ё; NFKC; case and accents), Chinese words inside
sentences, and one document per intervention (notes, points, speaker, organisation, group,
country), kept in step by every write and rebuilt for files of older formats."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain import model as m
from facilitator.domain.entry import Entry, EntryPoint
from facilitator.domain.search_text import contains, fold, fold_char, fold_spans, search_form
from facilitator.storage import notes_store as store
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.notes_search import fts_query

FIXTURES = Path(__file__).parent.parent / "fixtures"
# Letters and marks of the scripts the notes are taken in, and a few traps (ligatures,
# full-width letters, ß, final sigma, tatweel, zero-width joiner).
ALPHABET = st.sampled_from(
    list("abcdeéèêëÉÀçñÑüßΣςабвгдеёЁйЙпрмоعربيةىأإآؤئءٱـًٌٍَُِّْٰ移民问题很重要のカ")
    + ["\u0301", "\u0308", "\ufb01", "\uff21", "\u200d", " ", "\n", "1", "٣"]
)
TEXTS = st.text(ALPHABET, max_size=30)


@given(TEXTS)
def test_folding_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
    assert search_form(search_form(text)) == search_form(text)


def test_a_text_folds_as_its_characters_do_for_every_code_point():
    """fold reads a table of folded characters: the same as folding each one (fold_char),
    for every code point, also past the characters the table keeps."""
    every = "".join(chr(code) for code in range(0x110000))
    assert fold(every) == "".join(fold_char(ch) for ch in every)
    assert fold(every) == fold(every)  # the second time from the table, as far as it holds


def test_words_are_split_where_the_regex_of_white_space_splits_them():
    """search_form splits at str.isspace: the characters regex \\s matches, for every code
    point (a character that folds to a space, as U+3000 does, splits too)."""
    import re

    space = re.compile(r"\s")
    for code in range(0x110000):
        folded = fold(chr(code))
        separates = bool(folded) and all(space.fullmatch(c) for c in folded)
        assert (search_form(f"x{chr(code)}y") == "x y") == separates, hex(code)


@given(TEXTS, st.data())
def test_any_word_of_a_text_finds_the_text(text, data):
    """Query and document are folded alike: any piece of the text, typed back as it is
    written, finds it (through SQLite's FTS5, as the notes table searches)."""
    words = text.split()
    if not words:
        return
    word = data.draw(st.sampled_from(words))
    query = fts_query(word)
    if query is None:  # only marks or punctuation
        return
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE f USING fts5(body, tokenize='unicode61 remove_diacritics 0')"
    )
    conn.execute("INSERT INTO f VALUES (?)", (search_form(text),))
    assert conn.execute("SELECT count(*) FROM f WHERE f MATCH ?", (query,)).fetchone()[0] == 1


@given(TEXTS)
def test_spans_point_back_into_the_original(text):
    folded, origin = fold_spans(text)
    assert folded == fold(text) and len(origin) == len(folded)
    assert origin == sorted(origin) and all(0 <= n < len(text) for n in origin)


@pytest.mark.parametrize(
    "written, typed",
    [
        ("Приём", "прием"),
        ("الهجرة", "الهجره"),
        ("مستشفى", "مستشفي"),
        ("أطفال", "اطفال"),
        ("المهاجرّين", "المهاجرين"),  # a shadda inside the word
        ("الْمُهَاجِرِينَ", "المهاجرين"),  # full tashkeel
        ("المـهـاجـرين", "المهاجرين"),  # tatweel
        ("ＧＣＭ ﬁnance", "gcm finance"),
        ("Straße", "STRASSE"),
    ],
)
def test_written_and_typed_forms_fold_alike(written, typed):
    assert search_form(written) == search_form(typed)


def test_names_match_any_part_without_accents():
    assert contains("José Pérez", "jose")
    assert contains("José Pérez", "PEREZ")
    assert contains("Оксана Пётрова", "петр")
    assert not contains("José Pérez", "")


@pytest.fixture
def talk(demo_db):
    return repo.load_series(demo_db).sessions[0]


def find(db, session_id, text):
    rows = store.list_interventions(db, session_id, store.NotesFilter(text=text), 0, 1000)
    assert store.count_interventions(db, session_id, store.NotesFilter(text=text)) == len(rows)
    return [r.intervention.id for r in rows]


@pytest.mark.parametrize(
    "notes, query",
    [
        ("دعم أسر المهاجرّين المفقودين", "المهاجرين"),  # one shadda made it unfindable
        ("دعم أسر المهاجرّين المفقودين", "المهاجرّين"),  # even pasted back with its mark
        ("Приём мигрантов на границе", "прием"),
        ("سياسات الهجرة الآمنة", "الهجره"),
        ("我们认为移民问题很重要", "移民"),  # a Chinese word inside a sentence
        ("我们认为移民问题很重要", "问题"),
        ("Le Maroc a présenté son plan", "presente"),
    ],
)
def test_the_notes_table_finds_what_people_type(demo_db, talk, notes, query):
    target = store.save_entry(demo_db, Entry(session_id=talk.session.id, notes=notes))
    assert target in find(demo_db, talk.session.id, query)


def test_speaker_organisation_group_and_country_are_searched(demo_db, talk):
    speaker = m.Participant(
        talk.session.series_id,
        "Oksana Pétrova",
        organisation="Red Crescent",
        stakeholder_group="civil_society",
        country="Kyrgyzstan",
    )
    entry = Entry(
        session_id=talk.session.id, notes="Short notes", points=[EntryPoint("Fund rescue")]
    )
    target = store.save_entry(demo_db, entry, new_speaker=speaker)
    for query in (
        "petrova",
        "crescent",
        "kyrgyz",
        "civil society",
        "société civile",
        "المجتمع المدني",
        "petrova rescue",
        "kyrgyzstan short",
    ):
        assert target in find(demo_db, talk.session.id, query), query
    # A renamed speaker is found by the new name only.
    repo.update(demo_db, m.Participant, speaker.id, name="Oksana Ivanova")
    assert target not in find(demo_db, talk.session.id, "petrova")
    assert target in find(demo_db, talk.session.id, "ivanova")


def test_two_words_from_the_notes_and_a_point(demo_db, talk):
    entry = Entry(
        session_id=talk.session.id, notes="Desert crossings", points=[EntryPoint("Forensic labs")]
    )
    target = store.save_entry(demo_db, entry)
    assert find(demo_db, talk.session.id, "desert forensic") == [target]
    loaded = store.load_entry(demo_db, target)
    loaded.points = []
    store.save_entry(demo_db, loaded, base=store.load_entry(demo_db, target))
    assert find(demo_db, talk.session.id, "desert forensic") == []  # the point is gone


def test_a_file_of_an_older_format_is_indexed_when_opened(tmp_path):
    path = tmp_path / "old.facilitator"
    shutil.copy(FIXTURES / "format2.facilitator", path)
    db = open_file(path, device="d")
    try:
        total = db.conn.execute("SELECT count(*) FROM intervention WHERE deleted = 0").fetchone()[0]
        indexed = db.conn.execute("SELECT count(*) FROM search_fts").fetchone()[0]
        assert total and indexed == total
        assert db.conn.execute("SELECT count(*) FROM search_stale").fetchone()[0] == 0
    finally:
        db.close()


def test_a_write_by_another_tool_is_indexed_at_the_next_commit(demo_db, talk):
    """The sqlite3 shell has no folding: its writes are queued and indexed by the app."""
    target = store.save_entry(demo_db, Entry(session_id=talk.session.id, notes="before"))
    raw = sqlite3.connect(demo_db.path)
    raw.execute("UPDATE intervention SET notes = 'Приём' WHERE id = ?", (target,))
    raw.commit()
    raw.close()
    store.save_entry(demo_db, Entry(session_id=talk.session.id, notes="another"))
    assert find(demo_db, talk.session.id, "прием") == [target]


def test_a_session_counts_its_own_matches_only(demo_db):
    """The count reads the session's documents in the index alone (their `session` column):
    it follows a save, a delete and a move to another session, as the listed rows do."""
    first, second = (sc.session.id for sc in repo.load_series(demo_db).sessions[:2])
    ids = [
        store.save_entry(demo_db, Entry(session_id=s, notes=f"Quetzal sighting {n}"))
        for n, s in enumerate([first, first, first, second])
    ]
    assert (len(find(demo_db, first, "quetzal")), len(find(demo_db, second, "quetzal"))) == (3, 1)
    repo.delete(demo_db, m.Intervention, ids[0])
    repo.update(demo_db, m.Intervention, ids[1], session_id=second)
    assert find(demo_db, first, "quetzal") == [ids[2]]
    assert sorted(find(demo_db, second, "quetzal")) == sorted([ids[1], ids[3]])


def test_a_move_made_by_another_tool_is_counted_right_before_it_is_indexed(demo_path):
    """A read-only window over a file another program changed: the queued documents are out of
    date, so the count checks each hit against its intervention."""
    db = open_file(demo_path, device="d")
    first, second = (sc.session.id for sc in repo.load_series(db).sessions[:2])
    target = store.save_entry(db, Entry(session_id=first, notes="Axolotl habitat"))
    db.close()
    raw = sqlite3.connect(demo_path)
    raw.execute("UPDATE intervention SET session_id = ? WHERE id = ?", (second, target))
    raw.commit()
    raw.close()
    reader = open_file(demo_path, device="d", readonly=True)
    try:
        assert find(reader, first, "axolotl") == []
        assert find(reader, second, "axolotl") == [target]
    finally:
        reader.close()


def test_a_file_of_format_6_keeps_its_documents_under_their_sessions(demo_path):
    """Format 7 adds the `session` column: the documents are copied with it, not refolded."""
    from facilitator.storage.schema import MIGRATIONS

    db = open_file(demo_path, device="d")
    talk = repo.load_series(db).sessions[0].session.id
    target = store.save_entry(db, Entry(session_id=talk, notes="Ocelot corridor"))
    db.close()
    old = sqlite3.connect(":memory:")
    old.executescript("".join(MIGRATIONS[:6]))
    table, trigger = (
        old.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        for name in ("search_fts", "search_intervention_update")
    )
    raw = sqlite3.connect(demo_path, isolation_level=None)
    raw.executescript(
        "BEGIN; CREATE TEMP TABLE c AS SELECT rowid AS r, body FROM search_fts;"
        " DROP TABLE search_fts; DROP TRIGGER search_intervention_update;"
        f" {table}; {trigger};"
        " INSERT INTO search_fts (rowid, body) SELECT r, body FROM c; PRAGMA user_version = 6;"
        " COMMIT;"
    )
    raw.close()
    db = open_file(demo_path, device="d")
    try:
        assert db.conn.execute("SELECT count(*) FROM search_stale").fetchone()[0] == 0
        assert find(db, talk, "ocelot") == [target]
        live = "SELECT count(*) FROM intervention WHERE deleted = 0"
        assert (
            db.conn.execute("SELECT count(*) FROM search_fts").fetchone()[0]
            == (db.conn.execute(live).fetchone()[0])
        )
    finally:
        db.close()


def test_a_count_read_before_another_window_saved_is_read_again(demo_path):
    """The hit count is remembered between the count and the pages, not past a change. (A
    read-only window finds a note once the writing window has built its document: at its
    next search, at a pause of 0.4 s, or when it closes.)"""
    writer = open_file(demo_path, device="w")
    reader = open_file(demo_path, device="r", readonly=True)
    try:
        talk = repo.load_series(writer).sessions[0].session.id
        store.save_entry(writer, Entry(session_id=talk, notes="Tapir crossing"))
        writer.index_pending()
        assert len(find(reader, talk, "tapir")) == 1
        store.save_entry(writer, Entry(session_id=talk, notes="Second tapir"))
        writer.index_pending()
        assert len(find(reader, talk, "tapir")) == 2
        assert len(find(writer, talk, "tapir")) == 2
        store.save_entry(writer, Entry(session_id=talk, notes="Third tapir"))
        assert len(find(writer, talk, "tapir")) == 3
    finally:
        reader.close()
        writer.close()
