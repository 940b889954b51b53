"""Guiding questions tab: for each question, every point that answers it, and its synthesis.

The synthesis is saved into GuidingQuestion.synthesis a moment after typing stops (and when
another question is chosen or the tab is left), so it is never lost; a failed write says so
and keeps the text.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.vocab import POINT_KINDS, STAKEHOLDER_GROUPS, label
from facilitator.i18n import _, format_number, ngettext
from facilitator.storage import Database
from facilitator.storage import notes_store as store
from facilitator.storage import repository as repo
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.keys import key_text
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.notes.interventions_model import clock_text

SAVE_DELAY_MS = 1500
POLL_MS = 2000


class QuestionsPage(Retranslating, QWidget):
    def __init__(self, poll_ms: int = POLL_MS) -> None:
        super().__init__()
        self.setObjectName("questionsPage")
        self.db: Database | None = None
        self.content: m.SessionContent | None = None
        self.questions: list[m.GuidingQuestion] = []
        self.topics: dict[str, str] = {}
        self.current_id: str | None = None
        self.dirty = False
        self.marker = ""
        self.list = QListWidget(objectName="guidingQuestions")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._choose)
        self.question = QLabel(objectName="questionText")
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-weight: bold;")
        self.count = QLabel(objectName="answerCount")
        self.points = QListWidget(objectName="answeringPoints")
        self.points.setWordWrap(True)
        self.points.setAlternatingRowColors(True)
        self.points.setSpacing(2)
        self.synthesis_label = QLabel()
        self.synthesis = QPlainTextEdit(objectName="synthesis")
        self.synthesis.textChanged.connect(self._typed)
        self.synthesis_label.setBuddy(self.synthesis)
        self.status = QLabel(objectName="synthesisStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(objectName="saveSynthesis")
        self.save_button.clicked.connect(self.save)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.activated.connect(self.save)
        self._build()
        self.save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save)
        self.poll = QTimer(self, interval=poll_ms)
        self.poll.timeout.connect(self.refresh_if_changed)
        self.retranslate_ui()

    def _build(self) -> None:
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.addWidget(self.question)
        layout.addWidget(self.count)
        layout.addWidget(self.points, 3)
        layout.addWidget(self.synthesis_label)
        layout.addWidget(self.synthesis, 1)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([280, 720])
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

    # --- SessionPage -------------------------------------------------------------------

    def page_title(self) -> str:
        return _("Guiding questions")

    def set_session(self, doc: Document, content: m.SessionContent) -> None:
        db = doc.db
        same = self.db is db and self.content and self.content.session.id == content.session.id
        if not same:
            self.save()
            self.current_id, self.dirty = None, False
        self.db, self.content = db, content
        self.refresh()

    def refresh(self) -> None:
        """Read the questions and their points again (quietly skipped on a closed file)."""
        try:
            self._refresh()
        except sqlite3.Error:
            pass  # the window is closing its file; Qt events must never raise here

    def _refresh(self) -> None:
        if self.db is None or self.content is None:
            return
        session = self.content.session
        self.marker = store.change_marker(self.db)
        self.questions = repo.find(self.db, m.GuidingQuestion, session_id=session.id)
        self.topics = {
            t.id: t.name for t in repo.find(self.db, m.Topic, series_id=session.series_id)
        }
        row = next((n for n, q in enumerate(self.questions) if q.id == self.current_id), 0)
        self.list.blockSignals(True)
        self.list.clear()
        for n, q in enumerate(self.questions, start=1):
            self.list.addItem(f"{format_number(n)}. {isolate(q.text)}")
        self.list.blockSignals(False)
        if self.questions:
            self.list.setCurrentRow(row)
        self._show(row if self.questions else -1)

    def refresh_if_changed(self) -> None:
        try:
            changed = self.db is not None and store.change_marker(self.db) != self.marker
        except sqlite3.Error:
            return
        if changed:
            self.refresh()

    def _choose(self, row: int) -> None:
        self.save()
        try:
            self._show(row)
        except sqlite3.Error:
            pass

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.questions):
            self.current_id = None
            self.question.setText(_("This session has no guiding questions."))
            self.points.clear()
            self.count.setText("")
            self.synthesis.setEnabled(False)
            return
        question = self.questions[row]
        changed_question = question.id != self.current_id
        self.current_id = question.id
        self.question.setText(
            _("Question {number}: {text}").format(
                number=format_number(row + 1), text=isolate(question.text)
            )
        )
        self._fill_points(question)
        self.synthesis.setEnabled(True)
        if changed_question or not self.dirty:  # never replace what is being typed
            self.synthesis.blockSignals(True)
            self.synthesis.setPlainText(question.synthesis)
            self.synthesis.blockSignals(False)
            self.dirty = False

    def _fill_points(self, question: m.GuidingQuestion) -> None:
        assert self.db is not None and self.content is not None
        rows = store.points_for_question(self.db, self.content.session.id, question.id)
        zone = self.content.session.timezone
        self.points.clear()
        total = 0
        for row in rows:
            who = row.speaker or label(STAKEHOLDER_GROUPS, row.group) or _("Unknown speaker")
            details = [label(STAKEHOLDER_GROUPS, row.group) if row.speaker else "", row.country]
            details = [d for d in details if d]
            speaker = isolate(who) + (
                f" ({', '.join(isolate(d) for d in details)})" if details else ""
            )
            when = clock_text(row.intervention.started_at, zone)
            for point in row.points:
                tags = [label(POINT_KINDS, point.kind)]
                if point.topic_id in self.topics:
                    tags.append(isolate(self.topics[point.topic_id]))
                head = f"{when} · {speaker}" if when else speaker
                self.points.addItem(f"{head}\n[{' · '.join(tags)}] {isolate(point.text)}")
                total += 1
        self.count.setText(
            ngettext(
                "{count} point answers this question", "{count} points answer this question", total
            ).format(count=format_number(total))
        )

    # --- saving ------------------------------------------------------------------------

    def _typed(self) -> None:
        self.dirty = True
        self.status.setText(_("Not saved yet…"))
        self.status.setStyleSheet("")
        if not self.save_timer.isActive():
            self.save_timer.start()

    def save(self) -> None:
        self.save_timer.stop()
        if not self.dirty or self.db is None or self.current_id is None:
            return
        try:
            store.save_synthesis(self.db, self.current_id, self.synthesis.toPlainText())
        except (sqlite3.Error, LookupError) as error:
            self.status.setText(store.describe_write_error(error))
            self.status.setStyleSheet("color: #b00020; font-weight: bold;")
            return
        self.dirty = False
        for q in self.questions:
            if q.id == self.current_id:
                q.synthesis = self.synthesis.toPlainText().strip()
        self.status.setText(_("Synthesis saved."))
        self.status.setStyleSheet("")

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.window() is not self:
            self.window().installEventFilter(self)
        self.refresh_if_changed()
        self.poll.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close and watched is self.window():
            self.save()  # before the main window closes the file
        return super().eventFilter(watched, event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.poll.stop()
        self.save()
        super().hideEvent(event)

    def retranslate_ui(self) -> None:
        self.synthesis_label.setText(_("&Synthesis: the short answer to this question"))
        self.synthesis.setPlaceholderText(
            _("Write the answer the participants gave, drawing on the points above.")
        )
        self.save_button.setText(
            _("Save ({key})").format(key=key_text(QKeySequence.StandardKey.Save))
        )
        if self.db is not None and self.content is not None:
            self.refresh()
