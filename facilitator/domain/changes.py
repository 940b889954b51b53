"""What an operation changed in the open file, so views redraw only that. Qt-free.

A change set names records by (kind, id), kind being the table's name ("intervention",
"point", "session", ...). `everything` stands for changes the app cannot itemise (a merge of
another file, an import, a write by another program): every view reloads what it shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

Ref = tuple[str, str]


@dataclass(frozen=True)
class ChangeSet:
    added: frozenset[Ref] = field(default_factory=frozenset)
    changed: frozenset[Ref] = field(default_factory=frozenset)
    deleted: frozenset[Ref] = field(default_factory=frozenset)
    everything: bool = False

    @classmethod
    def of(
        cls,
        *,
        added: Iterable[Ref] = (),
        changed: Iterable[Ref] = (),
        deleted: Iterable[Ref] = (),
    ) -> ChangeSet:
        return cls(frozenset(added), frozenset(changed), frozenset(deleted))

    @classmethod
    def all(cls) -> ChangeSet:
        return cls(everything=True)

    def merge(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            self.added | other.added,
            self.changed | other.changed,
            self.deleted | other.deleted,
            self.everything or other.everything,
        )

    def kinds(self) -> set[str]:
        return {kind for kind, _id in self.added | self.changed | self.deleted}

    def touches(self, *kinds: str) -> bool:
        """True when a view showing records of `kinds` must redraw."""
        return self.everything or bool(self.kinds() & set(kinds))

    def ids(self, kind: str) -> set[str]:
        return {i for k, i in self.added | self.changed | self.deleted if k == kind}

    def __bool__(self) -> bool:
        return self.everything or bool(self.added or self.changed or self.deleted)


NOTHING = ChangeSet()
