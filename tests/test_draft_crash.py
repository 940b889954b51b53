"""Kill the app with SIGKILL while a note is being typed: the reopened file offers the draft back.

The harness (this file run as a script) is the real notes page, offscreen: it types into the
notes field one character at a time, and the page's own draft timer writes the drafts (the
interval shortened so the test is quick; the mechanism is the one the app uses). After each
draft commit it prints how much text the draft holds; the test kills it at a random moment,
reopens the file and checks that the draft is there, holds at least what was acknowledged,
and is offered back by a fresh notes page.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys

TEXT = (
    "La delegación de México pidió fortalecer la cooperación regional; "
    "وأكد ممثل المجتمع المدني على ضرورة حماية المهاجرين في الصحراء; "
    "представитель молодежи призвал к обмену данными. "
) * 3


def harness(path: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from facilitator.app.document import Document
    from facilitator.storage import notes_store as store
    from facilitator.storage import open_file
    from facilitator.storage import repository as repo
    from facilitator.ui.application import make_app
    from facilitator.ui.document_signals import DocumentSignals
    from facilitator.ui.notes.page import NotesPage

    app = make_app()
    db = open_file(path, device="typist")
    signals = DocumentSignals()
    signals.set_document(Document(db))
    page = NotesPage(signals)
    page.drafts.timer.setInterval(100)
    page.set_session(signals.doc, repo.load_series(db).sessions[0])
    page.show()
    real_save = store.save_draft
    written: list[int] = []

    def noted(db_, draft_id, entry, now):
        real_save(db_, draft_id, entry, now)
        written.append(len(entry.notes))

    def acknowledged(changes):
        if written and changes.ids("draft"):  # announced once its transaction has committed
            print(written.pop(), flush=True)

    store.save_draft = noted
    signals.changed.connect(acknowledged)
    position = iter(range(len(TEXT)))

    def type_one() -> None:
        n = next(position, None)
        if n is None:
            return
        page.form.notes.insertPlainText(TEXT[n])

    timer = QTimer(interval=5)
    timer.timeout.connect(type_one)
    timer.start()
    print("ready", flush=True)
    app.exec()


def test_sigkill_while_typing_leaves_the_draft_to_be_offered_back(qtbot, demo_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, __file__, str(demo_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    acknowledged = 0
    try:
        assert proc.stdout.readline().strip() == "ready"
        wanted = random.Random(os.getpid()).randint(3, 8)
        for _n in range(wanted):
            line = proc.stdout.readline()
            assert line, "the harness stopped before it was killed"
            acknowledged = int(line)
        os.kill(proc.pid, signal.SIGKILL)  # mid-typing, mid-draft perhaps
    finally:
        proc.kill()
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert acknowledged > 0

    from facilitator.storage import notes_store as store
    from facilitator.storage import open_file
    from facilitator.storage import repository as repo
    from facilitator.ui.application import make_app
    from facilitator.ui.notes.page import NotesPage

    db = open_file(demo_path, device="after-crash")  # probe + quick_check pass
    try:
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        session = repo.load_series(db).sessions[0]
        drafts = store.drafts(db, session.session.id)
        assert len(drafts) == 1
        kept = drafts[0].entry.notes
        assert len(kept) >= acknowledged and TEXT.startswith(kept)

        from facilitator.app.document import Document
        from facilitator.ui.document_signals import DocumentSignals

        make_app()
        signals = DocumentSignals()
        signals.set_document(Document(db))
        page = NotesPage(signals)
        qtbot.addWidget(page)
        page.set_session(signals.doc, session)
        page.show()
        assert page.banner.isVisible()
        page.banner.restore_button.click()
        assert page.form.notes.toPlainText() == kept
    finally:
        db.close()


if __name__ == "__main__":
    harness(sys.argv[1])
