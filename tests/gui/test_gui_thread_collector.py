"""Python's cycle collector never runs on a worker thread: there it would destroy the Qt objects
of windows already closed on the wrong thread, which aborted the app (and this suite) while a
registration list was read in the background."""

from __future__ import annotations

import gc
import threading

from facilitator.ui.application import make_app


def test_cycles_are_freed_on_the_gui_thread_even_while_a_worker_allocates(qtbot):
    make_app()
    assert not gc.isenabled()
    freed_on: list[threading.Thread] = []

    class Node:
        def __del__(self) -> None:
            freed_on.append(threading.current_thread())

    for _ in range(1_000):  # garbage cycles, more than the youngest generation's threshold
        node = Node()
        node.itself = node
    del node

    def allocate() -> None:  # what reading a long list does: many new containers
        kept = [[n] for n in range(100_000)]
        assert len(kept) == 100_000

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(freed_on) == 1_000, timeout=5_000)
    assert set(freed_on) == {threading.main_thread()}
