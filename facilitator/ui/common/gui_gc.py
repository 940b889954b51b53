"""Python's cycle collector runs on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate when a threshold is
crossed; on a worker thread (an export, a merge, a registration list being read) it may free a
cycle holding a Qt object of a closed window, and Qt then destroys that object on the wrong
thread: "QSocketNotifier: Socket notifiers cannot be enabled or disabled from another thread",
then an abort. So automatic collection is off, and a timer on the GUI thread collects the
generations whose thresholds the counts have crossed, as the collector itself would have.
(The pattern is the one PyDev's "GarbageCollector" for Qt made known.)
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500

_installed: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> None:
        """Collect the oldest generation whose count is over its threshold, if any."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                return


def install(app: QObject) -> None:
    """Once per process, on the GUI thread: called where the QApplication is made."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(app)
