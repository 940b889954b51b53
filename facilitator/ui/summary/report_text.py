"""Two parts of the Summary tab that shape the report's text: the narrative of the chosen
topic (its lead and free paragraphs, nested bullets, footnotes and links, in the small
Markdown subset of domain/narrative.py) and whom the report names for the chosen take-away.

Both edit through facilitator.app.summary, one undo step each, and show what the file holds.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import summary as app
from facilitator.app.record_undo import RecordStep
from facilitator.domain import model as m
from facilitator.domain.vocab import ATTRIBUTIONS, NARRATIVE
from facilitator.i18n import _

# What the Chatham House Rule leaves to choose: nobody, or the stakeholder group.
CHATHAM_CHOICES = ("", "none", "group")


class NarrativeEditor(QWidget):
    """The narrative of one topic of the session; "No topic": the paragraphs before them."""

    def __init__(self, run: Callable[[RecordStep], bool]) -> None:
        super().__init__()
        self.run = run
        self.doc = None
        self.content: m.SessionContent | None = None
        self.topic_id: str | None = None
        self.caption = QLabel()
        self.edit = QPlainTextEdit(objectName="topicNarrative")
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(110)
        self.caption.setBuddy(self.edit)
        self.save_button = QPushButton(objectName="saveNarrative")
        self.save_button.clicked.connect(self.save)
        self.hint = QLabel(objectName="narrativeHint")
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.caption, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint)
        self.retranslate_ui()

    def show_for(self, doc, content: m.SessionContent, topic_id: str | None) -> None:
        """Show the topic's narrative, unless the person is typing in it (never lose words)."""
        same = (
            self.content is not None
            and content.session.id == self.content.session.id
            and topic_id == self.topic_id
        )
        self.doc, self.content, self.topic_id = doc, content, topic_id
        stored = app.narrative(content, topic_id)
        if same and self.edit.toPlainText() != stored and self.edit.document().isModified():
            return
        self.edit.setPlainText(stored)
        self.edit.document().setModified(False)
        self.retranslate_ui()

    def save(self) -> None:
        if self.doc is None or self.content is None:
            return
        text = self.edit.toPlainText()
        if text == app.narrative(self.content, self.topic_id):
            return
        step = app.set_narrative(self.doc, self.content.session.id, self.topic_id, text)
        if self.run(step):
            self.edit.document().setModified(False)

    def retranslate_ui(self) -> None:
        self.caption.setText(
            _("&Opening paragraphs, before the topics")
            if self.topic_id is None
            else _("&Lead and paragraphs of this topic")
        )
        self.save_button.setText(_("Save text"))
        self.hint.setText(
            _(
                "One paragraph per line. “- ” starts a bullet (indent by two spaces to nest "
                "it), [text](https://…) is a link, [^1] refers to a footnote written on its "
                "own line as “[^1]: text”. Anything else is printed as typed."
            )
        )


class AttributionBox(QComboBox):
    """Whom the report names for the chosen take-away, within what the rules allow."""

    def __init__(self, run: Callable[[RecordStep], bool]) -> None:
        super().__init__(objectName="takeawayAttribution")
        self.run = run
        self.doc = None
        self.session_id = ""
        self.takeaway: m.Takeaway | None = None
        self.activated.connect(self._chosen)
        self.setEnabled(False)

    def show_for(self, doc, content: m.SessionContent | None, takeaway: m.Takeaway | None) -> None:
        self.doc, self.takeaway = doc, takeaway
        self.session_id = content.session.id if content else ""
        chatham = bool(content and content.session.chatham_house)
        codes = CHATHAM_CHOICES if chatham else tuple(ATTRIBUTIONS)
        self.blockSignals(True)
        self.clear()
        for code in codes:
            self.addItem(_(ATTRIBUTIONS[code]), code)
        current = takeaway.attribution if takeaway else ""
        found = self.findData(current if current in codes else "group" if current else "")
        self.setCurrentIndex(max(found, 0))
        self.blockSignals(False)
        self.setEnabled(takeaway is not None and takeaway.kind != NARRATIVE)

    def _chosen(self, _index: int) -> None:
        code = self.currentData()
        if self.doc is None or self.takeaway is None or code == self.takeaway.attribution:
            return
        self.run(app.set_attribution(self.doc, self.session_id, self.takeaway.id, code))

    def retranslate_ui(self) -> None:
        for n in range(self.count()):
            self.setItemText(n, _(ATTRIBUTIONS[self.itemData(n)]))
