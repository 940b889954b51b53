"""Reading an agenda or a list of guiding questions pasted from a concept note, a web page
or a Word table. Pure functions; nothing is saved until the preview is accepted.

`parse_agenda` reads the forms programmes use:

- "10 minutes | Opening remarks Jonathan Prentice, Head, ..." (a table row; also the same
  cells tab-separated, as Word copies them, or split over lines as web pages give them);
- "15:00–15:10 Opening remarks" and "15:00 - 15:10 ..." (minutes from the difference);
  "15:00 Opening remarks" followed by "15:10 ..." (minutes until the next start);
- "Opening remarks (10 min)", "Opening remarks – 10'", "1 h 30 min", "1h30";
- unit words in English, French, Spanish, Russian and Arabic ("minutes", "min", "minutos",
  "минут", "дقائق"/"دقيقة"), digits of any script;
- bullets and numbering ("-", "•", "1.", "ii)", "a)") are stripped;
- HTML as a page's source or concept note 001 carry it ("Opening remarks <ul …>UNNM
  Secretariat The session will …"): tags are structure (pasted_html), the role after a title
  is its speakers, the sentences after the role its description.

A line whose minutes cannot be read comes back with `planned_minutes = None`, for the
preview to flag. The kind of item is guessed from its title in the same five languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitator.domain.agenda_words import KIND_WORDS, TITLE_PHRASES
from facilitator.domain.pasted_html import BREAK, to_plain

MAX_MINUTES = 600

_MIN_WORDS = r"(?:minutes?|mins?\.?|mn\b|minutos?|минут[аы]?|мин\.?|دقائق|دقيقة|دقيقتان|')"
_HOUR_WORDS = r"(?:hours?|hrs?\b|h(?![^\W\d_])|heures?|horas?|час(?:а|ов)?|ч\b|ساعة|ساعات|ساعتان)"
_DASH = r"[-–—−]"
_TIME = r"(\d{1,2})[:.hH](\d{2})"

RANGE_RE = re.compile(_TIME + r"\s*(?:" + _DASH + r"|to|à|a|до|إلى)\s*" + _TIME)
START_RE = re.compile(r"^\s*" + _TIME + r"(?!\d)\s*(?:" + _DASH + r"\s*)?")
DURATION_RE = re.compile(
    r"[(\[]?\s*(?:"
    + r"(?P<h>\d+)\s*"
    + _HOUR_WORDS
    + r"(?:\s*(?P<hm>\d+)\s*"
    + _MIN_WORDS
    + r"?)?"
    + r"|(?P<m>\d+)\s*"
    + _MIN_WORDS
    + r")\s*[)\]]?",
    re.IGNORECASE,
)
BULLET_RE = re.compile(
    r"^\s*(?:[-*•·‣◦▪●○–—]|\(?\d{1,2}[.)]|\(?[ivxlIVXL]{1,5}[.)]|\(?[a-zA-Z][.)])\s+"
)
EDGE = " \t|–—-:;,."
__all__ = ["KIND_WORDS", "TITLE_PHRASES", "ParsedItem", "parse_agenda", "parse_questions"]


def _trim(text: str) -> str:
    """Separators off both ends; a final full stop stays (it marks a sentence)."""
    return text.lstrip(EDGE).rstrip(" \t|–—-:;,")


@dataclass(frozen=True)
class ParsedItem:
    """One agenda line as read; `planned_minutes` None means the preview must ask for it."""

    title: str
    planned_minutes: int | None
    speakers: str = ""
    kind: str = "other"
    description: str = ""
    source: str = ""  # the text it was read from, for the preview

    @property
    def needs_minutes(self) -> bool:
        return self.planned_minutes is None


def guess_kind(title: str) -> str:
    """The agenda kind a title suggests (vocab.AGENDA_KINDS code), "other" when none does."""
    folded = title.casefold()
    for kind, words in KIND_WORDS:
        if any(folded.startswith(w) or f" {w}" in folded for w in words):
            return kind
    return "other"


def _minutes_of(h: str | None, hm: str | None, m: str | None) -> int:
    if h is not None:
        return int(h) * 60 + (int(hm) if hm else 0)
    return int(m or 0)


def _valid(minutes: int | None) -> int | None:
    return minutes if minutes is not None and 1 <= minutes <= MAX_MINUTES else None


def _rows(text: str) -> list[list[str]]:
    """Table rows as lists of cells; a line starting with "|" continues the row above it, and
    so does a line that was an HTML list item or break, unless it has its own minutes or start
    time (then it is an item of a list of items) or the row above has none."""
    rows: list[list[str]] = []
    timed: list[bool] = []
    text = to_plain(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    for raw in text.split("\n"):
        from_markup = raw.startswith(BREAK)
        line = raw.replace(BREAK, "").strip()
        if not line.strip("|").strip():
            continue
        cells = [c.strip() for c in re.split(r"\||\t", line) if c.strip()]
        has_time = _has_time(line)
        continues = line.startswith("|") or (from_markup and timed and timed[-1] and not has_time)
        if continues and rows:
            rows[-1].extend(cells)
            timed[-1] = timed[-1] or has_time
        else:
            rows.append(cells)
            timed.append(has_time)
    return rows


def _has_time(line: str) -> bool:
    found = DURATION_RE.search(line)
    timed = bool(found and (found.group("h") or found.group("m")))
    return timed or bool(RANGE_RE.search(line) or START_RE.match(_strip_bullet(line)))


def _strip_bullet(text: str) -> str:
    return BULLET_RE.sub("", text, count=1).strip()


def _take_duration(text: str) -> tuple[int | None, str, int | None]:
    """Minutes written in `text`, the text without them, and the start of a time range."""
    found = RANGE_RE.search(text)
    if found:
        h1, m1, h2, m2 = (int(g) for g in found.groups())
        minutes = ((h2 * 60 + m2) - (h1 * 60 + m1)) % (24 * 60)
        rest = _trim(text[: found.start()] + " " + text[found.end() :])
        return minutes, rest, h1 * 60 + m1
    found = DURATION_RE.search(text)
    if found and (found.group("h") or found.group("m")):
        minutes = _minutes_of(found.group("h"), found.group("hm"), found.group("m"))
        if minutes > MAX_MINUTES and START_RE.match(text):
            return None, text, None  # "15h00 Ouverture": a start time, not fifteen hours
        rest = text[: found.start()].rstrip(EDGE) + " " + text[found.end() :].lstrip(EDGE)
        return minutes, _trim(rest), None
    return None, text, None


def _split_title(text: str) -> tuple[str, str]:
    """(title, what follows it) of a one-cell row."""
    for separator in (" – ", " — ", " - ", ": "):
        if separator in text:
            title, rest = text.split(separator, 1)
            return _trim(title), _trim(rest)
    folded = text.casefold()
    for phrase in sorted(TITLE_PHRASES, key=len, reverse=True):
        if folded.startswith(phrase) and (
            len(text) == len(phrase) or not text[len(phrase)].isalnum()
        ):
            return text[: len(phrase)], _trim(text[len(phrase) :])
    return _trim(text), ""


def _is_description(text: str) -> bool:
    return text.endswith(".") or len(text.split()) > 14


# Words a description's first sentence starts with, capitalised: "UNNM Secretariat The session
# will outline …" is a role, then what the item is about.
_SENTENCE_START = re.compile(
    r"(?<=[^\W\d_])\s+(?=(?:The|This|These|It|Its|Participants|La|Le|Les|Ce|Cette|Ces|Un|Une"
    r"|El|Los|Las|Esta|Este|Estos|Estas|Una)\s+[^\W\d_A-Z])"
)


def _speakers_and_description(parts: list[str]) -> tuple[str, str]:
    """What follows a title: who speaks (short cells, or the words before the first sentence)
    and what the item is about (sentences)."""
    speakers: list[str] = []
    description: list[str] = []
    for part in parts:
        if not _is_description(part):
            (description if description else speakers).append(part)
            continue
        found = _SENTENCE_START.search(part)
        head = part[: found.start()] if found else ""
        if head and not description and len(head.split()) <= 12 and not _is_description(head):
            speakers.append(_trim(head))
            part = part[found.end() :] if found else part
        description.append(part)
    return "; ".join(speakers), " ".join(description)


def _item(cells: list[str], source: str) -> tuple[ParsedItem, int | None]:
    """The item of one row, and its start in minutes after midnight when only that is given."""
    cells = [_strip_bullet(c) for c in cells]
    cells = [c for c in cells if c]
    minutes: int | None = None
    start: int | None = None
    rest_cells: list[str] = []
    for cell in cells:
        if minutes is None:
            found, left, begins_at = _take_duration(cell)
            if found is not None:
                minutes, start = found, begins_at
                if left:
                    rest_cells.append(left)
                continue
            begins = START_RE.match(cell)
            if begins and start is None and not rest_cells:
                start = int(begins.group(1)) * 60 + int(begins.group(2))
                left = _trim(cell[begins.end() :])
                if left:
                    rest_cells.append(left)
                continue
        rest_cells.append(cell)
    if not rest_cells:
        title, rest = "", []
    else:
        title, after = _split_title(rest_cells[0]) if len(rest_cells) == 1 else (rest_cells[0], "")
        rest = [_trim(c) for c in ([after] if after else []) + rest_cells[1:]]
        title = _trim(title)
        if not title and rest:  # a first cell of separators only
            title, after = _split_title(" ".join(rest))
            rest = [after]
    speakers, description = _speakers_and_description([c for c in rest if c])
    item = ParsedItem(
        title=title,
        planned_minutes=_valid(minutes),
        speakers=speakers,
        kind=guess_kind(title),
        description=description,
        source=source,
    )
    return item, start


def parse_agenda(text: str) -> list[ParsedItem]:
    """The agenda items of a pasted text, in order (see the module's docstring)."""
    items: list[ParsedItem] = []
    starts: list[int | None] = []
    for cells in _rows(text):
        item, start = _item(cells, " | ".join(cells))
        if not item.title and item.planned_minutes is None:
            continue
        items.append(item)
        starts.append(start)
    out = []
    for n, item in enumerate(items):
        start = starts[n]
        following = starts[n + 1] if n + 1 < len(starts) else None
        if item.planned_minutes is None and start is not None and following is not None:
            item = ParsedItem(
                item.title,
                _valid((following - start) % (24 * 60)),
                item.speakers,
                item.kind,
                item.description,
                item.source,
            )
        out.append(item)
    return out


def parse_questions(text: str) -> list[str]:
    """Guiding questions, one per bullet or numbered line; when the text has bullets, a line
    without one continues the question above it (text wrapped by a word processor)."""
    lines = [
        raw.replace("\u00a0", " ").strip()
        for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    lines = [line for line in lines if line]
    bulleted = any(BULLET_RE.match(line) for line in lines)
    questions: list[str] = []
    for line in lines:
        if bulleted and not BULLET_RE.match(line) and questions:
            questions[-1] = f"{questions[-1]} {line}"
            continue
        text_of = _strip_bullet(line)
        if text_of:
            questions.append(text_of)
    return questions
