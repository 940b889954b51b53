"""The timer page's run: start again, end and reset (each asked first), the rehearsal, and the
clock's jumps and heartbeats.

A mixin of TimerPage (facilitator/ui/timer/page.py), kept apart so the page stays readable.
"""

from __future__ import annotations

import sqlite3

from facilitator.app.timer import LiveTimer
from facilitator.domain import timer as t
from facilitator.i18n import _
from facilitator.logs import logger


class RunControls:
    """Needs the page's session, sessions, doc, run, confirm, rehearsal box and now()."""

    def set_rehearsal(self, on: bool) -> None:
        """A rehearsal: the same screen and keys on a copy of the file in memory, from nothing;
        leaving it shows the real timer as the file holds it, untouched."""
        if self.session is None or self.doc is None:
            return
        real = self.sessions.get(self.session.session.id)
        if on:
            try:
                self._show_session(LiveTimer(self.doc, self.session.content, self.now, True))
            except sqlite3.Error as error:
                self.show_failure(error)
        elif real is not None:
            self._show_session(real)
        self.panel.setProperty("rehearsal", on)
        self.retranslate_ui()

    # --- the run: start again, end, reset (each asked first) ------------------------------

    def _toggle(self) -> None:
        target = self.acting_on or self.session
        if target is not None and target.timer.phase == t.STOPPED:
            question = _(
                "Start the timer again from the first item? The earlier run stays in the file "
                "as history and is left out of the report."
            )
            if self.confirm(_("Start again"), question):
                self.run(lambda s: s.restart())
            return
        self.run(lambda s: s.toggle())

    def _stop(self) -> None:
        question = _("End the session now? The timer stops; the report keeps the times so far.")
        if self.confirm(_("End the session"), question):
            self.run(lambda s: s.stop())

    def _reset(self) -> None:
        question = _(
            "Reset the timer to before the start? The run so far stays in the file as history "
            "and is left out of the report."
        )
        if self.confirm(_("Reset the timer"), question):
            self.run(lambda s: s.reset())

    # --- the clock: jumps asked about, heartbeats -------------------------------------------

    def _resolve_jump(self, jump: t.ClockJump) -> None:
        self._asking = True
        try:
            choice = self.ask_clock_jump(jump)
        finally:
            self._asking = False
        answered = t.ClockJump(jump.heartbeat, self.now())  # the answer may have taken a while
        if answered.backwards != jump.backwards:
            answered = jump
        self.run(lambda s: s.resolve(answered, choice))

    def _beat_all(self, now: float) -> None:
        try:
            for session in self.sessions.values():
                session.beat(now)
            if self.session is not None and self.session.rehearsal:
                self.session.beat(now)  # in its copy
        except sqlite3.ProgrammingError:  # the file was closed under us (window closed)
            self.session, self.sessions, self.doc = None, {}, None
            self.tick_timer.stop()
        except sqlite3.Error as error:  # a missed heartbeat only weakens the jump check
            logger().warning("timer heartbeat not written: %r", error)
