"""The session page of the main window: details, agenda and guiding questions."""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.i18n import _, format_date, format_time
from facilitator.ui.common.quiet_tabs import keep_quiet
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.prepare.lazy_page import LazyPage


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
        # The Overview is the session's editor: details, agenda, guiding questions. Its editors
        # (and their modules) are made when first needed, at the latest when their tab is shown:
        # a window opened on another tab draws its first frame without them.
        self._editors: tuple | None = None
        self.scroll = QScrollArea()
        self.scroll.setObjectName("overview")
        self.scroll.setWidgetResizable(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sessionTabs")
        keep_quiet(self.tabs)  # a label changed on a page repaints that label, not the page
        self.tabs.addTab(self.scroll, "")
        self.pages: list[QWidget] = []
        self._doc: Document | None = None
        self._deferrable: set[QWidget] = set()
        self._stale: set[QWidget] = set()  # deferred pages not yet told of the session shown
        self._overview_stale = False  # the Overview's editors wait for their tab to be shown
        self.tabs.currentChanged.connect(self._tab_shown)
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addWidget(self.tabs)
        self.retranslate_ui()

    # --- the Overview, made when first needed -------------------------------------------------

    def _overview(self) -> tuple:
        if self._editors is None:
            from facilitator.ui.prepare.agenda_editor import AgendaEditor
            from facilitator.ui.prepare.details_editor import SessionDetailsEditor
            from facilitator.ui.prepare.questions_editor import QuestionsEditor
            from facilitator.ui.prepare.roles_editor import RolesEditor

            editors = (
                SessionDetailsEditor(self.signals),
                RolesEditor(self.signals),
                AgendaEditor(self.signals),
                QuestionsEditor(self.signals),
            )
            overview = QWidget()
            overview.setObjectName("overviewPage")
            layout = QVBoxLayout(overview)
            for editor in editors:
                layout.addWidget(editor)
            layout.addStretch(1)
            self.scroll.setWidget(overview)
            self._editors = editors
            self._chain_after_tab(overview)
        return self._editors

    def _chain_after_tab(self, overview: QWidget) -> None:
        """Made last, the editors came last in the window's focus chain: put them back right
        after their tab, where a window made with them has them (the Tab order among shown
        controls is the same either way, but activating a window Qt focuses the first control
        after the one that had the focus, which may be on a hidden tab)."""
        controls, widget = [], overview.nextInFocusChain()
        while widget is not overview and overview.isAncestorOf(widget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                controls.append(widget)
            widget = widget.nextInFocusChain()
        previous = self.scroll
        for control in controls:
            QWidget.setTabOrder(previous, control)
            previous = control

    @property
    def details_box(self):
        return self._overview()[0]

    @property
    def roles_box(self):
        return self._overview()[1]

    @property
    def agenda_box(self):
        return self._overview()[2]

    @property
    def questions_box(self):
        return self._overview()[3]

    @property
    def agenda_model(self):
        return self.agenda_box.model

    @property
    def agenda(self):
        return self.agenda_box.view

    @property
    def questions(self):
        return self.questions_box.view

    def add_page(self, page: QWidget, *, defer: bool = False) -> None:
        """Add a SessionPage as a tab; it is told of every session shown.

        A `defer` page is told only once its tab is shown (while the window is on screen):
        opening a file reads what the first screen shows, not what every tab could show."""
        self.pages.append(page)
        self.tabs.addTab(page, page.page_title())  # type: ignore[attr-defined]
        self._size_to_current()
        if defer:
            self._deferrable.add(page)
        if hasattr(page, "document_changed"):
            self.signals.changed.connect(
                lambda changes, p=page: None if p in self._stale else p.document_changed(changes)
            )

    def show_session(self, content: m.SessionContent | None, doc: Document | None = None) -> None:
        self.content, self._doc = content, doc
        self._stale.clear()
        on_screen = self.window().isVisible()
        # The Overview's editors read the roster (2,000 people in a large series) and the
        # agenda: like the deferred pages, they are told when their tab is shown, and hold
        # nothing meanwhile (not a file that may be closed by then).
        self._overview_stale = on_screen and self.tabs.currentIndex() != 0 and content is not None
        self._tell_overview(None if self._overview_stale else doc, content)
        self.refresh()
        for page in self.pages:
            page.setEnabled(content is not None)
            if content is None or doc is None:
                continue
            if on_screen and page in self._deferrable and self.tabs.currentWidget() is not page:
                self._stale.add(page)  # told when its tab is shown (_tab_shown)
            else:
                page.set_session(doc, content)  # type: ignore[attr-defined]

    def _tell_overview(self, doc: Document | None, content: m.SessionContent | None) -> None:
        if self._editors is None and doc is None:
            return  # not made yet: nothing to clear (made, they start with no session)
        for editor in self._overview():
            editor.set_session(doc, content if doc is not None else None)

    def _tab_shown(self, index: int) -> None:
        if index == 0 and self._overview_stale:
            self._overview_stale = False
            self._tell_overview(self._doc, self.content)
        elif index == 0:
            self._overview()  # shown with no session: its editors, empty
        self._size_to_current()
        page = self.tabs.currentWidget()
        if page in self._stale and self.content is not None and self._doc is not None:
            self._stale.discard(page)
            page.set_session(self._doc, self.content)  # type: ignore[attr-defined]
        elif isinstance(page, LazyPage):
            page.made()  # shown with no session: the page, empty

    def page(self, cls: type) -> QWidget | None:
        """The page of class `cls`, made now if its tab has not been shown yet."""
        for page in self.pages:
            if isinstance(page, LazyPage) and page.is_kind(cls):
                return page.made()
            if isinstance(page, cls):
                return page
        return None

    def show_page(self, cls: type) -> QWidget | None:
        """Bring the tab of the page of class `cls` forward (told of the session, as a click on
        the tab tells it) and return the page."""
        for page in self.pages:
            if (isinstance(page, LazyPage) and page.is_kind(cls)) or isinstance(page, cls):
                self.tabs.setCurrentWidget(page)
                return self.page(cls)
        return None

    def _size_to_current(self) -> None:
        """Only the tab shown counts for the window's minimum size: a tab's stack otherwise
        takes the tallest page's minimum (the Summary's in Arabic made the Timer tab's window
        759 px tall at 1100x720)."""
        current = self.tabs.currentWidget()
        for n in range(self.tabs.count()):
            page = self.tabs.widget(n)
            policy = QSizePolicy.Policy.Preferred if page is current else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.tabs.updateGeometry()

    def refresh(self) -> None:
        content = self.content
        if content is None:
            self.title.setText(_("No session selected"))
            return
        self.title.setText(content.session.title)
        self.title.setToolTip(content.session.subtitle)

    def resizeEvent(self, event) -> None:  # noqa: N802 (rows re-wrap at a new width)
        super().resizeEvent(event)
        if self._editors is not None:
            self.agenda_box.fit_height()
            self.questions_box.fit_height()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, _("Overview"))
        for n, page in enumerate(self.pages, start=1):
            self.tabs.setTabText(n, page.page_title())  # type: ignore[attr-defined]
        for editor in self._editors or ():
            editor.retranslate_ui()
        self.refresh()
