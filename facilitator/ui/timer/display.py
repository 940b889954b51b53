"""What the moderator's screen and the stage view show, computed once per refresh from the
derived timer state, so both views read the same numbers, words and warning colours.

Timer readings use Babel's digits for the interface language (format_clock). For Arabic the
CLDR default numbering system is Latin, so clocks read 12:05 as on UN Arabic documents and on
Zoom; a locale whose default is native digits would get them. A reading is kept left to right
inside a mirrored screen (a left-to-right embedding, LRE ... PDF: Qt's item views and
buttons do not honour the newer isolates) so '+01:05' never becomes '01:05+'.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtWidgets import QWidget

from facilitator.domain import model as m
from facilitator.domain import timer as t
from facilitator.domain.speakers import speaker_label
from facilitator.i18n import _, format_clock, format_minutes, format_time, ngettext

LRE, PDF = "\u202a", "\u202c"  # see above

# (background, text): amber and red as on a conference timer; black on amber and white on
# red both pass WCAG AA contrast. The words say the same for those who cannot see colours.
COLOURS = {t.WARNING: ("#FFC107", "#000000"), t.OVERRUN: ("#C62828", "#FFFFFF")}


def clock_text(remaining: float) -> str:
    """'12:05' counting down, then '+00:00', '+01:05' over time, isolated left to right."""
    shown = t.shown_seconds(remaining)
    text = format_clock(shown) if remaining > 0 else "+" + format_clock(-shown)
    return f"{LRE}{text}{PDF}"


def duration_text(seconds: float) -> str:
    return f"{LRE}{format_clock(max(0, int(seconds)))}{PDF}"


def local_zone() -> dt.tzinfo:
    """This laptop's time zone (a function, so tests can pin it)."""
    return dt.datetime.now().astimezone().tzinfo or dt.UTC


def phase_words(phase: str) -> str:
    return {
        t.IDLE: _("Not started"),
        t.RUNNING: _("Running"),
        t.PAUSED: _("Paused"),
        t.STOPPED: _("Session ended"),
    }[phase]


def warning_words(level: str, remaining: float, warning_seconds: float) -> str:
    if level == t.WARNING:
        if warning_seconds % 60 == 0:
            limit = format_minutes(int(warning_seconds // 60))
        else:
            limit = duration_text(warning_seconds)
        return _("Ending soon: {time} or less left").format(time=limit)
    if level == t.OVERRUN:
        return _("Over time by {time}").format(time=clock_text(remaining).replace("+", ""))
    return ""


@dataclass(frozen=True)
class Display:
    """Texts and warning levels of one refresh."""

    phase: str
    item_title: str
    item_clock: str
    item_level: str
    item_words: str
    speaker: str
    speaker_clock: str
    speaker_level: str
    speaker_words: str
    totals: str
    projected: str  # the projected end and how it stands against the plan
    projected_end: str = ""  # the projected end alone
    plan: str = ""  # "4 minutes behind plan", "on plan"


def _projected(state: t.TimerState, session: m.Session) -> tuple[str, str]:
    """The projected end (or the end) and how it stands against the plan."""
    if state.phase == t.STOPPED and state.started_at is None:
        return "", ""
    moment = dt.datetime.fromtimestamp(state.projected_end, dt.UTC)
    local = local_zone()
    try:
        zone = ZoneInfo(session.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = local
    at = format_time(moment, tzinfo=zone)
    if moment.astimezone(zone).utcoffset() != moment.astimezone(local).utcoffset():
        text = _("{time} ({zone}), {local} on this computer").format(
            time=at, zone=session.timezone, local=format_time(moment, tzinfo=local)
        )
    else:
        text = at
    if state.phase == t.STOPPED:
        return _("Ended at {time}").format(time=text), ""
    text = _("Projected end: {time}").format(time=text)
    if state.started_at is None:
        return text, ""
    late = round((state.projected_end - state.started_at - state.planned_seconds) / 60)
    if late > 0:
        behind = ngettext("{n} minute behind plan", "{n} minutes behind plan", late)
        return text, behind.format(n=late)
    if late < 0:
        ahead = ngettext("{n} minute ahead of plan", "{n} minutes ahead of plan", -late)
        return text, ahead.format(n=-late)
    return text, _("on plan")


def display_of(
    state: t.TimerState,
    session: m.Session,
    titles: dict[str, str],
    participants: dict[str, m.Participant],
) -> Display:
    """Everything the two views show at one moment, in the interface language."""
    live = state.phase in (t.RUNNING, t.PAUSED)
    words = [phase_words(state.phase)]
    if live:
        words.append(warning_words(state.level, state.item_remaining, state.warning_seconds))
    floor = state.floor
    speaker_clock = speaker_words = speaker = ""
    speaker_level = t.NORMAL
    if floor is not None:
        speaker = speaker_label(floor, participants) or _("Speaker")
        speaker_clock = clock_text(floor.remaining)
        speaker_level = state.speaker_level or t.NORMAL
        limit = min(t.SPEAKER_WARNING_SECONDS, floor.budget / 4)
        speaker_words = warning_words(speaker_level, floor.remaining, limit) or _("Speaking")
    projected = _projected(state, session)
    if state.phase == t.STOPPED:
        totals = _("Elapsed {elapsed}").format(elapsed=duration_text(state.elapsed))
    else:
        totals = _("Elapsed {elapsed} · Remaining {remaining}").format(
            elapsed=duration_text(state.elapsed), remaining=duration_text(state.remaining_total)
        )
    return Display(
        phase=state.phase,
        item_title=titles.get(state.current_id or "", "") if state.current_id else "",
        item_clock=clock_text(state.item_remaining) if state.current_id else clock_text(0.001),
        item_level=state.level if live else t.NORMAL,
        item_words=" · ".join(w for w in words if w),
        speaker=speaker,
        speaker_clock=speaker_clock,
        speaker_level=speaker_level,
        speaker_words=speaker_words,
        totals=totals,
        projected=" · ".join(p for p in projected if p),
        projected_end=projected[0],
        plan=projected[1],
    )


def paint_level(widget: QWidget, level: str) -> None:
    """Amber or red behind the widget (only when the level changed: this runs every second)."""
    if widget.property("level") == level:
        return
    widget.setProperty("level", level)
    colours = COLOURS.get(level)
    name = widget.objectName()
    if colours is None:
        widget.setStyleSheet("")
    else:
        widget.setStyleSheet(
            f"#{name} {{ background-color: {colours[0]}; border-radius: 6px; }}"
            f"#{name} * {{ color: {colours[1]}; }}"
        )
