"""The note-taking tab of a session: the entry form above, everything logged below.

Never lose a word: an entry is shown as saved only after its transaction has committed; what
is being typed goes into the file's draft table at most ~2 s behind the keyboard and is
offered back when the session is opened again after a crash; a full disk or a read-only file
leaves the text in the form with a message, to be saved again later. The page polls the
file every two seconds (a cheap max(hlc)) so interventions the moderator's timer creates, or
a colleague's edits through the same file, show up without a click.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.entry import Entry
from facilitator.domain.undo import UndoHistory
from facilitator.i18n import _, format_number
from facilitator.storage import Database
from facilitator.storage import notes_commands as commands
from facilitator.storage import notes_store as store
from facilitator.storage import participants_store as people_store
from facilitator.storage import repository as repo
from facilitator.ui.common.keys import key, leaves_undo_to_page
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.notes.banner import DraftBanner, UndoBar
from facilitator.ui.notes.drafts import DraftKeeper
from facilitator.ui.notes.filters import FilterBar
from facilitator.ui.notes.form import EntryForm, iso, utc_now
from facilitator.ui.notes.interventions_model import (
    InterventionsModel,
    Lookups,
    clock_text,
    parse_moment,
)

POLL_MS = 2000


class NotesPage(Retranslating, QWidget):
    def __init__(self, now: Callable[[], dt.datetime] = utc_now, poll_ms: int = POLL_MS) -> None:
        super().__init__()
        self.setObjectName("notesPage")
        self.now = now
        self.db: Database | None = None
        self.content: m.SessionContent | None = None
        self.base: Entry | None = None  # the saved state of the entry being edited
        self.marker = ""
        self.adopted: set[str] = set()  # floor records already offered to the form
        self.history = UndoHistory()
        self.form = EntryForm(now)
        self.banner = DraftBanner()
        self.filters = FilterBar()
        self.model = InterventionsModel()
        self.table = QTableView(objectName="notesTable")
        self.undo_bar = UndoBar()
        self._build()
        self.poll = QTimer(self, interval=poll_ms)
        self.poll.timeout.connect(self.refresh_if_changed)
        self.drafts = DraftKeeper(self.form.entry, now, self)
        self._connect()
        self.retranslate_ui()

    def _build(self) -> None:
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((80, 140, 150, 130, 100)):
            header.resizeSection(column, width)
        for column in (5, 6):  # notes and points share what is left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
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
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([390, 410])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

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
        actions = [
            (QKeySequence.StandardKey.Undo, self.undo),
            (key("Ctrl+Shift+Z"), self.redo),
            (QKeySequence.StandardKey.Redo, self.redo),
        ]
        for sequence, slot in actions:
            action = QAction(self)
            action.setShortcut(sequence)
            action.setShortcutContext(action.shortcutContext().WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
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

    # --- SessionPage -------------------------------------------------------------------

    def page_title(self) -> str:
        return _("Notes")

    def set_session(self, doc: Document, content: m.SessionContent) -> None:
        db = doc.db
        same = self.db is db and self.content and self.content.session.id == content.session.id
        self.content = content
        if same:  # the main window refreshes its list on a language change: keep the typing
            self.refresh()
            return
        self.drafts.attach(db)
        self.db = db
        self.history.clear()
        self.base = None
        self.adopted.clear()
        self.refresh()
        self.form.reset(self._default_language(), self._timer_item())
        self.form.show_status("")
        self.banner.offer(store.drafts(db, content.session.id), content.session.timezone)
        self._update_undo()

    def _default_language(self) -> str:
        interpretation = self.content.session.interpretation if self.content else []
        return interpretation[0] if interpretation else ""

    def _timer_item(self) -> str | None:
        if self.db is None or self.content is None:
            return None
        try:
            return store.current_agenda_item_id(self.db, self.content.session.id)
        except sqlite3.Error:
            return None

    # --- refreshing --------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything the page shows from the file again (skipped on a closed file)."""
        try:
            self._refresh()
        except sqlite3.Error:
            pass  # the window is closing its file; Qt events must never raise here

    def _refresh(self) -> None:
        if self.db is None or self.content is None:
            return
        session = self.content.session
        self.marker = store.change_marker(self.db)
        agenda = repo.find(self.db, m.AgendaItem, session_id=session.id)
        questions = repo.find(self.db, m.GuidingQuestion, session_id=session.id)
        topics = repo.find(self.db, m.Topic, series_id=session.series_id)
        people = people_store.list_participants(self.db, session.series_id)
        self.form.set_context(session, agenda, questions, topics, people)
        self.filters.set_vocabulary(agenda, people, topics, questions)
        lookups = Lookups(
            agenda={a.id: f"{format_number(n)}. {a.title}" for n, a in enumerate(agenda, 1)},
            topics={t.id: t.name for t in topics},
            questions={q.id: n for n, q in enumerate(questions, start=1)},
            timezone=session.timezone,
        )
        selected = self._selected_id()
        self.model.filter = self.filters.current()
        self.model.set_source(self.db, session.id, lookups)
        self.filters.set_count(self.model.total)
        self.form.set_timer_item(self._timer_item())
        self._adopt_floor()
        if selected:
            self.select(selected)

    def refresh_if_changed(self) -> None:
        if self.db is None:
            return
        try:
            changed = store.change_marker(self.db) != self.marker
        except sqlite3.Error:
            return
        if changed:
            self.refresh()

    def _adopt_floor(self) -> None:
        """A speaker the moderator gave the floor to fills an untouched form, once."""
        if self.db is None or self.content is None:
            return
        record = store.open_floor(self.db, self.content.session.id)
        if record is None:
            return
        if self.form.intervention_id == record.id:
            self.form.update_times(record.started_at, record.ended_at)
            return
        if not self.form.pristine or record.id in self.adopted:
            return
        self.adopted.add(record.id)
        self.base = store.load_entry(self.db, record.id)
        self.form.set_entry(self.base)

    def _filter(self) -> None:
        self.model.set_filter(self.filters.current())
        self.filters.set_count(self.model.total)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.window() is not self:
            self.window().installEventFilter(self)
        self.refresh_if_changed()
        self.poll.start()

    def hideEvent(self, event) -> None:  # noqa: N802
        self.poll.stop()
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
        if self.db is None or self.content is None:
            return
        entry = self.form.entry()
        if entry.is_blank() and entry.intervention_id is None:
            self.form.show_status(_("Nothing to save yet: type the notes or a point."), error=True)
            return
        editing = self.base is not None and entry.intervention_id is not None
        if entry.intervention_id is None and entry.started_at is None:
            entry.started_at = iso(self.now())  # undated entries would sink to the end
        try:
            intervention_id = store.save_entry(
                self.db,
                entry,
                base=self.base if editing else None,
                new_speaker=self.form.new_speaker(entry),
                draft_id=self.drafts.id,
            )
        except sqlite3.Error as error:
            self.form.show_status(store.describe_write_error(error), error=True)
            return
        except LookupError:
            self.form.show_status(
                _("Not saved: this intervention was deleted meanwhile. Cancel the edit."), True
            )
            return
        if editing:
            self.history.push(commands.Edit(self.db, self.base, entry), done=True)
        else:
            self.history.push(commands.SaveNew(self.db, intervention_id), done=True)
        self._after_save(entry, intervention_id)

    def _after_save(self, entry: Entry, intervention_id: str) -> None:
        self.drafts.renew()
        self.base = None
        zone = self.content.session.timezone if self.content else "UTC"
        when = clock_text(entry.started_at, zone) or clock_text(self.now().isoformat(), zone)
        self.form.reset(
            entry.language,
            entry.agenda_item_id
            if self.form.agenda_chosen
            else self._timer_item() or entry.agenda_item_id,
        )
        self.form.show_status(_("Saved ({time}).").format(time=when))
        self.refresh()
        self.select(intervention_id)
        self._update_undo()

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
            self.table.selectRow(row)

    def edit_row(self, row: int) -> None:
        intervention_id = self.model.intervention_id(row)
        if intervention_id is None or self.db is None:
            return
        if not self.form.entry().is_blank() and self.form.intervention_id != intervention_id:
            self.form.show_status(
                _("Save or clear the entry being typed before editing another one."), True
            )
            return
        self.base = store.load_entry(self.db, intervention_id)
        self.form.set_entry(self.base)
        self.form.pristine = False
        self.form.notes.setFocus()

    def delete_selected(self) -> None:
        intervention_id = self._selected_id()
        if intervention_id is None or self.db is None:
            return
        if self.form.intervention_id == intervention_id:
            self.cancel_edit()
        self._run(lambda: self.history.push(commands.Delete(self.db, intervention_id)))

    def undo(self) -> None:
        self._run(self.history.undo)

    def redo(self) -> None:
        self._run(self.history.redo)

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except sqlite3.Error as error:
            self.form.show_status(store.describe_write_error(error), error=True)
        self.refresh()
        self._update_undo()

    def _update_undo(self) -> None:
        self.undo_bar.update_state(self.history)

    # --- drafts ------------------------------------------------------------------------

    def restore_draft(self, draft: store.Draft) -> None:
        if self.db is None:
            return
        self.base = None
        if draft.entry.intervention_id:
            try:
                self.base = store.load_entry(self.db, draft.entry.intervention_id)
            except LookupError:
                draft.entry.intervention_id = None  # deleted since: save it as a new entry
        if draft.entry.intervention_id is None and draft.entry.started_at is None:
            moment = parse_moment(draft.updated_at)
            draft.entry.started_at = iso(moment) if moment else None  # when it was typed
        self.form.set_entry(draft.entry)
        self.form.pristine = False
        self.drafts.adopt(draft)
        self.form.show_status(_("Draft restored: check it, then save it."))
        self.form.notes.setFocus()

    def discard_draft(self, draft: store.Draft) -> None:
        if self.db is not None:
            try:
                store.delete_draft(self.db, draft.id)
            except sqlite3.Error as error:
                self.form.show_status(store.describe_write_error(error), error=True)

    def retranslate_ui(self) -> None:
        self.model.retranslate()
