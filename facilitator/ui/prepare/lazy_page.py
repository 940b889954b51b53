"""A tab of the session view whose page is made when first needed.

The tab, its title and its place in the keyboard order are there from the start; the page (and
its module, imported by `make`) comes when the tab is first shown, or when the session view is
asked for it. Until then the window's first frame neither imports nor builds it."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.domain.changes import ChangeSet


class LazyPage(QWidget):
    """Stands for a SessionPage in its tab: set_session makes the page and tells it;
    document_changed reaches it once made (a page not made yet reads the file when it is)."""

    def __init__(self, kind: str, title: Callable[[], str], *args: object) -> None:
        super().__init__()
        self.kind = kind  # "module:Class" of the page, made with `args`
        self._args, self._title = args, title
        self.page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def is_kind(self, cls: type) -> bool:
        return self.kind == f"{cls.__module__}:{cls.__qualname__}"

    def made(self) -> QWidget:
        if self.page is None:
            module, name = self.kind.split(":")
            self.page = getattr(importlib.import_module(module), name)(*self._args)
            self.layout().addWidget(self.page)
            self.page.show()  # now, not queued: the frame that shows the tab shows the page
            if self.hasFocus():  # the tab switch gave the empty stand-in the focus: as with
                self.focusNextChild()  # any tab, it goes to the page's first control
        return self.page

    def page_title(self) -> str:
        return self.page.page_title() if self.page is not None else self._title()  # type: ignore[attr-defined]

    def set_session(self, doc: Document, content: m.SessionContent) -> None:
        self.made().set_session(doc, content)  # type: ignore[attr-defined]

    def document_changed(self, changes: ChangeSet) -> None:
        if self.page is not None and hasattr(self.page, "document_changed"):
            self.page.document_changed(changes)
