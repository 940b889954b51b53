"""A mixin for widgets that retranslate themselves when the language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Calls `retranslate_ui()` on Qt's LanguageChange event (sent by apply_language)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]

    def retranslate_ui(self) -> None:
        raise NotImplementedError
