"""File > Open Recent, and what the window remembers between runs: its geometry, its splitter
and the last file (reopened when the app starts without one)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from facilitator import settings
from facilitator.i18n import _, format_number
from facilitator.ui.common.bidi import isolate


class RecentMenu(QMenu):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("recentMenu")
        self.window_ = window
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        paths = settings.recent_files()
        for n, path in enumerate(paths, start=1):
            # &1 .. &8: the digits are mnemonics in every language and never clash with words.
            action = QAction(f"&{format_number(n)}  {isolate(path.name)}", self)
            action.setObjectName("recentFile")  # a file's name: the user's, not ours to translate
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.window_.open_path(p))
            self.addAction(action)
        if not paths:
            empty = self.addAction(_("No recent files"))
            empty.setEnabled(False)
        self.addSeparator()
        clear = self.addAction(_("&Clear the list"))
        clear.setEnabled(bool(paths))
        clear.triggered.connect(settings.clear_recent)
        self.setEnabled(True)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Open &recent"))
        self.rebuild()


def save_window_state(window) -> None:
    settings.save(
        {
            "window_geometry": bytes(window.saveGeometry().toBase64()).decode("ascii"),
            "splitter_sizes": window.splitter.sizes(),
        }
    )


def restore_window_state(window) -> None:
    values = settings.load()
    geometry = values.get("window_geometry")
    if isinstance(geometry, str):
        window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
    sizes = values.get("splitter_sizes")
    if isinstance(sizes, list) and all(isinstance(n, int) and n >= 0 for n in sizes):
        window.splitter.setSizes(sizes)


def last_file() -> Path | None:
    recent = settings.recent_files()
    return recent[0] if recent else None
