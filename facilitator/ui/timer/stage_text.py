"""What the stage view shows the room at one moment, from the same derived state as the
moderator's screen (Display) plus what only the room needs: before the start the first item
with its planned time, or "Starts at 15:00 CET" counting down; after the end "Session ended"
and no digits; the next item, the time of day, the projected end; the speaker's name and
group (the group alone under the Chatham House Rule); the moderator's short message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from facilitator.domain import model as m
from facilitator.domain import timer as t
from facilitator.domain.vocab import STAKEHOLDER_GROUPS, label
from facilitator.i18n import _, format_time
from facilitator.ui.timer.display import Display, clock_text, local_zone


@dataclass(frozen=True)
class StageDisplay:
    phase: str
    title: str  # the current item (the first one before the start, the session after it)
    banner: str  # "Paused", "Session ended", "Starts at 15:00 CET", or the moderator's message
    clock: str  # "" after the end: never a stale reading
    level: str
    words: str
    speaker: str
    speaker_clock: str
    speaker_level: str
    next_item: str
    time_of_day: str
    projected: str
    message: str
    second: int  # the whole second shown (the overrun flash alternates with it)


def session_zone(session: m.Session) -> dt.tzinfo:
    try:
        return ZoneInfo(session.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return local_zone()


def _at(moment: float, zone: dt.tzinfo) -> str:
    when = dt.datetime.fromtimestamp(moment, dt.UTC).astimezone(zone)
    return f"{format_time(when, tzinfo=zone)} {when.tzname() or ''}".strip()


def stage_of(
    display: Display,
    state: t.TimerState,
    content: m.SessionContent,
    participants: dict[str, m.Participant],
    message: str = "",
) -> StageDisplay:
    session = content.session
    agenda = sorted(content.agenda, key=lambda a: a.position)
    zone = session_zone(session)
    title, clock, banner, words = display.item_title, display.item_clock, "", display.item_words
    nxt = ""
    if state.phase == t.IDLE:
        first = agenda[0] if agenda else None
        title = first.title if first else session.title
        start = t.scheduled_start(session)
        if start is not None and start > state.now:
            banner = _("Starts at {time}").format(time=_at(start, zone))
            clock, words = clock_text(start - state.now), _("Until the start")
        else:
            banner = _("Not started")
            clock = clock_text(first.planned_minutes * 60) if first else ""
            words = _("Planned time of the first item") if first else ""
        nxt = agenda[1].title if len(agenda) > 1 else ""
    elif state.phase == t.STOPPED:
        title, clock, banner, words = session.title, "", _("Session ended"), ""
    else:
        if state.phase == t.PAUSED:
            banner = _("Paused")
        n = state.current_index
        if n is not None and n + 1 < len(agenda):
            nxt = agenda[n + 1].title
    speaker = display.speaker
    floor = state.floor
    if floor is not None:
        group = label(STAKEHOLDER_GROUPS, floor.group) if floor.group else ""
        person = participants.get(floor.participant_id or "")
        if person is not None and not group:
            group = (
                label(STAKEHOLDER_GROUPS, person.stakeholder_group)
                if person.stakeholder_group
                else ""
            )
        if session.chatham_house:  # names are hidden: the group alone, never a person
            speaker = group or _("Speaker")
        elif group and group not in speaker:
            speaker = _("{name} ({group})").format(name=speaker, group=group)
    if message:  # the moderator's words first; the phase stays in the line under the clock
        if banner and banner not in words:
            words = " · ".join(w for w in (banner, words) if w)
        banner = message
    return StageDisplay(
        phase=state.phase,
        title=title,
        banner=banner,
        clock=clock,
        level=display.item_level,
        words=words,
        speaker=speaker,
        speaker_clock=display.speaker_clock,
        speaker_level=display.speaker_level,
        next_item=_("Next: {title}").format(title=nxt) if nxt else "",
        time_of_day=_at(state.now, zone),
        projected=display.projected if state.phase in (t.RUNNING, t.PAUSED) else "",
        message=message,
        second=int(state.now),
    )
