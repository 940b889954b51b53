"""The guiding questions of a session: a numbered list, the selected question's text (saved when
left), Add / Delete / Move up / Move down (Ctrl+Up/Down) / Paste questions…."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget

from facilitator.app import prepare
from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.i18n import _, format_number
from facilitator.ui.common.bidi import isolate
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.prepare.list_editor import ListEditor
from facilitator.ui.prepare.paste_dialog import PasteQuestionsDialog


class QuestionsEditor(ListEditor):
    def __init__(self, signals: DocumentSignals) -> None:
        super().__init__(signals)
        self.setObjectName("questionsEditor")
        self.questions: list[m.GuidingQuestion] = []
        self.view = QListWidget()
        self.view.setObjectName("questionList")
        self.view.setWordWrap(True)
        # Rows wrap, so their height is known only at the final width: scroll if it is short.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.currentRowChanged.connect(lambda _r: self._show_question())
        self.install_moves(self.view)
        self.caption = QLabel()
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("questionText")
        self.caption.setBuddy(self.text_edit)
        self.text_edit.editingFinished.connect(self._save)
        self.text_error = QLabel()
        self.text_error.setWordWrap(True)
        self.text_error.setStyleSheet("color: #b00020;")
        self.text_error.hide()
        self.layout_.addWidget(self.view)
        self.layout_.addLayout(self.buttons)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.caption)
        self.layout_.addWidget(self.text_edit)
        self.layout_.addWidget(self.text_error)
        self.retranslate_ui()

    def set_session(self, doc: Document | None, content: m.SessionContent | None) -> None:
        keep = self.selected_id()
        same = (
            content is not None
            and self.session is not None
            and (content.session.id == self.session.id)
        )
        self.doc = doc
        self.session = content.session if content else None
        self.questions = list(content.questions) if content else []
        self.setEnabled(self.writable())
        self.view.blockSignals(True)
        self.view.clear()
        for n, question in enumerate(self.questions, start=1):
            self.view.addItem(f"{format_number(n)}. {isolate(question.text)}")
        self.view.blockSignals(False)
        self.fit_height()
        self.select(keep if same else None)

    def fit_height(self) -> None:
        height = sum(self.view.sizeHintForRow(r) + 2 for r in range(self.view.count()))
        self.view.setFixedHeight(max(height + 12, 40))

    def ids(self) -> list[str]:
        return [q.id for q in self.questions]

    def selected_id(self) -> str | None:
        row = self.view.currentRow()
        return self.questions[row].id if 0 <= row < len(self.questions) else None

    def select(self, record_id: str | None) -> None:
        ids = self.ids()
        self.view.setCurrentRow(ids.index(record_id) if record_id in ids else (0 if ids else -1))
        self._show_question()

    def _show_question(self) -> None:
        row = self.view.currentRow()
        question = self.questions[row] if 0 <= row < len(self.questions) else None
        self.text_edit.setEnabled(question is not None)
        if self.text_edit is not QApplication.focusWidget():
            self.text_edit.setText(question.text if question else "")
        self.text_error.hide()

    def _save(self) -> None:
        current = self.selected_id()
        if self.doc is None or current is None:
            return
        text = self.text_edit.text()
        if text == self.questions[self.view.currentRow()].text:
            self.text_error.hide()
            return
        self.run(prepare.edit_question(self.doc, current, text), error=self.text_error)

    def add(self) -> None:
        if not self.writable():
            return
        step = prepare.add_questions(self.doc, self.session.id, [_("New guiding question")])
        if self.run(step):
            self.select(step.added_id)
            self.text_edit.setFocus()
            self.text_edit.selectAll()

    def remove(self) -> None:
        current = self.selected_id()
        if self.writable() and current is not None:
            self.run(prepare.delete_question(self.doc, current))

    def paste(self) -> None:
        if not self.writable():
            return
        dialog = PasteQuestionsDialog(self)
        if dialog.exec() and dialog.items():
            self.run(prepare.add_questions(self.doc, self.session.id, dialog.items()))

    def reorder_step(self, ordered: list[str]) -> prepare.Step:
        return prepare.reorder_questions(self.doc, self.session.id, ordered)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Guiding questions"))
        self.add_button.setText(_("Add &question"))
        self.remove_button.setText(_("Dele&te question"))
        self.up_button.setText(_("Move question u&p"))
        self.down_button.setText(_("Move question dow&n"))
        self.paste_button.setText(_("Pa&ste questions…"))
        self.caption.setText(_("Guiding question"))
        self.text_edit.setAccessibleName(_("Guiding question"))
        self.view.setAccessibleName(_("Guiding questions"))
