"""domain.names: a hidden person is found in every form a note-taker writes the name in, the
replacement keeps the rest of the text as typed, and unrelated words are left alone."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from name_forms import LETTERS, names, written

from facilitator.domain.names import HIDDEN, NameMatcher, _folded_with_map, fold, parts

FILLERS = st.sampled_from(["", "1.", "(2)", "—", "3:", "«4»", "5,"])


@settings(max_examples=300, deadline=None)
@given(written(), FILLERS, FILLERS)
def test_every_written_form_is_replaced_and_nothing_else(w, before, after):
    text = f"{before} {w.form} {after}"
    out = NameMatcher([w.name]).replace(text)
    assert out == f"{before} {HIDDEN}{w.tail} {after}"


@settings(max_examples=200, deadline=None)
@given(written(), FILLERS)
def test_spans_are_the_original_text_and_replacing_twice_changes_nothing(w, filler):
    text = f"{filler}{w.form}, {w.form.upper()} {filler}"
    matcher = NameMatcher([w.name])
    found = matcher.find(text)
    assert found and all(text[f.start : f.end] == f.text for f in found)
    once = matcher.replace(text)
    assert matcher.replace(once) == once
    assert not any(p in fold(once) for p in parts(w.name))


@settings(max_examples=200, deadline=None)
@given(names(), st.data())
def test_words_of_another_script_are_left_alone(name_script, data):
    name, script = name_script
    other = data.draw(st.sampled_from(sorted(set(LETTERS) - {script})))
    words = data.draw(st.lists(st.text(LETTERS[other], min_size=1, max_size=9), max_size=6))
    text = " ".join(words)
    assert NameMatcher([name]).replace(text) == text


def test_the_forms_the_issue_lists():
    matcher = NameMatcher(["Amina Diallo", "Olga Kuznetsova", "Salomon Ezehi", "ليلى حداد"])
    assert matcher.replace("Ms. Diallo called for…") == "[…] called for…"
    assert matcher.replace("As Kuznetsova put it") == "As […] put it"
    assert matcher.replace("Ezehi asked; EZEHI's view") == "[…] asked; […]'s view"
    assert matcher.replace("طالبت حَدّاد") == "طالبت […]"
    assert matcher.replace("H. E. Mme DIALLO") == "[…]"


def test_short_parts_particles_and_placeholders_are_not_matched_alone():
    matcher = NameMatcher(["Li Van Der Berg", "#3"])
    assert matcher.replace("Li said a van was seen; item #3") == "Li said a van was seen; item #3"
    assert matcher.replace("Berg spoke") == "[…] spoke"


def test_affiliations_are_matched_whole():
    matcher = NameMatcher([], ["Mission of Ruritania", "Ruritania"])
    assert (
        matcher.replace("the mission of RURITANIA and Ruritania's view") == "the […] and […]'s view"
    )
    assert matcher.replace("a mission") == "a mission"


@settings(max_examples=300, deadline=None)
@given(written(), FILLERS, FILLERS, st.booleans())
def test_a_text_passed_over_holds_no_match_of_the_whole_pattern(w, before, after, named):
    """find() skips a text holding none of its tokens' first words; the whole pattern finds
    the same in every text, skipped or not."""
    matcher = NameMatcher([w.name, "Olga Petrova"], ["Médecins Sans Frontières"])
    text = f"{before} {w.form if named else ''} {after}"
    folded, where = _folded_with_map(text)
    assert matcher.find(text) == matcher._find_in(text, folded, where)


def test_russian_case_forms_are_found_where_the_ending_replaces_the_last_letter():
    matcher = NameMatcher(["Ольга Кузнецова"])
    for form in ("Кузнецову", "Кузнецовой", "Кузнецовым", "КУЗНЕЦОВА", "Ольга Кузнецова"):
        assert matcher.replace(f"Слово {form} о данных") == "Слово […] о данных", form
