"""Automatic backups in the app: one at open and every ten minutes, off the GUI thread, and
File > Restore a backup… to go back to one of them."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
)

from facilitator.app import backups
from facilitator.app.backups import INTERVAL_SECONDS, Backup
from facilitator.app.document import Document
from facilitator.errors import FacilitatorError
from facilitator.i18n import _, format_date, format_number, format_time
from facilitator.logs import logger
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.errors import show_error
from facilitator.ui.common.retranslate import Retranslating


class _BackupJob(QRunnable):
    def __init__(self, doc: Document, signals: BackupScheduler) -> None:
        super().__init__()
        self.take, self.signals = backups.backup_job(doc), signals  # prepared on the GUI thread

    def run(self) -> None:
        try:
            self.signals.done.emit(str(self.take()))
        except Exception as error:  # a failed backup must never stop the session; log it
            logger().warning("automatic backup failed: %r", error)
            self.signals.failed.emit(str(error))


class BackupScheduler(QObject):
    """Takes a backup when a file is opened and then every INTERVAL_SECONDS (a schedule, not
    a poll: the file is only read when the timer fires)."""

    done = Signal(str)
    failed = Signal(str)

    def __init__(
        self, parent: QObject | None = None, interval_ms: int = INTERVAL_SECONDS * 1000
    ) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.backup_now)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        # The backup of a file just opened starts once the window has drawn it (nothing can
        # be typed before): its worker, which may copy a large file, does not slow the frame.
        self.soon = QTimer(self, singleShot=True, interval=0)
        self.soon.timeout.connect(self.backup_now)

    def watch(self, doc: Document | None) -> None:
        self._start_waiting()  # the file watched until now has its backup at open
        self.doc = doc
        self.timer.stop()
        if doc is not None and not doc.readonly:
            self.soon.start()
            self.timer.start()

    def backup_now(self) -> None:
        self.soon.stop()
        if self.doc is not None:
            self.pool.start(_BackupJob(self.doc, self))

    def _start_waiting(self) -> None:
        if self.soon.isActive():
            self.backup_now()

    def wait(self) -> None:
        self._start_waiting()
        self.pool.waitForDone()


class RestoreBackupDialog(Retranslating, QDialog):
    """Lists the backups of the open file, newest first; restoring keeps the current file."""

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreBackupDialog")
        self.backups: list[Backup] = backups.list_backups(doc)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(520, 380)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Restore a backup"))
        self.intro.setText(
            _(
                "Facilitator keeps a copy of this file when it is opened and every ten minutes. "
                "Restoring one keeps the current file beside it, as “.before-restore”."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Restore"))
        row = self.list.currentRow()
        self.list.clear()
        for backup in self.backups:
            local = backup.taken_at.astimezone()
            size = (
                format_number(round(backup.path.stat().st_size / 1024))
                if backup.path.exists()
                else "?"
            )
            text = _("{date}, {time} ({size} KB)").format(
                date=format_date(local.date(), fmt="medium"), time=format_time(local), size=size
            )
            self.list.addItem(QListWidgetItem(text))
        if not self.backups:
            self.list.addItem(_("No backup of this file yet."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.list.setCurrentRow(max(row, 0))

    def chosen(self) -> Backup | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None


def restore_into_window(window) -> None:
    """File > Restore a backup…: pick one, close the file, restore, reopen it."""
    if window.doc is None:
        return
    dialog = RestoreBackupDialog(window.doc, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return
    backup, path = dialog.chosen(), window.doc.path
    answer = QMessageBox.question(
        window,
        _("Restore a backup"),
        _("Replace the open file with this backup? The current file is kept beside it."),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    window.backups.wait()
    window.close_document()
    try:
        backups.restore(backup, path)
    except FacilitatorError as error:
        show_error(window, error)
    window.open_path(path)


def backup_failed_text(detail: str) -> str:
    return _(
        "The automatic backup failed ({detail}); what you save is still written to the file, "
        "but keep a copy with File > Save a copy for the team…"
    ).format(detail=detail)


def install_backups(window) -> None:
    """A scheduler on the window and File > Restore a backup…"""
    window.backups = BackupScheduler(window)
    window.backups.failed.connect(
        lambda detail: window.say(lambda: backup_failed_text(isolate(detail)))
    )
    action = QAction(window)
    action.setObjectName("restoreBackupAction")
    action.triggered.connect(lambda: restore_into_window(window))
    window.file_menu.insertAction(window.quit_action, action)
    window.restore_backup_action = action
    window.file_actions.append(action)

    def retranslate() -> None:
        action.setText(_("Restore a &backup…"))

    window.extra_retranslations.append(retranslate)
    retranslate()
