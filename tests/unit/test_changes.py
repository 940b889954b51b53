"""Change sets chain like the operations they describe: the later one decides, editing what
was just added keeps it added, and chaining is associative with the empty set as identity."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.changes import EMPTY, ChangeSet

keys = st.tuples(st.sampled_from(["session", "agenda_item", "topic"]), st.sampled_from("abcd"))
key_sets = st.frozensets(keys, max_size=5)


@st.composite
def change_sets(draw) -> ChangeSet:
    return ChangeSet.of(added=draw(key_sets), changed=draw(key_sets), deleted=draw(key_sets))


@given(change_sets(), change_sets(), change_sets())
def test_chaining_is_associative(a, b, c):
    assert a.merge(b).merge(c) == a.merge(b.merge(c))


@given(change_sets())
def test_the_empty_change_set_changes_nothing(a):
    assert a.merge(EMPTY) == a and EMPTY.merge(a) == a
    assert not EMPTY


@given(change_sets(), change_sets())
def test_a_record_is_in_one_state_only(a, b):
    merged = a.merge(b)
    assert not (merged.added & merged.changed)
    assert not (merged.added & merged.deleted)
    assert not (merged.changed & merged.deleted)
    assert merged.added | merged.changed | merged.deleted == (
        a.added | a.changed | a.deleted | b.added | b.changed | b.deleted
    )


def test_an_item_added_then_edited_is_shown_as_added():
    item = ("agenda_item", "x")
    merged = ChangeSet.of(added=[item]).merge(ChangeSet.of(changed=[item]))
    assert merged.added == {item} and not merged.changed


def test_an_item_added_then_deleted_is_shown_as_deleted():
    item = ("agenda_item", "x")
    merged = ChangeSet.of(added=[item]).merge(ChangeSet.of(deleted=[item]))
    assert merged.deleted == {item} and not merged.added


def test_ids_lists_one_kind():
    cs = ChangeSet.of(added=[("session", "s")], changed=[("agenda_item", "a")])
    assert cs.ids("agenda_item") == {"a"} and cs.ids("session") == {"s"}
