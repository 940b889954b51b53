"""The session page of the main window: details, agenda and guiding questions."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import model as m
from facilitator.domain.objectives import objective_title
from facilitator.domain.vocab import AUDIENCES, FORMATS, label
from facilitator.i18n import _, format_date, format_number, format_time, get_language, language_name
from facilitator.ui.agenda_model import AgendaModel
from facilitator.ui.retranslate import Retranslating


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


class SessionView(Retranslating, QWidget):
    def __init__(self) -> None:
        super().__init__()
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
        QVBoxLayout(self.agenda_box).addWidget(self.agenda)
        self.questions_box = QGroupBox()
        self.questions = QListWidget()
        self.questions.setObjectName("questionList")
        self.questions.setWordWrap(True)
        QVBoxLayout(self.questions_box).addWidget(self.questions)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details_box)
        layout.addWidget(self.agenda_box, 3)
        layout.addWidget(self.questions_box, 2)
        self.retranslate_ui()

    def show_session(self, content: m.SessionContent | None) -> None:
        self.content = content
        self.agenda_model.set_items(content.agenda if content else [])
        self.refresh()

    def refresh(self) -> None:
        content = self.content
        while self.details.rowCount():
            self.details.removeRow(0)
        self.questions.clear()
        if content is None:
            self.title.setText(_("No session selected"))
            return
        s = content.session
        self.title.setText(s.title if not s.subtitle else f"{s.title}\n{s.subtitle}")
        lang = get_language()
        rows = [
            (_("Date and time"), session_when(s)),
            (_("Format"), label(FORMATS, s.format)),
            (_("Venue and platform"), " · ".join(x for x in (s.venue, s.platform) if x)),
            (_("Interpretation"), ", ".join(language_name(code, lang) for code in s.interpretation)),
            (_("Audience"), label(AUDIENCES, s.audience)),
            (_("Chatham House Rule"), _("Yes") if s.chatham_house else _("No")),
        ]
        if s.registered is not None:
            rows.append((_("Registered participants"), format_number(s.registered)))
        if s.gcm_objectives:
            rows.append(
                (
                    _("GCM objectives"),
                    "\n".join(f"{format_number(n)}. {objective_title(n, lang)}" for n in s.gcm_objectives),
                )
            )
        for name, value in rows:
            field = QLabel(value or "—")
            field.setWordWrap(True)
            self.details.addRow(name, field)
        for n, question in enumerate(content.questions, start=1):
            self.questions.addItem(f"{format_number(n)}. {question.text}")

    def retranslate_ui(self) -> None:
        self.details_box.setTitle(_("Session"))
        self.agenda_box.setTitle(_("Agenda"))
        self.questions_box.setTitle(_("Guiding questions"))
        self.agenda_model.retranslate()
        self.refresh()
