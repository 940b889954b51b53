"""The timer page's stage view and keyboard focus. A mixin of TimerPage (page.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
)

from facilitator.app.timer import LiveTimer
from facilitator.domain import timer as t
from facilitator.i18n import _
from facilitator.ui.timer.display import Display, display_of
from facilitator.ui.timer.focus import tab_button, type_ahead
from facilitator.ui.timer.stage_text import StageDisplay, stage_of

LIVE = (t.RUNNING, t.PAUSED)


class StageLink:
    """Needs the page's display, staged signal, actions, sessions, focus cue and queue."""

    def _stage_row(self) -> QHBoxLayout:
        """A short message for the room ("Please conclude") and what the stage shows."""
        self.stage_message = ""
        self.message_label = QLabel()
        self.message_field = QLineEdit()
        self.message_field.setObjectName("stageMessage")
        self.message_field.setMaxLength(80)
        self.message_field.returnPressed.connect(self.show_message)
        self.message_label.setBuddy(self.message_field)
        self.message_show = tab_button(QPushButton())
        self.message_show.setObjectName("stageMessageShow")
        self.message_show.clicked.connect(self.show_message)
        self.message_clear = tab_button(QPushButton())
        self.message_clear.setObjectName("stageMessageClear")
        self.message_clear.clicked.connect(self.clear_message)
        self.stage_menu_button = tab_button(QToolButton())
        self.stage_menu_button.setObjectName("stageOptions")
        self.stage_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.stage_menu_button)
        menu.addActions(self.stage_options.all())
        self.stage_menu_button.setMenu(menu)
        row = QHBoxLayout()
        row.addWidget(self.message_label)
        row.addWidget(self.message_field, 1)
        row.addWidget(self.message_show)
        row.addWidget(self.message_clear)
        row.addWidget(self.stage_menu_button)
        row.addWidget(self.focus_cue)  # in this row: no line of its own to take height
        return row

    def show_message(self) -> None:
        self.stage_message = self.message_field.text().strip()
        self.refresh()

    def clear_message(self) -> None:
        self.stage_message = ""
        self.message_field.clear()
        self.refresh()

    def retranslate_stage_row(self) -> None:
        self.message_label.setText(_("Message for the stage:"))
        self.message_field.setPlaceholderText(_("Please conclude"))
        self.message_show.setText(_("Show"))
        self.message_clear.setText(_("Clear"))
        self.stage_menu_button.setText(_("Stage options"))
        self.stage_options.retranslate()

    def open_stage(self) -> None:
        from facilitator.ui.timer.stage_window import StageWindow

        if self.stage is None:
            self.stage = StageWindow(options=self.stage_options)
            # A window of its own that reads the page's options: it goes with the page (else a
            # later language switch would retranslate it over options already deleted).
            self.destroyed.connect(self.stage.deleteLater)
            self.stage.attach_keys(self.actions, self.fire_on_stage)
            self.staged.connect(self.stage.show_display)
        self.stage.show()
        self.stage.raise_()
        self.refresh()

    def stage_session(self) -> LiveTimer | None:
        """The session the room sees: the one shown if it runs (or nothing else does), else the
        one that runs, whichever session is selected in the list."""
        shown = self.session
        if shown is not None and (shown.rehearsal or shown.timer.phase in LIVE):
            return shown
        running = [s for s in self.sessions.values() if s.timer.phase in LIVE]
        return running[0] if running else shown

    def stage_display(self, state: t.TimerState, display: Display) -> StageDisplay:
        live = self.stage_session()
        if live is not None and live is not self.session:
            state = live.state(state.now)
            titles = {item.id: item.title for item in live.content.agenda}
            display = display_of(state, live.session, titles, live.participants)
        live = live or self.session
        return stage_of(display, state, live.content, live.participants, self.stage_message)

    def fire_on_stage(self, action) -> None:
        """A key pressed on the stage view acts on the session the room sees."""
        self.acting_on = self.stage_session()
        try:
            self.actions.fire(action, on_stage=True)
        finally:
            self.acting_on = None

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
