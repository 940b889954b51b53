"""The stage view: the current item, its time left and the speaker's time left, in digits that
grow with the window, for a second screen or a window shared on Zoom.

It shows the moderator page's Display of each refresh (the same numbers, words and warning
colours) and nothing else: no names, no notes. Right-click (or the keys) to go full screen on
a chosen screen (F11, Esc to leave) or to drop the window frame. Its layout follows the
interface language (mirrored in Arabic); clock readings stay left to right, in the digits
Babel gives the language (Latin for Arabic, see timer_display).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QVBoxLayout, QWidget

from facilitator.i18n import _, format_number
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.timer.display import Display, paint_level
from facilitator.ui.timer.text import FitText, LiveText


class StageWindow(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("stageWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        # Opening it never takes the keyboard from the moderator's window (the clicker's Page
        # Down keeps working); clicked, it becomes active and its own copies of the keys act.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setStyleSheet(
            "#stageWindow { background: #101418; } #stageWindow * { color: #FFFFFF; }"
        )
        self.display: Display | None = None
        self.title = QLabel()
        self.title.setObjectName("stageTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.item_panel = QFrame()
        self.item_panel.setObjectName("stageItemPanel")
        self.item_clock = FitText("stageItemClock")
        self.words = LiveText("stageWords", align=Qt.AlignmentFlag.AlignHCenter)
        item = QVBoxLayout(self.item_panel)
        item.addWidget(self.item_clock, 1)
        item.addWidget(self.words)
        self.speaker_panel = QFrame()
        self.speaker_panel.setObjectName("stageSpeakerPanel")
        self.speaker_caption = QLabel()
        self.speaker_caption.setObjectName("stageSpeakerCaption")
        self.speaker_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.speaker_clock = FitText("stageSpeakerClock")
        speaker = QVBoxLayout(self.speaker_panel)
        speaker.addWidget(self.speaker_caption)
        speaker.addWidget(self.speaker_clock, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.item_panel, 5)
        layout.addWidget(self.speaker_panel, 3)
        self.full_screen_action = QAction(self)
        self.full_screen_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.full_screen_action.triggered.connect(self.toggle_full_screen)
        self.leave_action = QAction(self)
        self.leave_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.leave_action.triggered.connect(self.leave_full_screen)
        self.frameless_action = QAction(self, checkable=True)
        self.frameless_action.toggled.connect(self.set_frameless)
        self.addActions([self.full_screen_action, self.leave_action, self.frameless_action])
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.resize(960, 540)
        self.retranslate_ui()

    def show_display(self, display: Display) -> None:
        self.display = display
        self.title.setText(isolate(display.item_title))
        self.item_clock.setText(display.item_clock)
        self.words.setText(display.item_words)
        paint_level(self.item_panel, display.item_level)
        self.speaker_panel.setVisible(bool(display.speaker))
        self.speaker_clock.setText(display.speaker_clock)
        paint_level(self.speaker_panel, display.speaker_level)
        self.item_clock.setAccessibleName(_("Time left on the current item"))
        self.item_clock.setAccessibleDescription(f"{display.item_clock} · {display.item_words}")
        self.speaker_clock.setAccessibleName(_("Speaking time left"))
        self.speaker_clock.setAccessibleDescription(
            f"{display.speaker_clock} · {display.speaker_words}"
        )

    def attach_keys(self, actions) -> None:
        """The timer's keys while this window is the active one (a clicker aimed at it)."""
        for source in actions.all():
            proxy = QAction(self)
            proxy.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            proxy.triggered.connect(lambda _checked=False, a=source: actions.fire(a))
            source.changed.connect(lambda p=proxy, a=source: p.setShortcuts(a.shortcuts()))
            proxy.setShortcuts(source.shortcuts())
            self.addAction(proxy)

    # --- screens -----------------------------------------------------------------------------

    def full_screen_on(self, index: int) -> None:
        """Full screen on the `index`-th screen (a projector, a second monitor)."""
        screens = QGuiApplication.screens()
        if not 0 <= index < len(screens):
            return
        screen = screens[index]
        if self.isFullScreen():
            self.showNormal()
        self.setScreen(screen)
        self.setGeometry(screen.availableGeometry())
        self.showFullScreen()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()

    def set_frameless(self, frameless: bool) -> None:
        visible = self.isVisible()
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, frameless)
        if visible:
            self.show()  # changing window flags hides the window

    def screen_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("stageMenu")
        for n, screen in enumerate(QGuiApplication.screens()):
            size = screen.size()
            text = _("Full screen on screen {number}: {name} ({width} × {height})").format(
                number=format_number(n + 1),
                name=screen.name(),
                width=size.width(),
                height=size.height(),
            )
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, i=n: self.full_screen_on(i))
        menu.addSeparator()
        menu.addActions([self.full_screen_action, self.frameless_action])
        menu.addSeparator()
        menu.addAction(_("Close the stage view"), self.close)
        return menu

    def _menu(self, position) -> None:
        self.screen_menu().exec(self.mapToGlobal(position))

    # --- scale -------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 (titles and words grow with the window)
        super().resizeEvent(event)
        height = max(self.height(), 100)
        for label, share in ((self.title, 14), (self.words, 22), (self.speaker_caption, 22)):
            font = label.font()
            font.setPixelSize(max(int(height / share), 10))
            font.setBold(label is self.title)
            label.setFont(font)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Stage view — Facilitator"))
        self.speaker_caption.setText(_("Speaking time"))
        self.full_screen_action.setText(_("Full screen on this screen (F11)"))
        self.leave_action.setText(_("Leave full screen (Esc)"))
        self.frameless_action.setText(_("Window without a frame"))
        self.setToolTip(_("Right-click to choose a screen or go full screen"))


class _CloseWatcher(QObject):
    """Closes the stage view when the main window closes (it is a window of its own)."""

    def __init__(self, window, page) -> None:
        super().__init__(window)
        self.page = page

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close:
            self.page.close_stage()
        return False


def _mirror(source: QAction, parent: QObject) -> QAction:
    """A menu entry for a page action: same text, its keys shown after a tab, triggers the
    page's action. It has no shortcut of its own: a menu entry's shortcut is live whenever the
    menu bar is (in every tab, and while another menu is open from the keyboard), which let
    Alt+F then Right move a hidden timer. The page's action alone owns the keys."""
    proxy = QAction(parent)
    proxy.triggered.connect(source.trigger)

    def sync() -> None:
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in source.shortcuts()
        )
        proxy.setText(f"{source.text()}\t{keys}" if keys else source.text())
        proxy.setEnabled(source.isEnabled())
        proxy.setStatusTip(source.statusTip())

    source.changed.connect(sync)
    sync()
    return proxy


def install_stage_action(window) -> None:
    """View > Stage view, and View > Timer with the moderator's actions and their shortcuts."""
    from facilitator.ui.timer.page import TimerPage

    page = window.findChild(TimerPage)
    if page is None:
        return
    window.view_menu.addSeparator()
    stage = QAction(window)
    stage.setObjectName("stageViewMenuAction")
    stage.triggered.connect(page.open_stage)
    window.view_menu.addAction(stage)
    timer_menu = window.view_menu.addMenu("")
    timer_menu.setObjectName("timerMenu")
    for action in page.actions.all():
        timer_menu.addAction(_mirror(action, timer_menu))
    window.installEventFilter(_CloseWatcher(window, page))
    window.stage_view_action = stage

    def retranslate() -> None:
        stage.setText(_("&Stage view"))
        timer_menu.setTitle(_("&Timer"))

    window.extra_retranslations.append(retranslate)
    retranslate()
