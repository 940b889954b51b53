"""Guiding questions tab: for each question, every point that answers it, and its synthesis.

The synthesis is saved into GuidingQuestion.synthesis a moment after typing stops (and when
another question is chosen or the tab is left), so it is never lost; a failed write says so
and keeps the text. Each save is a step of the document's undo history. The page redraws from
the window's change signal (a point logged on the Notes tab, a merge), never by polling.
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

from facilitator.app import notes
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.domain.vocab import POINT_KINDS, STAKEHOLDER_GROUPS, label
from facilitator.errors import FacilitatorError
from facilitator.i18n import _, format_number, ngettext
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.keys import key_text
from facilitator.ui.common.lists import comma_join
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.notes.interventions_model import clock_text

SAVE_DELAY_MS = 1500
# What the page shows: the questions, the points answering them and who said them.
KINDS = ("guiding_question", "intervention", "point", "participant", "topic", "session")


class QuestionsPage(Retranslating, QWidget):
    def __init__(self, signals: DocumentSignals) -> None:
        super().__init__()
        self.setObjectName("questionsPage")
        self.signals = signals
        self.doc: Document | None = None
        self.content: m.SessionContent | None = None
        self.questions: list[m.GuidingQuestion] = []
        self.topics: dict[str, str] = {}
        self.current_id: str | None = None
        self.dirty = False
        self._saving = False  # our own save is being announced: what is shown is already right
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
        same = self.doc is doc and self.content and self.content.session.id == content.session.id
        if not same:
            self.save()
            self.current_id, self.dirty = None, False
        self.doc, self.content = doc, content
        self.refresh()

    def document_changed(self, changes: ChangeSet) -> None:
        if self.doc is not None and self.signals.doc is self.doc and changes.touches(*KINDS):
            self.refresh()

    def refresh(self) -> None:
        """Read the questions and their points again (quietly skipped on a closed file)."""
        try:
            self._refresh()
        except sqlite3.Error:
            pass  # the window is closing its file; Qt events must never raise here

    def _refresh(self) -> None:
        if self.doc is None or self.content is None or self._saving:
            return
        session = self.content.session
        self.questions = notes.questions(self.doc, session.id)
        self.topics = {t.id: t.name for t in notes.topics(self.doc, session.series_id)}
        row = next((n for n, q in enumerate(self.questions) if q.id == self.current_id), 0)
        self.list.blockSignals(True)
        self.list.clear()
        for n, q in enumerate(self.questions, start=1):
            self.list.addItem(f"{format_number(n)}. {isolate(q.text)}")
        self.list.blockSignals(False)
        if self.questions:
            self.list.setCurrentRow(row)
        self._show(row if self.questions else -1)

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
        assert self.doc is not None and self.content is not None
        rows = notes.points_for_question(self.doc, self.content.session.id, question.id)
        zone = self.content.session.timezone
        self.points.clear()
        total = 0
        for row in rows:
            who = row.speaker or label(STAKEHOLDER_GROUPS, row.group) or _("Unknown speaker")
            details = [label(STAKEHOLDER_GROUPS, row.group) if row.speaker else "", row.country]
            details = [d for d in details if d]
            speaker = isolate(who) + (
                f" ({comma_join(isolate(d) for d in details)})" if details else ""
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
        if not self.dirty or self.doc is None or self.current_id is None:
            return
        question = next((q for q in self.questions if q.id == self.current_id), None)
        text = self.synthesis.toPlainText()
        step = notes.SynthesisEdit(
            self.doc, self.current_id, question.synthesis if question else "", text
        )
        self._saving = True
        try:
            self.signals.run(step, undo=step)
        except FacilitatorError as error:
            self.status.setText(str(error))
            self.status.setStyleSheet("color: #b00020; font-weight: bold;")
            return
        except (sqlite3.Error, LookupError, OSError) as error:
            self.status.setText(notes.describe_write_error(error))
            self.status.setStyleSheet("color: #b00020; font-weight: bold;")
            return
        finally:
            self._saving = False
        self.dirty = False
        if question is not None:
            question.synthesis = text.strip()
        self.status.setText(_("Synthesis saved."))
        self.status.setStyleSheet("")

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.window() is not self:
            self.window().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close and watched is self.window():
            self.save()  # before the main window closes the file
        return super().eventFilter(watched, event)

    def hideEvent(self, event) -> None:  # noqa: N802
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
        if self.doc is not None and self.content is not None:
            self.refresh()
