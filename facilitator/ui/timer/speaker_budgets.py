"""Speaking-time budgets on the moderator's screen: time used against each budget (in red, and
in words, once over), the dialog that sets them, and the queue's order settings row."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import model as m
from facilitator.domain import speaking_budget as b
from facilitator.domain.speakers import QueueEntry
from facilitator.domain.vocab import STAKEHOLDER_GROUPS, label
from facilitator.i18n import _
from facilitator.ui.common.bidi import isolate
from facilitator.ui.timer.display import COLOURS, duration_text


def budget_name(key: b.Key) -> str:
    kind, name = key
    return label(STAKEHOLDER_GROUPS, name) if kind == b.GROUP else name


def use_text(use: b.BudgetUse) -> str:
    text = _("{name}: {used} of {budget}").format(
        name=isolate(budget_name(use.key)),
        used=duration_text(use.used),
        budget=duration_text(use.budget),
    )
    if use.over:
        over = _("over budget by {time}").format(time=duration_text(use.used - use.budget))
        text = f"{text} · {over}"
    return text


def entry_keys(entry: QueueEntry, people: Mapping[str, m.Participant]) -> set[b.Key]:
    group, country = b.who(entry, people)
    keys = {(b.GROUP, group)} if group else set()
    return keys | ({(b.DELEGATION, " ".join(country.casefold().split()))} if country else set())


def over_keys(uses: list[b.BudgetUse]) -> set[b.Key]:
    """The groups and delegations over budget (delegations case-folded, as entry_keys)."""
    found = set()
    for use in uses:
        if use.over:
            kind, name = use.key
            found.add((kind, " ".join(name.casefold().split()) if kind == b.DELEGATION else name))
    return found


BG, FG = COLOURS["overrun"]
OVER_STYLE = "#{name} { background-color: BG; color: FG; border-radius: 3px; padding: 1px 3px; }"
OVER_STYLE = OVER_STYLE.replace("BG", BG).replace("FG", FG)


class BudgetRows(QWidget):
    """One label per budget, wrapped (a narrow column must not cut "over budget by 02:00").
    Redrawn each second a budgeted speaker speaks: the relayout stays inside the speakers'
    scroll area, whose size does not follow its content."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakingBudgets")
        self.rows: list[QLabel] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(1)
        self.setVisible(False)

    def show_use(self, uses: list[b.BudgetUse]) -> None:
        while len(self.rows) > len(uses):
            self.rows.pop().deleteLater()
        while len(self.rows) < len(uses):
            row = QLabel()
            row.setObjectName(f"speakingBudget{len(self.rows)}")
            row.setWordWrap(True)
            row.setTextFormat(Qt.TextFormat.PlainText)  # a country typed with a "<"
            self.rows.append(row)
            self.box.addWidget(row)
        for row, use in zip(self.rows, uses, strict=True):
            text = use_text(use)
            if row.text() != text:
                row.setText(text)
            row.setAccessibleName(_("Speaking-time budget"))
            over = "over" if use.over else ""
            if row.property("over") != over:  # white on red once over (contrast 5.6:1)
                row.setProperty("over", over)
                row.setStyleSheet(OVER_STYLE.replace("{name}", row.objectName()) if over else "")
        self.setVisible(bool(uses))


class BudgetDialog(QDialog):
    """Budgets in whole minutes: one per stakeholder group (0: none), and delegations by name."""

    def __init__(self, budgets: Mapping[b.Key, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("budgetDialog")
        self.setWindowTitle(_("Speaking-time budgets"))
        intro = QLabel(
            _(
                "Minutes of speaking time for a stakeholder group or a delegation in this "
                "session; 0 for none. The queue shows the time used and warns once over."
            )
        )
        intro.setWordWrap(True)
        self.groups: dict[str, QSpinBox] = {}
        self.grid = QGridLayout()
        for row, code in enumerate(STAKEHOLDER_GROUPS):
            box = self._minutes(budgets.get((b.GROUP, code), 0))
            box.setAccessibleName(label(STAKEHOLDER_GROUPS, code))
            name = QLabel(label(STAKEHOLDER_GROUPS, code))
            name.setBuddy(box)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(box, row, 1)
            self.groups[code] = box
        self.delegations: list[tuple[QLineEdit, QSpinBox]] = []
        heading = QLabel(_("Delegations (country):"))
        self.grid.addWidget(heading, len(STAKEHOLDER_GROUPS), 0, 1, 2)
        for (kind, name), seconds in budgets.items():
            if kind == b.DELEGATION:
                self.add_delegation(name, seconds)
        inner = QWidget()
        inner.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        self.add_button = QPushButton(_("Add a delegation"))
        self.add_button.setObjectName("addDelegationBudget")
        self.add_button.clicked.connect(lambda: self.add_delegation("", 0, focus=True))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(buttons)
        self.resize(480, 620)  # the groups and the first delegations without scrolling

    def _minutes(self, seconds: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 600)
        box.setSuffix(" " + _("min"))
        box.setSpecialValueText(_("no budget"))
        box.setValue(round(seconds / 60))
        return box

    def add_delegation(self, name: str, seconds: int, focus: bool = False) -> None:
        field = QLineEdit(name)
        field.setObjectName("delegationName")
        field.setPlaceholderText(_("Country"))
        field.setAccessibleName(_("Delegation"))
        box = self._minutes(seconds)
        box.setAccessibleName(_("Minutes of the delegation"))
        row = self.grid.rowCount()
        self.grid.addWidget(field, row, 0)
        self.grid.addWidget(box, row, 1)
        self.delegations.append((field, box))
        if focus:
            field.setFocus()

    def budgets(self) -> dict[b.Key, int]:
        found: dict[b.Key, int] = {}
        for code, box in self.groups.items():
            if box.value():
                found[(b.GROUP, code)] = box.value() * 60
        for field, box in self.delegations:
            name = " ".join(field.text().split())
            if name and box.value():
                found[(b.DELEGATION, name)] = box.value() * 60
        return found


class OrderChoice(QComboBox):
    """The queue's order: as asked for (points of order first) or those who have not spoken
    yet first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakersOrder")
        self.addItem("", False)
        self.addItem("", True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setItemText(0, _("In the order asked"))
        self.setItemText(1, _("Not spoken yet first"))
        self.setToolTip(
            _(
                "Those who have not taken the floor in this session go before those who have; "
                "points of order still come first"
            )
        )
        self.setAccessibleName(_("Order of the queue"))
