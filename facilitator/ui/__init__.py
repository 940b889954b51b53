"""The PySide6 user interface."""

from __future__ import annotations

import sys
from types import ModuleType

import shiboken6  # noqa: F401 (brings PySide6's import hook, which PySide6 then starts)


def _answer_by_name() -> None:
    """PySide6 asks of every module imported after it whether it uses PySide6 (for its
    `from __feature__ import` switches), by reading the module's whole source with
    inspect.getsource, which linecache then keeps: some 180 modules at start-up, 15 ms and
    6 MiB. This app selects no feature, so the answer only tells PySide whether to switch
    anything for the module: yes for our interface (what the source scan answers), no for
    the rest, which never imports Qt (the import-linter contracts), as the scan answers too."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        return  # another PySide6: its own way, slower but right

    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        return name.startswith(("facilitator.ui", "PySide6", "pytestqt", "__main__"))

    feature._mod_uses_pyside = uses_pyside  # noqa: SLF001


_answer_by_name()
