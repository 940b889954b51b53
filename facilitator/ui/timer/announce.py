"""The timer's changes said to a screen reader: start, pause, the end, the next item, amber,
over time, a new speaker and the speaker's amber and over time.

Nobody focuses the big clock while moderating, so a change of its colour would go unheard;
each refresh compares what it shows with the previous refresh and announces what changed
(Qt's announcement event, facilitator.ui.common.a11y.announce). Over time interrupts
(assertive); the rest waits its turn. Showing another session says nothing: only changes of
the one on screen are news.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from facilitator.domain import timer as t
from facilitator.i18n import _
from facilitator.ui.common.a11y import announce
from facilitator.ui.timer.display import Display, phase_words


@dataclass(frozen=True)
class Heard:
    """What the last refresh showed, as far as announcements go."""

    source: int  # the LiveTimer shown (a rehearsal is another)
    phase: str
    item_id: str | None
    level: str
    speaker: str
    speaker_level: str


class TimerAnnouncer:
    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self.last: Heard | None = None
        self.said: list[str] = []  # every announcement made (what a test listens to)

    def hear(self, source: object, state: t.TimerState, display: Display) -> list[str]:
        """Announce what changed since the last refresh; returns what was said."""
        now = Heard(
            id(source),
            display.phase,
            state.current_id if display.phase != t.STOPPED else None,
            display.item_level,
            display.speaker,
            display.speaker_level if display.speaker else t.NORMAL,
        )
        last, self.last = self.last, now
        if last is None or last.source != now.source or last == now:
            return []
        said: list[tuple[str, bool]] = []
        if now.phase != last.phase:
            said.append((phase_words(now.phase), now.phase == t.STOPPED))
        if now.item_id != last.item_id and now.item_id is not None and display.item_title:
            said.append((_("Current item: {title}").format(title=display.item_title), False))
        if now.level != last.level or now.item_id != last.item_id:
            if now.level == t.WARNING:
                said.append((warning_of(display.item_words), False))
            elif now.level == t.OVERRUN:
                said.append((_("Time is up: {title}").format(title=display.item_title), True))
        if now.speaker != last.speaker:
            if now.speaker:
                said.append((_("{speaker} has the floor").format(speaker=now.speaker), False))
            else:
                said.append((_("Nobody has the floor"), False))
        elif now.speaker and now.speaker_level != last.speaker_level:
            if now.speaker_level == t.WARNING:
                words = _("{label}: {value}").format(label=now.speaker, value=display.speaker_words)
                said.append((words, False))
            elif now.speaker_level == t.OVERRUN:
                words = _("Speaking time is up: {speaker}").format(speaker=now.speaker)
                said.append((words, True))
        for text, assertive in said:
            announce(self.widget, text, assertive)
            self.said.append(text)
        return [text for text, _assertive in said]


def warning_of(item_words: str) -> str:
    """The amber words ('Ending soon: …') out of the status line 'Running · Ending soon: …'."""
    return item_words.rsplit(" · ", 1)[-1]
