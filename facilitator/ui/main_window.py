"""The main window: a series, its sessions, and the selected session's agenda and questions."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator import __version__, bundled, operations, settings
from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.i18n import LANGUAGES, _, format_date, get_language, language_name
from facilitator.storage import Database, open_file
from facilitator.storage import repository as repo
from facilitator.storage.database import describe_read_error
from facilitator.storage.instance_lock import InstanceLock
from facilitator.ui.application import apply_language
from facilitator.ui.backup_dialog import install_backups
from facilitator.ui.bidi import isolate
from facilitator.ui.errors import show_error
from facilitator.ui.export_dialog import install_export_menu
from facilitator.ui.merge_menu import install_merge_menu
from facilitator.ui.notes_page import NotesPage
from facilitator.ui.participants_dialog import install_participants_menu
from facilitator.ui.questions_page import QuestionsPage
from facilitator.ui.retranslate import Retranslating
from facilitator.ui.session_view import SessionView
from facilitator.ui.stage_window import install_stage_action
from facilitator.ui.summary_page import SummaryPage
from facilitator.ui.timer_page import TimerPage


def file_filter() -> str:
    return _("Facilitator files (*.facilitator *.fac *.sqlite)") + ";;" + _("All files (*)")


class MainWindow(Retranslating, QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.db: Database | None = None
        self.series: m.SeriesContent | None = None
        # Menu entries added by feature modules retranslate through these callables.
        self.extra_retranslations: list = []
        self._lock = InstanceLock(settings.locks_dir(), Path("."))
        self.resize(1100, 720)

        self.sessions = QListWidget()
        self.sessions.setObjectName("sessionList")
        self.sessions.setWordWrap(True)
        self.sessions.currentRowChanged.connect(self._show_session)
        self.series_title = QLabel()
        self.series_title.setObjectName("seriesTitle")
        self.series_title.setWordWrap(True)
        self.series_title.setStyleSheet("font-weight: bold;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.series_title)
        left_layout.addWidget(self.sessions)
        self.session_view = SessionView()
        self._add_session_pages()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.session_view)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 800])

        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(splitter)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self.retranslate_ui()

    def _add_session_pages(self) -> None:
        """The tabs of a session beyond its overview (timer, notes, summary, ...)."""
        self.session_view.add_page(TimerPage(self))
        self.session_view.add_page(NotesPage())
        self.session_view.add_page(QuestionsPage())
        self.session_view.add_page(SummaryPage())

    # --- menus -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.open_action = QAction(self, shortcut=QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_file)
        self.new_action = QAction(self, shortcut=QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_file)
        self.demo_action = QAction(self)
        self.demo_action.triggered.connect(lambda: self.open_path(operations.ensure_demo_file()))
        self.quit_action = QAction(self, shortcut=QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addActions([self.open_action, self.new_action, self.demo_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            # Each language is named in its own language and script, so anyone can find theirs.
            action = QAction(language_name(code), self, checkable=True)
            action.setObjectName(f"language-{code}")
            action.setData(code)
            action.triggered.connect(
                lambda _checked=False, c=code: apply_language(c, remember=True)
            )
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.about)
        self.help_menu.addAction(self.about_action)
        install_backups(self)
        install_merge_menu(self)
        install_participants_menu(self)
        install_stage_action(self)
        install_export_menu(self)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self._window_title())
        self.file_menu.setTitle(_("&File"))
        self.open_action.setText(_("&Open…"))
        self.new_action.setText(_("&New from template…"))
        self.demo_action.setText(_("Open the &demo series"))
        self.quit_action.setText(_("&Quit"))
        self.view_menu.setTitle(_("&View"))
        self.language_menu.setTitle(_("&Language"))
        self.help_menu.setTitle(_("&Help"))
        self.about_action.setText(_("&About Facilitator"))
        if get_language() in self.language_actions:  # not in the pseudo-locale of the tests
            self.language_actions[get_language()].setChecked(True)
        self.empty.setText(
            _(
                "Open a Facilitator file (File > Open), create one from a template (File > New), or open the demo series."
            )
        )
        self.series_title.setText(self.series.series.title if self.series else "")
        for retranslate in self.extra_retranslations:
            retranslate()
        self._fill_sessions()

    def _window_title(self) -> str:
        if self.db is None:
            return _("Facilitator")
        return _("{name} — Facilitator").format(name=self.db.path.name)

    # --- files -------------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Open a Facilitator file"), "", file_filter()
        )
        if name:
            self.open_path(Path(name))

    def new_file(self) -> None:
        names = list(bundled.TEMPLATES)
        labels = [_(bundled.TEMPLATES[n]) for n in names]
        choice, ok = QInputDialog.getItem(self, _("New file"), _("Start from:"), labels, 0, False)
        if not ok:
            return
        target, _filter = QFileDialog.getSaveFileName(
            self, _("Create a Facilitator file"), "", file_filter()
        )
        if not target:
            return
        try:
            operations.new_from_template(target, names[labels.index(choice)])
        except FacilitatorError as error:
            show_error(self, error)
            return
        self.open_path(Path(target))

    def open_path(self, path: Path) -> bool:
        lock = InstanceLock(settings.locks_dir(), Path(path))
        if lock.path == self._lock.path:  # reopening our own file (after a restore, say)
            lock = self._lock
        readonly = not lock.acquire()
        try:
            db = open_file(path, device=settings.device_id(), readonly=readonly)
        except FacilitatorError as error:
            lock.release()
            show_error(self, error)
            return False
        if readonly:
            show_error(
                self,
                FacilitatorError(
                    _(
                        "{path} is already open in another Facilitator window; it is opened read-only here."
                    ).format(path=Path(path).name)
                ),
            )
        try:
            content = repo.load_series(db)
        except sqlite3.Error as error:  # e.g. text that is not UTF-8, written by another tool
            db.close()
            lock.release()
            show_error(self, describe_read_error(Path(path), error))
            return False
        if self.db is not None:
            self.db.close()
        if self._lock is not lock:
            self._lock.release()
        self.db, self.series, self._lock = db, content, lock
        self.backups.watch(db)
        self.stack.setCurrentIndex(1 if content else 0)
        self.retranslate_ui()
        if content and content.sessions:
            self.sessions.setCurrentRow(0)
        self.statusBar().showMessage(isolate(str(path)))
        self.merge_tools.after_open(Path(path))
        return True

    def _fill_sessions(self) -> None:
        current = max(self.sessions.currentRow(), 0)
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for sc in self.series.sessions if self.series else []:
            s = sc.session
            when = format_date(dt.date.fromisoformat(s.date), fmt="medium") if s.date else ""
            item = QListWidgetItem(f"{s.title}\n{when}" if when else s.title)
            item.setToolTip(s.title)
            self.sessions.addItem(item)
        self.sessions.blockSignals(False)
        if self.sessions.count():
            self.sessions.setCurrentRow(min(current, self.sessions.count() - 1))
            self._show_session(self.sessions.currentRow())

    def _show_session(self, row: int) -> None:
        if self.series is None or not 0 <= row < len(self.series.sessions):
            self.session_view.show_session(None)
            return
        self.session_view.show_session(self.series.sessions[row], self.db)

    def about(self) -> None:
        QMessageBox.about(
            self,
            _("About Facilitator"),
            _("Facilitator {version}: run and record structured consultations, offline.").format(
                version=__version__
            ),
        )

    def closeEvent(self, event) -> None:  # noqa: N802
        self.backups.watch(None)
        self.backups.wait()
        if self.db is not None:
            self.db.close()
            self.db = None
        self._lock.release()
        super().closeEvent(event)
