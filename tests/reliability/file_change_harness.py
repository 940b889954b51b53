"""The app's document saving through a changed path, until SIGKILL.

    python tests/reliability/file_change_harness.py FILE

Saves one entry and prints 'saved <notes>'; then, for each line read on stdin, tries to save
an entry with that text and prints 'saved <text>' or 'refused <one line>'.
"""

from __future__ import annotations

import sys

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.errors import FacilitatorError
from facilitator.storage import repository as repo


def add_note(text: str):
    def operation(db):
        session = repo.find(db, m.Session)[0]
        record = repo.insert(db, m.Intervention(session.id, notes=text))
        return ChangeSet.of(added=[("intervention", record.id)])

    return operation


def main(path: str) -> None:
    doc = Document.open(path)
    doc.run(add_note("acknowledged before the change"))
    print("saved acknowledged before the change", flush=True)
    for line in sys.stdin:
        text = line.strip()
        try:
            doc.run(add_note(text))
        except FacilitatorError as error:
            print(f"refused {error}", flush=True)
        else:
            print(f"saved {text}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
