"""File > Merge files… and Merge from folder…: a progress dialog, then the report.

The merge runs on a worker thread through a connection of its own to the open file, so the
window stays responsive; Cancel stops between two files (each file is merged all or nothing).
Files of another series are set aside, and the dialog asks once whether to add their sessions
beside this series' sessions.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import merge
from facilitator.app.merge import BatchReport
from facilitator.errors import FacilitatorError
from facilitator.i18n import _, format_number, ngettext
from facilitator.logs import log_exception
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.merge.report_view import MergeReportView


class MergeWorker(QObject):
    """Merges files or a folder into `target` on the thread it is moved to."""

    progress = Signal(int, int, str)
    done = Signal(object)  # BatchReport
    failed = Signal(str)

    def __init__(
        self,
        target: Path,
        files: list[Path] | None = None,
        folder: Path | None = None,
        allow_other_series: bool = False,
    ) -> None:
        super().__init__()
        self.target, self.files, self.folder = target, files, folder
        self.allow_other_series = allow_other_series
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            batch = merge.merge_into(
                self.target,
                files=self.files,
                folder=self.folder,
                allow_other_series=self.allow_other_series,
                progress=self.progress.emit,
                cancelled=self._cancel.is_set,
            )
        except FacilitatorError as error:
            self.failed.emit(str(error))
            return
        except Exception as error:  # a bug: logged, one line for the user, the file intact
            where = log_exception(error)
            self.failed.emit(
                _(
                    "Something went wrong ({kind}). Your work is saved; details are in {log}."
                ).format(kind=type(error).__name__, log=where)
            )
            return
        self.done.emit(batch)


class MergeDialog(Retranslating, QDialog):
    """Progress while merging, then the report. `merged` is emitted once with the result."""

    merged = Signal(object)  # BatchReport

    def __init__(
        self,
        target: Path,
        files: list[Path] | None = None,
        folder: Path | None = None,
        parent: QWidget | None = None,
        display: Callable[[str, Any], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.target, self.files, self.folder = target, files, folder
        self.batch: BatchReport | None = None
        self.error: str | None = None
        self.thread: QThread | None = None
        self.worker: MergeWorker | None = None
        self._status = ("", 0, 0)
        self._cancelling = False

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.current = QLabel()
        self.current.setObjectName("mergeCurrentFile")
        self.current.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("mergeProgress")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("mergeCancel")
        self.cancel_button.clicked.connect(self.cancel)
        progress = QWidget()
        progress_layout = QVBoxLayout(progress)
        progress_layout.addWidget(self.heading)
        progress_layout.addWidget(self.current)
        progress_layout.addWidget(self.bar)
        progress_layout.addStretch(1)
        progress_layout.addWidget(self.cancel_button)

        self.report = MergeReportView(display=display)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.conflicts_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.conflicts_button.setObjectName("showConflicts")
        self.conflicts_button.hide()
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.addWidget(self.report)
        done_layout.addWidget(self.buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(progress)
        self.pages.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(760, 480)
        self.retranslate_ui()

    # --- running ---------------------------------------------------------------------------

    def start(self, allow_other_series: bool = False, files: list[Path] | None = None) -> None:
        files = files if files is not None else self.files
        folder = self.folder if files is self.files else None
        self.worker = MergeWorker(self.target, files, folder, allow_other_series)
        self.thread = QThread(self)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.pages.setCurrentIndex(0)
        self.thread.start()

    def running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self._cancelling = True
            self.cancel_button.setEnabled(False)
            self.retranslate_ui()

    def _stop_thread(self) -> None:
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait()
            self.thread = None

    def _progress(self, done: int, total: int, name: str) -> None:
        self._status = (name, done, total)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.retranslate_ui()

    def _failed(self, message: str) -> None:
        self._stop_thread()
        self.error = message
        QMessageBox.warning(self, _("Facilitator"), message)
        self.reject()

    def _done(self, batch: BatchReport) -> None:
        self._stop_thread()
        if self.batch is not None:  # the second pass, over files of another series
            retried = {o.path for o in batch.outcomes}
            kept = [o for o in self.batch.outcomes if o.path not in retried]
            batch = BatchReport(kept + batch.outcomes, self.batch.cancelled or batch.cancelled)
        self.batch = batch
        others = [o.path for o in batch.outcomes if o.other_series is not None]
        if others and not batch.cancelled and self.ask_other_series(len(others)):
            self.start(allow_other_series=True, files=others)
            return
        self.report.set_batch(batch)
        self.conflicts_button.setVisible(any(r.conflicts for r in batch.merged()))
        self.pages.setCurrentIndex(1)
        self.merged.emit(batch)

    def ask_other_series(self, count: int) -> bool:
        answer = QMessageBox.question(
            self,
            _("Merge files"),
            ngettext(
                "{count} file holds another series. Add its sessions beside this series' sessions?",
                "{count} files hold another series. Add their sessions beside this series' sessions?",
                count,
            ).format(count=format_number(count)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        if self.running():  # closing while merging: stop after the current file, then close
            self.cancel()
            self._stop_thread()
        super().reject()

    # --- text ------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Merge files"))
        self.heading.setText(
            _("Merging the files of the shared folder {folder} into {target}.").format(
                folder=isolate(str(self.folder)), target=isolate(self.target.name)
            )
            if self.folder is not None
            else _("Merging colleagues' files into {target}.").format(
                target=isolate(self.target.name)
            )
        )
        name, done, total = self._status
        if self._cancelling:
            self.current.setText(_("Cancelling after the current file…"))
        elif name:
            self.current.setText(
                _("File {number} of {total}: {name}").format(
                    number=format_number(done + 1), total=format_number(total), name=isolate(name)
                )
            )
        else:
            self.current.setText(_("Reading the files…"))
        self.cancel_button.setText(_("Cancel"))
        self.conflicts_button.setText(_("Show conflicts…"))
