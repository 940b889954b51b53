"""The note-taking tab of a session: the entry form above, everything logged below.

Never lose a word: an entry is shown as saved only after its transaction has committed; what
is being typed goes into the file's draft table at most ~2 s behind the keyboard and is
offered back when the session is opened again after a crash; a full disk or a read-only file
leaves the text in the form with a message, to be saved again later. The page reads and
writes only through facilitator.app.notes, and redraws from the window's change signal, so
interventions the moderator's timer creates, merges, or a colleague's edits through the same
file show up without a click and without polling. Saves, edits and deletes go on the
document's undo history (Edit > Undo).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import notes
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.domain.entry import Entry
from facilitator.errors import FacilitatorError
from facilitator.i18n import N_, _, format_number
from facilitator.ui.common.keys import key_text, leaves_undo_to_page
from facilitator.ui.common.opaque_fields import keep_fields_opaque
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.common.select_row import select_row
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.notes.banner import DraftBanner, UndoBar
from facilitator.ui.notes.drafts import DraftKeeper
from facilitator.ui.notes.filters import FilterBar
from facilitator.ui.notes.form import EntryForm, iso, utc_now
from facilitator.ui.notes.form_splitter import FormSplitter
from facilitator.ui.notes.highlight import HighlightDelegate
from facilitator.ui.notes.interventions_model import (
    InterventionsModel,
    Lookups,
    clock_text,
    parse_moment,
    speaker_text,
)
from facilitator.ui.notes.table_columns import ColumnFitter

WRITE_ERRORS = (sqlite3.Error, FacilitatorError, OSError)


def write_error(error: Exception) -> str:
    if isinstance(error, FacilitatorError):
        return str(error)  # already one translated line (e.g. a file open read-only here)
    return notes.describe_write_error(error)


class NotesPage(Retranslating, QWidget):
    def __init__(self, signals: DocumentSignals, now: Callable[[], dt.datetime] = utc_now) -> None:
        super().__init__()
        self.setObjectName("notesPage")
        self.signals = signals
        self.now = now
        self.doc: Document | None = None
        self.content: m.SessionContent | None = None
        self.context = notes.NotesContext()
        self.base: Entry | None = None  # the saved state of the entry being edited
        self.adopted: set[str] = set()  # floor records already offered to the form
        self.form = EntryForm(now)
        self.banner = DraftBanner()
        self.filters = FilterBar()
        self.model = InterventionsModel()
        self.table = QTableView(objectName="notesTable")
        self.undo_bar = UndoBar()
        self._build()
        self.drafts = DraftKeeper(signals, self.form.draft, now, self)
        self._connect()
        self.retranslate_ui()

    def _build(self) -> None:
        self.table.setModel(self.model)
        # Qt's own delegate draws the cells while nothing is searched: a cell drawn by the
        # highlighting one is a call into Python, some sixty of them for each repaint.
        self.plain_cells = QStyledItemDelegate(self.table)
        self.highlight_cells = HighlightDelegate(self.table)
        self.table.setItemDelegate(self.plain_cells)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control, not cell
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.columns = ColumnFitter(self.table)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(6, 6, 6, 6)
        top_layout.addWidget(self.banner)
        top_layout.addWidget(self.form)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(6, 0, 6, 6)
        bottom_layout.addWidget(self.filters)
        bottom_layout.addWidget(self.table)
        bottom_layout.addWidget(self.undo_bar)
        self.splitter = FormSplitter(top, bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _connect(self) -> None:
        self.form.changed.connect(self.drafts.typed)
        self.form.save_requested.connect(self.save)
        self.form.cancel_requested.connect(self.cancel_edit)
        self.filters.changed.connect(self._filter)
        self.table.activated.connect(lambda index: self.edit_row(index.row()))
        self.banner.restore.connect(self.restore_draft)
        self.banner.discard.connect(self.discard_draft)
        self.undo_bar.undo.connect(self.undo)
        self.undo_bar.redo.connect(self.redo)
        self.undo_bar.delete.connect(self.delete_selected)
        self.signals.history_changed.connect(self._update_undo)
        self.signals.undone.connect(lambda what: self._say_step(N_("Undone: {what}"), what, True))
        self.signals.redone.connect(lambda what: self._say_step(N_("Redone: {what}"), what, False))
        # Ctrl+Z and Ctrl+Shift+Z are the main window's Edit > Undo and Redo: no actions here.
        delete = QAction(self.table)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(delete.shortcutContext().WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.table.addAction(delete)
        self._text_fields = (
            self.form.speaker,
            self.form.country,
            self.form.notes,
            self.form.points.text,
        )
        for widget in self._text_fields:
            widget.installEventFilter(self)
        # A caret blink repaints its field alone, not the window behind it.
        keep_fields_opaque(self, self._line_edits)

    def _line_edits(self) -> tuple[QLineEdit, ...]:
        points = self.form.points
        return (
            self.form.speaker,
            self.form.country,
            points.text,
            points.objectives,
            self.filters.search,
        )

    # --- SessionPage -------------------------------------------------------------------

    def page_title(self) -> str:
        return _("Notes")

    def set_session(self, doc: Document, content: m.SessionContent) -> None:
        same = self.doc is doc and self.content and self.content.session.id == content.session.id
        self.content = content
        if same:  # the main window refreshes its list on a language change: keep the typing
            self.refresh()
            return
        self.drafts.attach(doc)
        self.doc = doc
        self.base = None
        self.adopted.clear()
        self.refresh()
        self.form.reset(self._default_language(), self._timer_item())
        self.form.show_status("")
        try:
            offered = notes.drafts(doc, content.session.id)
        except sqlite3.Error:
            offered = []
        self.banner.offer(offered, content.session.timezone)
        self._update_undo()

    def _default_language(self) -> str:
        interpretation = self.content.session.interpretation if self.content else []
        return interpretation[0] if interpretation else ""

    def _timer_item(self) -> str | None:
        if self.doc is None or self.content is None:
            return None
        try:
            return notes.timer_item(self.doc, self.content.session.id)
        except sqlite3.Error:
            return None

    # --- refreshing --------------------------------------------------------------------

    def document_changed(self, changes: ChangeSet) -> None:
        """Redraw only what the change touches: the lists of the form, the table, the timer."""
        if self.doc is None or self.content is None or self.signals.doc is not self.doc:
            return
        try:
            if changes.touches(*notes.CONTEXT_KINDS):  # also on `everything`
                self._refresh()
                return
            if changes.touches(*notes.PEOPLE_KINDS):
                self._people_changed()  # a speaker typed on the fly, an edited roster
            if changes.touches(*notes.TABLE_KINDS):
                self._reload_table(changes)
                self._adopt_floor()
            if changes.touches("timer_event"):
                self.form.set_timer_item(self._timer_item())
        except sqlite3.Error:
            pass  # the window is closing its file; Qt events must never raise here

    def refresh(self) -> None:
        """Read everything the page shows from the file again (skipped on a closed file)."""
        try:
            self._refresh()
        except sqlite3.Error:
            pass  # the window is closing its file; Qt events must never raise here

    def _refresh(self) -> None:
        if self.doc is None or self.content is None:
            return
        session = self.content.session
        self.context = ctx = notes.context(self.doc, session)
        self.form.set_context(session, ctx.agenda, ctx.questions, ctx.topics, ctx.people)
        self.filters.set_vocabulary(ctx.agenda, ctx.people, ctx.topics, ctx.questions)
        lookups = Lookups(
            agenda={a.id: f"{format_number(n)}. {a.title}" for n, a in enumerate(ctx.agenda, 1)},
            topics={t.id: t.name for t in ctx.topics},
            questions={q.id: n for n, q in enumerate(ctx.questions, start=1)},
            timezone=session.timezone,
        )
        selected = self._selected_id()
        self.model.filter = self.filters.current()
        self.model.set_source(self.doc, session.id, lookups)
        self._show_highlights()
        self.filters.set_count(self.model.total)
        self.form.set_timer_item(self._timer_item())
        self._adopt_floor()
        if selected:
            self.select(selected)

    def _people_changed(self) -> None:
        assert self.doc is not None and self.content is not None
        ctx = self.context
        ctx.people = notes.people(self.doc, self.content.session.series_id)
        self.form.set_people(ctx.people)
        self.filters.set_vocabulary(ctx.agenda, ctx.people, ctx.topics, ctx.questions)

    def _reload_table(self, changes: ChangeSet | None = None) -> None:
        """The rows again, keeping the scroll and the selection; the form is left alone."""
        selected = self._selected_id()
        if changes is None or not self.model.apply(changes):
            self.model.reload()
        self.filters.set_count(self.model.total)
        if selected:
            self.select(selected)

    def _adopt_floor(self) -> None:
        """A speaker the moderator gave the floor to fills an untouched form, once."""
        if self.doc is None or self.content is None:
            return
        record = notes.open_floor(self.doc, self.content.session.id)
        if record is None:
            return
        if self.form.intervention_id == record.id:
            self.form.update_times(record.started_at, record.ended_at)
            return
        if not self.form.pristine or record.id in self.adopted:
            return
        self.adopted.add(record.id)
        self.base = notes.load_entry(self.doc, record.id)
        self.form.set_entry(self.base)

    def _filter(self) -> None:
        try:
            self.model.set_filter(self.filters.current())
        except sqlite3.Error:
            return  # the search's typing delay ended after the file was closed
        self._show_highlights()
        self.table.scrollToTop()  # the first rows found, not the place the old list was at
        self.filters.set_count(self.model.total)

    def _show_highlights(self) -> None:
        wanted = self.highlight_cells if self.model.search_words else self.plain_cells
        if self.table.itemDelegate() is not wanted:
            self.table.setItemDelegate(wanted)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.window() is not self:
            self.window().installEventFilter(self)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.drafts.flush()
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close and watched is self.window():
            self.drafts.flush()  # before the main window closes the file
        elif (
            event.type() == QEvent.Type.ShortcutOverride
            and watched in self._text_fields
            and leaves_undo_to_page(watched, event)
        ):
            event.ignore()  # a text field with nothing to undo lets Ctrl+Z undo the last save
            return True
        return super().eventFilter(watched, event)

    # --- saving ------------------------------------------------------------------------

    def save(self) -> None:
        if self.doc is None or self.content is None:
            return
        entry = self.form.entry()
        if entry.is_blank() and entry.intervention_id is None:
            self.form.show_status(
                lambda: _("Nothing to save yet: type the notes or a point."), error=True
            )
            return
        if entry.intervention_id is None and entry.started_at is None:
            entry.started_at = iso(self.now())  # undated entries would sink to the end
        step = notes.SaveEntry(
            self.doc,
            entry,
            base=self.base,
            new_speaker=self.form.new_speaker(entry),
            draft_id=self.drafts.id,
        )
        try:
            self.signals.run(step, undo=step)  # the table redraws from the change signal
        except WRITE_ERRORS as error:
            self.form.show_status(lambda e=error: write_error(e), error=True)
            return
        except LookupError:
            self.form.show_status(
                lambda: _("Not saved: this intervention was deleted meanwhile. Cancel the edit."),
                True,
            )
            return
        self._after_save(entry, step.intervention_id or "")

    def _after_save(self, entry: Entry, intervention_id: str) -> None:
        self.drafts.renew()
        self.base = None
        zone = self.content.session.timezone if self.content else "UTC"
        saved_at = self.now().isoformat()  # when it was saved, not when the speaker began
        self.form.reset(
            entry.language,
            entry.agenda_item_id
            if self.form.agenda_chosen
            else self._timer_item() or entry.agenda_item_id,
        )
        # A callable, so a language switch says it again in the new language.
        self.form.show_status(lambda: _("Saved ({time}).").format(time=clock_text(saved_at, zone)))
        try:
            self._adopt_floor()  # the moderator may have given the floor to the next speaker
        except sqlite3.Error:
            pass
        self.select(intervention_id)

    def cancel_edit(self) -> None:
        if self.form.intervention_id is None:
            return
        self.drafts.drop()
        self.base = None
        self.form.reset(self._default_language(), self._timer_item())
        self.form.show_status("")

    # --- table actions -----------------------------------------------------------------

    def _selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.intervention_id(rows[0].row()) if rows else None

    def select(self, intervention_id: str) -> None:
        row = self.model.row_of(intervention_id)
        if row >= 0:
            select_row(self.table, row)

    def edit_row(self, row: int) -> None:
        intervention_id = self.model.intervention_id(row)
        if intervention_id is None or self.doc is None:
            return
        if not self.form.entry().is_blank() and self.form.intervention_id != intervention_id:
            self.form.show_status(
                lambda: _("Save or clear the entry being typed before editing another one."),
                True,
            )
            return
        try:
            self.base = notes.load_entry(self.doc, intervention_id)
        except (LookupError, sqlite3.Error):
            return  # deleted meanwhile: the table redraws from the change signal
        self.form.set_entry(self.base)
        self.form.pristine = False
        self.form.notes.setFocus()

    def delete_selected(self) -> None:
        intervention_id = self._selected_id()
        if intervention_id is None or self.doc is None:
            return
        if self.form.intervention_id == intervention_id:
            self.cancel_edit()
        found = self.model.row_of(intervention_id)
        row = self.model.rows[found] if found >= 0 else None
        who = speaker_text(row) if row is not None else "—"
        time = clock_text(row.intervention.started_at, self.lookups_zone()) if row else ""
        step = notes.Delete(self.doc, intervention_id)
        if self._run(lambda: self.signals.run(step, undo=step)):
            self.form.show_status(
                lambda: _(
                    "Deleted the intervention of {speaker} ({time}); {key} brings it back."
                ).format(speaker=who, time=time, key=key_text("Ctrl+Z"))
            )

    def _say_step(self, template: str, what: str, undone: bool) -> None:
        """ "Undone: …" in the status line, said again in a new language: the step just undone
        is the one redo would do again (and the other way round)."""
        history = self.signals.doc.history if self.signals.doc is not None else None

        def text() -> str:
            label = (
                "" if history is None else history.redo_label() if undone else history.undo_label()
            )
            return _(template).format(what=label or what)

        self.form.show_status(text)

    def lookups_zone(self) -> str:
        return self.content.session.timezone if self.content else "UTC"

    def undo(self) -> None:
        """The Undo button: the document's undo, as Edit > Undo (the status line says what it
        took back, from the signals' `undone`)."""
        self._run(self.signals.undo)

    def redo(self) -> None:
        self._run(self.signals.redo)

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except WRITE_ERRORS as error:
            self.form.show_status(lambda e=error: write_error(e), error=True)
            return False
        return True

    def _update_undo(self) -> None:
        doc = self.signals.doc
        self.undo_bar.update_state(doc.history if doc is not None else None)

    # --- drafts ------------------------------------------------------------------------

    def restore_draft(self, draft: notes.Draft) -> None:
        if self.doc is None:
            return
        self.base = None
        if draft.entry.intervention_id:
            try:
                self.base = notes.load_entry(self.doc, draft.entry.intervention_id)
            except LookupError:
                draft.entry.intervention_id = None  # deleted since: save it as a new entry
        if draft.entry.intervention_id is None and draft.entry.started_at is None:
            moment = parse_moment(draft.updated_at)
            draft.entry.started_at = iso(moment) if moment else None  # when it was typed
        self.form.set_entry(draft.entry)
        self.form.pristine = False
        self.drafts.adopt(draft)
        self.form.show_status(lambda: _("Draft restored: check it, then save it."))
        self.form.notes.setFocus()

    def discard_draft(self, draft: notes.Draft) -> None:
        if self.doc is not None:
            try:
                self.signals.run(notes.delete_draft(draft.id))
            except WRITE_ERRORS as error:
                self.form.show_status(lambda e=error: write_error(e), error=True)

    def retranslate_ui(self) -> None:
        self.model.retranslate()
        self.table.setAccessibleName(_("Interventions of this session"))
