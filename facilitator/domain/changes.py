"""What one operation changed, for the screens that show the file: a small frozen value.

Every record is named by (kind, id), kind being the record's table name ("session",
"agenda_item", ...). A record is in at most one of the three sets. `merge` chains the change
sets of consecutive operations: the later operation decides, except that editing a record
that was just added (or deleted) leaves it added (or deleted). Merging is associative and the
empty change set is its identity, so change sets can be folded in any grouping.

`everything` stands for changes the app cannot itemise (a merge of another file, an import, a
write by another program): every view reloads what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Key = tuple[str, str]


@dataclass(frozen=True)
class ChangeSet:
    added: frozenset[Key] = field(default_factory=frozenset)
    changed: frozenset[Key] = field(default_factory=frozenset)
    deleted: frozenset[Key] = field(default_factory=frozenset)
    everything: bool = False

    @classmethod
    def all(cls) -> ChangeSet:
        """Anything may have changed: views reload."""
        return cls(everything=True)

    @classmethod
    def of(
        cls,
        *,
        added: tuple[Key, ...] | list[Key] | frozenset[Key] = (),
        changed: tuple[Key, ...] | list[Key] | frozenset[Key] = (),
        deleted: tuple[Key, ...] | list[Key] | frozenset[Key] = (),
    ) -> ChangeSet:
        """A change set from lists of keys; a key listed twice keeps its strongest state."""
        out = cls()
        for state, keys in (("changed", changed), ("added", added), ("deleted", deleted)):
            out = out.merge(cls(**{state: frozenset(keys)}))
        return out

    def state(self, key: Key) -> str | None:
        if key in self.added:
            return "added"
        if key in self.deleted:
            return "deleted"
        if key in self.changed:
            return "changed"
        return None

    def merge(self, other: ChangeSet) -> ChangeSet:
        """This change set followed by `other`."""
        states: dict[Key, str] = {}
        for change_set in (self, other):
            for key in change_set.added | change_set.changed | change_set.deleted:
                new = change_set.state(key)
                old = states.get(key)
                if new == "changed" and old in ("added", "deleted"):
                    continue
                states[key] = new  # type: ignore[assignment]
        return ChangeSet(
            frozenset(k for k, s in states.items() if s == "added"),
            frozenset(k for k, s in states.items() if s == "changed"),
            frozenset(k for k, s in states.items() if s == "deleted"),
            self.everything or other.everything,
        )

    def ids(self, kind: str) -> frozenset[str]:
        """Ids of every record of `kind` this change set names, whatever its state."""
        return frozenset(i for k, i in self.added | self.changed | self.deleted if k == kind)

    def kinds(self) -> set[str]:
        return {kind for kind, _id in self.added | self.changed | self.deleted}

    def touches(self, *kinds: str) -> bool:
        """True when a view showing records of `kinds` must redraw."""
        return self.everything or bool(self.kinds() & set(kinds))

    def __bool__(self) -> bool:
        return self.everything or bool(self.added or self.changed or self.deleted)


EMPTY = ChangeSet()
NOTHING = EMPTY
