"""File > Open Recent, and what the window remembers between runs: its geometry, its splitter
and the last file (reopened when the app starts without one)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import QMenu

from facilitator import settings
from facilitator.i18n import _, format_number
from facilitator.ui.common.bidi import isolate

FOLDER_WIDTH = 320  # pixels of folder text beside a file's name


def folder_text(path: Path, metrics: QFontMetrics, width: int = FOLDER_WIDTH) -> str:
    """The folder of a recent file, elided in the middle when long (the ends tell folders
    apart: the drive or home, and the folder itself)."""
    return metrics.elidedText(str(path.parent), Qt.TextElideMode.ElideMiddle, width)


def recent_label(path: Path, metrics: QFontMetrics, width: int = FOLDER_WIDTH) -> str:
    """A recent file as a menu or button reads it: its name, then its folder, so two files of
    the same name can be told apart; each isolated, as either may be in another script."""
    return f"{isolate(path.name)}  —  {isolate(folder_text(path, metrics, width))}"


class RecentMenu(QMenu):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("recentMenu")
        self.window_ = window
        self.setToolTipsVisible(True)  # the full path of an elided folder
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        paths = settings.recent_files()
        for n, path in enumerate(paths, start=1):
            # &1 .. &8: the digits are mnemonics in every language and never clash with words.
            label = f"&{format_number(n)}  {recent_label(path, self.fontMetrics())}"
            action = QAction(label, self)
            action.setObjectName("recentFile")  # a file's name: the user's, not ours to translate
            action.setStatusTip(str(path))
            action.setToolTip(str(path))
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
