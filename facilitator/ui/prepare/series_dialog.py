"""Session > Series details…: the series' title and description (saved when left), what its
reports close with (the workstream and its page, acknowledgements, the disclaimer; empty
means the export language's default, seed 003's wording) and its topics codebook. Every edit is one undo step of the document; the dialog redraws from the
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
        # The report's closing texts: line edits and plain-text fields saved when left.
        self.report_edits: dict[str, QLineEdit | PlainTextField] = {}
        for name in ("workstream", "workstream_url"):
            edit = QLineEdit(objectName=f"series_{name}")
            edit.editingFinished.connect(lambda name=name: self._save(name))
            self.report_edits[name] = edit
        for name in ("acknowledgements", "disclaimer"):
            edit = PlainTextField()
            edit.setObjectName(f"series_{name}")
            edit.setTabChangesFocus(True)
            edit.editingFinished.connect(lambda name=name: self._save(name))
            self.report_edits[name] = edit
        self.report_captions = {name: QLabel() for name in self.report_edits}
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
        for name, edit in self.report_edits.items():
            self.report_captions[name].setBuddy(edit)
            form.addRow(self.report_captions[name], edit)
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
        for name, edit in self.report_edits.items():
            if edit is not focus:
                value = getattr(found, name)
                if isinstance(edit, QLineEdit):
                    edit.setText(value)
                else:
                    edit.setPlainText(value)

    def _save(self, name: str) -> None:
        found = series.series(self.doc) if self.doc is not None and self.series_id else None
        if found is None or self.doc.readonly:
            return
        edit = {"title": self.title_edit, "description": self.description_edit}.get(name)
        edit = edit or self.report_edits[name]
        value = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
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
        captions = {
            "workstream": _("Wo&rkstream"),
            "workstream_url": _("Workstream &page"),
            "acknowledgements": _("Ac&knowledgements"),
            "disclaimer": _("Disclai&mer"),
        }
        for name, text in captions.items():
            self.report_captions[name].setText(text)
        self.report_edits["workstream"].setPlaceholderText(
            _("Who prepared the summaries, as the disclaimer names them")
        )
        self.report_edits["disclaimer"].setPlaceholderText(
            _("Empty: the default of each report language, as the published summaries word it")
        )
        self.report_edits["acknowledgements"].setPlaceholderText(
            _("Printed before the disclaimer; lines starting with “- ” are bullets")
        )
        self.topics.retranslate_ui()
