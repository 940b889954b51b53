"""Participants of the series: who registered for and attended the session, add, edit,
merge duplicates, import a registration list; and the participation figures, computed.

The Participants menu that opens it is `facilitator.ui.participants.menu`.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import participants as app
from facilitator.app.record_undo import RecordStep
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet
from facilitator.domain.text import fold
from facilitator.domain.vocab import GENDERS, ROLES, STAKEHOLDER_GROUPS, label
from facilitator.errors import FacilitatorError
from facilitator.i18n import _, format_number, ngettext, pgettext
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.common.select_row import select_row
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.participants.editor import ParticipantEditor, Registration
from facilitator.ui.participants.roster_import import RosterImportDialog

COLUMNS = (
    "name",
    "title",
    "organisation",
    "group",
    "country",
    "gender",
    "email",
    "registered",
    "attended",
    "role",
)
ID_ROLE = Qt.ItemDataRole.UserRole


class ParticipantsDialog(Retranslating, QDialog):
    def __init__(
        self,
        signals: DocumentSignals,
        series_id: str,
        session: m.Session | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("participantsDialog")
        self.signals, self.series_id, self.session = signals, series_id, session
        self.people: list[m.Participant] = []
        self.roles: dict[str, m.SessionRole] = {}
        self.duplicates: list[list[m.Participant]] = []
        self.resize(1000, 600)
        self.search = QLineEdit(objectName="participantSearch")
        self.search.textChanged.connect(self._apply_search)
        self.table = QTableWidget(0, len(COLUMNS), objectName="participantsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._checked)
        self.table.itemActivated.connect(lambda _item: self.edit_selected())
        self.figures = QLabel(objectName="participationFigures")
        self.figures.setWordWrap(True)
        self.status = QLabel(objectName="participantsStatus")
        self.status.setWordWrap(True)
        self.buttons = {
            name: QPushButton(objectName=name)
            for name in (
                "addParticipant",
                "editParticipant",
                "mergeParticipants",
                "findDuplicates",
                "importRoster",
                "closeParticipants",
            )
        }
        self.buttons["addParticipant"].clicked.connect(self.add)
        self.buttons["editParticipant"].clicked.connect(self.edit_selected)
        self.buttons["mergeParticipants"].clicked.connect(self.merge_selected)
        self.buttons["findDuplicates"].clicked.connect(self.find_duplicates)
        self.buttons["importRoster"].clicked.connect(self.import_roster)
        self.buttons["closeParticipants"].clicked.connect(self.accept)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.figures)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.retranslate_ui()
        signals.changed.connect(self.document_changed)

    # --- reading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the participants again; skipped quietly when the file has been closed, since
        this runs inside Qt events (show, language change) that must never raise."""
        try:
            self._reload()
        except sqlite3.Error:
            pass

    def document_changed(self, changes: ChangeSet) -> None:
        """An edit here, an undo, a merge or another program changed people or roles."""
        if self.isVisible() and changes.touches(*app.SHOWN_KINDS):  # showEvent reads too
            self.reload()

    def _reload(self) -> None:
        doc = self.signals.doc
        if doc is None:  # the file was closed under the dialog
            return
        self.people = app.list_participants(doc, self.series_id)
        self.roles = app.session_roles(doc, self.session.id) if self.session else {}
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.people))
        for row, person in enumerate(self.people):
            self._fill_row(row, person)
        self.table.blockSignals(False)
        self.table.setColumnHidden(COLUMNS.index("registered"), self.session is None)
        self.table.setColumnHidden(COLUMNS.index("attended"), self.session is None)
        self.table.setColumnHidden(COLUMNS.index("role"), self.session is None)
        self._apply_search()
        self._show_figures()
        self.table.resizeColumnsToContents()
        for column in range(len(COLUMNS)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))

    def _fill_row(self, row: int, person: m.Participant) -> None:
        role = self.roles.get(person.id)
        texts = {
            "name": person.name,
            "title": person.title,
            "organisation": person.organisation,
            "group": label(STAKEHOLDER_GROUPS, person.stakeholder_group),
            "country": person.country,
            "gender": label(GENDERS, person.gender),
            "email": person.email,
            "role": label(ROLES, role.role) if role else "",
        }
        for column, name in enumerate(COLUMNS):
            item = QTableWidgetItem(texts.get(name, ""))
            item.setData(ID_ROLE, person.id)
            if name in ("registered", "attended"):
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                on = role is not None and (name == "registered" or role.attended)
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.table.setItem(row, column, item)

    def _apply_search(self) -> None:
        key = fold(self.search.text())
        for row, person in enumerate(self.people):
            haystack = fold(
                " ".join((person.name, person.organisation, person.country, person.email))
            )
            self.table.setRowHidden(row, bool(key) and key not in haystack)

    def _show_figures(self) -> None:
        if self.session is None:
            self.figures.setText(
                ngettext(
                    "{count} participant in the series.",
                    "{count} participants in the series.",
                    len(self.people),
                ).format(count=format_number(len(self.people)))
            )
            return
        f = app.figures(self.signals.doc, self.series_id, self.session.id)
        # "label: number" pieces, each translated on its own (no plural forms to get wrong)
        parts = [
            _("Registered: {count}").format(count=format_number(f.registered)),
            _("Participants: {count}").format(count=format_number(f.attended)),
            _("Member States: {count}").format(count=format_number(f.member_states)),
            _("Civil society organizations: {count}").format(count=format_number(f.cso)),
        ]
        for code, n in sorted(f.by_gender.items()):
            name = label(GENDERS, code) if code else _("Gender not stated")
            parts.append(_("{label}: {count}").format(label=name, count=format_number(n)))
        self.figures.setText(" · ".join(parts))

    # --- writing -----------------------------------------------------------------------

    def _run(self, step: RecordStep) -> bool:
        """One edit through the window's signals (every page hears of it; Edit > Undo)."""
        try:
            self.signals.run(step.operation, undo=step)
        except (sqlite3.Error, FacilitatorError) as error:
            message = str(error)
            if isinstance(error, sqlite3.Error):
                message = app.describe_write_error(error)
            self.status.setText(message)
            self.status.setStyleSheet("color: #b00020;")
            self.reload()  # show the file as it is, not the tick that failed
            return False
        self.status.setStyleSheet("")
        return True

    def _checked(self, item: QTableWidgetItem) -> None:
        name = COLUMNS[item.column()]
        if name not in ("registered", "attended") or self.session is None:
            return
        person_id, on = item.data(ID_ROLE), item.checkState() == Qt.CheckState.Checked
        doc, session_id = self.signals.doc, self.session.id
        if name == "attended":
            step = app.set_registration(doc, self.series_id, session_id, person_id, attended=on)
        else:
            step = app.set_registration(doc, self.series_id, session_id, person_id, registered=on)
        self._run(step)

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.people[r].id for r in rows if not self.table.isRowHidden(r)]

    def add(self) -> None:
        self._edit(m.Participant(self.series_id, ""), new=True)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        person = next((p for p in self.people if ids and p.id == ids[0]), None)
        if person is not None:
            self._edit(person, new=False)

    def _edit(self, person: m.Participant, new: bool) -> None:
        role = self.roles.get(person.id)
        registration = None
        if self.session is not None:
            registration = Registration(
                role is not None, bool(role and role.attended), role.role if role else "participant"
            )
        editor = ParticipantEditor(person, registration, self)
        if editor.exec() != QDialog.DialogCode.Accepted:
            return
        values, wanted = editor.values(), editor.registration()
        step = app.save_participant(
            self.signals.doc,
            person,
            values,
            new=new,
            session_id=self.session.id if self.session else None,
            registration=(wanted.registered, wanted.attended, wanted.role) if wanted else None,
        )
        if self._run(step):
            self.status.setText(_("Saved."))

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) < 2:
            self.status.setText(_("Select two or more records of the same person to merge."))
            return
        chosen = [p for p in self.people if p.id in ids]
        keep = max(chosen, key=lambda p: sum(bool(getattr(p, f)) for f in app.FILLABLE))
        answer = QMessageBox.question(
            self,
            _("Merge duplicates"),
            _(
                "Merge {count} records into “{name}”? Their interventions and registrations "
                "move to it."
            ).format(count=format_number(len(ids)), name=keep.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._run(app.merge_participants(self.signals.doc, self.series_id, keep.id, ids)):
            self.status.setText(_("Merged into “{name}”.").format(name=keep.name))

    def find_duplicates(self) -> None:
        self.duplicates = app.duplicate_groups(self.signals.doc, self.series_id)
        self.table.clearSelection()
        if not self.duplicates:
            self.status.setText(_("No duplicates found."))
            return
        self.search.clear()
        first = {p.id for p in self.duplicates[0]}
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row, person in enumerate(self.people):
            if person.id in first:
                select_row(self.table, row, keep=True)
        self.table.setSelectionMode(mode)
        self.status.setText(
            _(
                "{count} people seem to be recorded more than once; the first is selected: "
                "check it, then Merge selected."
            ).format(count=format_number(len(self.duplicates)))
        )

    def import_roster(self) -> None:
        dialog = RosterImportDialog(self.signals, self.series_id, self.session, parent=self)
        dialog.exec()
        dialog.deleteLater()

    def showEvent(self, event) -> None:  # noqa: N802
        self.reload()
        super().showEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Participants"))
        self.search.setPlaceholderText(_("Find by name, organization, country or e-mail…"))
        headers = [
            _("Name"),
            _("Title"),
            pgettext("the organization a participant belongs to", "Organization"),
            _("Stakeholder group"),
        ]
        headers += [_("Country"), _("Gender"), _("E-mail"), _("Registered"), _("Attended")]
        headers.append(_("Role"))
        self.table.setHorizontalHeaderLabels(headers)
        texts = {
            "addParticipant": _("Add…"),
            "editParticipant": _("Edit…"),
            "mergeParticipants": _("Merge selected"),
            "findDuplicates": _("Find duplicates"),
            "importRoster": _("Import a registration list…"),
            "closeParticipants": _("Close"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        if self.people:
            self.reload()
