"""The points of the intervention being written: a line to type each point and the list so far.

Classifying never needs the mouse: Ctrl+1..5 choose the kind, Alt+1..9 the topic (with or
without Shift, so AZERTY keyboards work too), Ctrl+G
steps through the guiding questions; Enter adds the point (or updates the one picked from
the list), Delete removes the selected point.

Kind, topic and question stay as they were for the next point of the same intervention, in
plain sight in their lists, since one speaker's points often share them; they go back to
"Challenge", "No topic" and "No guiding question" for each new intervention. Carried over
to the next speaker they silently misfiled that person's points: a note-taker looks at the
lists when a speaker starts, rarely between two points of a fast speaker.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QKeyCombination, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from facilitator.domain import model as m
from facilitator.domain.entry import EntryPoint
from facilitator.domain.vocab import POINT_KINDS, label
from facilitator.i18n import _, format_number
from facilitator.ui.common.a11y import name_control
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.eliding_combo import ElidingCombo
from facilitator.ui.common.keys import key, key_text
from facilitator.ui.common.lists import comma_join
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.common.wrap_label import WrapLabel

KIND_KEYS = list(POINT_KINDS)  # Ctrl+1 challenge ... Ctrl+5 question


def native_key(sequence: str) -> str:
    return key_text(sequence)


def kind_shortcut(n: int) -> str:
    return key_text(f"Ctrl+{n}")


def topic_shortcut(n: int) -> str:
    return key_text(f"Alt+{n}")


# The unshifted keys of the AZERTY digit row (French, Belgian): there "1" needs Shift, and
# Ctrl+1 pressed without it arrives as Ctrl+&.
AZERTY_DIGITS = (
    Qt.Key.Key_Ampersand,
    Qt.Key.Key_Eacute,
    Qt.Key.Key_QuoteDbl,
    Qt.Key.Key_Apostrophe,
    Qt.Key.Key_ParenLeft,
    Qt.Key.Key_Minus,
    Qt.Key.Key_Egrave,
    Qt.Key.Key_Underscore,
    Qt.Key.Key_Ccedilla,
)


def digit_keys(modifier: str, n: int) -> list[QKeySequence]:
    """Modifier+n as every layout sends it: the digit, the digit with Shift (AZERTY), and the
    unshifted key in the digit's place on AZERTY."""
    mod = {"Ctrl": Qt.KeyboardModifier.ControlModifier, "Alt": Qt.KeyboardModifier.AltModifier}
    return [
        key(f"{modifier}+{n}"),
        key(f"{modifier}+Shift+{n}"),
        QKeySequence(QKeyCombination(mod[modifier], AZERTY_DIGITS[n - 1])),
    ]


def parse_objectives(text: str) -> list[int]:
    """'7, 8 23' -> [7, 8, 23]; numbers outside 1..23 are dropped."""
    return sorted({int(n) for n in re.findall(r"\d+", text) if 1 <= int(n) <= 23})


class PointEditor(Retranslating, QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.topics: list[m.Topic] = []
        self.questions: list[m.GuidingQuestion] = []
        self._points: list[EntryPoint] = []
        self._editing: int | None = None  # index in _points of the point being changed

        self.text = QLineEdit(objectName="pointText")
        self.text.returnPressed.connect(self.commit_point)
        self.text.textEdited.connect(lambda _t: self.changed.emit())
        self.kind = ElidingCombo(objectName="pointKind")
        self.topic = ElidingCombo(objectName="pointTopic")
        self.question = ElidingCombo(objectName="pointQuestion")
        self.objectives = QLineEdit(objectName="pointObjectives")
        self.objectives.setMaximumWidth(110)
        for combo in (self.kind, self.topic, self.question):
            combo.currentIndexChanged.connect(self._apply_to_selected)
        self.list = QListWidget(objectName="pointList")
        self.list.setWordWrap(True)
        lines = self.list.fontMetrics().lineSpacing()
        # Two points in sight at the least (Qt's own minimum, four lines, was taken from the
        # table's rows on a laptop's screen), five at most.
        self.list.setMinimumHeight(2 * lines + 2 * self.list.frameWidth())
        self.list.setMaximumHeight(5 * lines)
        self.list.itemActivated.connect(self._pick)
        self.hint = WrapLabel(objectName="pointShortcuts")
        self.hint.setStyleSheet("color: palette(placeholder-text);")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.text, 0, 0, 1, 4)
        grid.addWidget(self.kind, 1, 0)
        grid.addWidget(self.topic, 1, 1)
        grid.addWidget(self.question, 1, 2)
        grid.addWidget(self.objectives, 1, 3)
        grid.addWidget(self.hint, 2, 0, 1, 4)
        grid.addWidget(self.list, 3, 0, 1, 4)
        grid.setColumnStretch(2, 1)
        self._shortcuts()
        self.retranslate_ui()

    def _shortcuts(self) -> None:
        self._delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        self._delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._delete_key.activated.connect(self.remove_selected)

    def install_shortcuts(self, scope: QWidget) -> None:
        """The classification keys, active anywhere in `scope` (the whole entry form)."""
        keys = [(digit_keys("Ctrl", n), lambda n=n: self.set_kind(n - 1)) for n in range(1, 6)]
        keys += [(digit_keys("Alt", n), lambda n=n: self.set_topic(n - 1)) for n in range(1, 10)]
        keys.append(([key("Ctrl+G")], self.next_question))
        for sequences, slot in keys:
            shortcut = QShortcut(scope)
            shortcut.setKeys(sequences)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- vocabulary --------------------------------------------------------------------

    def set_vocabulary(self, topics: list[m.Topic], questions: list[m.GuidingQuestion]) -> None:
        self.topics, self.questions = topics, questions
        self.retranslate_ui()

    def _fill_combos(self) -> None:
        for combo, items in (
            (self.kind, [(label(POINT_KINDS, k), k) for k in KIND_KEYS]),
            (self.topic, [(_("No topic"), None)] + [(isolate(t.name), t.id) for t in self.topics]),
            (
                self.question,
                [(_("No guiding question"), None)]
                + [
                    (
                        _("Q{number}: {text}").format(
                            number=format_number(n), text=isolate(q.text)
                        ),
                        q.id,
                    )
                    for n, q in enumerate(self.questions, start=1)
                ],
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
                if text != items[0][0] or data is not None:
                    combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
            found = combo.findData(current)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
        self.question.setMaximumWidth(320)

    # --- keys --------------------------------------------------------------------------

    def set_kind(self, n: int) -> None:
        if 0 <= n < self.kind.count():
            self.kind.setCurrentIndex(n)

    def set_topic(self, n: int) -> None:
        if 0 <= n < len(self.topics):
            self.topic.setCurrentIndex(n + 1)

    def next_question(self) -> None:
        self.question.setCurrentIndex((self.question.currentIndex() + 1) % self.question.count())

    # --- points ------------------------------------------------------------------------

    def _current(self, text: str) -> EntryPoint:
        return EntryPoint(
            text=text,
            kind=self.kind.currentData() or "challenge",
            topic_id=self.topic.currentData(),
            question_id=self.question.currentData(),
            gcm_objectives=parse_objectives(self.objectives.text()),
        )

    def commit_point(self) -> None:
        """Enter: add the typed point, or store the changes of the one picked from the list."""
        text = self.text.text().strip()
        if not text:
            return
        point = self._current(text)
        if self._editing is not None and self._editing < len(self._points):
            point.id = self._points[self._editing].id
            self._points[self._editing] = point
        else:
            self._points.append(point)
        self._editing = None
        self.text.clear()
        self._refresh_list()
        self.changed.emit()

    def take_text(self, text: str) -> None:
        """Start a point from text (a selection of the notes); the note-taker classifies it."""
        self.text.setText(" ".join(text.split()))
        self.text.setFocus()

    def _pick(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        point = self._points[row]
        self._editing = row
        self.text.setText(point.text)
        for combo, value in (
            (self.kind, point.kind),
            (self.topic, point.topic_id),
            (self.question, point.question_id),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.objectives.setText(", ".join(str(n) for n in point.gcm_objectives))
        self.text.setFocus()

    def _apply_to_selected(self) -> None:
        """A kind/topic/question chosen while a listed point is picked applies to it."""
        if self._editing is None or self._editing >= len(self._points):
            return
        point = self._points[self._editing]
        point.kind = self.kind.currentData() or point.kind
        point.topic_id = self.topic.currentData()
        point.question_id = self.question.currentData()
        self._refresh_list()
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._points):
            del self._points[row]
            self._editing = None
            self._refresh_list()
            self.changed.emit()

    def points(self) -> list[EntryPoint]:
        """The points, including one still in the typing line (never lose a word)."""
        points = [EntryPoint(**vars(p)) for p in self._points]
        pending = self.text.text().strip()
        if pending:
            point = self._current(pending)
            if self._editing is not None and self._editing < len(points):
                point.id = points[self._editing].id
                points[self._editing] = point
            else:
                points.append(point)
        return points

    def committed(self) -> list[EntryPoint]:
        """The points added with Enter, without the typing line (for a draft)."""
        return [EntryPoint(**vars(p)) for p in self._points]

    def line(self) -> EntryPoint | None:
        """The typing line as it stands, with the classification shown; None when empty."""
        if not self.text.text() and not self.objectives.text():
            return None
        line = self._current(self.text.text())
        line.gcm_objectives = parse_objectives(self.objectives.text())
        return line

    def set_line(self, line: EntryPoint | None) -> None:
        """Put a restored typing line back, unsent, with its classification."""
        if line is None:
            return
        self.text.setText(line.text)
        for combo, value in (
            (self.kind, line.kind),
            (self.topic, line.topic_id),
            (self.question, line.question_id),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.objectives.setText(", ".join(str(n) for n in line.gcm_objectives))

    def set_points(self, points: list[EntryPoint]) -> None:
        """The points of another intervention (a new one, an edited one): classification
        starts afresh, see the module's docstring."""
        self._points = [EntryPoint(**vars(p)) for p in points]
        self._editing = None
        self.text.clear()
        self.objectives.clear()
        self.reset_classification()
        self._refresh_list()

    def reset_classification(self) -> None:
        for combo in (self.kind, self.topic, self.question):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def _refresh_list(self) -> None:
        self.list.clear()
        topics = {t.id: t.name for t in self.topics}
        numbers = {q.id: n for n, q in enumerate(self.questions, start=1)}
        for point in self._points:
            tags = [label(POINT_KINDS, point.kind)]
            if point.topic_id in topics:
                tags.append(isolate(topics[point.topic_id]))
            if point.question_id in numbers:
                tags.append(_("Q{number}").format(number=format_number(numbers[point.question_id])))
            self.list.addItem(f"[{' · '.join(tags)}] {isolate(point.text)}")

    def retranslate_ui(self) -> None:
        self.text.setPlaceholderText(
            _("Type a point, then {key} to add it").format(key=key_text("Return"))
        )
        self.objectives.setPlaceholderText(_("GCM objectives"))
        self.objectives.setToolTip(_("Numbers of the GCM objectives, e.g. 7, 8, 23"))
        for widget, name in (
            (self.text, _("Point being typed")),
            (self.kind, _("Kind of point")),
            (self.topic, _("Topic of the point")),
            (self.question, _("Guiding question the point answers")),
            (self.objectives, _("GCM objectives of the point")),
            (self.list, _("Points of this intervention")),
        ):
            name_control(widget, name)
        self.kind.setAccessibleDescription(
            comma_join(
                f"{kind_shortcut(n)} {label(POINT_KINDS, k)}" for n, k in enumerate(KIND_KEYS, 1)
            )
        )
        self._fill_combos()
        # Keys stay outside the translated texts: "Ctrl+1 Challenge" reads right in every
        # language, and Qt translates the key names itself.
        comma = _(", ")  # «، » in Arabic: lists are joined with the language's own comma
        kinds = comma.join(
            f"{isolate(kind_shortcut(n))} {label(POINT_KINDS, k)}"
            for n, k in enumerate(KIND_KEYS, start=1)
        )
        topics = comma.join(
            f"{isolate(topic_shortcut(n))} {isolate(t.name)}"
            for n, t in enumerate(self.topics[:9], start=1)
        )
        parts = [kinds]
        if topics:
            parts.append(topics)
        parts.append(_("next guiding question: {key}").format(key=isolate(native_key("Ctrl+G"))))
        self.hint.setText(" · ".join(parts))
        self._refresh_list()
