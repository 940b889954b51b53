"""The filter bar over the notes table: full-text search and one choice per classification."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.app.notes import NotesFilter
from facilitator.domain import model as m
from facilitator.domain.vocab import POINT_KINDS, STAKEHOLDER_GROUPS
from facilitator.i18n import _, format_number, ngettext
from facilitator.ui.common.a11y import name_control
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.retranslate import Retranslating

SEARCH_DELAY_MS = 150  # search as you type, without a query per keystroke of a fast typist


class FilterBar(Retranslating, QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.agenda: list[m.AgendaItem] = []
        self.people: list[m.Participant] = []
        self.topics: list[m.Topic] = []
        self.questions: list[m.GuidingQuestion] = []
        self.search = QLineEdit(objectName="notesSearch")
        self.search.setClearButtonEnabled(True)
        self._delay = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self._delay.start())
        self.combos = {
            name: QComboBox(objectName=f"filter_{name}")
            for name in ("agenda", "speaker", "group", "topic", "kind", "question")
        }
        for combo in self.combos.values():
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.clear_button = QPushButton(objectName="clearFilters")
        self.clear_button.clicked.connect(self.clear)
        self.count = QLabel(objectName="notesCount")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        choices = QHBoxLayout()
        for combo in self.combos.values():
            choices.addWidget(combo, 1)
        choices.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(choices)
        self.retranslate_ui()

    def set_vocabulary(
        self,
        agenda: list[m.AgendaItem],
        people: list[m.Participant],
        topics: list[m.Topic],
        questions: list[m.GuidingQuestion],
    ) -> None:
        self.agenda, self.people, self.topics, self.questions = agenda, people, topics, questions
        self._fill()

    def _fill(self) -> None:
        choices = {
            "agenda": (
                _("All agenda items"),
                [
                    (
                        _("{number}. {title}").format(
                            number=format_number(n), title=isolate(a.title)
                        ),
                        a.id,
                    )
                    for n, a in enumerate(self.agenda, start=1)
                ],
            ),
            "speaker": (_("All speakers"), [(isolate(p.name), p.id) for p in self.people]),
            "group": (_("All groups"), [(_(t), c) for c, t in STAKEHOLDER_GROUPS.items()]),
            "topic": (_("All topics"), [(isolate(t.name), t.id) for t in self.topics]),
            "kind": (_("All kinds"), [(_(t), c) for c, t in POINT_KINDS.items()]),
            "question": (
                _("All guiding questions"),
                [
                    (_("Q{number}").format(number=format_number(n)), q.id)
                    for n, q in enumerate(self.questions, start=1)
                ],
            ),
        }
        for name, (everything, items) in choices.items():
            combo = self.combos[name]
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for text, data in items:
                combo.addItem(text, data)
            if name == "question":
                for n, q in enumerate(self.questions, start=1):
                    combo.setItemData(n, q.text, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def current(self) -> NotesFilter:
        data = {name: combo.currentData() for name, combo in self.combos.items()}
        return NotesFilter(
            agenda_item_id=data["agenda"],
            participant_id=data["speaker"],
            stakeholder_group=data["group"],
            topic_id=data["topic"],
            kind=data["kind"],
            question_id=data["question"],
            text=self.search.text(),
        )

    def is_active(self) -> bool:
        return self.current() != NotesFilter()

    def clear(self) -> None:
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.changed.emit()

    def set_count(self, total: int) -> None:
        self._total = total
        self.count.setText(
            ngettext("{count} intervention", "{count} interventions", total).format(
                count=format_number(total)
            )
        )

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(_("Search notes and points (any language)…"))
        self.clear_button.setText(_("Clear filters"))
        self.search.setAccessibleName(_("Search the notes"))
        names = {
            "agenda": _("Filter by agenda item"),
            "speaker": _("Filter by speaker"),
            "group": _("Filter by stakeholder group"),
            "topic": _("Filter by topic"),
            "kind": _("Filter by kind of point"),
            "question": _("Filter by guiding question"),
        }
        for key, combo in self.combos.items():
            name_control(combo, names.get(key, key))
        self._fill()
        self.set_count(getattr(self, "_total", 0))
