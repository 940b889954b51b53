"""The moderator's actions and their keyboard shortcuts, for one hand while talking.

- Space: start, pause, resume (the largest key, as on any player).
- Page Down / Page Up: next / previous agenda item. They are what presentation clickers send,
  so a clicker in one hand drives the agenda. The arrow keys do the same; in a right-to-left
  language Left is "next", as the agenda reads that way.
- + (or =) and -: a minute more or less for the current item.
- F8, Shift+F8, F9: give the floor to the next speaker, end the turn, a minute more for the
  speaker. Function keys are the same on Arabic, Cyrillic and Latin keyboards and never type.
- Alt+Up / Alt+Down: move the selected agenda item.

The shortcuts work anywhere in the main window while the timer page is shown
(Qt.WindowShortcut), so Space works right after a click in the list of sessions; they are
disabled while the page is hidden, so in other tabs Space and the arrows stay with the text
fields. A focused text field still gets them first (Qt offers the key to it with
ShortcutOverride, which line edits and spin boxes claim for what they type or move through).
Qt never matches a window's shortcut while a menu, a popup or a dialog is the active window,
and `allowed` checks that again when an action fires. The stage view carries its own copies
(`stage_keys`), for a clicker aimed at the room's screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.domain import timer as t
from facilitator.i18n import _, is_rtl
from facilitator.ui.common.lists import comma_join

Key = Qt.Key
# The signed number keeps its sign on the left in right-to-left text too (an LTR embedding).
PLUS_ONE, MINUS_ONE = "\u202a+1\u202c", "\u202a−1\u202c"


def keys(*combos: Key | QKeyCombination) -> list[QKeySequence]:
    return [QKeySequence(c) for c in combos]


class TimerActions:
    """The page's QActions; buttons show them and the View > Timer menu mirrors them."""

    def __init__(self, page: QWidget) -> None:
        self.page = page
        self.handlers: dict[QAction, Callable[[], object]] = {}
        self.possible: dict[QAction, bool] = {}  # by the timer's state, wherever the keys are
        self.toggle = self._make("timerToggle")
        self.previous = self._make("timerPrevious")
        self.next = self._make("timerNext")
        self.plus = self._make("timerPlus", Key.Key_Plus, Key.Key_Equal)
        self.minus = self._make("timerMinus", Key.Key_Minus)
        self.stop = self._make("timerStop")
        self.reset = self._make("timerReset")
        self.floor = self._make("timerFloor", Key.Key_F8)
        self.end_floor = self._make(
            "timerEndFloor", QKeyCombination(Qt.KeyboardModifier.ShiftModifier, Key.Key_F8)
        )
        self.extend_speaker = self._make("timerExtendSpeaker", Key.Key_F9)
        alt = Qt.KeyboardModifier.AltModifier
        self.item_up = self._make("timerItemUp", QKeyCombination(alt, Key.Key_Up))
        self.item_down = self._make("timerItemDown", QKeyCombination(alt, Key.Key_Down))
        self.toggle.setShortcut(QKeySequence(Key.Key_Space))
        self.set_direction()

    def _make(self, name: str, *combos: Key | QKeyCombination) -> QAction:
        action = QAction(self.page)
        action.setObjectName(name)
        action.setShortcuts(keys(*combos))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.page.addAction(action)
        return action

    def allowed(self) -> bool:
        """Keys may act: no menu, popup or dialog open, and the timer page on screen."""
        if QApplication.activePopupWidget() is not None:
            return False
        if QApplication.activeModalWidget() is not None:
            return False
        return self.page.isVisible() or self.on_stage()

    def connect(self, action: QAction, handler: Callable[[], object]) -> None:
        self.handlers[action] = handler
        action.triggered.connect(lambda: self.fire(action))

    def fire(self, action: QAction, on_stage: bool = False) -> None:
        """Carry out an action pressed on the page, its buttons or the stage view (whose
        session may not be the one shown: the operation itself refuses what cannot be)."""
        if (on_stage or self.possible.get(action, True)) and self.allowed():
            self.handlers[action]()

    def on_stage(self) -> bool:
        stage = getattr(self.page, "stage", None)
        return stage is not None and stage.isVisible()

    def set_direction(self) -> None:
        """Arrow keys follow the reading direction of the interface language."""
        forward, backward = (
            (Key.Key_Left, Key.Key_Right) if is_rtl() else (Key.Key_Right, Key.Key_Left)
        )
        self.next.setShortcuts(keys(Key.Key_PageDown, forward))
        self.previous.setShortcuts(keys(Key.Key_PageUp, backward))

    def all(self) -> list[QAction]:
        return [
            self.toggle,
            self.previous,
            self.next,
            self.minus,
            self.plus,
            self.stop,
            self.reset,
            self.floor,
            self.end_floor,
            self.extend_speaker,
            self.item_up,
            self.item_down,
        ]

    def retranslate(self, phase: str) -> None:
        self.set_direction()
        toggle = {
            t.IDLE: _("Start"),
            t.RUNNING: _("Pause"),
            t.PAUSED: _("Resume"),
            t.STOPPED: _("Start again"),
        }[phase]
        texts = [
            (self.toggle, toggle, _("Start, pause or resume the timer")),
            (self.previous, _("Previous item"), _("Go back to the previous agenda item")),
            (self.next, _("Next item"), _("Go to the next agenda item")),
            (
                self.plus,
                _("{delta} minute").format(delta=PLUS_ONE),
                _("Give the current item one more minute"),
            ),
            (
                self.minus,
                _("{delta} minute").format(delta=MINUS_ONE),
                _("Take one minute off the current item"),
            ),
            (self.stop, _("End the session"), _("Stop the timer: the session is over")),
            (
                self.reset,
                _("Reset the timer"),
                _("Start over from nothing; the earlier run stays in the file as history"),
            ),
            (self.floor, _("Give the floor"), _("Give the floor to the next speaker in the queue")),
            (self.end_floor, _("End the turn"), _("The current speaker has finished")),
            (
                self.extend_speaker,
                _("{delta} minute for the speaker").format(delta=PLUS_ONE),
                _("Give the speaker one more minute"),
            ),
            (self.item_up, _("Move up"), _("Move the selected agenda item up")),
            (self.item_down, _("Move down"), _("Move the selected agenda item down")),
        ]
        for action, text, tip in texts:
            if action.text() != text:
                action.setText(text)
            shortcuts = [
                s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
            ]
            if shortcuts:
                tip = _("{action} ({keys})").format(action=tip, keys=comma_join(shortcuts))
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def enable(self, state: t.TimerState, queued: int, has_agenda: bool, writable: bool) -> None:
        live = state.phase in (t.RUNNING, t.PAUSED)
        possible = {
            self.toggle: writable and has_agenda,
            self.previous: writable and state.phase != t.STOPPED,
            self.next: writable and state.phase != t.STOPPED,
            self.plus: writable and live,
            self.minus: writable and live,
            self.stop: writable and live,
            self.reset: writable and state.phase != t.IDLE,
            self.floor: writable and queued > 0 and state.phase != t.STOPPED,
            self.end_floor: writable and state.floor is not None,
            self.extend_speaker: writable and state.floor is not None,
        }
        self.possible.update(possible)
        self.show_enabled()

    def show_enabled(self) -> None:
        """A hidden page takes no key (its shortcuts are window-wide): enabled only when shown.
        The stage view's copies go by `possible` alone."""
        shown = self.page.isVisible()
        for action, possible in self.possible.items():
            action.setEnabled(possible and shown)
