"""The team's File menu entries: Merge files…, Merge from folder…, Save a copy for the team…,
Merge conflicts…, and the warning shown when a file is opened from a synced or network folder.

Everything reaches the file through facilitator.app.merge and the window's Document; a merge
is announced through the window's signals, so every page reloads what it shows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from facilitator import settings
from facilitator.app import merge
from facilitator.app.document import Document
from facilitator.errors import FacilitatorError
from facilitator.i18n import _
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.errors import show_error

if TYPE_CHECKING:  # the dialogs are imported when first opened, not with the menu
    from facilitator.app.merge import BatchReport, SharedPlace
    from facilitator.ui.merge.dialog import MergeDialog


def shared_place_warning(name: str, place: SharedPlace) -> str:
    if place.kind == "network":
        where = _("{name} is on a network drive ({kind}).").format(
            name=isolate(name), kind=place.name
        )
    else:
        where = _("{name} is in a folder synced by {service}.").format(
            name=isolate(name), service=place.name
        )
    return (
        where
        + " "
        + _(
            "If the folder is copied while Facilitator writes the file, or two laptops open it "
            "at once, work can be lost or the file damaged. Work on a copy on this computer and "
            "share copies with File > Save a copy for the team."
        )
    )


class MergeTools(QObject):
    """Owns the menu actions and the dialogs they open, for one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: MergeDialog | None = None
        self.warned: set[str] = set()
        self.actions: dict[str, QAction] = {}
        window.file_menu.insertSeparator(window.quit_action)
        for name, slot in (
            ("mergeFilesAction", self.merge_files),
            ("mergeFolderAction", self.merge_folder),
            ("shareCopyAction", self.save_copy),
            ("mergeConflictsAction", self.show_conflicts),
        ):
            action = QAction(window)
            action.setObjectName(name)
            action.triggered.connect(slot)
            window.file_menu.insertAction(window.quit_action, action)
            self.actions[name] = action
        window.file_menu.insertSeparator(window.quit_action)
        window.extra_retranslations.append(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.actions["mergeFilesAction"].setText(_("&Merge files…"))
        self.actions["mergeFolderAction"].setText(_("Merge from &folder…"))
        self.actions["shareCopyAction"].setText(_("Save a &copy for the team…"))
        self.actions["mergeConflictsAction"].setText(_("Merge conflic&ts…"))

    # --- helpers ---------------------------------------------------------------------------

    def _open_doc(self, writing: bool = True) -> Document | None:
        """The open file, or None after telling why there is nothing to merge into."""
        doc = self.window.signals.doc
        if doc is None:
            show_error(
                self.window,
                FacilitatorError(_("Open the file to merge into first (File > Open).")),
            )
        elif writing and doc.readonly:
            show_error(
                self.window,
                FacilitatorError(
                    _(
                        "{name} is open read-only here; merge in the window where it is open "
                        "for writing."
                    ).format(name=doc.path.name)
                ),
            )
            return None
        return doc

    def _filter(self) -> str:
        return _("Facilitator files (*.facilitator *.fac *.sqlite)") + ";;" + _("All files (*)")

    def _display(self, field: str, value: Any) -> str:
        doc = self.window.signals.doc
        return merge.display_value(doc, field, value) if doc else str(value)

    def merged(self, batch: BatchReport) -> None:
        """Tell every page what the merge brought in (it wrote through its own connection)."""
        window = self.window
        if window.signals.doc is None:
            return
        window.signals.announce(merge.merged_changes(window.signals.doc, batch))
        window.stack.setCurrentIndex(1 if window.series else 0)  # a first series came in

    # --- merging ---------------------------------------------------------------------------

    def merge_files(self) -> None:
        if self._open_doc() is None:
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self.window, _("Merge files into this one"), str(self._last_folder()), self._filter()
        )
        if names:
            settings.save({"merge_folder": str(Path(names[0]).parent)})
            self.run_merge(files=[Path(n) for n in names])

    def merge_folder(self) -> None:
        if self._open_doc() is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self.window, _("Merge every file of a shared folder"), str(self._last_folder())
        )
        if folder:
            settings.save({"merge_folder": folder})
            self.run_merge(folder=Path(folder))

    def _last_folder(self) -> Path:
        saved = settings.load().get("merge_folder")
        if isinstance(saved, str) and Path(saved).is_dir():
            return Path(saved)
        doc = self.window.signals.doc
        return doc.path.parent if doc else Path.home()

    def run_merge(self, files: list[Path] | None = None, folder: Path | None = None) -> MergeDialog:
        """Open the progress dialog and start merging (modeless, so tests can drive it)."""
        from facilitator.ui.merge.dialog import MergeDialog

        dialog = MergeDialog(
            self.window.signals.doc.path, files, folder, self.window, self._display
        )
        dialog.merged.connect(self.merged)
        dialog.conflicts_button.clicked.connect(self.show_conflicts)
        self.dialog = dialog
        dialog.setModal(True)
        dialog.show()
        dialog.start()
        return dialog

    def show_conflicts(self) -> None:
        if self._open_doc() is None:
            return
        from facilitator.ui.merge.conflicts_view import ConflictsDialog

        dialog = ConflictsDialog(self.window.signals, self.window)
        dialog.exec()
        dialog.deleteLater()  # it listens to the window's changes: not once it is closed

    # --- sharing ---------------------------------------------------------------------------

    def save_copy(self) -> None:
        doc = self._open_doc(writing=False)
        if doc is None:
            return
        suggested = self._last_share_folder() / merge.team_copy_name(doc)
        name, _filter = QFileDialog.getSaveFileName(
            self.window, _("Save a copy for the team"), str(suggested), self._filter()
        )
        if not name:
            return
        try:
            target = merge.save_copy_for_team(doc, Path(name))
        except FacilitatorError as error:
            show_error(self.window, error)
            return
        settings.save({"share_folder": str(target.parent)})
        self.window.say(
            lambda: _("Saved a copy for the team: {path}").format(path=isolate(str(target)))
        )

    def _last_share_folder(self) -> Path:
        saved = settings.load().get("share_folder")
        if isinstance(saved, str) and Path(saved).is_dir():
            return Path(saved)
        return self.window.signals.doc.path.parent

    def after_open(self, path: Path) -> None:
        """Warn when this computer's clock is behind the file, and when the file just opened
        lives in a synced or network folder."""
        doc = self.window.signals.doc
        if merge.clock_warning(doc):  # in the status bar, until the next message: not a dialog
            self.window.say(lambda: merge.clock_warning(doc))
        key = str(Path(path).resolve())
        if key in self.warned or self.window.signals.doc is None:
            return  # once per file and session: reopening after a restore does not nag
        place = merge.shared_place(path)
        if place is None:
            return
        self.warned.add(key)
        if self.ask_keep_local(path, place):
            self.keep_local_copy()

    def ask_keep_local(self, path: Path, place: SharedPlace) -> bool:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Facilitator"))
        box.setText(shared_place_warning(Path(path).name, place))
        local = box.addButton(_("Work on a local copy…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Keep working here"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is local

    def keep_local_copy(self) -> None:
        doc = self.window.signals.doc
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        suggested = Path(documents or Path.home()) / doc.path.name
        name, _filter = QFileDialog.getSaveFileName(
            self.window, _("Keep a copy on this computer"), str(suggested), self._filter()
        )
        if not name:
            return
        try:
            target = merge.save_copy_for_team(doc, Path(name))
        except FacilitatorError as error:
            show_error(self.window, error)
            return
        self.window.open_path(target)


def install_merge_menu(window) -> MergeTools:
    """Add the merge and sharing entries to the window's File menu."""
    window.merge_tools = MergeTools(window)
    return window.merge_tools
