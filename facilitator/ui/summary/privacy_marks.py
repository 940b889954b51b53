"""Marks in the Summary tab on the take-aways and points whose words name someone who must
stay hidden (or, under the Chatham House Rule, anyone, or an identifying affiliation): a
warning icon and a tooltip with what the export will read, so the rapporteur can rephrase;
and one line above the lists that says how many and what the app cannot know."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QListWidget, QStyle

from facilitator.domain import summary
from facilitator.domain.privacy import Change
from facilitator.i18n import _, format_number, ngettext
from facilitator.ui.common.lists import comma_join

ID_ROLE = Qt.ItemDataRole.UserRole  # where the page keeps each line's id


def _tooltip(change: Change) -> str:
    return _("Names someone who must stay hidden ({found}); the export reads: {text}").format(
        found=comma_join(dict.fromkeys(change.found)), text=change.after
    )


def _mark_list(widget: QListWidget, marks: dict[str, Change], ids: list[str] | None = None):
    icon = widget.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    blocked = widget.blockSignals(True)  # a new icon is no edit of the line
    for n in range(widget.count()):
        item = widget.item(n)
        key = ids[n] if ids is not None and n < len(ids) else item.data(ID_ROLE)
        change = marks.get(key)
        item.setIcon(icon if change else QIcon())
        item.setToolTip(_tooltip(change) if change else "")
    widget.blockSignals(blocked)


def note(page) -> QLabel:
    """The line above the lists, made once and put under the topic row."""
    label = page.findChild(QLabel, "summaryPrivacyNote")
    if label is None:
        label = QLabel(page, objectName="summaryPrivacyNote", wordWrap=True)
        page.layout().insertWidget(1, label)
    return label


def mark_page(page) -> None:
    """Mark the lists and the linked points of `page` (a SummaryPage) from what it read."""
    if page.content is None:
        return
    from facilitator.app import privacy  # on first use: see app/exports.py

    marks = privacy.marks_for(page.content, page.participants, page.topics)
    page.privacy_marks = marks
    for widget in page.lists.values():
        _mark_list(widget, marks)
    takeaways = [t for t in page.content.takeaways if t.id in marks]
    label = note(page)
    label.setVisible(bool(takeaways))
    if takeaways:
        label.setText(
            ngettext(
                "⚠ {count} take-away names someone who must stay hidden; exports will read "
                "“[…]” there. Rephrase it if you can.",
                "⚠ {count} take-aways name someone who must stay hidden; exports will read "
                "“[…]” there. Rephrase them if you can.",
                len(takeaways),
            ).format(count=format_number(len(takeaways)))
            + " "
            + _(privacy.CANNOT_KNOW)
        )
    mark_linked(page)


def mark_linked(page) -> None:
    """The points listed under the current take-away, in the order the page lists them."""
    current = page.current()
    marks = getattr(page, "privacy_marks", {})
    if current is None or page.content is None:
        return
    found = summary.provenance(current, page.content, page.participants)
    _mark_list(page.linked, marks, list(found.point_ids))
