"""The summary editor, a tab of the session: the rapporteur's take-aways per topic, as the
lists Challenges / Promising practices / Recommendations / Pledges of the seed report.

Start from a draft proposed from the classified points, then edit a line (double-click or
F2), reorder (drag and drop, or Ctrl+Up / Ctrl+Down), link it to the points it summarises, and
see where it came from. Every change is one operation through the window's signals
(facilitator.app.summary), committed before the list shows it and undone with Edit > Undo;
the page reads the file again whenever it is told that what it shows changed.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import summary as app
from facilitator.app.document import Document
from facilitator.app.record_undo import RecordStep
from facilitator.domain import model as m
from facilitator.domain import summary
from facilitator.domain.changes import ChangeSet
from facilitator.domain.vocab import POINT_KIND_HEADINGS, POINT_KINDS, STAKEHOLDER_GROUPS, label
from facilitator.errors import FacilitatorError
from facilitator.i18n import _, format_number, ngettext
from facilitator.ui.common.bidi import FSI, PDI, isolate
from facilitator.ui.common.errors import show_error
from facilitator.ui.common.keys import key_text
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.summary import privacy_marks
from facilitator.ui.summary.kind_list import ID, KindList
from facilitator.ui.summary.link_points_dialog import LinkPointsDialog
from facilitator.ui.summary.report_text import AttributionBox, NarrativeEditor


def plain(shown: str) -> str:
    """A line's words without the isolation marks the list wraps them in."""
    return shown.replace(FSI, "").replace(PDI, "").strip()


class SummaryPage(Retranslating, QWidget):
    def __init__(self, signals: DocumentSignals) -> None:
        super().__init__()
        self.setObjectName("summaryPage")
        self.signals = signals
        self.doc: Document | None = None
        self.content: m.SessionContent | None = None
        self.topics: list[m.Topic] = []
        self.participants: list[m.Participant] = []
        self.topic_label = QLabel()
        self.topic_box = QComboBox()
        self.topic_box.setObjectName("summaryTopic")
        self.topic_box.currentIndexChanged.connect(lambda _n: self.refresh())
        self.propose_button = QPushButton(objectName="proposeButton")
        self.propose_button.clicked.connect(self.propose)
        self.export_button = QPushButton(objectName="summaryExportButton")
        self.export_button.clicked.connect(self.export)
        self.translations_button = QPushButton(objectName="summaryTranslationsButton")
        self.translations_button.clicked.connect(self.open_translations)
        top = QHBoxLayout()
        top.addWidget(self.topic_label)
        top.addWidget(self.topic_box, 1)
        top.addWidget(self.propose_button)
        top.addWidget(self.translations_button)
        top.addWidget(self.export_button)

        self.lists: dict[str, KindList] = {}
        self.boxes: dict[str, QGroupBox] = {}
        grid = QGridLayout()
        for n, kind in enumerate(summary.SUMMARY_KINDS):
            box, lst = QGroupBox(), KindList(kind)
            QVBoxLayout(box).addWidget(lst)
            lst.itemChanged.connect(self._edited)
            lst.model().rowsMoved.connect(lambda *_a, k=kind: self._save_order(k))
            lst.move_requested.connect(lambda step, k=kind: self.move(k, step))
            lst.currentItemChanged.connect(lambda cur, _prev, k=kind: self._selected(k, cur))
            grid.addWidget(box, n // 2, n % 2)
            self.lists[kind], self.boxes[kind] = lst, box
        self.active_kind = summary.SUMMARY_KINDS[0]

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, slot in (
            ("add", self.add),
            ("link", self.open_link_dialog),
            ("up", lambda: self.move(None, -1)),
            ("down", lambda: self.move(None, 1)),
            ("remove", self.remove),
        ):
            button = QPushButton(objectName=f"summary_{name}")
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        # Whom the report names for the chosen line; the topic's narrative (report_text.py).
        self.attribution_label = QLabel()
        self.attribution = AttributionBox(self._run)
        self.attribution_label.setBuddy(self.attribution)
        row.addWidget(self.attribution_label)
        row.addWidget(self.attribution)
        self.narrative = NarrativeEditor(self._run)
        self.provenance = QLabel(objectName="provenance")
        self.provenance.setWordWrap(True)
        self.linked = QListWidget(objectName="linkedPoints")
        self.linked.setWordWrap(True)
        self.linked.setMaximumHeight(110)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.narrative)
        layout.addLayout(grid, 1)
        layout.addLayout(row)
        layout.addWidget(self.provenance)
        layout.addWidget(self.linked)
        self.retranslate_ui()

    # --- SessionPage -------------------------------------------------------------------------

    def page_title(self) -> str:
        return _("Summary")

    def set_session(self, doc: Document, content: m.SessionContent) -> None:
        self.doc, self.content = doc, content
        self._load()
        self._fill_topics()

    def document_changed(self, changes: ChangeSet) -> None:
        """Read again what the page shows when the file changed under it (an edit here or on
        another page, an undo, a merge, another program)."""
        if self.doc is None or self.content is None or not changes.touches(*app.SHOWN_KINDS):
            return
        self._load()
        if changes.touches("topic"):
            self._fill_topics()
        else:
            self.refresh()

    def _load(self) -> None:
        """The session's points, interventions, take-aways, topics and people, read now."""
        series_id = self.content.session.series_id
        fresh = app.session_content(self.doc, self.content.session.id)
        if fresh is not None:
            self.content = fresh
        self.topics = app.topics(self.doc, series_id)
        self.participants = app.participants(self.doc, series_id)

    def _fill_topics(self) -> None:
        current = self.topic_box.currentData()
        self.topic_box.blockSignals(True)
        self.topic_box.clear()
        for topic in self.topics:
            self.topic_box.addItem(isolate(topic.name), topic.id)
        self.topic_box.addItem(_("No topic"), None)
        found = self.topic_box.findData(current)
        self.topic_box.setCurrentIndex(found if found >= 0 and current is not None else 0)
        self.topic_box.blockSignals(False)
        self.refresh()

    # --- reading ---------------------------------------------------------------------------

    def topic_id(self) -> str | None:
        return self.topic_box.currentData()

    def _shown(self, kind: str) -> list[m.Takeaway]:
        topic_ids = {t.id for t in self.topics}
        return [
            t
            for t in sorted(self.content.takeaways, key=lambda t: t.position)
            if t.kind == kind
            and (t.topic_id if t.topic_id in topic_ids else None) == self.topic_id()
        ]

    def refresh(self) -> None:
        """Show the take-aways of the chosen topic. A list that already shows what the file
        holds (the line just typed, the row just dragged) is left alone, so no list is rebuilt
        inside its own edit or drop."""
        if self.content is None:
            return
        current = self.current()
        for kind, lst in self.lists.items():
            wanted = self._shown(kind)
            showing = [
                (lst.item(n).data(ID), plain(lst.item(n).text())) for n in range(lst.count())
            ]
            if showing == [(t.id, t.text) for t in wanted]:
                continue
            lst.blockSignals(True)
            lst.clear()
            for takeaway in wanted:
                item = QListWidgetItem(isolate(takeaway.text))
                item.setData(ID, takeaway.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                lst.addItem(item)
                if current is not None and takeaway.id == current.id:
                    lst.setCurrentItem(item)
            lst.blockSignals(False)
        self._show_provenance(self.current())
        privacy_marks.mark_page(self)
        self.narrative.show_for(self.doc, self.content, self.topic_id())

    def current(self) -> m.Takeaway | None:
        item = self.lists[self.active_kind].currentItem()
        if item is None or self.content is None:
            return None
        return next((t for t in self.content.takeaways if t.id == item.data(ID)), None)

    def _selected(self, kind: str, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.active_kind = kind
        self._show_provenance(self.current() if item is not None else None)

    def _show_provenance(self, takeaway: m.Takeaway | None) -> None:
        self.attribution.show_for(self.doc, self.content, takeaway)
        self.linked.clear()
        if takeaway is None or self.content is None:
            self.provenance.setText(_("Select a take-away to see where it came from."))
            return
        found = summary.provenance(takeaway, self.content, self.participants)
        groups = _(", ").join(
            _("{group} ({count})").format(
                group=label(STAKEHOLDER_GROUPS, g), count=format_number(n)
            )
            for g, n in found.stakeholder_groups.items()
        )
        count = len(found.intervention_ids)
        text = ngettext("From {count} intervention", "From {count} interventions", count).format(
            count=format_number(count)
        )
        self.provenance.setText(
            _("{source}: {groups}").format(source=text, groups=groups) if groups else text
        )
        points = {p.id: p for p in self.content.points}
        for point_id in found.point_ids:
            self.linked.addItem(isolate(points[point_id].text))
        privacy_marks.mark_linked(self)

    # --- changes (each one operation, committed before it is shown, undone with Ctrl+Z) -----

    def _run(self, step: RecordStep) -> bool:
        """Run one edit through the window's signals: every page hears of it."""
        try:
            self.signals.run(step.operation, undo=step)
        except sqlite3.Error as error:
            show_error(self, FacilitatorError(app.describe_write_error(error)))
        except FacilitatorError as error:
            show_error(self, error)
        else:
            return True
        self.refresh()  # the lists show the file again, not the edit that failed
        return False

    def _edited(self, item: QListWidgetItem) -> None:
        # Shown isolated (its own direction in either layout); the marks are not the user's.
        text = plain(item.text())
        stored = next((t for t in self.content.takeaways if t.id == item.data(ID)), None)
        if stored is None:
            return
        if not text:  # an emptied line keeps its words; remove it with Remove
            item.listWidget().blockSignals(True)
            item.setText(isolate(stored.text))
            item.listWidget().blockSignals(False)
            return
        if text != stored.text:
            self._run(app.set_text(self.doc, self.content.session.id, stored.id, text))

    def _save_order(self, kind: str) -> None:
        ids = self.lists[kind].ids()
        if ids != [t.id for t in self._shown(kind)]:
            self._run(app.set_order(self.doc, self.content.session.id, ids))

    def move(self, kind: str | None, step: int) -> None:
        kind = kind or self.active_kind
        lst = self.lists[kind]
        row = lst.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < lst.count():
            return
        lst.blockSignals(True)
        lst.insertItem(target, lst.takeItem(row))
        lst.setCurrentRow(target)
        lst.blockSignals(False)
        self._save_order(kind)
        lst.setFocus()

    def add(self) -> None:
        if self.content is None:
            return
        takeaway = m.Takeaway(
            self.content.session.id, _("New take-away"), self.active_kind, self.topic_id()
        )
        if not self._run(app.add(self.doc, takeaway)):
            return
        lst = self.lists[self.active_kind]
        item = next(
            (lst.item(n) for n in range(lst.count()) if lst.item(n).data(ID) == takeaway.id), None
        )
        if item is not None:
            lst.setCurrentItem(item)
            lst.editItem(item)

    def remove(self) -> None:
        takeaway = self.current()
        if takeaway is not None:
            self._run(app.remove(self.doc, self.content.session.id, takeaway.id))

    def open_link_dialog(self) -> LinkPointsDialog | None:
        takeaway = self.current()
        if takeaway is None:
            return None
        self._load()  # the points logged until now, not those of when the page was filled
        takeaway = next((t for t in self.content.takeaways if t.id == takeaway.id), takeaway)
        dialog = LinkPointsDialog(self, self.content.points, takeaway.point_ids)
        dialog.accepted.connect(lambda: self.link(takeaway.id, dialog.chosen()))
        dialog.open()
        return dialog

    def link(self, takeaway_id: str, point_ids: list[str]) -> None:
        self._run(app.link(self.doc, self.content.session.id, takeaway_id, point_ids))

    def propose(self) -> None:
        if self.content is None:
            return
        session_id = self.content.session.id
        if any(t.kind in POINT_KINDS for t in app.takeaways(self.doc, session_id)):
            answer = QMessageBox.question(
                self,
                _("Propose take-aways"),
                _("Replace the take-aways of this session with a new draft from the points?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        topic_order = [t.id for t in app.topics(self.doc, self.content.session.series_id)]
        self._run(app.propose(self.doc, session_id, topic_order))

    def export(self) -> None:
        from facilitator.ui.files.export_dialog import ExportDialog

        if self.doc is not None and self.content is not None:
            ExportDialog(self.window(), self.doc, self.content.session.id).open()

    def open_translations(self):
        """The side-by-side view of the session's texts and their versions in other languages."""
        from facilitator.ui.summary.translations_view import TranslationsDialog

        if self.doc is None or self.content is None:
            return None
        dialog = TranslationsDialog(self.window(), self.signals, self.doc, self.content.session.id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # not modal: the Summary tab stays usable beside it
        return dialog

    def retranslate_ui(self) -> None:
        self.topic_label.setText(_("Topic:"))
        self.translations_button.setText(_("Translations…"))
        self.translations_button.setToolTip(
            _("Each text of the summary beside its version in another export language")
        )
        self.propose_button.setText(_("Propose from the points"))
        self.propose_button.setToolTip(
            _("A draft of take-aways from the classified points, similar points gathered")
        )
        self.export_button.setText(_("Export…"))
        for kind, box in self.boxes.items():
            box.setTitle(label(POINT_KIND_HEADINGS, kind))
            self.lists[kind].setToolTip(
                _("Double-click to edit; drag, or {up} and {down}, to reorder").format(
                    up=key_text("Ctrl+Up"), down=key_text("Ctrl+Down")
                )
            )
        texts = {
            "add": _("Add"),
            "link": _("Link to points…"),
            "up": _("Move up"),
            "down": _("Move down"),
            "remove": _("Remove"),
        }
        for name, button in self.buttons.items():
            button.setText(texts[name])
        self.attribution_label.setText(_("&Name in the report:"))
        self.attribution.retranslate_ui()
        self.narrative.retranslate_ui()
        if self.topics:
            self._fill_topics()
        else:
            self._show_provenance(None)
