"""The small Markdown subset people write report texts in. Qt-free, pure.

The only active syntax is the structure a UN summary needs (seed 003):

- each line is a paragraph (the editor wraps long lines; blank lines only space them out);
- a line starting with "- " is a bullet, nested by two spaces of indentation per level (up to
  three levels);
- `[text](https://...)` is a link (http, https and mailto addresses only);
- `[^label]` refers to a footnote that a line `[^label]: text` defines; footnotes are numbered
  1, 2, ... in the order of their first reference (a definition never referred to is kept and
  numbered after the others: no word is lost);
- a backslash before "[", "]" or "-" makes it literal.

Everything else (emphasis, headings, HTML, tables, code, an undefined footnote, a link to any
other kind of address) is inert text, kept exactly as written and escaped by each renderer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_LEVEL = 2
_BULLET = re.compile(r"^([ \t]*)- (.*)$")
_NOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]*(.*)$")
_LINK = re.compile(r"\[([^\[\]\\]+)\]\(((?:https?://|mailto:)[^\s()<>]+)\)")
_NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_ESCAPE = r"\\([\[\]\\-])"
_TOKEN = re.compile(f"{_ESCAPE}|{_LINK.pattern}|{_NOTE_REF.pattern}")
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Span:
    text: str = ""
    url: str = ""  # a link when set
    note: int = 0  # a reference to footnote `note` (1, 2, ...) when > 0; text is empty


@dataclass(frozen=True)
class Para:
    kind: str  # "paragraph" | "bullet"
    level: int
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return plain(self.spans)


@dataclass
class Narrative:
    blocks: list[Para] = field(default_factory=list)
    notes: list[tuple[Span, ...]] = field(default_factory=list)  # footnote n is notes[n - 1]


def _inline(text: str, numbers: dict[str, int]) -> tuple[Span, ...]:
    spans: list[Span] = []
    at = 0
    for match in _TOKEN.finditer(text):
        escaped, label = match.group(1), match.group(4)
        if label is not None and label not in numbers:
            continue  # an undefined footnote stays as written
        if match.start() > at:
            spans.append(Span(text[at : match.start()]))
        if escaped is not None:
            spans.append(Span(escaped))
        elif label is not None:
            spans.append(Span(note=numbers[label]))
        else:
            spans.append(Span(match.group(2), url=match.group(3)))
        at = match.end()
    if at < len(text):
        spans.append(Span(text[at:]))
    return _tidy(spans)


def _tidy(spans: list[Span]) -> tuple[Span, ...]:
    """Whitespace collapsed, escapes resolved, neighbouring plain texts merged."""
    out: list[Span] = []
    for span in spans:
        if out and not span.url and not span.note and not out[-1].url and not out[-1].note:
            out[-1] = Span(out[-1].text + span.text)
        else:
            out.append(span)
    out = [s for s in out if s.text or s.note]
    if out and not out[0].note:
        out[0] = Span(out[0].text.lstrip(), out[0].url)
    if out and not out[-1].note:
        out[-1] = Span(out[-1].text.rstrip(), out[-1].url)
    return tuple(s for s in out if s.text or s.note)


def lines_of(text: str) -> list[tuple[int, str]]:
    """The structure only (a list line's nested bullets, nothing inline): (level, text) per
    line, level 0 for the first line and plain lines, 1 and more for "- " lines under it.
    The words are kept exactly, spaces and brackets included."""
    out: list[tuple[int, str]] = []
    for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        bullet = _BULLET.match(line) if out else None
        if bullet:
            level = min(len(bullet.group(1).expandtabs(2)) // 2 + 1, MAX_LEVEL)
            out.append((level, bullet.group(2).strip()))
        elif line.strip():
            out.append((0 if not out else 1, line.strip()))
    return out


def parse(text: str) -> Narrative:
    """The structure of `text`; never fails, whatever the text."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [line.rstrip() for line in lines]
    definitions: dict[str, str] = {}
    body: list[str] = []
    for line in lines:
        found = _NOTE_DEF.match(line)
        if found and found.group(1) not in definitions:
            definitions[found.group(1)] = found.group(2)
        elif not found:
            body.append(line)
    order: list[str] = []
    for line in body:
        for ref in _TOKEN.finditer(line):
            label = ref.group(4)
            if label is not None and label in definitions and label not in order:
                order.append(label)
    order += [label for label in definitions if label not in order]
    numbers = {label: n + 1 for n, label in enumerate(order)}
    raw: list[tuple[str, int, str]] = []  # (kind, level, text) before inline parsing
    for line in body:
        bullet = _BULLET.match(line)
        if bullet:
            level = min(len(bullet.group(1).expandtabs(2)) // 2, MAX_LEVEL)
            raw.append(("bullet", level, bullet.group(2)))
        elif line.strip():
            raw.append(("paragraph", 0, line.strip()))
    blocks = [
        Para(k, lv, spans) for k, lv, t in raw if (spans := _inline(" ".join(t.split()), numbers))
    ]
    notes = [_inline(" ".join(definitions[label].split()), numbers) for label in order]
    return Narrative(blocks, notes)


def plain(spans: tuple[Span, ...]) -> str:
    """The text for a format without links: "text (address)", footnotes as superscripts."""
    parts = []
    for span in spans:
        if span.note:
            parts.append(str(span.note).translate(SUPERSCRIPTS))
        elif span.url and span.url != span.text:
            parts.append(f"{span.text} ({span.url})")
        else:
            parts.append(span.text)
    return "".join(parts)


def _source(spans: tuple[Span, ...], line_start: bool) -> str:
    out = []
    for n, span in enumerate(spans):
        if span.note:
            out.append(f"[^{span.note}]")
            continue
        text = re.sub(r"([\[\]\\])", r"\\\1", span.text)
        if n == 0 and line_start and text.startswith("-"):
            text = "\\" + text
        out.append(f"[{text}]({span.url})" if span.url else text)
    return "".join(out)


def to_source(narrative: Narrative) -> str:
    """The narrative written back in the subset (canonical form: parse(to_source(x)) == x)."""
    lines: list[str] = []
    for n, block in enumerate(narrative.blocks):
        if block.kind == "bullet":
            if n and narrative.blocks[n - 1].kind != "bullet":
                lines.append("")
            lines.append("  " * block.level + "- " + _source(block.spans, False))
        else:
            if lines:
                lines.append("")
            lines.append(_source(block.spans, True))
    if narrative.notes:
        lines.append("")
    for n, note in enumerate(narrative.notes, 1):
        lines.append(f"[^{n}]: " + _source(note, False))
    return "\n".join(lines)
