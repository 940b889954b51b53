"""Run by tests/test_prepare_crash.py: an organiser editing a session as fast as the app lets
them, through the app layer's operations; prints "ack N" once edit N has been committed."""

from __future__ import annotations

import sys

from facilitator.app import prepare
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.storage import repository as repo


def main(path: str) -> None:
    doc = Document.open(path, device="organiser")
    session = repo.find(doc.db, m.Session)[0]
    items = prepare.agenda(doc, session.id)
    n = 0
    while True:
        n += 1
        for step in (
            prepare.edit_session(doc, session.id, title=f"Edit {n}", venue=f"Room {n}"),
            prepare.edit_agenda_item(doc, items[n % len(items)].id, planned_minutes=1 + n % 600),
            prepare.add_questions(doc, session.id, [f"Question {n}?"]),
        ):
            doc.run(step.apply, undo=step)
        print(f"ack {n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
