"""Every window and dialog of the app, for the screenshot tool and the pseudo-locale sweep.

When a window or dialog is added to the app, add a factory here so it is reviewed in every
language and swept for untranslated text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from facilitator.ui.main_window import MainWindow

# A factory builds a dialog or window on an open main window and returns it, shown, not exec'd.
WindowFactory = Callable[[MainWindow], QWidget]


def _restore_backup(window: MainWindow) -> QWidget:
    from facilitator.ui.files.backup_dialog import RestoreBackupDialog

    return RestoreBackupDialog(window.doc, window)


def _session(window: MainWindow):
    return window.series.sessions[0].session if window.series and window.series.sessions else None


def _participants(window: MainWindow) -> QWidget:
    from facilitator.ui.participants.dialog import ParticipantsDialog

    return ParticipantsDialog(window.signals, window.series.series.id, _session(window), window)


def _roster_import(window: MainWindow) -> QWidget:
    from facilitator.ui.participants.roster_import import RosterImportDialog

    return RosterImportDialog(
        window.signals, window.series.series.id, _session(window), parent=window
    )


def _participant_editor(window: MainWindow) -> QWidget:
    from facilitator.domain import model as m
    from facilitator.ui.participants.editor import ParticipantEditor

    return ParticipantEditor(m.Participant(window.series.series.id, ""), None, window)


def _merge(window: MainWindow) -> QWidget:
    from facilitator.ui.merge.dialog import MergeDialog

    return MergeDialog(window.doc.path, files=[], parent=window)


def _conflicts(window: MainWindow) -> QWidget:
    from facilitator.ui.merge.conflicts_view import ConflictsDialog

    return ConflictsDialog(window.signals, window)


def _clock_jump(window: MainWindow) -> QWidget:
    from facilitator.domain.timer import ClockJump
    from facilitator.ui.timer.clock_jump import ClockJumpDialog

    return ClockJumpDialog(ClockJump(1_700_000_000.0, 1_700_000_900.0), window)


def _stage(window: MainWindow) -> QWidget:
    # Opened from the Timer tab, as the moderator opens it, so it shows the session's clock
    # (a bare StageWindow is fed nothing and stays blank).
    from facilitator.ui.timer.page import TimerPage

    page = window.findChild(TimerPage)
    page.open_stage()
    return page.stage


def _export(window: MainWindow) -> QWidget:
    from facilitator.ui.files.export_dialog import ExportDialog

    session = _session(window)
    return ExportDialog(window, window.doc, session.id if session else None)


def _link_points(window: MainWindow) -> QWidget:
    from facilitator.ui.summary.link_points_dialog import LinkPointsDialog

    points = window.series.sessions[0].points if window.series and window.series.sessions else []
    return LinkPointsDialog(window, points, [])


def _paste_agenda(window: MainWindow) -> QWidget:
    from facilitator.ui.prepare.paste_dialog import PasteAgendaDialog

    return PasteAgendaDialog(window)


def _paste_questions(window: MainWindow) -> QWidget:
    from facilitator.ui.prepare.paste_dialog import PasteQuestionsDialog

    return PasteQuestionsDialog(window)


def _series_details(window: MainWindow) -> QWidget:
    from facilitator.ui.prepare.series_dialog import SeriesDialog

    return SeriesDialog(window.signals, window)


def dialogs() -> dict[str, WindowFactory]:
    """Name -> factory for every dialog and extra window."""
    return {
        "restore-backup": _restore_backup,
        "participants": _participants,
        "roster-import": _roster_import,
        "participant-editor": _participant_editor,
        "merge": _merge,
        "conflicts": _conflicts,
        "clock-jump": _clock_jump,
        "stage": _stage,
        "export": _export,
        "link-points": _link_points,
        "paste-agenda": _paste_agenda,
        "paste-questions": _paste_questions,
        "series-details": _series_details,
    }


def session_tabs(window: MainWindow) -> Iterator[str]:
    """Show each tab of the session view in turn, yielding a name for each."""
    tabs: QTabWidget = window.session_view.tabs
    for n in range(tabs.count()):
        tabs.setCurrentIndex(n)
        yield tabs.widget(n).objectName() or f"tab{n}"


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of interface text shown in `root` and its children:
    window titles, labels, buttons, group boxes, tabs, menus, headers, placeholders, tooltips."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}#{w.objectName()}"
        if w.isWindow() and w.windowTitle():
            yield name + ".windowTitle", w.windowTitle()
        if not w.isVisibleTo(root) and w is not root:
            continue
        if w.toolTip():
            yield name + ".toolTip", w.toolTip()
        if isinstance(w, QLabel) and w.text():
            yield name + ".text", w.text()
        elif isinstance(w, QAbstractButton) and w.text():
            yield name + ".text", w.text()
        elif isinstance(w, QGroupBox) and w.title():
            yield name + ".title", w.title()
        elif isinstance(w, QTabWidget):
            for n in range(w.count()):
                yield f"{name}.tab{n}", w.tabText(n)
        elif isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)) and w.placeholderText():
            yield name + ".placeholder", w.placeholderText()
        elif isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            header = w.horizontalHeader() if isinstance(w, QTableView) else w.header()
            if header.isHidden():
                continue
            for c in range(header.count()):
                text = w.model().headerData(c, Qt.Orientation.Horizontal)
                if isinstance(text, str) and text:
                    yield f"{name}.header{c}", text
    if isinstance(root, QMainWindow):
        yield from _menu_texts(root.menuBar().actions(), "menu")


def _menu_texts(actions, where: str) -> Iterator[tuple[str, str]]:
    for action in actions:
        if action.isSeparator():
            continue
        if action.text():
            yield f"{where}/{action.objectName() or action.text()}", action.text()
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            yield f"{where}/{action.objectName() or action.text()}.toolTip", action.toolTip()
        menu: QMenu | None = action.menu()
        if menu is not None:
            yield from _menu_texts(menu.actions(), f"{where}/{action.text()}")


def combo_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    for combo in root.findChildren(QComboBox):
        for n in range(combo.count()):
            yield f"QComboBox#{combo.objectName()}[{n}]", combo.itemText(n)
