"""File > Merge conflicts…: every field two laptops edited differently, both versions side by
side, and "Restore this version" to bring back the one the merge did not keep, in one click.

The view reads through facilitator.app.merge and restores through the window's signals, so
every page hears of it and Edit > Undo takes it back; it reloads when a change touches the
conflicts or the records they name."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import merge
from facilitator.app.document import Document
from facilitator.app.merge import ConflictEntry, RestoreVersion, stamp_device, stamp_time
from facilitator.app.merge_summary import field_label, record_label, short
from facilitator.domain.changes import ChangeSet
from facilitator.errors import FacilitatorError
from facilitator.i18n import _, format_date, format_time
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.errors import show_error
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.document_signals import DocumentSignals

# Records whose labels the values may show (a speaker's name for a participant id, ...).
REFERENCED = ("participant", "agenda_item", "topic", "guiding_question", "session")


class ConflictsModel(QAbstractTableModel):
    """A thin model over facilitator.app.merge.conflicts."""

    COLUMNS = 5

    def __init__(self, doc: Document | None, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.entries: list[ConflictEntry] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.entries = merge.conflicts(self.doc) if self.doc is not None else []
        self.endResetModel()

    def kinds(self) -> set[str]:
        """What the rows show: the conflicts, and the records they name (for their labels)."""
        return {"merge_conflict"} | {e.table for e in self.entries} | set(REFERENCED)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COLUMNS

    def value_text(self, entry: ConflictEntry, kept: bool) -> str:
        value = entry.kept_value if kept else entry.lost_value
        return merge.display_value(self.doc, entry.field, value) if self.doc else str(value)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        e = self.entries[index.row()]
        column = index.column()
        if column == 0:
            label = short(e.record_label, 50) if e.exists else _("(deleted since)")
            return _("{kind}: {label}").format(kind=record_label(e.table), label=isolate(label))
        if column == 1:
            return field_label(e.field, e.table)
        if column in (2, 3):
            text = self.value_text(e, kept=column == 2)
            return isolate(text if role == Qt.ItemDataRole.ToolTipRole else short(text, 50))
        return _("other version restored") if e.resolved else _("newest version kept")

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [_("Record"), _("Field"), _("In the file now"), _("Other version"), _("Status")][
            section
        ]


class VersionBox(Retranslating, QGroupBox):
    """One version of a field: when and where it was written, and its full text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.meta)
        layout.addWidget(self.text)
        self.stamp = ""

    def show_version(self, text: str, stamp: str) -> None:
        self.stamp = stamp
        self.text.setPlainText(text)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if not self.stamp:
            self.meta.setText("")
            return
        when = stamp_time(self.stamp).astimezone()
        self.meta.setText(
            _("Written {date} at {time} on laptop {device}").format(
                date=isolate(format_date(when.date(), fmt="medium")),
                time=isolate(format_time(when)),
                device=isolate(stamp_device(self.stamp)),
            )
        )


class ConflictsDialog(Retranslating, QDialog):
    """The list of conflicts above the two versions of the selected one."""

    def __init__(self, signals: DocumentSignals, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.signals = signals
        self.model = ConflictsModel(signals.doc, self)
        signals.changed.connect(self.document_changed)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("conflictsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_selected())
        self.kept = VersionBox()
        self.kept.setObjectName("keptVersion")
        self.lost = VersionBox()
        self.lost.setObjectName("otherVersion")
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreVersion")
        self.restore_button.clicked.connect(self.restore_selected)
        self.lost.layout().addWidget(self.restore_button)
        versions = QWidget()
        grid = QGridLayout(versions)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.kept, 0, 0)
        grid.addWidget(self.lost, 0, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(versions)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 600)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.retranslate_ui()

    def selected(self) -> ConflictEntry | None:
        row = self.table.currentIndex().row()
        return self.model.entries[row] if 0 <= row < len(self.model.entries) else None

    def _show_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            self.kept.show_version("", "")
            self.lost.show_version("", "")
            self.restore_button.setEnabled(False)
            return
        self.kept.show_version(self.model.value_text(entry, kept=True), entry.kept_stamp)
        self.lost.show_version(self.model.value_text(entry, kept=False), entry.lost_stamp)
        self.restore_button.setEnabled(entry.exists)

    def restore_selected(self) -> None:
        """Write the other version back into the record, through the window's signals: the
        view reloads when they announce it, like every other page, and Edit > Undo can take
        it back."""
        entry, doc = self.selected(), self.signals.doc
        if entry is None or doc is None:
            return
        step = RestoreVersion(doc, entry)
        try:
            self.signals.run(step.operation(), undo=step)
        except FacilitatorError as error:
            show_error(self, error)

    def document_changed(self, changes: ChangeSet) -> None:
        if self.signals.doc is not self.model.doc:  # another file was opened
            self.model.doc = self.signals.doc
        elif not changes.touches(*self.model.kinds()):
            return
        row = max(self.table.currentIndex().row(), 0)
        self.model.reload()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Merge conflicts"))
        self.intro.setText(
            _(
                "The same field was changed on two laptops, or a record was deleted on one and "
                "edited on another. The merge kept the newest version; the other is shown "
                "beside it and can be brought back."
            )
            if self.model.rowCount()
            else _("No conflicts: every merge so far fitted together without overwriting an edit.")
        )
        self.kept.setTitle(_("In the file now"))
        self.lost.setTitle(_("Other version"))
        self.restore_button.setText(_("Restore this version"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, ConflictsModel.COLUMNS - 1)
        self.model.dataChanged.emit(
            self.model.index(0, 0),
            self.model.index(max(self.model.rowCount() - 1, 0), ConflictsModel.COLUMNS - 1),
        )
        self._show_selected()
