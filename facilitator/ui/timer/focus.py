"""Where the timer keys go, shown on the timer page, and letters kept away from the timer.

The cue is a line above the clock, visible exactly when a press of Space would reach the
timer (the page is shown in the active window and no text field has the focus), so the
moderator sees before pressing whether the keys will act. `type_ahead` sends a letter typed
on the page itself to the speaker field: what follows (a space in "Jo Smith") is then typed
there, never a press of the timer's Space.

The page's buttons are reached with Tab but never take the focus on a click (Qt.TabFocus): a
click leaves Space with the timer, as before. A button reached with Tab takes Space and
Return for itself, as buttons do everywhere (`PressKeys`), and the cue hides meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from facilitator.i18n import _
from facilitator.ui.common.keys import key_text

TYPING = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
CUE_STYLE = (
    "#timerFocusCue { background: palette(highlight); color: palette(highlighted-text);"
    " border-radius: 4px; padding: 2px 6px; }"
)


PRESS_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


def takes_typing(widget: QWidget | None) -> bool:
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, TYPING) or isinstance(widget, QAbstractButton)


class PressKeys(QObject):
    """Space, Return and Enter press the focused button instead of reaching the window's
    shortcuts (the timer's Space); a check box takes Space alone."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(watched, QAbstractButton) or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        keys = PRESS_KEYS if not watched.isCheckable() else (Qt.Key.Key_Space,)
        if event.key() not in keys:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to the button as a key press
            return True
        if event.key() != Qt.Key.Key_Space:  # Space: the button's own press and release
            watched.animateClick()
            return True
        return False


def tab_button(button: QAbstractButton) -> QAbstractButton:
    """Reached with Tab, never focused by a click; Space and Return press it."""
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    if getattr(tab_button, "filter", None) is None:
        tab_button.filter = PressKeys()
    button.installEventFilter(tab_button.filter)
    return button


def chain_focus(widgets: Sequence[QWidget]) -> None:
    """Tab visits the widgets in this order."""
    for before, after in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(before, after)


class FocusCue(QLabel):
    """'Timer keys active', shown while the page's keys would act."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        self.setObjectName("timerFocusCue")
        self.setStyleSheet(CUE_STYLE)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the clock does not jump when it comes and goes
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)
        self.hide()
        QApplication.instance().focusChanged.connect(self.follow)

    def follow(self, _old: QWidget | None = None, now: QWidget | None = None) -> None:
        try:
            focused = QApplication.focusWidget() if now is None else now
            window = self.page.window()
            active = (
                self.page.isVisible()
                and QApplication.activeWindow() is window
                and focused is not None
                and focused.window() is window
                and not takes_typing(focused)
                and not takes_typing(focused.parentWidget())
            )
            self.setVisible(active)
        except RuntimeError:  # the page is being destroyed
            pass

    def retranslate(self) -> None:
        self.setText(_("Timer keys active"))
        self.setToolTip(
            _(
                "{space}: start or pause · {next}: next item · {previous}: previous item · "
                "+ and −: a minute"
            ).format(space=key_text("Space"), next=key_text("PgDown"), previous=key_text("PgUp"))
        )


def type_ahead(event: QKeyEvent, field: QComboBox) -> bool:
    """A letter typed on the page goes to the speaker field; True when it was taken."""
    text = event.text()
    mods = event.modifiers() & ~(
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
    )
    if not text or not text.isprintable() or text.isspace() or mods:
        return False
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    field.lineEdit().insert(text)
    return True
