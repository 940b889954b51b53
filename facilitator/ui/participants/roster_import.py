"""Importing a registration list (CSV in UTF-8, UTF-16, Windows-1252 or Latin-1, or an Excel
workbook): choose or type the file, check the encoding guessed (a preview shows the names as
read), check or change which column holds what, see the rows that cannot be read and the
columns left out, then import everyone else at once. A large list is read on a worker thread
with a progress dialog that can be cancelled; the import itself is one transaction."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import participants as app
from facilitator.domain import model as m
from facilitator.domain.roster_csv import (
    ENCODINGS,
    FIELDS,
    RosterParse,
    RosterTable,
    encoding_label,
    guess_mapping,
    parse_rows,
    read_table,
    unmapped_columns,
)
from facilitator.errors import FacilitatorError
from facilitator.i18n import _, format_number, ngettext
from facilitator.i18n.lists import and_join
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.document_signals import DocumentSignals


class Cancelled(Exception):
    """The person pressed Cancel while a large list was being read."""


class ReadWorker(QObject):
    """Runs one reading step on a Python thread: `job(report)` where `report(done, total)`
    raises Cancelled once `stop` is set; then `succeeded(result)` or `failed(error)`, then
    `finished`. The signals reach the dialog queued on the GUI thread. A Python thread, not a
    QThread: a QThread object destroyed while its thread still runs aborts the whole app,
    and the dialog (with its worker) may be closed at any moment."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, job: Callable) -> None:
        super().__init__()
        self.job, self.stop = job, False
        self._thread = threading.Thread(target=self.run, name="roster-read", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
        if self._thread.is_alive():
            self._thread.join()

    def report(self, done: int, total: int) -> None:
        if self.stop:
            raise Cancelled
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self.job(self.report)
        except Cancelled:
            self.failed.emit(None)
        except Exception as error:  # shown in one line on the GUI thread
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()


class RosterImportDialog(Retranslating, QDialog):
    # Lists above these sizes are read off the GUI thread, with progress and Cancel.
    BACKGROUND_BYTES = 400_000
    BACKGROUND_ROWS = 2_000

    def __init__(
        self,
        signals: DocumentSignals,
        series_id: str,
        session: m.Session | None,
        path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rosterImportDialog")
        self.signals, self.series_id, self.session = signals, series_id, session
        self.table: RosterTable | None = None
        self.parsed: RosterParse | None = None
        self.data: bytes | None = None
        self.worker: ReadWorker | None = None
        self.progress: QProgressDialog | None = None
        self.resize(820, 600)
        self.path = QLineEdit(objectName="rosterPath")
        self.path.returnPressed.connect(self._typed_path)  # Return loads what was typed
        self.choose = QPushButton(objectName="chooseRoster")
        self.choose.setAutoDefault(False)
        self.choose.clicked.connect(self.choose_file)
        self.encoding = QComboBox(objectName="rosterEncoding")
        self.encoding.addItem("", None)  # the guess
        for code in ENCODINGS:
            self.encoding.addItem("", code)
        self.encoding.activated.connect(lambda _i: self._reload())
        self.encoding_caption = QLabel()
        self.encoding_caption.setBuddy(self.encoding)
        self.preview = QLabel(objectName="rosterPreview")
        self.preview.setWordWrap(True)
        self.intro = QLabel(objectName="rosterIntro")
        self.intro.setWordWrap(True)
        self.mapping = QTableWidget(0, 3, objectName="columnMapping")
        self.mapping.verticalHeader().hide()
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(objectName="rosterSummary")
        self.summary.setWordWrap(True)
        self.problems = QListWidget(objectName="rosterProblems")
        self.import_button = QPushButton(objectName="importButton")
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self.do_import)
        self.close_button = QPushButton(objectName="closeImport")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(self.choose)
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(self.encoding_caption)
        encoding_row.addWidget(self.encoding)
        encoding_row.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(encoding_row)
        layout.addWidget(self.preview)
        layout.addWidget(self.intro)
        layout.addWidget(self.mapping, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addLayout(bottom)
        self.retranslate_ui()
        if path is not None:
            self.load(path)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Registration list"),
            "",
            _("Lists (*.csv *.txt *.xlsx);;All files (*)"),
        )
        if name:
            self.load(Path(name))

    def _typed_path(self) -> None:
        text = self.path.text().strip().strip('"')
        if text:
            self.load(Path(text).expanduser())

    def load(self, path: Path) -> None:
        """Read a file and guess its encoding and columns; nothing is written before Import."""
        self.path.setText(str(path))
        self.table, self.parsed, self.data = None, None, None
        self.encoding.setCurrentIndex(0)
        try:
            self.data = path.read_bytes()
        except OSError as error:
            self._fail(
                _("Cannot read {path} ({detail}).").format(
                    path=path.name, detail=error.strerror or error
                )
            )
            return
        self._reload()

    def _reload(self) -> None:
        """Read the file's bytes again with the encoding chosen (or guessed)."""
        if self.data is None:
            return
        data, encoding = self.data, self.encoding.currentData()
        self.table, self.parsed = None, None

        def job(report) -> tuple[RosterTable, RosterParse | FacilitatorError]:
            table = read_table(data, encoding)
            try:
                parsed: RosterParse | FacilitatorError = parse_rows(
                    table, guess_mapping(table.headers), report
                )
            except FacilitatorError as refusal:  # no name column: the mapping shows why
                parsed = refusal
            return table, parsed

        self._run(job, self._loaded, background=len(data) > self.BACKGROUND_BYTES)

    def _loaded(self, result) -> None:
        self.table, parsed = result
        self._fill_mapping(guess_mapping(self.table.headers))
        self._show_parse(parsed)

    def _run(self, job: Callable, then: Callable, *, background: bool) -> None:
        """`job(report)` now, or on a worker thread behind a progress dialog with Cancel."""
        if not background:
            try:
                result = job(lambda done, total: None)
            except FacilitatorError as error:
                self._fail(str(error))
                return
            then(result)
            return
        self._stop_worker()
        self.worker = ReadWorker(job)
        self.progress = QProgressDialog(_("Reading the list…"), _("Cancel"), 0, 100, self)
        self.progress.setObjectName("rosterProgress")
        self.progress.setWindowTitle(_("Import a registration list"))
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self._cancel)
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(then)
        self.worker.failed.connect(self._read_failed)
        self.worker.finished.connect(self._finished)
        self.import_button.setEnabled(False)
        self.worker.start()

    def _stop_worker(self) -> None:
        """Stop a reading still running (a new one replaces it, or the dialog closes)."""
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.stop = True
            for signal in (worker.succeeded, worker.failed, worker.progressed, worker.finished):
                signal.disconnect()
            worker.wait()
            self._finished()

    def done(self, result: int) -> None:  # noqa: D102 (accept, reject and Esc end here)
        self._stop_worker()
        super().done(result)

    def _cancel(self) -> None:
        if self.worker is not None:
            self.worker.stop = True

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and total:
            self.progress.setValue(min(99, int(100 * done / total)))

    def _read_failed(self, error) -> None:
        if error is None:  # cancelled: nothing read, nothing to import
            self.table, self.parsed = None, None
            self._fail(_("Reading the list was cancelled; nothing was imported."))
        else:
            self._fail(str(error))

    def _finished(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        if self.worker is not None:
            self.worker.wait()  # `finished` comes just before run() returns: let it return
        self.worker = None

    def _fail(self, message: str) -> None:
        self.mapping.setRowCount(0)
        self.problems.clear()
        self.preview.clear()
        self._show_summary(message, error=True)
        self.import_button.setEnabled(False)

    def _fill_mapping(self, mapping: dict[int, str]) -> None:
        assert self.table is not None
        self.mapping.setRowCount(len(self.table.headers))
        for column, header in enumerate(self.table.headers):
            sample = next(
                (
                    cells[column]
                    for _line, cells in self.table.rows
                    if column < len(cells) and cells[column].strip()
                ),
                "",
            )
            self.mapping.setItem(column, 0, QTableWidgetItem(isolate(header)))
            self.mapping.setItem(column, 1, QTableWidgetItem(isolate(sample)))
            combo = QComboBox(objectName=f"mapColumn{column}")
            combo.addItem(_("(ignore)"), None)
            for field, text in FIELDS.items():
                combo.addItem(_(text), field)
            combo.setCurrentIndex(max(combo.findData(mapping.get(column)), 0))
            combo.currentIndexChanged.connect(lambda _i: self.reparse())
            self.mapping.setCellWidget(column, 2, combo)

    def current_mapping(self) -> dict[int, str]:
        mapping = {}
        for column in range(self.mapping.rowCount()):
            field = self.mapping.cellWidget(column, 2).currentData()
            if field and field not in mapping.values():
                mapping[column] = field
        return mapping

    def reparse(self) -> None:
        if self.table is None:
            return
        table, mapping = self.table, self.current_mapping()

        def job(report) -> RosterParse | FacilitatorError:
            try:
                return parse_rows(table, mapping, report)
            except FacilitatorError as refusal:
                return refusal

        self._run(job, self._show_parse, background=len(table.rows) > self.BACKGROUND_ROWS)

    def _show_parse(self, parsed: RosterParse | FacilitatorError) -> None:
        self.parsed = None if isinstance(parsed, FacilitatorError) else parsed
        self._show_preview()
        if isinstance(parsed, FacilitatorError):
            self.problems.clear()
            self._show_summary(str(parsed), error=True)
            self.import_button.setEnabled(False)
            return
        self.problems.clear()
        for problem in self.parsed.problems:
            self.problems.addItem(problem.message())
        count = len(self.parsed.rows)
        skipped = sum(p.skipped for p in self.parsed.problems)
        text = ngettext(
            "{count} person can be imported.", "{count} people can be imported.", count
        ).format(count=format_number(count))
        if skipped:
            text += " " + ngettext(
                "{count} row cannot be read (see below).",
                "{count} rows cannot be read (see below).",
                skipped,
            ).format(count=format_number(skipped))
        left_out = unmapped_columns(self.table, self.current_mapping()) if self.table else []
        if left_out:
            text += " " + _(
                "Not imported unless you choose what they hold above: {columns}."
            ).format(columns=and_join([isolate(c) for c in left_out]))
        self._show_summary(text)
        self.import_button.setEnabled(count > 0)

    def _show_preview(self) -> None:
        """The first names as read, so a wrong encoding shows before anything is imported."""
        if self.table is None:
            self.preview.clear()
            return
        how = (
            _("Read as {encoding}.").format(encoding=encoding_label(self.table.encoding))
            if self.table.encoding
            else _("Read from an Excel workbook.")
        )
        names = [r.participant.name for r in (self.parsed.rows if self.parsed else [])[:5]]
        if not names:
            self.preview.setText(how)
            return
        self.preview.setText(
            how
            + " "
            + _("First names: {names}").format(names=and_join([isolate(n) for n in names]))
        )

    def _show_summary(self, text: str, error: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")

    def do_import(self) -> None:
        if self.parsed is None or not self.parsed.rows:
            return
        session_id = self.session.id if self.session else None
        # One operation and one undo step, whatever the number of people.
        step = app.import_roster(self.signals.doc, self.series_id, session_id, self.parsed.rows)
        try:
            self.signals.run(step.operation, undo=step)
        except sqlite3.Error as error:
            self._show_summary(app.describe_write_error(error), error=True)
            return
        except FacilitatorError as error:
            self._show_summary(str(error), error=True)
            return
        report = step.result
        self.import_button.setEnabled(False)
        self._show_summary(
            _("Imported: {added} added, {updated} completed, {unchanged} already known.").format(
                added=format_number(report.added),
                updated=format_number(report.updated),
                unchanged=format_number(report.unchanged),
            )
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Import a registration list"))
        self.choose.setText(_("Choose a file…"))
        self.encoding_caption.setText(_("Encoding:"))
        self.encoding.setItemText(0, _("Guess from the file"))
        for n in range(1, self.encoding.count()):
            self.encoding.setItemText(n, _(ENCODINGS[self.encoding.itemData(n)]))
        self.encoding.setAccessibleName(_("Encoding"))
        self.path.setAccessibleName(_("Registration list"))
        self.path.setPlaceholderText(_("Type the path of a list, or choose one"))
        if self.session is not None:
            intro = _(
                "Columns are recognized by their headings in English, French, Spanish, Arabic or "
                "Russian; change any guess below. People already known are completed, not "
                "duplicated, and everyone is registered for this session."
            )
        else:
            intro = _(
                "Columns are recognized by their headings in English, French, Spanish, Arabic or "
                "Russian; change any guess below. People already known are completed, not "
                "duplicated."
            )
        self.intro.setText(intro)
        self.mapping.setHorizontalHeaderLabels([_("Column"), _("First value"), _("Holds")])
        self.import_button.setText(_("Import"))
        self.close_button.setText(_("Close"))
        if self.table is not None and self.worker is None:
            mapping = self.current_mapping()
            self._fill_mapping(mapping)
            if self.parsed is not None:
                self._show_parse(self.parsed)  # messages are translated when shown
        elif not self.path.text():
            self.import_button.setEnabled(False)
