"""The stage view: the current item, its time left and the speaker's time left, in digits that
grow with the window, for a second screen or a window shared on Zoom.

It shows a StageDisplay (stage_text.py) of each refresh: the moderator's numbers, words and
warning colours, for the session that runs (not the one selected in the list), and what the
room needs besides: the first item or the scheduled start before it, "Session ended" with no
digits after it, paused on a dark panel under an amber banner, the moderator's message, the
speaker (only the group under the Chatham House Rule); next item, time of day and projected end
as options (StageOptions), and an overrun flash, off by default. Every row but the clock is a
fixed share of the height and one elided line. Right-click (or the keys) to go full screen on
a chosen screen (F11, Esc to leave) or to drop the window frame. Its layout follows the
interface language (mirrored in Arabic); clock readings stay left to right, in the digits
Babel gives the language (Latin for Arabic, see timer_display).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QMenu, QVBoxLayout, QWidget

from facilitator.domain import timer as t
from facilitator.i18n import _, format_number
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.keys import key_text
from facilitator.ui.common.lists import comma_join
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.timer.display import paint_level
from facilitator.ui.timer.stage_text import StageDisplay
from facilitator.ui.timer.text import FitText, LiveText


class StageOptions:
    """What the stage shows, ticked on the timer page or in the stage's own menu."""

    def __init__(self, parent: QObject) -> None:
        self.current = self._make(parent, "stageShowCurrent", True)
        self.next = self._make(parent, "stageShowNext", True)
        self.time = self._make(parent, "stageShowTime", True)
        self.projected = self._make(parent, "stageShowProjected", False)
        self.flash = self._make(parent, "stageFlash", False)  # off: a flash can distract

    @staticmethod
    def _make(parent: QObject, name: str, on: bool) -> QAction:
        action = QAction(parent, checkable=True)
        action.setObjectName(name)
        action.setChecked(on)
        return action

    def all(self) -> list[QAction]:
        return [self.current, self.next, self.time, self.projected, self.flash]

    def retranslate(self) -> None:
        self.current.setText(_("Show the current item"))
        self.next.setText(_("Show the next item"))
        self.time.setText(_("Show the time of day"))
        self.projected.setText(_("Show the projected end"))
        self.flash.setText(_("Flash on overrun"))


# Dimmed, not faint: grey digits on slate, 5:1 (the room reads them from the back).
PAUSED_STYLE = (
    "#{name} {{ background-color: #37474F; border-radius: 6px; }} #{name} * {{ color: #B0BEC5; }}"
)
BANNER_STYLE = "#stageBanner {{ background-color: {bg}; color: {fg}; border-radius: 6px; }}"
# Shares of the window's height: the rest (at least half) is the big clock's.
TITLE, BANNER, WORDS, SPEAKER, FOOTER = 0.085, 0.085, 0.05, 0.17, 0.05


class StageWindow(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None, options: StageOptions | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("stageWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        # Opening it never takes the keyboard from the moderator's window (the clicker's Page
        # Down keeps working); clicked, it becomes active and its own copies of the keys act.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setStyleSheet(
            "#stageWindow { background: #101418; } #stageWindow * { color: #FFFFFF; }"
        )
        self.options = options or StageOptions(self)
        self.display: StageDisplay | None = None
        center = Qt.AlignmentFlag.AlignHCenter
        self.title = LiveText("stageTitle", bold=True, align=center)
        self.banner = LiveText("stageBanner", bold=True, align=center)
        self.banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # its colours
        self.item_panel = QFrame()
        self.item_panel.setObjectName("stageItemPanel")
        self.item_clock = FitText("stageItemClock", fill=0.97)
        self.words = LiveText("stageWords", align=center)
        item = QVBoxLayout(self.item_panel)
        item.setContentsMargins(4, 0, 4, 0)
        item.setSpacing(0)
        item.addWidget(self.item_clock, 1)
        item.addWidget(self.words)
        self.speaker_panel = QFrame()
        self.speaker_panel.setObjectName("stageSpeakerPanel")
        self.speaker_caption = LiveText("stageSpeakerCaption", bold=True)
        self.speaker_clock = FitText("stageSpeakerClock")
        speaker = QHBoxLayout(self.speaker_panel)
        speaker.setContentsMargins(8, 0, 8, 0)
        speaker.addWidget(self.speaker_caption, 3)
        speaker.addWidget(self.speaker_clock, 2)
        self.next_item = LiveText("stageNext")
        self.time_of_day = LiveText("stageTimeOfDay", align=center)
        self.projected = LiveText("stageProjected", align=Qt.AlignmentFlag.AlignTrailing)
        footer = self.footer = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        footer.addWidget(self.next_item, 3)
        footer.addWidget(self.time_of_day, 1)
        footer.addWidget(self.projected, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.item_panel, 1)
        layout.addWidget(self.speaker_panel)
        layout.addLayout(footer)
        for action in self.options.all():
            action.toggled.connect(self._redraw)
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

    def show_display(self, display: StageDisplay) -> None:
        self.display = display
        o = self.options
        self.title.setVisible(o.current.isChecked())
        self.title.setText(isolate(display.title))
        self.banner.setText(display.banner)
        self.banner.setVisible(bool(display.banner))
        self._paint_banner(display)
        self.item_clock.setText(display.clock)
        self.item_clock.setVisible(bool(display.clock))
        self.words.setText(display.words)
        self._paint_clock(display)
        self.speaker_panel.setVisible(bool(display.speaker))
        self.speaker_caption.setText(isolate(display.speaker))
        self.speaker_clock.setText(display.speaker_clock)
        paint_level(self.speaker_panel, display.speaker_level)
        self.next_item.setText(isolate(display.next_item) if o.next.isChecked() else "")
        self.time_of_day.setText(display.time_of_day if o.time.isChecked() else "")
        self.projected.setText(display.projected if o.projected.isChecked() else "")
        self.item_clock.set_label(_("Time left on the current item"))
        self.item_clock.setAccessibleDescription(display.words)
        self.speaker_clock.set_label(_("Speaking time left"))
        self._fit_rows()

    def _redraw(self) -> None:
        if self.display is not None:
            self.show_display(self.display)

    def _paint_clock(self, display: StageDisplay) -> None:
        level = display.level
        if display.phase == t.PAUSED:
            level = "paused"
        elif level == t.OVERRUN and self.options.flash.isChecked() and display.second % 2:
            level = "flash"  # every other second, red and dark in turn
        if self.item_panel.property("level") == level:
            return
        if level == "paused":
            self.item_panel.setProperty("level", level)
            self.item_panel.setStyleSheet(PAUSED_STYLE.format(name="stageItemPanel"))
        else:
            paint_level(self.item_panel, t.NORMAL if level == "flash" else level)
            self.item_panel.setProperty("level", level)

    def _paint_banner(self, display: StageDisplay) -> None:
        if display.message:
            colours = ("#FFFFFF", "#101418")
        elif display.phase == t.PAUSED:
            colours = ("#FFC107", "#000000")
        else:
            colours = ("#101418", "#FFFFFF")
        self.banner.setStyleSheet(BANNER_STYLE.format(bg=colours[0], fg=colours[1]))

    def attach_keys(self, actions, fire) -> None:
        """The timer's keys while this window is the active one (a clicker aimed at it)."""
        for source in actions.all():
            proxy = QAction(self)
            proxy.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            proxy.triggered.connect(lambda _checked=False, a=source: fire(a))
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
        menu.addActions(self.options.all())
        menu.addSeparator()
        menu.addActions([self.full_screen_action, self.frameless_action])
        menu.addSeparator()
        menu.addAction(_("Close the stage view"), self.close)
        return menu

    def _menu(self, position) -> None:
        self.screen_menu().exec(self.mapToGlobal(position))

    # --- scale -------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 (every row is a share of the height)
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Titles, banner, words and footer as fixed shares of the window's height, one line
        each and elided: a long title never takes the clock's room, so the digits keep at
        least half of the height (40 % and more in font size) at any aspect ratio."""
        # In a portrait window the rows are sized to the width too: a title in letters a
        # tenth of a tall window's height would show only a few words of it.
        height = max(min(self.height(), int(self.width() * 1.2)), 100)
        ended = self.display is not None and self.display.phase == t.STOPPED
        rows = (
            (self.title, TITLE),
            (self.banner, 0.3 if ended else BANNER),  # "Session ended", large
            (self.words, WORDS),
            (self.speaker_caption, SPEAKER * 0.45),
            (self.next_item, FOOTER),
            (self.time_of_day, FOOTER),
            (self.projected, FOOTER),
        )
        # A portrait window: the footer's three readings one above the other, else each
        # would be elided to a few letters (the clock stands on two lines, see FitText).
        portrait = self.height() > self.width()
        self.footer.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        for label, share in rows:
            font = QFont(label.font())
            font.setPixelSize(max(int(height * share * 0.8), 10))
            label.setFont(font)
            label.setFixedHeight(max(int(height * share), 12))
        self.speaker_panel.setFixedHeight(int(height * SPEAKER))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Stage view — Facilitator"))
        self.options.retranslate()
        self.full_screen_action.setText(
            _("Full screen on this screen ({key})").format(key=key_text("F11"))
        )
        self.leave_action.setText(_("Leave full screen ({key})").format(key=key_text("Esc")))
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
        keys = comma_join(
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
    timer_menu.addSeparator()
    timer_menu.addAction(page.chimes.action)
    timer_menu.addAction(page.queue.budgets_action)
    window.installEventFilter(_CloseWatcher(window, page))
    window.stage_view_action = stage

    def retranslate() -> None:
        stage.setText(_("&Stage view"))
        timer_menu.setTitle(_("&Timer"))

    window.extra_retranslations.append(retranslate)
    retranslate()
