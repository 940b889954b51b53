"""The summary report as Markdown (CommonMark with GitHub's extensions in mind).

Every text is escaped so it can never become markup: emphasis, links, images, raw HTML,
entities, tables, headings, lists and code are all neutralised with backslashes, and the
autolinks GitHub would make of bare URLs, e-mail addresses and ":emoji:" are broken up. Line
breaks inside one text become spaces. An Arabic report is wrapped in <div dir="rtl"> (our own
markup, never the user's), and each paragraph takes its direction from its first letter.
"""

from __future__ import annotations

import re

from facilitator.exports.progress import NO_PROGRESS, Progress
from facilitator.exports.report_model import Block, Report

# Characters that are markup anywhere on a line.
_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~&$])")
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9])(:)(?=//)|(?<=www)(\.)|(@)|(:)(?=[a-z0-9_+-]+:)")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """One line of literal text, safe anywhere Markdown allows inline content."""
    text = " ".join(text.split())  # newlines, tabs and leading spaces (code blocks) go
    text = _INLINE.sub(r"\\\1", text)
    text = _AUTOLINK.sub(lambda m: "\\" + m.group(0), text)
    # A leading "-", "+", "=" or "1." / "1)" would start a list or underline a heading.
    match = _LINE_START.match(text)
    if match:
        if match.group(2)[0].isdigit():
            end = match.end()
            text = text[:end] + "\\" + text[end:]
        else:
            text = text[: match.start(2)] + "\\" + text[match.start(2) :]
    return text


_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _table(rows: list[list[str]]) -> list[str]:
    cells = [[escape(c) or " " for c in row] for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "|".join(" --- " for _ in cells[0]) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return lines


def _inline(block: Block) -> str:
    """The block's text with its links and footnote references as Markdown."""
    if not block.spans:
        return escape(block.text)
    out = []
    for span in block.spans:
        if span.note:
            out.append(f"[^{span.note}]")
        elif span.url:
            out.append(f"[{escape(span.text)}](<{span.url}>)")
        else:
            # A span between others keeps its edge spaces (escape() strips them).
            lead = " " if span.text[:1].isspace() and out else ""
            tail = " " if span.text[-1:].isspace() else ""
            out.append(lead + (escape(span.text) if out else escape(span.text)) + tail)
    text = "".join(out).strip()
    return text


def _block(block: Block, report: Report) -> list[str]:
    kind, text = block.kind, _inline(block)
    if kind == "footnote" and block.spans:
        note = block.spans[0].text.strip().translate(_DIGITS)
        rest = _inline(Block("paragraph", spans=block.spans[1:]))
        return [f"[^{note}]: {rest}", ""]
    if kind == "table" and block.rows:
        return [*_table(block.rows), ""]
    if kind == "bullet" and block.level:
        return ["  " * block.level + "- " + text]
    if kind == "page_break":
        return ["---", ""]
    if kind == "chart" and block.chart is not None:
        return [f"#### {escape(block.chart.title)}", "", *_table(block.chart.rows(report.lang)), ""]
    prefix = {"title": "# ", "heading": "## ", "subheading": "### ", "bullet": "- "}.get(kind)
    if prefix:
        return [prefix + text] if kind == "bullet" else [prefix + text, ""]
    if kind == "label":
        return [f"**{text}**", ""]
    if kind in ("subtitle", "date"):
        return [f"*{text}*", ""]
    return [text, ""]


def render_markdown(report: Report, progress: Progress = NO_PROGRESS) -> bytes:
    lines: list[str] = []
    if report.rtl:
        lines += ['<div dir="rtl">', ""]
    previous = ""
    for n, block in enumerate(report.blocks):
        if n % 200 == 0:
            progress.step(n, len(report.blocks))
        if previous == "bullet" and block.kind != "bullet":
            lines.append("")  # a list ends with a blank line
        lines += _block(block, report)
        previous = block.kind
    if previous == "bullet":
        lines.append("")
    if report.rtl:
        lines += ["</div>", ""]
    progress.step(1, 1)
    return "\n".join(lines).encode("utf-8")
