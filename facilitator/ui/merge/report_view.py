"""The report of a merge: per file and per kind of record, what was added, updated, already
present and deleted, the conflicts resolved, and the files that were not merged and why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.app.merge import BatchReport, MergeReport, Outcome
from facilitator.app.merge_summary import (
    batch_summary,
    conflict_line,
    kind_label,
)
from facilitator.i18n import _, format_number
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.retranslate import Retranslating


class MergeReportView(Retranslating, QWidget):
    """A summary line above a tree: one branch per file, one row per kind of record."""

    def __init__(
        self,
        parent: QWidget | None = None,
        display: Callable[[str, Any], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeReportView")
        self.batch: BatchReport | None = None
        self.display = display  # turns stored values (ids) into what people read
        self.summary = QLabel()
        self.summary.setObjectName("mergeSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("mergeReportTree")
        self.tree.setColumnCount(5)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.retranslate_ui()

    def set_batch(self, batch: BatchReport) -> None:
        self.batch = batch
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.tree.setHeaderLabels(
            [_("File and records"), _("New"), _("Updated"), _("Already present"), _("Deleted")]
        )
        self.tree.clear()
        if self.batch is None:
            self.summary.setText("")
            return
        self.summary.setText(batch_summary(self.batch))
        self._spanned: list[QTreeWidgetItem] = []
        for outcome in self.batch.outcomes:
            self.tree.addTopLevelItem(self._file_item(outcome))
        for item in self._spanned:  # spans hold only once the item is in the tree
            item.setFirstColumnSpanned(True)
        self.tree.expandAll()

    def _file_item(self, outcome: Outcome) -> QTreeWidgetItem:
        name = isolate(outcome.name)
        if outcome.conflicted_copy:
            name = _("{name} (a sync service's conflicted copy)").format(name=name)
        if outcome.report is None:
            item = QTreeWidgetItem([name])
            self._spanned.append(item)
            text = (
                _("Already merged before; skipped.")
                if outcome.already_merged
                else outcome.refused or ""
            )
            self._note(item, text)
            return item
        report = outcome.report
        total = report.totals()
        item = QTreeWidgetItem([name, *self._numbers(total)])
        self._add_kinds(item, report)
        return item

    def _note(self, parent: QTreeWidgetItem, text: str) -> QTreeWidgetItem:
        """A line of text across all columns under `parent`."""
        note = QTreeWidgetItem([text])
        note.setToolTip(0, text)
        parent.addChild(note)
        self._spanned.append(note)
        return note

    @staticmethod
    def _numbers(counts) -> list[str]:
        return [
            format_number(counts.added),
            format_number(counts.updated),
            format_number(counts.present),
            format_number(counts.deleted),
        ]

    def _add_kinds(self, item: QTreeWidgetItem, report: MergeReport) -> None:
        if report.other_series is not None:
            self._note(
                item,
                _("Sessions added beside this series' sessions (from “{title}”)").format(
                    title=isolate(report.other_series)
                ),
            )
        for table, counts in report.counts.items():
            if counts.changed:  # kinds with nothing new add up in the file's row
                item.addChild(QTreeWidgetItem([kind_label(table), *self._numbers(counts)]))
        if not report.totals().changed:
            self._note(item, _("Nothing new: everything was already in this file."))
        if report.conflicts:
            conflicts = self._note(
                item,
                _("Conflicts resolved: {count} (see File > Merge conflicts…)").format(
                    count=format_number(len(report.conflicts))
                ),
            )
            for c in report.conflicts:
                line = conflict_line(c.table, c.field, c.kept_value, c.lost_value, self.display)
                self._note(conflicts, line)
