"""File > Export…: format, language, this session or the whole series, and where to write.

The export runs on a worker thread with a progress dialog that can be cancelled; the series
is read from the file on the GUI thread first (the worker never touches SQLite), and the
output is written atomically at the end, so a cancel leaves the old file as it was.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import exports
from facilitator.app.document import Document
from facilitator.app.exports import FORMATS, ExportCancelled, Progress
from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.i18n import LANGUAGES, _, get_language, language_name
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.errors import show_error
from facilitator.ui.common.lists import comma_join
from facilitator.ui.common.retranslate import Retranslating

log = logging.getLogger(__name__)


class ExportWorker(QThread):
    """Runs one export; `progressed(done, total)`, then `succeeded(paths)` or `failed(error)`."""

    progressed = Signal(int, int)
    succeeded = Signal(list)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self, fmt: str, content: m.SeriesContent, output: Path, lang: str, sessions
    ) -> None:
        super().__init__()
        self.args = (fmt, content, output, lang, sessions)
        self.template = "public"
        self.stop = threading.Event()

    def run(self) -> None:
        fmt, content, output, lang, sessions = self.args
        progress = Progress(report=self.progressed.emit, cancelled=self.stop.is_set)
        try:
            paths = exports.export(fmt, content, output, lang, sessions, progress, self.template)
        except ExportCancelled:
            self.cancelled.emit()
        except Exception as error:  # shown to the person on the GUI thread
            self.failed.emit(error)
        else:
            self.succeeded.emit([str(p) for p in paths])


class ExportDialog(Retranslating, QDialog):
    finished_export = Signal(list)  # the paths written

    def __init__(self, parent: QWidget | None, doc: Document, session_id: str | None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.doc, self.session_id = doc, session_id
        self.worker: ExportWorker | None = None
        self.privacy: QDialog | None = None  # the PrivacyDialog, when one is shown
        self.missing_box: QMessageBox | None = None
        self.progress: QProgressDialog | None = None
        self.format_box = QComboBox(objectName="exportFormat")
        for name in FORMATS:
            self.format_box.addItem("", name)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.language_box = QComboBox(objectName="exportLanguage")
        for code in LANGUAGES:
            self.language_box.addItem(language_name(code), code)
        self.language_box.setCurrentIndex(
            LANGUAGES.index(get_language()) if get_language() in LANGUAGES else 0
        )
        self.language_box.currentIndexChanged.connect(self._language_changed)
        self.template_box = QComboBox(objectName="exportTemplate")
        for name in exports.TEMPLATES:  # the public summary first: what is published
            self.template_box.addItem("", name)
        self.shown_lang, self.shown_fmt = get_language(), self.fmt()
        self.this_session = QRadioButton(objectName="exportThisSession")
        self.whole_series = QRadioButton(objectName="exportWholeSeries")
        scope = QButtonGroup(self)
        for button in (self.this_session, self.whole_series):
            scope.addButton(button)
        (self.this_session if session_id else self.whole_series).setChecked(True)
        self.this_session.setEnabled(session_id is not None)
        scope_row = QVBoxLayout()
        scope_row.addWidget(self.this_session)
        scope_row.addWidget(self.whole_series)
        self.path_edit = QLineEdit(objectName="exportPath")
        self.browse = QPushButton(objectName="exportBrowse")
        self.browse.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse)
        self.form = QFormLayout()
        self.labels = [QLabel() for _n in range(5)]
        fields = (self.format_box, self.template_box, self.language_box, scope_row, path_row)
        for text_label, field in zip(self.labels, fields, strict=True):
            self.form.addRow(text_label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.path_edit.setText(str(self._default_path()))
        self.retranslate_ui()

    def fmt(self) -> str:
        return self.format_box.currentData()

    def _default_path(self) -> Path:
        return self.doc.path.parent / self._default_name(self.fmt(), get_language())

    def _default_name(self, fmt: str, lang: str) -> str:
        """regional-en.pdf; regional-en-shared.json, apart from the archive's regional-en.json."""
        stem = exports.privacy.file_stem(exports.read_series(self.doc), self.doc.path.stem)
        return f"{stem}-{lang}{FORMATS[fmt].name_tag}{FORMATS[fmt].suffix}"

    def _language_changed(self) -> None:
        """The proposed name follows the language: report-en.pdf becomes report-fr.pdf."""
        path, new = Path(self.path_edit.text()), self.language_box.currentData()
        tag = FORMATS[self.fmt()].name_tag
        if path.stem.endswith(f"-{self.shown_lang}{tag}"):
            stem = path.stem[: -len(self.shown_lang + tag)] + new + tag
            self.path_edit.setText(str(path.with_name(stem + path.suffix)))
        self.shown_lang = new

    def _format_changed(self) -> None:
        self.template_box.setEnabled(self.fmt() in exports.REPORT_FORMATS)
        path = Path(self.path_edit.text() or self._default_path())
        shown, self.shown_fmt = self.shown_fmt, self.fmt()
        lang = self.language_box.currentData()
        if path.name == self._default_name(shown, lang):
            # Still the proposed name: propose the new format's (with its tag), not just its suffix.
            self.path_edit.setText(str(path.with_name(self._default_name(self.fmt(), lang))))
            return
        self.path_edit.setText(str(path.with_suffix(FORMATS[self.fmt()].suffix)))

    def choose_path(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Export to"), self.path_edit.text())
        if name:
            self.path_edit.setText(name)

    def start(self) -> None:
        """Read the series now (GUI thread), export it on a worker thread."""
        text = self.path_edit.text().strip()
        if not text:
            QMessageBox.warning(self, _("Export"), _("Choose where to write the export."))
            return
        content = exports.read_series(self.doc)
        sessions = [self.session_id] if self.this_session.isChecked() and self.session_id else None
        lang = self.language_box.currentData()
        missing = exports.missing_versions(
            self.fmt(), content, lang, sessions, self.template_box.currentData()
        )
        if missing:  # texts with no version in the export language: say which, then ask
            described = exports.describe_missing(missing, lang, isolate=isolate)
            self.missing_box = self._missing_box(described)
            self.missing_box.accepted.connect(
                lambda: self._check_privacy(content, Path(text), lang, sessions)
            )
            self.missing_box.open()
            return
        self._check_privacy(content, Path(text), lang, sessions)

    def _missing_box(self, described: str) -> QMessageBox:
        head, _newline, rest = described.partition("\n")
        box = QMessageBox(self, objectName="missingVersions")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_("Texts without a version"))
        box.setText(head)
        box.setInformativeText(rest)
        fallback = box.addButton(_("Export with the originals"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel).setText(_("Cancel"))
        box.setDefaultButton(fallback)
        return box

    def _check_privacy(self, content: m.SeriesContent, output: Path, lang: str, sessions):
        text = str(output)
        # The rapporteur sees what the export replaces (or keeps) before anything is written.
        found = exports.privacy.check(content, self.fmt(), sessions)
        if found.needed():
            from facilitator.ui.files.privacy_dialog import PrivacyDialog  # see app/exports.py

            self.privacy = PrivacyDialog(self, found, content)
            self.privacy.accepted.connect(lambda: self._run(content, Path(text), lang, sessions))
            self.privacy.open()
            return
        self._run(content, Path(text), lang, sessions)

    def _run(self, content: m.SeriesContent, output: Path, lang: str, sessions) -> None:
        self.worker = ExportWorker(self.fmt(), content, output, lang, sessions)
        self.worker.template = self.template_box.currentData()
        self.progress = QProgressDialog(_("Exporting…"), _("Cancel"), 0, 100, self)
        self.progress.setObjectName("exportProgress")
        self.progress.setWindowTitle(_("Export"))
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self.worker.stop.set)
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.finished.connect(self._cleanup)
        self.buttons.setEnabled(False)
        self.worker.start()

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and total:
            self.progress.setValue(min(99, int(100 * done / total)))

    def _succeeded(self, paths: list) -> None:
        self._record(self.worker.args if self.worker is not None else None)
        self.finished_export.emit(paths)
        parent = self.parent()
        if parent is not None and hasattr(parent, "say"):
            written = [isolate(str(p)) for p in paths]
            parent.say(lambda: _("Wrote {path}.").format(path=comma_join(written)), 8000)
        self.accept()

    def _record(self, args) -> None:
        """Note the report export in the file, for the calendar; the export itself is written,
        so a refusal (a read-only file) is not an error of the export."""
        if args is None or self.doc is None or self.doc.readonly:
            return
        fmt, content, _output, _lang, sessions = args
        operation = exports.record_report(fmt, content, sessions)
        signals = getattr(self.parent(), "signals", None)
        if operation is None or signals is None:
            return
        try:
            signals.run(operation)
        except (FacilitatorError, OSError, sqlite3.Error):
            log.warning("could not note the export in the file", exc_info=True)

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)

    def _cancelled(self) -> None:
        self.buttons.setEnabled(True)

    def done(self, result: int) -> None:  # noqa: D102 (accept and reject end here)
        # `succeeded` comes just before the thread's run() returns: let it return before the
        # dialog (and the thread object with it) can be destroyed.
        if self.worker is not None:
            if result != QDialog.DialogCode.Accepted:
                self.worker.stop.set()  # Esc while exporting cancels, as the progress's Cancel
            self.worker.wait()
        super().done(result)

    def _cleanup(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress = None
        self.buttons.setEnabled(True)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Export"))
        for n in range(self.format_box.count()):
            name = self.format_box.itemData(n)
            self.format_box.setItemText(n, _(FORMATS[name].label))
        self.this_session.setText(_("This session"))
        self.whole_series.setText(_("The whole series"))
        self.browse.setText(_("Choose…"))
        for n in range(self.template_box.count()):
            self.template_box.setItemText(n, _(exports.TEMPLATES[self.template_box.itemData(n)]))
        texts = (_("Format:"), _("Report:"), _("Language:"), _("Sessions:"), _("File:"))
        for text_label, text in zip(self.labels, texts, strict=True):
            text_label.setText(text)
