"""A mixin for widgets that retranslate themselves when the language changes."""

from __future__ import annotations

import functools

from PySide6.QtCore import QEvent


class Retranslating:
    """Calls `retranslate_ui()` on Qt's LanguageChange event (sent by apply_language).

    A LanguageChange can arrive while a widget is still being built (Qt delivers pending
    events when a parent is set); it is ignored until the widget's own __init__ has called
    retranslate_ui() once, since that call gives it its texts anyway.
    """

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        method = cls.__dict__.get("retranslate_ui")
        if method is None:
            return

        @functools.wraps(method)
        def retranslate_ui(self, *args, **kw):
            result = method(self, *args, **kw)
            self._texts_ready = True
            return result

        cls.retranslate_ui = retranslate_ui

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange and getattr(self, "_texts_ready", False):
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]

    def retranslate_ui(self) -> None:
        raise NotImplementedError
