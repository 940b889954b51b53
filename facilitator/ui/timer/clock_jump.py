"""The question asked when the clock jumped while the timer was counting.

A laptop that slept, a clock corrected by the network, a time zone changed by hand: the timer
cannot tell these apart, so it asks the moderator instead of guessing, with one button per
choice and the times written out. Closing the dialog takes the safe default (see
ClockJump.default): count a forward gap as elapsed, pause after a backward one.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from facilitator.domain import timer as t
from facilitator.i18n import _, format_date, format_time, ngettext
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.timer.display import local_zone


def _gap_words(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes >= 120:
        hours = round(minutes / 60)
        return ngettext("{n} hour", "{n} hours", hours).format(n=hours)
    return ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)


def _moment(seconds: float) -> str:
    moment = dt.datetime.fromtimestamp(seconds, dt.UTC).astimezone(local_zone())
    return _("{date}, {time}").format(
        date=format_date(moment.date(), fmt="medium"), time=format_time(moment)
    )


class ClockJumpDialog(Retranslating, QDialog):
    """One button per choice; `choice` holds the answer (the default until one is clicked)."""

    def __init__(self, jump: t.ClockJump, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clockJumpDialog")
        self.jump = jump
        self.choice = jump.default()
        self.message = QLabel()
        self.message.setObjectName("clockJumpMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        self.buttons: dict[str, QPushButton] = {}
        for choice in jump.choices():
            button = QPushButton()
            button.setObjectName(f"clockJump_{choice}")
            button.clicked.connect(lambda _checked=False, c=choice: self.choose(c))
            layout.addWidget(button)
            self.buttons[choice] = button
        self.buttons[jump.default()].setDefault(True)
        self.buttons[jump.default()].setFocus()
        self.setMinimumWidth(460)
        self.retranslate_ui()

    def choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def retranslate_ui(self) -> None:
        jump = self.jump
        self.setWindowTitle(_("The clock jumped"))
        last = _moment(jump.heartbeat)
        gap = _gap_words(jump.gap)
        if jump.backwards:
            text = _(
                "The computer's clock now reads {gap} earlier than when the timer last ran "
                "({last}). The clock was probably corrected or changed."
            )
        else:
            text = _(
                "The timer last ran at {last}, {gap} ago. The computer may have slept, or its "
                "clock was changed."
            )
        self.message.setText(
            text.format(gap=gap, last=last) + "\n\n" + _("What should the timer do?")
        )
        labels = {
            t.COUNT_GAP: _("Count the {gap} as time that passed").format(gap=gap),
            t.PAUSE_AT_HEARTBEAT: _("Pause the timer where it stood at {time}").format(
                time=format_time(dt.datetime.fromtimestamp(jump.heartbeat, local_zone()))
            ),
            t.CONTINUE: _("Keep running from where it stood, without the gap"),
        }
        for choice, button in self.buttons.items():
            button.setText(labels[choice])
        self._fit()

    def showEvent(self, event) -> None:  # noqa: N802 (measured again once styled: fonts differ)
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As tall as the wrapped question (Spanish, Russian and Arabic take three lines where
        English takes two; a layout asks a wrapped label for one width and was cut off)."""
        margins = self.layout().contentsMargins()
        width = max(self.width(), self.minimumWidth()) - margins.left() - margins.right()
        self.message.setMinimumHeight(self.message.heightForWidth(width))
        self.adjustSize()


def ask_clock_jump(parent: QWidget | None, jump: t.ClockJump) -> str:
    """Show the question and return the moderator's choice."""
    dialog = ClockJumpDialog(jump, parent)
    dialog.exec()
    return dialog.choice


def confirm(parent: QWidget, title: str, question: str) -> bool:
    """Yes or no before a step the moderator cannot take back; No is the default, so a stray
    Space or Enter from a clicker changes nothing."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setObjectName("timerConfirm")
    yes = box.addButton(_("Yes"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(_("No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
