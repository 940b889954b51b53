"""Where the timer keys go, shown on the timer page, and letters kept away from the timer.

The cue is a line above the clock, visible exactly when a press of Space would reach the
timer (the page is shown in the active window and no text field has the focus), so the
moderator sees before pressing whether the keys will act. `type_ahead` sends a letter typed
on the page itself to the speaker field: what follows (a space in "Jo Smith") is then typed
there, never a press of the timer's Space.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
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

TYPING = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
CUE_STYLE = (
    "#timerFocusCue { background: palette(highlight); color: palette(highlighted-text);"
    " border-radius: 4px; padding: 2px 6px; }"
)


def takes_typing(widget: QWidget | None) -> bool:
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, TYPING)


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
                "Space: start or pause · Page Down: next item · Page Up: previous · + and −: a minute"
            )
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
