"""The notes table: a thin, lazily loaded Qt model over app.notes.list_interventions.

Only a page of rows is read at first; the view asks for more (canFetchMore/fetchMore) as it
scrolls, each page read after the key of the last row shown (keyset paging), so a session with
200,000 interventions opens, filters and scrolls as fast as one with 25. A save puts its row in
place (`apply`) instead of reading the table again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from facilitator.app import notes
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.domain.figures import parse_instant
from facilitator.domain.search_text import match_spans, words
from facilitator.domain.vocab import POINT_KINDS, STAKEHOLDER_GROUPS, label
from facilitator.i18n import (
    _,
    format_number,
    format_time,
    get_language,
    language_name,
    pgettext,
)
from facilitator.ui.common.bidi import isolate
from facilitator.ui.notes.highlight import HIGHLIGHT_ROLE

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
PAGE = 100  # rows read at a time: four screens of the table, about 1 ms at 200,000
HIGHLIGHTED = ("speaker", "notes", "points")  # the columns the search document covers


@dataclass
class Lookups:
    """Names of the things rows point to (agenda items, topics, questions)."""

    agenda: dict[str, str] = field(default_factory=dict)  # id -> "2. Setting the scene"
    topics: dict[str, str] = field(default_factory=dict)
    questions: dict[str, int] = field(default_factory=dict)  # id -> number
    timezone: str = "UTC"


parse_moment = parse_instant  # one parser of stored instants, shared with the reports


def clock_text(value: str | None, timezone: str) -> str:
    """A stored UTC moment as a wall-clock time of the session's time zone."""
    moment = parse_moment(value)
    if moment is None:
        return ""
    try:
        zone: dt.tzinfo = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = dt.UTC
    return format_time(moment.astimezone(zone))


def point_line(point: m.Point, lookups: Lookups) -> str:
    tags = [label(POINT_KINDS, point.kind)]
    if point.topic_id in lookups.topics:
        tags.append(lookups.topics[point.topic_id])
    if point.question_id in lookups.questions:
        tags.append(
            _("Q{number}").format(number=format_number(lookups.questions[point.question_id]))
        )
    return "[{tags}] {text}".format(tags=" · ".join(tags), text=isolate(point.text))


def speaker_text(row: notes.InterventionRow) -> str:
    if row.speaker:
        return isolate(row.speaker)
    return isolate(row.country) if row.country else "—"


INCREMENTAL = {"intervention", "point", "participant", "draft"}
# The roles `data` answers: a cell is painted after a dozen questions (font, colours,
# alignment, check state...), each a call into Python, answered at once for the others.
ANSWERED = frozenset(
    int(r)
    for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ID_ROLE, HIGHLIGHT_ROLE)
)
SHOWN_KEPT = 2048  # cell texts kept between repaints: some screens of rows


def _rank(row: notes.InterventionRow) -> tuple:
    started, made, record_id = row.key
    return (1, started, made, record_id) if started is not None else (0, "", made, record_id)


def _before(row: notes.InterventionRow, other: notes.InterventionRow) -> bool:
    """True when `row` is shown above `other`: newest first, undated rows last."""
    return _rank(row) > _rank(other)


class InterventionsModel(QAbstractTableModel):
    COLUMNS = ("time", "agenda", "speaker", "group", "language", "notes", "points")

    def __init__(self) -> None:
        super().__init__()
        self.doc: Document | None = None
        self.session_id = ""
        self.filter = notes.NotesFilter()
        self.lookups = Lookups()
        self.rows: list[notes.InterventionRow] = []
        self.total = 0
        self.search_words: list[str] = []
        # (intervention id, column) -> the cell's text: times and languages are formatted by
        # Babel, and a repaint (a save, a scroll) asks for every visible cell again.
        self._shown: dict[tuple[str, int], str] = {}

    def set_source(self, doc: Document | None, session_id: str, lookups: Lookups) -> None:
        self.doc, self.session_id, self.lookups = doc, session_id, lookups
        self.reload(keep=0)

    def set_filter(self, flt: notes.NotesFilter) -> None:
        self.filter = flt
        self.search_words = words(flt.text)
        self.reload(keep=0)

    def reload(self, keep: int | None = None) -> None:
        """Read again from the file, keeping as many rows loaded as before (the scroll)."""
        wanted = max(PAGE, len(self.rows) if keep is None else keep)
        self.beginResetModel()
        self._shown.clear()
        if self.doc is None:
            self.rows, self.total = [], 0
        else:
            self.total = notes.count_interventions(self.doc, self.session_id, self.filter)
            self.rows = notes.list_interventions(self.doc, self.session_id, self.filter, 0, wanted)
        self.endResetModel()

    def apply(self, changes: ChangeSet) -> bool:
        """Redraw only the interventions a save, an edit, a delete or its undo named: each is
        read again under the filter and put in its place (a few rows, whatever the table's
        length). False for any other change; the caller then reloads."""
        if self.doc is None or changes.everything or not changes.kinds() <= INCREMENTAL:
            return False
        if changes.ids("participant") - {i for k, i in changes.added if k == "participant"}:
            return False  # an edited speaker shows on many rows
        ids = sorted(changes.ids("intervention"))
        if not ids or len(ids) > PAGE:
            return False  # points alone (their rows are not named), or an import: reload
        complete = not self.canFetchMore()  # every row is loaded: new ones at the end show too
        fresh = notes.list_interventions(
            self.doc, self.session_id, self.filter, 0, len(ids), ids=ids
        )
        for intervention_id in ids:
            for column in range(len(self.COLUMNS)):
                self._shown.pop((intervention_id, column), None)
            n = self.row_of(intervention_id)
            if n >= 0:
                self.beginRemoveRows(QModelIndex(), n, n)
                del self.rows[n]
                self.endRemoveRows()
        if all(("intervention", i) in changes.added for i in ids):
            self.total += len(fresh)
        else:
            self.total = notes.count_interventions(self.doc, self.session_id, self.filter)
        for row in fresh:
            n = next((k for k, r in enumerate(self.rows) if _before(row, r)), len(self.rows))
            if n == len(self.rows) and not complete:
                continue  # past the rows loaded: it comes with the page that follows them
            self.beginInsertRows(QModelIndex(), n, n)
            self.rows.insert(n, row)
            self.endInsertRows()
        return True

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self.doc is None:
            return
        after = self.rows[-1].key if self.rows else None
        more = notes.list_interventions(
            self.doc,
            self.session_id,
            self.filter,
            0 if after else len(self.rows),
            PAGE,
            after=after,
        )
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = [
            _("Time"),
            _("Agenda item"),
            pgettext("notes table column", "Speaker"),
            # A column header: as short as the language allows ("Group").
            pgettext("notes table column", "Stakeholder group"),
            _("Language"),
            _("Notes"),
            _("Points"),
        ]
        return names[section]

    def intervention_id(self, row: int) -> str | None:
        return self.rows[row].intervention.id if 0 <= row < len(self.rows) else None

    def row_of(self, intervention_id: str) -> int:
        for n, row in enumerate(self.rows):
            if row.intervention.id == intervention_id:
                return n
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED:
            return None
        n = index.row()
        if not index.isValid() or n >= len(self.rows):
            return None
        row = self.rows[n]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == ID_ROLE:
            return row.intervention.id
        if role == HIGHLIGHT_ROLE:
            if not self.search_words or column not in HIGHLIGHTED:
                return None
            return match_spans(self._cell(row, index.column()), self.search_words) or None
        return None

    def _cell(self, row: notes.InterventionRow, column: int) -> str:
        key = (row.intervention.id, column)
        text = self._shown.get(key)
        if text is None:
            if len(self._shown) >= SHOWN_KEPT:
                self._shown.clear()
            text = self._shown[key] = self._display(row, self.COLUMNS[column])
        return text

    def _display(self, row: notes.InterventionRow, column: str) -> str:
        i = row.intervention
        if column == "time":
            return clock_text(i.started_at, self.lookups.timezone)
        if column == "agenda":
            return isolate(self.lookups.agenda.get(i.agenda_item_id or "", ""))
        if column == "speaker":
            return speaker_text(row)
        if column == "group":
            return label(STAKEHOLDER_GROUPS, row.group) if row.group else ""
        if column == "language":
            return language_name(i.language, get_language()) if i.language else ""
        if column == "notes":
            return isolate(" ".join(i.notes.split()))
        if not row.points:
            return ""
        return " | ".join(point_line(p, self.lookups) for p in row.points)

    def _tooltip(self, row: notes.InterventionRow, column: str) -> str | None:
        if column == "time":
            start = clock_text(row.intervention.started_at, self.lookups.timezone)
            end = clock_text(row.intervention.ended_at, self.lookups.timezone)
            return _("{start}–{end}").format(start=start, end=end) if start and end else None
        if column == "speaker":
            parts = [row.speaker, row.organisation, row.country]
            return "\n".join(isolate(p) for p in parts if p) or None
        if column == "notes":
            return row.intervention.notes or None
        if column == "points":
            return "\n".join("• " + point_line(p, self.lookups) for p in row.points) or None
        return None

    def retranslate(self) -> None:
        self._shown.clear()  # names, times and numbers in the new language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1)
            )
