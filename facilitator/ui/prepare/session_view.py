"""The session page of the main window: details, agenda and guiding questions."""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.objectives import objective_short
from facilitator.domain.vocab import AUDIENCES, FORMATS, label
from facilitator.i18n import _, format_date, format_number, format_time, get_language, language_name
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.prepare.agenda_model import AgendaModel


def session_when(session: m.Session) -> str:
    """'23 March 2023, 15:00 (Europe/Zurich)' in the interface language."""
    if not session.date:
        return _("Date not set")
    day = dt.date.fromisoformat(session.date)
    text = format_date(day)
    if session.start_time:
        hour, minute = (int(x) for x in session.start_time.split(":"))
        moment = dt.datetime.combine(day, dt.time(hour, minute))
        try:
            zone = ZoneInfo(session.timezone)
            moment = moment.replace(tzinfo=zone)
            text = _("{date}, {time} ({zone})").format(
                date=text, time=format_time(moment, tzinfo=zone), zone=session.timezone
            )
        except (ZoneInfoNotFoundError, ValueError):
            text = _("{date}, {time}").format(date=text, time=format_time(moment))
    return text


class SessionPage(Protocol):
    """A tab of the session view (overview, timer, notes, summary...).

    A page may also define `document_changed(changes: ChangeSet)`: it is called with every
    change set of the open file (own writes, merges, other programs), to redraw what changed."""

    def set_session(self, doc: Document, content: m.SessionContent) -> None: ...

    def page_title(self) -> str: ...


class SessionView(Retranslating, QWidget):
    """Tabs over one session: the overview below, then the pages added with add_page."""

    def __init__(self, signals: DocumentSignals) -> None:
        super().__init__()
        self.signals = signals
        self.content: m.SessionContent | None = None
        self.title = QLabel()
        self.title.setObjectName("sessionTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.details_box = QGroupBox()
        self.details = QFormLayout(self.details_box)
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.agenda_box = QGroupBox()
        self.agenda_model = AgendaModel()
        self.agenda = QTableView()
        self.agenda.setObjectName("agendaTable")
        self.agenda.setModel(self.agenda_model)
        self.agenda.verticalHeader().hide()
        self.agenda.setWordWrap(True)
        header = self.agenda.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.agenda.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QVBoxLayout(self.agenda_box).addWidget(self.agenda)
        self.questions_box = QGroupBox()
        self.questions = QListWidget()
        self.questions.setObjectName("questionList")
        self.questions.setWordWrap(True)
        self.questions.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QVBoxLayout(self.questions_box).addWidget(self.questions)
        overview = QWidget()
        overview.setObjectName("overviewPage")
        layout = QVBoxLayout(overview)
        layout.addWidget(self.details_box)
        layout.addWidget(self.agenda_box)
        layout.addWidget(self.questions_box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("overview")
        scroll.setWidgetResizable(True)
        scroll.setWidget(overview)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sessionTabs")
        self.tabs.addTab(scroll, "")
        self.pages: list[QWidget] = []
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addWidget(self.tabs)
        self.retranslate_ui()

    def add_page(self, page: QWidget) -> None:
        """Add a SessionPage as a tab; it is told of every session shown."""
        self.pages.append(page)
        self.tabs.addTab(page, page.page_title())  # type: ignore[attr-defined]
        if hasattr(page, "document_changed"):
            self.signals.changed.connect(page.document_changed)

    def show_session(self, content: m.SessionContent | None, doc: Document | None = None) -> None:
        self.content = content
        self.agenda_model.set_items(content.agenda if content else [])
        self.refresh()
        for page in self.pages:
            page.setEnabled(content is not None)
            if content is not None and doc is not None:
                page.set_session(doc, content)  # type: ignore[attr-defined]

    def refresh(self) -> None:
        content = self.content
        while self.details.rowCount():
            self.details.removeRow(0)
        self.questions.clear()
        if content is None:
            self.title.setText(_("No session selected"))
            return
        s = content.session
        self.title.setText(s.title)
        self.title.setToolTip(s.subtitle)
        lang = get_language()
        rows = [
            (_("Theme"), s.subtitle),
            (_("Date and time"), session_when(s)),
            (_("Format"), label(FORMATS, s.format)),
            (_("Venue and platform"), " · ".join(x for x in (s.venue, s.platform) if x)),
            (
                _("Interpretation"),
                ", ".join(language_name(code, lang) for code in s.interpretation),
            ),
            (_("Audience"), label(AUDIENCES, s.audience)),
            (_("Chatham House Rule"), _("Yes") if s.chatham_house else _("No")),
        ]
        if s.registered is not None:
            rows.append((_("Registered participants"), format_number(s.registered)))
        if s.gcm_objectives:
            rows.append(
                (
                    _("GCM objectives"),
                    "; ".join(
                        f"{format_number(n)}. {objective_short(n, lang)}" for n in s.gcm_objectives
                    ),
                )
            )
        for name, value in rows:
            field = QLabel(value or "—")
            field.setWordWrap(True)
            self.details.addRow(name, field)
        self._fit_heights()
        for n, question in enumerate(content.questions, start=1):
            self.questions.addItem(f"{format_number(n)}. {isolate(question.text)}")

    def _fit_heights(self) -> None:
        """Tables and lists show all their rows; the page scrolls instead of them."""
        self.agenda.resizeRowsToContents()
        rows = sum(self.agenda.rowHeight(r) for r in range(self.agenda_model.rowCount()))
        self.agenda.setFixedHeight(rows + self.agenda.horizontalHeader().height() + 4)
        height = sum(self.questions.sizeHintForRow(r) + 2 for r in range(self.questions.count()))
        self.questions.setFixedHeight(max(height + 6, 40))

    def resizeEvent(self, event) -> None:  # noqa: N802 (rows re-wrap at a new width)
        super().resizeEvent(event)
        self._fit_heights()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, _("Overview"))
        for n, page in enumerate(self.pages, start=1):
            self.tabs.setTabText(n, page.page_title())  # type: ignore[attr-defined]
        self.details_box.setTitle(_("Session"))
        self.agenda_box.setTitle(_("Agenda"))
        self.questions_box.setTitle(_("Guiding questions"))
        self.agenda_model.retranslate()
        self.refresh()
