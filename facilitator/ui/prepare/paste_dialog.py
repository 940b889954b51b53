"""Paste an agenda or guiding questions copied from a concept note: a text box, a live preview
of what will be added, and nothing written before OK (then one operation, one undo step)."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.app.prepare import ParsedItem, parse_agenda, parse_questions
from facilitator.domain.vocab import AGENDA_KINDS, label
from facilitator.i18n import _, format_minutes, format_number, ngettext
from facilitator.ui.common.bidi import isolate

FLAGGED = QBrush(QColor("#fde2e1"))


class PasteDialog(QDialog):
    """The common frame: instructions, text box, preview table, a status line, OK/Cancel."""

    def __init__(self, parent: QWidget | None, title: str, hint: str, headers: list[str]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 560)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("pasteText")
        self.text.setAccessibleName(title)
        self.hint.setBuddy(self.text)
        self.preview = QTableWidget(0, len(headers))
        self.preview.setObjectName("pastePreview")
        self.preview.setAccessibleName(_("Preview"))
        self.preview.setHorizontalHeaderLabels(headers)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setObjectName("pasteStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.hint, self.text, self.preview, self.status, self.buttons):
            layout.addWidget(widget)
        self.text.textChanged.connect(self.update_preview)
        self.update_preview()

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def fill(self, rows: list[list[str]], flagged: list[bool]) -> None:
        self.preview.setRowCount(len(rows))
        for r, (cells, flag) in enumerate(zip(rows, flagged, strict=True)):
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if flag:
                    cell.setBackground(FLAGGED)
                    cell.setForeground(QBrush(QColor("#000000")))
                self.preview.setItem(r, c, cell)
        self.preview.resizeRowsToContents()

    def update_preview(self) -> None:
        raise NotImplementedError


class PasteAgendaDialog(PasteDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parsed: list[ParsedItem] = []
        super().__init__(
            parent,
            _("Paste an agenda"),
            _(
                "Paste the programme of the concept note, one item a line, such as "
                "“10 minutes | Opening remarks” or “15:00–15:10 Opening remarks”."
            ),
            [_("Planned"), _("Agenda item"), _("Kind"), _("Speakers"), _("Description")],
        )
        self.setObjectName("pasteAgendaDialog")

    def update_preview(self) -> None:
        self.parsed = parse_agenda(self.text.toPlainText())
        rows = [
            [
                format_minutes(p.planned_minutes) if p.planned_minutes else _("no minutes"),
                isolate(p.title),
                label(AGENDA_KINDS, p.kind),
                isolate(p.speakers),
                isolate(p.description),
            ]
            for p in self.parsed
        ]
        missing = [p for p in self.parsed if p.planned_minutes is None]
        self.fill(rows, [p.planned_minutes is None for p in self.parsed])
        if missing:
            first = next(n for n, p in enumerate(self.parsed) if p.planned_minutes is None)
            self.preview.scrollToItem(self.preview.item(first, 0))
            self.status.setText(
                ngettext(
                    "{count} line has no minutes (marked); add them to the text to go on.",
                    "{count} lines have no minutes (marked); add them to the text to go on.",
                    len(missing),
                ).format(count=format_number(len(missing)))
            )
        else:
            total = sum(p.planned_minutes or 0 for p in self.parsed)
            self.status.setText(
                _("Total planned time: {minutes}").format(minutes=format_minutes(total))
            )
        self.ok_button().setEnabled(bool(self.parsed) and not missing)

    def items(self) -> list[ParsedItem]:
        return list(self.parsed)


class PasteQuestionsDialog(PasteDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parsed: list[str] = []
        super().__init__(
            parent,
            _("Paste guiding questions"),
            _("Paste the guiding questions of the concept note, one per bullet or line."),
            [_("Guiding question")],
        )
        self.setObjectName("pasteQuestionsDialog")

    def update_preview(self) -> None:
        self.parsed = parse_questions(self.text.toPlainText())
        self.fill([[isolate(q)] for q in self.parsed], [False] * len(self.parsed))
        self.preview.setWordWrap(True)
        self.status.clear()
        self.ok_button().setEnabled(bool(self.parsed))

    def items(self) -> list[str]:
        return list(self.parsed)
