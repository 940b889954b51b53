"""Session > Series details…: the series' title and description (saved when left) and its
topics codebook. Every edit is one undo step of the document; the dialog redraws from the
change sets of the file, so an undo from the main window shows here at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import series
from facilitator.app.document import Document
from facilitator.domain.changes import ChangeSet
from facilitator.errors import FacilitatorError
from facilitator.i18n import _
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.prepare.fields import PlainTextField
from facilitator.ui.prepare.topics_editor import TopicsEditor


class SeriesDialog(QDialog):
    def __init__(self, signals: DocumentSignals, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seriesDialog")
        self.signals = signals
        found = series.series(self.doc) if self.doc is not None else None
        self.series_id = found.id if found else None
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("seriesTitle")
        self.title_edit.editingFinished.connect(lambda: self._save("title"))
        self.description_edit = PlainTextField()
        self.description_edit.setObjectName("seriesDescription")
        self.description_edit.editingFinished.connect(lambda: self._save("description"))
        self.title_caption, self.description_caption = QLabel(), QLabel()
        self.title_caption.setBuddy(self.title_edit)
        self.description_caption.setBuddy(self.description_edit)
        self.error = QLabel()
        self.error.setObjectName("seriesError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.title_caption, self.title_edit)
        form.addRow(self.description_caption, self.description_edit)
        self.topics = TopicsEditor(signals)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.topics)
        layout.addWidget(buttons)
        signals.changed.connect(self.document_changed)
        signals.opened.connect(self._closed)  # another file, or none: this one's dialog goes
        self.topics.set_series(self.doc, self.series_id)
        self._show()
        self.setEnabled(self.series_id is not None)
        self.retranslate_ui()

    @property
    def doc(self) -> Document | None:
        return self.signals.doc

    def _closed(self, _doc: object) -> None:
        self.topics.set_series(None, None)
        self.series_id = None
        self.reject()

    def document_changed(self, changes: ChangeSet) -> None:
        if changes.touches("series"):
            self._show()
        self.topics.document_changed(changes)

    def _show(self) -> None:
        found = series.series(self.doc) if self.doc is not None else None
        if found is None:
            return
        focus = QApplication.focusWidget()
        if self.title_edit is not focus:  # nobody loses what they are typing
            self.title_edit.setText(found.title)
        if self.description_edit is not focus:
            self.description_edit.setPlainText(found.description)

    def _save(self, name: str) -> None:
        found = series.series(self.doc) if self.doc is not None and self.series_id else None
        if found is None or self.doc.readonly:
            return
        value = self.title_edit.text() if name == "title" else self.description_edit.toPlainText()
        if value == getattr(found, name):
            self.error.hide()
            return
        step = series.edit_series(self.doc, found.id, **{name: value})
        try:
            self.signals.run(step.apply, undo=step)
        except FacilitatorError as refusal:
            self.error.setText(str(refusal))
            self.error.show()
            return
        self.error.hide()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Series details"))
        self.title_caption.setText(_("&Title"))
        self.description_caption.setText(_("&Description"))
        self.topics.retranslate_ui()
