"""Help menu: the user guide (offline, in the interface language) and About with versions."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout

from facilitator.i18n import _, get_language
from facilitator.i18n.fonts import resource


def guide_html(lang: str) -> str:
    """The guide in `lang`, else in English (the pseudo-locale of the tests reads English)."""
    for code in (lang, "en"):
        page = resource("guide", f"{code}.html")
        if page.is_file():
            return page.read_text(encoding="utf-8")
    return ""


class GuideDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(_("Facilitator user guide"))
        self.browser = QTextBrowser(objectName="guideText")
        self.browser.setAccessibleName(_("Facilitator user guide"))
        self.browser.setOpenLinks(False)  # offline: nothing in the guide leaves the app
        self.browser.setHtml(guide_html(get_language()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 640)


def about_text() -> str:
    # The versions read the JSON exporter's format: imported when About is opened.
    from facilitator.app.about import versions

    v = versions()
    lines = [
        _("Facilitator {version}: run and record structured consultations, offline.").format(
            version=v["facilitator"]
        ),
        "",
        _("File format {file}, JSON format {json}").format(
            file=v["file_format"], json=v["json_format"]
        ),
        _("Qt {qt}, PySide6 {pyside}, Python {python}").format(
            qt=qVersion(), pyside=PySide6.__version__, python=v["python"]
        ),
    ]
    return "\n".join(lines)


def install_help_menu(window) -> None:
    """Help is the last menu of the bar: the guide (F1) and About."""
    menu = window.menuBar().addMenu("")
    guide = QAction(window, shortcut=QKeySequence.StandardKey.HelpContents)
    guide.setObjectName("guideAction")
    guide.triggered.connect(lambda: GuideDialog(window).open())
    about = QAction(window)
    about.setObjectName("aboutAction")
    about.triggered.connect(lambda: QMessageBox.about(window, _("About Facilitator"), about_text()))
    menu.addActions([guide, about])
    window.help_menu = menu

    def retranslate() -> None:
        menu.setTitle(_("&Help"))
        guide.setText(_("User &guide"))
        about.setText(_("&About Facilitator"))

    window.extra_retranslations.append(retranslate)
    retranslate()
