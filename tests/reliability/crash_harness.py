"""A note-taker and a moderator working as fast as people do, until SIGKILL.

    python tests/reliability/crash_harness.py FILE SEED

Uses the storage calls the app's pages use (notes_store.save_draft / save_entry, the timer's
TimerSession) and prints, after each call has returned (so it is committed):
  'draft <seed-n> <length>'  the draft of entry n was written, its notes that long
  'saved <id> <seed-n>'      entry n was saved (the app now shows it as saved)
The notes of entry n begin with the marker '[seed-n] ', so the checker recognises an entry and
its draft by their content.
  'timer <action>'  a moderator action was committed
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time

from facilitator.domain.entry import Entry, EntryPoint
from facilitator.storage import notes_store as ns
from facilitator.storage import open_file
from facilitator.storage import repository as repo
from facilitator.storage.timer_store import TimerSession

DRAFT_ID = "crash-harness"


def main(path: str, seed: int) -> None:
    rng = random.Random(seed)
    db = open_file(path, device=f"harness{seed}")
    content = repo.load_series(db).sessions[0]
    timer = TimerSession(db, content)
    if not timer.state().counting:
        print(f"timer {timer.toggle()}", flush=True)  # Space: start, or resume after a crash
    n = 0
    while True:
        n += 1
        entry = Entry(
            session_id=content.session.id, stakeholder_group="civil_society", language="ar"
        )
        # The checker finds an entry killed between its commit and its acknowledgement by this.
        entry.notes = f"[{seed}-{n}] "
        words = ["المهاجرين", "missing", "пропавших", "migrants", "search", "رعاية"]
        for _ in range(rng.randint(2, 6)):  # typing: a draft about every keystroke burst
            entry.notes += " ".join(rng.choice(words) for _ in range(8)) + ". "
            ns.save_draft(db, DRAFT_ID, entry, dt.datetime.now(dt.UTC))
            print(f"draft {seed}-{n} {len(entry.notes)}", flush=True)
            time.sleep(rng.uniform(0, 0.01))
        entry.points = [EntryPoint(f"Point {n}.{k}", "recommendation") for k in range(2)]
        iid = ns.save_entry(db, entry, draft_id=DRAFT_ID)
        print(f"saved {iid} {seed}-{n}", flush=True)
        if rng.random() < 0.2:
            timer.adjust(60)
            print("timer adjust", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
