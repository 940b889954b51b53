"""The QApplication: bundled fonts, Qt's own translations, layout direction, live language."""

from __future__ import annotations

import linecache
import os
import sys
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QSize, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDateTimeEdit

from facilitator import __version__, settings
from facilitator.i18n import get_language, is_rtl, set_language
from facilitator.i18n.catalog import PSEUDO, PSEUDO_CLOSE, PSEUDO_OPEN
from facilitator.i18n.fonts import font_path, resource
from facilitator.ui.common import gui_gc
from facilitator.ui.common.errors import install_exception_hook

FONTS = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    # The UI variant: Noto Sans's line height (18 px at 10 pt, not 28), so a window in Arabic is
    # as tall as in English; the reports keep Noto Sans Arabic's roomier lines.
    "NotoSansArabicUI-Regular.ttf",
    "NotoSansArabicUI-Bold.ttf",
)

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

_qt_translator: QTranslator | None = None
_qt_overrides: QTranslator | None = None

# Qt's "ar" is Egyptian Arabic, with Arabic-Indic digits in spin boxes and date fields ("٣٫٠ د");
# Modern Standard Arabic (ar_001) writes the Latin digits the timer, the tables and the report
# use (Babel's "ar"), with the same month names.
QT_LOCALES = {"ar": "ar_001"}


class PseudoQtTranslator(QTranslator):
    """Marks Qt's own strings (standard buttons, dialogs) in the pseudo-locale, as the
    catalogs mark ours, so the sweep proves they go through a translator too."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return f"{PSEUDO_OPEN}{source}{PSEUDO_CLOSE}" if source else source

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def load_fonts() -> None:
    """Register the bundled Noto fonts so Latin, Cyrillic and Arabic render the same everywhere."""
    for name in FONTS:
        QFontDatabase.addApplicationFont(font_path(name))
    font = QFont("Noto Sans")
    font.setFamilies(["Noto Sans", "Noto Sans Arabic UI"])
    font.setPointSize(10)
    QApplication.setFont(font)


def apply_language(lang: str, remember: bool = False) -> None:
    """Switch the interface language now: our catalogs, Qt's own strings, direction, widgets."""
    global _qt_translator
    app = QApplication.instance()
    # Read before anything retranslates: a switch empties what displayFormat() returns.
    formats = [
        (edit, edit.displayFormat())
        for edit in (app.allWidgets() if app is not None else [])
        if isinstance(edit, QDateTimeEdit)
    ]
    set_language(lang)
    if remember:
        settings.save({"language": lang})
    if app is None:
        return
    QLocale.setDefault(QLocale(QT_LOCALES.get(lang, lang)))
    direction = Qt.LayoutDirection.RightToLeft if is_rtl(lang) else Qt.LayoutDirection.LeftToRight
    app.setLayoutDirection(direction)
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
    translator = PseudoQtTranslator(app) if lang == PSEUDO else QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang == PSEUDO or translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)  # posts LanguageChange to every widget...
        _qt_translator = translator
        _install_overrides(app, lang)  # after Qt's catalog: searched before it
        # ...which we deliver now, so every window has changed when this returns.
        app.sendPostedEvents(None, QEvent.Type.LanguageChange)
    else:
        _qt_translator = None
        _install_overrides(app, "")
        for widget in app.allWidgets():
            try:
                app.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
            except RuntimeError:  # a widget already deleted on the C++ side
                continue
    _follow_locale(app, formats)


def _install_overrides(app: QApplication, lang: str) -> None:
    """Qt's own strings we word otherwise (translations/qt/), for `lang` ("" for none):
    installed after Qt's catalog, so Qt reads them first."""
    global _qt_overrides
    if _qt_overrides is not None:
        app.removeTranslator(_qt_overrides)
        _qt_overrides = None
    path = files("facilitator.translations") / "qt" / f"qtbase_overrides_{lang}.qm"
    overrides = QTranslator(app)
    if path.is_file() and overrides.load(str(path)):
        app.installTranslator(overrides)
        _qt_overrides = overrides


def _follow_locale(app: QApplication, formats: list[tuple[QDateTimeEdit, str]]) -> None:
    """What Qt fixes when a widget is made and never again: a window switched live must show
    what a window made now shows."""
    # Widgets read the default locale when they are made: give the open windows the new one
    # (it reaches every child), or spin boxes keep the old decimal sign ("3,0 min").
    for window in app.topLevelWidgets():
        window.setLocale(QLocale())
    # A date or time field orders its sections by the direction it had when its format was
    # set: set the format again, now that the direction changed.
    for edit, shown in formats:
        if not shown:
            continue
        try:
            edit.blockSignals(True)
            edit.setDisplayFormat(shown + " ")  # the same format is not parsed again
            edit.setDisplayFormat(shown)
            edit.blockSignals(False)
        except RuntimeError:  # deleted meanwhile
            continue


def app_icon() -> QIcon:
    """The project's icon at every size drawn for it (the small ones are a simpler drawing)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource("icons", f"facilitator-{size}.png")), QSize(size, size))
    return icon


def forget_sources() -> None:
    """PySide6's import hook reads the source of every module that imports something (it looks
    for `from __feature__ import`), and linecache keeps it: 6 MiB of source text at start-up
    that nothing reads again. Dropped, the memory goes to what the window makes next (a
    traceback reads the lines it shows again from the files)."""
    linecache.clearcache()


def make_app() -> QApplication:
    forget_sources()  # the window's modules are imported by now
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Facilitator")
    app.setOrganizationName("Facilitator")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("facilitator")  # matches packaging/linux/facilitator.desktop
    app.setWindowIcon(app_icon())
    gui_gc.install(app)  # before any worker thread can start
    load_fonts()
    apply_language(get_language())
    return app


def start(path: Path | None) -> int:
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.recent_files import last_file

    app = make_app()
    install_exception_hook()
    window = MainWindow()
    window.show()
    if path is None:
        path = last_file()  # where the user left off, if it is still there
    if path is not None:
        window.open_path(path)
    # For smoke tests of an installed app: show the window, then quit after this many ms.
    quit_after = os.environ.get("FACILITATOR_EXIT_AFTER_MS")
    if quit_after:
        QTimer.singleShot(int(quit_after), app.quit)
        print(window.windowTitle(), flush=True)
    return app.exec()
