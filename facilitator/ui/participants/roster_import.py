"""Importing a registration list (CSV): choose the file, check or change which column holds
what, see the rows that cannot be read and why, then import everyone else at once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import participants as app
from facilitator.domain import model as m
from facilitator.domain.roster_csv import (
    FIELDS,
    RosterParse,
    RosterTable,
    guess_mapping,
    parse_rows,
    read_table,
)
from facilitator.errors import FacilitatorError
from facilitator.i18n import _, format_number, ngettext
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.document_signals import DocumentSignals


class RosterImportDialog(Retranslating, QDialog):
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
        self.resize(820, 560)
        self.path = QLineEdit(objectName="rosterPath")
        self.path.setReadOnly(True)
        self.choose = QPushButton(objectName="chooseRoster")
        self.choose.clicked.connect(self.choose_file)
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
        self.import_button.clicked.connect(self.do_import)
        self.close_button = QPushButton(objectName="closeImport")
        self.close_button.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(self.choose)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
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
            self, _("Registration list"), "", _("CSV files (*.csv *.txt);;All files (*)")
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read a file and guess its columns; nothing is written before Import."""
        self.path.setText(str(path))
        self.table, self.parsed = None, None
        try:
            data = path.read_bytes()
            self.table = read_table(data)
        except FacilitatorError as error:
            self._fail(str(error))
            return
        except OSError as error:
            self._fail(
                _("Cannot read {path} ({detail}).").format(
                    path=path.name, detail=error.strerror or error
                )
            )
            return
        self._fill_mapping(guess_mapping(self.table.headers))
        self.reparse()

    def _fail(self, message: str) -> None:
        self.mapping.setRowCount(0)
        self.problems.clear()
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
        try:
            self.parsed = parse_rows(self.table, self.current_mapping())
        except FacilitatorError as error:
            self.parsed = None
            self.problems.clear()
            self._show_summary(str(error), error=True)
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
        self._show_summary(text)
        self.import_button.setEnabled(count > 0)

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
        self.choose.setText(_("Choose a CSV file…"))
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
        if self.table is not None:
            mapping = self.current_mapping()
            self._fill_mapping(mapping)
            if self.parsed is not None:
                self.reparse()
        elif not self.path.text():
            self.import_button.setEnabled(False)
