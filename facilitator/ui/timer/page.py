"""The moderator's screen: the agenda timer, the speakers queue, the stage view's controls.

The page never counts ticks: every refresh reads the clock and derives the state from the
timer log (kept in memory by facilitator.app.timer.LiveTimer), then sleeps until the next
whole second of a countdown changes; a tick reads nothing from the file. Every action is an
operation run through the window's DocumentSignals, which commits it to the file before the
page shows it and tells the other pages (the notes hear of a turn at the floor at once). What
others change (the agenda, the session, another program's writes) comes back through
`document_changed`.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.app.document import Document
from facilitator.app.timer import LiveTimer, load_content, wall_clock
from facilitator.domain import model as m
from facilitator.domain import timer as t
from facilitator.domain.changes import ChangeSet
from facilitator.errors import FacilitatorError
from facilitator.i18n import _
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.errors import show_error
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.timer.actions import TimerActions
from facilitator.ui.timer.announce import TimerAnnouncer
from facilitator.ui.timer.clock_jump import ask_clock_jump, confirm
from facilitator.ui.timer.display import Display, display_of, paint_level
from facilitator.ui.timer.focus import FocusCue, chain_focus, tab_button
from facilitator.ui.timer.page_agenda import AgendaEdits
from facilitator.ui.timer.page_run import RunControls
from facilitator.ui.timer.page_stage import StageLink
from facilitator.ui.timer.speakers_queue import SpeakersQueue, action_button
from facilitator.ui.timer.stage_window import StageOptions
from facilitator.ui.timer.text import LiveText

MARGIN_MS = 3  # wake just after the second changes, never just before


class TimerPage(Retranslating, AgendaEdits, RunControls, StageLink, QWidget):
    """A SessionPage: set_session(doc, content), document_changed(changes) and page_title()."""

    displayed = Signal(object)  # the Display of every refresh
    staged = Signal(object)  # the StageDisplay of every refresh (the stage view shows it)

    def __init__(
        self,
        signals: DocumentSignals,
        parent: QWidget | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timerPage")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.signals = signals
        self.clock = clock  # None: the open file's clock (time.time in the app)
        self._wall: Callable[[], float] = time.time
        self.doc: Document | None = None
        self.session: LiveTimer | None = None
        self.sessions: dict[str, LiveTimer] = {}  # of this file, so all keep a heartbeat
        self._running = False  # one of our own operations is being announced
        self.display: Display | None = None
        self.stage = None
        self.stage_options = StageOptions(self)
        self.acting_on: LiveTimer | None = None  # a key pressed on the stage view: its session
        self.ask_clock_jump: Callable[[t.ClockJump], str] = lambda j: ask_clock_jump(self, j)
        self.confirm: Callable[[str, str], bool] = lambda title, text: confirm(self, title, text)
        self._asking = False
        self._phase = ""
        self.actions = TimerActions(self)
        self.announcer = TimerAnnouncer(self)
        self._connect_actions()
        self.tick_timer = QTimer(self)
        self.tick_timer.setSingleShot(True)
        self.tick_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.tick_timer.timeout.connect(self.refresh)
        self.fit_timer = QTimer(self)  # a child: it ends with the page
        self.fit_timer.setSingleShot(True)
        self.fit_timer.timeout.connect(self._fit_queue)
        signals.opened.connect(self._document_opened)
        self._build()
        self.retranslate_ui()

    # --- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.panel = QFrame()
        self.panel.setObjectName("clockPanel")
        # One line, elided (the whole title in its tooltip): a long title never pushes the
        # buttons and the speakers form off a 720-pixel screen.
        self.item_title = LiveText("currentItem", 15, bold=True)
        self.item_words = LiveText("timerWords", 12)
        self.item_clock = LiveText("itemClock", 40, bold=True)
        self.totals = LiveText("timerTotals")
        self.projected = LiveText("projectedEnd")
        texts = QVBoxLayout()
        for label in (self.item_title, self.item_words, self.totals, self.projected):
            texts.addWidget(label)
        panel = QHBoxLayout(self.panel)
        panel.addLayout(texts, 1)
        panel.addWidget(self.item_clock)

        a = self.actions
        controls = QHBoxLayout()
        buttons = [
            action_button(x) for x in (a.toggle, a.previous, a.next, a.minus, a.plus, a.stop)
        ]
        for button in buttons:
            controls.addWidget(button)
        controls.addStretch(1)
        self.stage_action = QAction(self)
        self.stage_action.setObjectName("stageViewAction")
        self.stage_action.triggered.connect(self.open_stage)
        buttons.append(action_button(self.stage_action))
        controls.addWidget(buttons[-1])
        self.rehearsal = tab_button(QCheckBox())
        self.rehearsal.setObjectName("timerRehearsal")
        self.rehearsal.toggled.connect(self.set_rehearsal)
        controls.addWidget(self.rehearsal)

        self._build_agenda()
        self.queue = SpeakersQueue(a, self.run)
        splitter = QSplitter()
        splitter.addWidget(self.agenda_box)
        # The queue scrolls rather than making the window taller than a laptop's screen.
        queue_scroll = self.queue_scroll = QScrollArea()
        queue_scroll.setObjectName("speakersScroll")
        queue_scroll.setWidgetResizable(True)
        queue_scroll.setFrameShape(QFrame.Shape.NoFrame)
        queue_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own
        queue_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        queue_scroll.setWidget(self.queue)
        splitter.addWidget(queue_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.focus_cue = FocusCue(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addLayout(controls)
        layout.addLayout(self._stage_row())
        layout.addWidget(splitter, 1)
        # Tab goes as the eye reads: the run, the stage, the agenda, then the speakers.
        stage_row = [self.message_field, self.message_show, self.message_clear]
        chain_focus(
            [*buttons, self.rehearsal, *stage_row, self.stage_menu_button, self.table]
            + [*self.item_moves, self.warning, self.chimes.box, *self.queue.focus_chain()]
        )

    def _connect_actions(self) -> None:
        a = self.actions
        a.connect(a.toggle, self._toggle)
        a.connect(a.previous, lambda: self.run(lambda s: s.move(-1)))
        a.connect(a.next, lambda: self.run(lambda s: s.move(1)))
        a.connect(a.plus, lambda: self.run(lambda s: s.adjust(60)) and self._fit_planned())
        a.connect(a.minus, lambda: self.run(lambda s: s.adjust(-60)) and self._fit_planned())
        a.connect(a.stop, self._stop)
        a.connect(a.reset, self._reset)
        a.connect(a.floor, lambda: self.run(lambda s: s.give_floor()))
        a.connect(a.end_floor, lambda: self.run(lambda s: s.end_floor()))
        a.connect(a.extend_speaker, lambda: self.run(lambda s: s.extend_speaker(60)))
        a.connect(a.item_up, lambda: self._move_item(-1))
        a.connect(a.item_down, lambda: self._move_item(1))

    # --- the session -------------------------------------------------------------------------

    def _document_opened(self, doc: Document | None) -> None:
        """The file was closed (its window too): nothing left to count, ask or write."""
        if doc is None:
            self.tick_timer.stop()
            self.session, self.sessions, self.doc = None, {}, None

    def page_title(self) -> str:
        return _("Timer")

    def now(self) -> float:
        if self.clock is not None:
            return self.clock()
        return self._wall()

    def writable(self) -> bool:
        return self.doc is not None and not self.doc.readonly

    def set_session(self, doc: Document, content: m.SessionContent) -> None:
        if doc is not self.doc:
            self.sessions.clear()
            self.doc, self._wall = doc, wall_clock(doc)
        cached = self.sessions.get(content.session.id)
        if cached is None:
            try:
                cached = LiveTimer(doc, content, self.now)
            except sqlite3.Error as error:
                self.show_failure(error)
                return
            self.sessions[content.session.id] = cached
        elif cached.content is not content:
            cached.set_content(content)  # the file's agenda and settings: the log is kept
            if cached is self.session:
                self._content_changed()
                return
        if cached is self.session:
            return
        self._show_session(cached)

    def _show_session(self, cached: LiveTimer) -> None:
        """Show this session's timer (the real one or a rehearsal of it)."""
        if self.rehearsal.isChecked() and not cached.rehearsal:
            self.rehearsal.blockSignals(True)  # another session: its real timer, not a rehearsal
            self.rehearsal.setChecked(False)
            self.rehearsal.blockSignals(False)
        self.session = cached
        self.model.set_session(cached, self.now())
        self._fit_table()
        self.queue.set_session(cached)
        self.warning.setValue(round(cached.session.warning_seconds / 60))
        self._phase = ""
        self._show(cached.state(self.now()))
        self.tick_timer.start(0)  # the clock-jump question comes once the window is up

    def document_changed(self, changes: ChangeSet) -> None:
        """Redraw what others changed; our own actions are already in memory."""
        if self.session is None or self.doc is None or (self._running and not changes.everything):
            return
        session_id = self.session.session.id
        if changes.everything:  # another program, a merge, a restore: read it all again
            for sid, live in list(self.sessions.items()):
                content = load_content(self.doc, sid)
                if content is None:
                    del self.sessions[sid]
                else:
                    live.reload(content)
            if session_id not in self.sessions:
                self.session = None
                self.tick_timer.stop()
                return
            self.queue.set_session(self.session)
            self._content_changed()
            return
        if changes.touches("agenda_item", "session"):
            content = load_content(self.doc, session_id)
            if content is None:
                return  # the session was deleted: the main window shows another one
            self.session.set_content(content)
        if changes.touches("timer_event"):  # e.g. an undo elsewhere brought events back
            self.session.reload()
        if changes.touches("participant"):
            self.session.reload_roster()
            self.queue.roster_changed()
        if changes.touches("agenda_item", "session", "timer_event"):
            self._content_changed()

    def _content_changed(self) -> None:
        """The agenda, the session's settings or the log changed: show them as they are now."""
        session = self.session
        if session is None:
            return
        self.model.set_session(session, self.now())
        self._fit_table()
        self.warning.setValue(round(session.session.warning_seconds / 60))
        self.queue.settings_changed()
        self.queue.fill()
        self.refresh()

    def has_agenda(self) -> bool:
        return bool(self.session and self.session.content.agenda)

    def run(self, action: Callable[[LiveTimer], Any]) -> bool:
        """Carry out one moderator action: `action` makes the operation (or the operation and
        its undo step) from the session's timer; committed to the file, then shown."""
        target = self.acting_on or self.session
        if target is None or not self.writable():
            return False
        made = action(target)
        operation, undo = made if isinstance(made, tuple) else (made, None)
        self._running = True
        try:
            self.signals.run(operation, undo=undo)
        except (sqlite3.Error, FacilitatorError) as error:
            target.reload()  # what the file holds: the failed action left nothing
            self.show_failure(error)
            return False
        finally:
            self._running = False
            if self.session is not None:
                self.queue.fill()
                self.refresh()
        return True

    def show_failure(self, error: BaseException) -> None:
        if isinstance(error, sqlite3.Error):
            path = self.doc.path if self.doc is not None else ""
            error = FacilitatorError(
                _("Could not write to {path} ({detail}); the timer did not change.").format(
                    path=path, detail=str(error)
                )
            )
        show_error(self, error)

    # --- refreshing --------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.session is None:
            return
        now = self.now()
        if not self._asking and self.writable():
            jump = self.session.check_clock(now)
            if jump is not None:
                self._resolve_jump(jump)
                now = self.now()
            self._beat_all(now)
        if self.session is None:
            return
        state = self.session.state(now)
        if self._hidden_in_a_shown_window():
            # Another tab is shown and no stage view: nothing to draw (showEvent redraws).
            # Counting, it still wakes each second for the heartbeat and the clock check;
            # not counting, it sleeps: the idle window then costs no CPU.
            counting = state.phase == t.RUNNING or (
                state.floor is not None and state.phase != t.PAUSED
            )
            if not counting:
                self.tick_timer.stop()
                return
            self._chime(state)  # heard on any tab: the moderator may be reading the notes
        else:
            self._show(state)
        self.tick_timer.start(int(state.next_change() * 1000) + MARGIN_MS)

    def _chime(self, state: t.TimerState) -> None:
        live = self.stage_session()  # the session that runs: its chime, whichever is shown
        if live is not None:
            key = f"{live.session.id}:{live.rehearsal}"
            self.chimes.observe(key, state if live is self.session else live.state(state.now))

    def _hidden_in_a_shown_window(self) -> bool:
        if self.stage is not None and self.stage.isVisible():
            return False
        return self.window().isVisible() and not self.isVisible()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_waiting()  # the widths and heights measured while another tab was shown
        self.refresh()  # what it did not draw while another tab was shown

    def _show(self, state: t.TimerState) -> None:
        session = self.session
        titles = {item.id: item.title for item in session.content.agenda}
        display = display_of(state, session.session, titles, session.participants)
        self.display = display
        if state.phase != self._phase:
            self._phase = state.phase
            self.actions.retranslate(state.phase)
            self._fit_queue()  # the floor's buttons may read wider in this phase
        self.item_title.setText(isolate(display.item_title) or _("No item yet: press Start"))
        self.item_title.set_label(_("Current item") if display.item_title else "")
        words = display.item_words
        if session.rehearsal:  # said on screen, never only by the tick box
            words = " · ".join(w for w in (_("Rehearsal: nothing is written"), words) if w)
        self.item_words.setText(words)
        self.item_clock.setText(display.item_clock)
        self.item_clock.setAccessibleDescription(words)
        # How the session stands against the plan on the short line, not after the projected
        # end (with the two time zones, the Russian line was cut at 1100 px).
        self.totals.setText(" · ".join(t for t in (display.totals, display.plan) if t))
        self.projected.setText(display.projected_end)
        paint_level(self.panel, display.item_level)
        before = self.model.current_row
        self.model.tick(state.now)
        if self.model.current_row != before:  # the bold current row may wrap differently
            for row in (before, self.model.current_row):
                if row is not None:
                    self.table.resizeRowToContents(row)
        self.queue.show_display(display)
        self._chime(state)
        self.actions.enable(state, len(session.queue), self.has_agenda(), self.writable())
        self.announcer.hear(session, state, display)
        self.displayed.emit(display)
        if self.stage is not None and self.stage.isVisible():
            self.staged.emit(self.stage_display(state, display))

    def retranslate_ui(self) -> None:
        self.focus_cue.retranslate()
        self.retranslate_stage_row()
        self.chimes.retranslate()
        self.agenda_box.setTitle(_("Agenda"))
        self.warning_label.setText(_("Amber warning at"))
        self.warning.setSuffix(" " + _("min left"))
        self.warning.setToolTip(_("The big clock turns amber when this much of an item is left"))
        self.rehearsal.setText(_("Rehearsal"))
        self.rehearsal.setToolTip(
            _("Try the timer without writing anything to the file; untick to leave")
        )
        self.stage_action.setText(_("Stage view"))
        self.stage_action.setToolTip(_("Open the big timer for a second screen or a shared window"))
        self.table.setAccessibleName(_("Agenda: planned and actual time"))
        self.item_clock.set_label(_("Time left on the current item"))
        self.item_words.set_label(_("Timer"))
        self.actions.retranslate(self._phase or t.IDLE)
        self.model.retranslate()
        if self.session is not None:
            self._fit_table()  # headers of another language are wider or narrower
        self.fit_timer.start(0)  # the queue's width once it has its new words too
        if self.session is not None:
            self._show(self.session.state(self.now()))
