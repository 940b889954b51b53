"""The privacy check shown before an export writes: each place where a name or affiliation that
must stay hidden was found and replaced, what was found and what the export will read, and
what the app cannot know, said plainly. Export goes on with "Export", stops with "Cancel"."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.app.privacy import CANNOT_KNOW, PrivacyCheck, place_text
from facilitator.domain import model as m
from facilitator.i18n import _, format_number, ngettext
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.lists import comma_join
from facilitator.ui.common.retranslate import Retranslating


def _excerpt(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PrivacyDialog(Retranslating, QDialog):
    def __init__(self, parent: QWidget | None, result: PrivacyCheck, content: m.SeriesContent):
        super().__init__(parent)
        self.setObjectName("privacyDialog")
        self.result, self.content = result, content
        self.resize(860, 460)
        self.intro = QLabel(objectName="privacyIntro", wordWrap=True)
        self.table = QTableWidget(len(result.changes), 3, objectName="privacyList")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # The place and what the export reads share the width, wrapped: sized to their
        # contents, a long session title left the export's text a sliver (Arabic above all).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Rows follow the columns' final widths (sized before the dialog is laid out, the
        # first row took the whole height).
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        self.table.setVisible(bool(result.changes))
        self.unknown = QLabel(objectName="privacyUnknown", wordWrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unknown)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def rows(self) -> list[list[str]]:
        """What the list shows, cell by cell (for tests and screen readers alike)."""
        return [
            [self.table.item(r, c).text() for c in range(3)] for r in range(self.table.rowCount())
        ]

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Privacy check"))
        count = len(self.result.changes)
        if self.result.archive:
            intro = _(
                "This archive keeps every name, title, organization and e-mail, and the notes "
                "as typed: keep it within the team. To share the series, export “Shareable "
                "copy without personal data (JSON)”."
            )
        elif count:
            intro = ngettext(
                "A name or affiliation that must stay hidden was found in {count} place; the "
                "export will read “[…]” there.",
                "A name or affiliation that must stay hidden was found in {count} places; the "
                "export will read “[…]” there.",
                count,
            ).format(count=format_number(count))
        else:
            intro = _("No name or affiliation that must stay hidden was found in the texts.")
        self.intro.setText(intro)
        self.unknown.setText(_(CANNOT_KNOW))
        self.table.setHorizontalHeaderLabels([_("Where"), _("Found"), _("The export reads")])
        for row, change in enumerate(self.result.changes):
            cells = (
                place_text(change, self.content),
                comma_join(dict.fromkeys(change.found)),
                _excerpt(change.after),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(isolate(text))
                item.setToolTip(change.after if col == 2 else text)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
