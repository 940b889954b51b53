"""Collecting the mnemonics (Alt+letter) a user can press at one time, scope by scope.

Qt fires a mnemonic of a visible, enabled widget anywhere in its window, so one scope is a
window (or one tab page of the main window) with the menu bar's titles counted in it; each
open menu is a scope of its own. Used by tests/gui/test_mnemonics.py."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ("&&" is a literal ampersand), case-folded."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].casefold()
        i += 1
    return None


def _shown(w: QWidget, root: QWidget) -> bool:
    return w is root or (w.isVisibleTo(root) and w.isEnabled())


def window_mnemonics(root: QWidget) -> dict[str, list[str]]:
    """letter -> [where] for every mnemonic that works while `root` is the active window."""
    found: dict[str, list[str]] = defaultdict(list)
    for w in [root, *root.findChildren(QWidget)]:
        if w.window() is not root or not _shown(w, root):
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        texts: list[str] = []
        if isinstance(w, QAbstractButton):
            texts = [w.text()]
        elif isinstance(w, QLabel) and w.buddy() is not None:
            texts = [w.text()]
        elif isinstance(w, QGroupBox):
            texts = [w.title()]
        elif isinstance(w, QTabBar):
            texts = [w.tabText(n) for n in range(w.count()) if w.isTabEnabled(n)]
        for text in texts:
            letter = mnemonic(text)
            if letter:
                found[letter].append(f"{name}: {text}")
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            if action.isVisible() and (letter := mnemonic(action.text())):
                found[letter].append(f"menu bar: {action.text()}")
    return found


def menu_scopes(root: QMainWindow) -> dict[str, dict[str, list[str]]]:
    """menu path -> letter -> [entries], for every menu and submenu of the menu bar."""
    scopes: dict[str, dict[str, list[str]]] = {}

    def walk(menu: QMenu, path: str) -> None:
        menu.aboutToShow.emit()  # menus filled on show (Open Recent) fill now
        found: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            if letter := mnemonic(action.text()):
                found[letter].append(action.text())
            if action.menu() is not None:
                walk(action.menu(), f"{path} > {action.text()}")
        scopes[path] = found

    for action in root.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu(), action.text())
    return scopes


def clashes(found: dict[str, list[str]]) -> list[str]:
    return [f"Alt+{k}: {' | '.join(v)}" for k, v in sorted(found.items()) if len(v) > 1]
