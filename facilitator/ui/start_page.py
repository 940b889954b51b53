"""What the main window shows while no file is open: a short welcome, the ways to begin (the
File menu's own actions, as buttons) and the recent files, each with its folder.

Every button triggers a QAction of the File menu, so a start-page click and a menu choice run
the same code; the buttons take their texts from those actions when they change."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.recent_files import folder_text

MAX_RECENT = 6  # the rest is in File > Open recent
FOLDER_WIDTH = 380  # pixels of a recent file's folder, elided in the middle beyond


def without_mnemonic(text: str) -> str:
    """A menu text as a button shows it: no "&" (the menu bar owns the Alt letters)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class LinkButton(QCommandLinkButton):
    """A command link as tall as its text at its width (Qt's size hint is for the narrowest
    width, and leaves a gap under each button of a wide column)."""

    def __init__(self, title: str = "", description: str = "") -> None:
        super().__init__(title, description)
        self.setAutoDefault(True)  # Return presses the focused button, as Space does
        self.arrow = self.icon()
        self._mirror()

    def _mirror(self) -> None:
        # Qt draws a command link's arrow at the left even right to left, away from the text
        # it leads to: there the text goes alone.
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.setIcon(QIcon() if rtl else self.arrow)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._mirror()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        width = max(self.width(), hint.width())
        return QSize(hint.width(), min(hint.height(), self.heightForWidth(width)))


class StartPage(Retranslating, QScrollArea):
    def __init__(self, window) -> None:
        super().__init__()
        self.setObjectName("startPage")
        self.window_ = window
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(48, 40, 48, 40)
        self.title = QLabel()
        self.title.setObjectName("startTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel()
        self.intro.setObjectName("startIntro")
        self.intro.setWordWrap(True)
        outer.addWidget(self.title)
        outer.addWidget(self.intro)
        outer.addSpacing(16)

        columns = QHBoxLayout()
        columns.setSpacing(32)
        begin = QVBoxLayout()
        begin.setSpacing(4)  # (else the columns' spacing, inherited)
        self.begin_heading = QLabel()
        self.begin_heading.setObjectName("startBeginHeading")
        self.begin_heading.setStyleSheet("font-weight: bold;")
        begin.addWidget(self.begin_heading)
        # (action, object name, its description): in the order of the File menu's way in.
        self.starts: list[tuple[QAction, QCommandLinkButton]] = []
        for action, name in (
            (window.prepare_menu.new_series_action, "startNewSeries"),
            (window.new_action, "startNewFromTemplate"),
            (window.open_action, "startOpen"),
            (window.demo_action, "startDemo"),
        ):
            button = LinkButton()
            button.setObjectName(name)
            button.clicked.connect(action.trigger)
            action.changed.connect(self._sync_texts)
            begin.addWidget(button)
            self.starts.append((action, button))
        begin.addStretch(1)
        columns.addLayout(begin, 1)

        recent = QVBoxLayout()
        recent.setSpacing(4)
        self.recent_heading = QLabel()
        self.recent_heading.setObjectName("startRecentHeading")
        self.recent_heading.setStyleSheet("font-weight: bold;")
        recent.addWidget(self.recent_heading)
        self.recent_box = QVBoxLayout()
        recent.addLayout(self.recent_box)
        self.no_recent = QLabel()
        self.no_recent.setObjectName("startNoRecent")
        self.no_recent.setWordWrap(True)
        recent.addWidget(self.no_recent)
        recent.addStretch(1)
        columns.addLayout(recent, 1)
        outer.addLayout(columns)
        outer.addStretch(1)
        self.setWidget(body)
        self.recent_buttons: list[QPushButton] = []
        self.retranslate_ui()

    def _sync_texts(self) -> None:
        for action, button in self.starts:
            button.setText(without_mnemonic(action.text()))
            button.setAccessibleName(button.text())
            button.setEnabled(action.isEnabled())

    def refresh(self) -> None:
        """The recent files as they are now, each a button that opens it the way File > Open
        recent does (the menu's own action)."""
        for button in self.recent_buttons:
            self.recent_box.removeWidget(button)
            button.deleteLater()
        self.recent_buttons = []
        menu = self.window_.recent_menu
        menu.rebuild()
        entries = [a for a in menu.actions() if a.objectName() == "recentFile"][:MAX_RECENT]
        for action in entries:
            path = Path(action.statusTip())
            folder = folder_text(path, self.fontMetrics(), FOLDER_WIDTH)
            button = LinkButton(isolate(path.name), isolate(folder))
            button.setObjectName("startRecentFile")
            button.setToolTip(str(path))
            button.setAccessibleName(path.name)
            button.setAccessibleDescription(str(path))
            button.clicked.connect(action.trigger)
            self.recent_box.addWidget(button)
            button.show()  # now, not at the next turn of the event loop
            self.recent_buttons.append(button)
        self.no_recent.setVisible(not entries)
        # Tab goes down the ways to begin, then down the recent files.
        chain = [b for _a, b in self.starts] + self.recent_buttons
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.refresh()
        super().showEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        for button in [b for _a, b in self.starts] + self.recent_buttons:
            button.updateGeometry()  # their height follows their width

    def retranslate_ui(self) -> None:
        self.title.setText(_("Welcome to Facilitator"))
        self.intro.setText(
            _(
                "Prepare and run structured consultations: the agenda, the speakers and their "
                "time, notes and reports, kept in one file on this computer."
            )
        )
        self.begin_heading.setText(_("Begin"))
        self.recent_heading.setText(_("Recent files"))
        self.no_recent.setText(_("Files you open are listed here."))
        descriptions = (
            _("An empty series, or one started from a template."),
            _("A ready-made programme, such as a GCM Talk, in a new file."),
            _("A Facilitator file on this computer."),
            _("A sample series with six sessions, to look around first."),
        )
        for (_action, button), text in zip(self.starts, descriptions, strict=True):
            button.setDescription(text)
            button.setAccessibleDescription(text)
        self._sync_texts()
        self.setAccessibleName(_("Start page"))
        if self.isVisible():
            self.refresh()

    def focus_first(self) -> None:
        self.starts[0][1].setFocus(Qt.FocusReason.OtherFocusReason)
