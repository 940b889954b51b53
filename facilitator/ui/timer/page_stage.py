"""The timer page's stage view and keyboard focus. A mixin of TimerPage (page.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from facilitator.ui.timer.focus import type_ahead


class StageLink:
    """Needs the page's display, displayed signal, actions, focus cue and queue."""

    def open_stage(self) -> None:
        from facilitator.ui.timer.stage_window import StageWindow

        if self.stage is None:
            self.stage = StageWindow()
            self.stage.attach_keys(self.actions)
            self.displayed.connect(self.stage.show_display)
        if self.display is not None:
            self.stage.show_display(self.display)
        self.stage.show()
        self.stage.raise_()

    def close_stage(self) -> None:
        if self.stage is not None:
            self.stage.close()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.actions.show_enabled()
        QTimer.singleShot(0, self._claim_focus)

    def hideEvent(self, event) -> None:  # noqa: N802 (a hidden page takes no key)
        super().hideEvent(event)
        self.actions.show_enabled()
        self.focus_cue.follow()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (letters start a speaker's name)
        if not type_ahead(event, self.queue.picker):
            super().keyPressEvent(event)

    def _claim_focus(self) -> None:
        """The shortcuts live on this page: hold the focus when the tab is shown."""
        focused = QApplication.focusWidget()
        if self.isVisible() and (focused is None or not self.isAncestorOf(focused)):
            self.setFocus(Qt.FocusReason.OtherFocusReason)
