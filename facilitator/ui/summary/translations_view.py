"""Summary tab > Translations…: each text of the session beside its version in a chosen export
language, and which languages each text still lacks (facilitator.app.translations).

The table lists the texts (what it is, the original, the version in the chosen language, the
languages with no version); below it the chosen text's original and its version side by side.
The version is saved with Save version (Ctrl+Return), when another text is chosen, and when
the view closes, one undo step each; a version emptied is removed. What the person is typing
is never replaced by a reload.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import translations as app
from facilitator.app.document import Document
from facilitator.app.record_undo import RecordStep
from facilitator.app.summary import describe_write_error
from facilitator.domain.changes import ChangeSet
from facilitator.errors import FacilitatorError
from facilitator.i18n import (
    LANGUAGES,
    _,
    format_number,
    get_language,
    language_name,
    ngettext,
    pgettext,
    text_direction,
)
from facilitator.ui.common.bidi import isolate
from facilitator.ui.common.errors import show_error
from facilitator.ui.common.keys import key_text
from facilitator.ui.common.retranslate import Retranslating
from facilitator.ui.document_signals import DocumentSignals

KIND, ORIGINAL, VERSION, MISSING = range(4)


def _one_line(text: str, size: int = 90) -> str:
    words = " ".join(text.split())
    return words if len(words) <= size else words[: size - 1] + "…"


def _direction(lang: str) -> Qt.LayoutDirection:
    rtl = text_direction(lang) == "rtl"
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight


def _set_direction(edit: QPlainTextEdit, lang: str) -> None:
    """The editor writes in the language's direction, whatever the interface's."""
    edit.setLayoutDirection(_direction(lang))
    option = edit.document().defaultTextOption()
    option.setTextDirection(_direction(lang))
    side = (
        Qt.AlignmentFlag.AlignRight if text_direction(lang) == "rtl" else Qt.AlignmentFlag.AlignLeft
    )
    option.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side)
    edit.document().setDefaultTextOption(option)


class TranslationsDialog(Retranslating, QDialog):
    """The side-by-side view of one session's texts and their versions."""

    def __init__(self, parent: QWidget, signals: DocumentSignals, doc: Document, session_id: str):
        super().__init__(parent)
        self.setObjectName("translationsDialog")
        self.resize(980, 640)
        self.signals, self.doc, self.session_id = signals, doc, session_id
        self.sheet: app.Sheet | None = None
        self.row = -1  # the text shown in the editors
        self._previous_language = ""  # the language the version being typed is for

        self.source_label, self.source_box = QLabel(), QComboBox(objectName="originalLanguage")
        self.source_label.setBuddy(self.source_box)
        self.source_box.activated.connect(self._source_chosen)
        self.lang_label, self.lang_box = QLabel(), QComboBox(objectName="versionLanguage")
        self.lang_label.setBuddy(self.lang_box)
        self.lang_box.currentIndexChanged.connect(lambda _n: self._language_chosen())
        self.counts = QLabel(objectName="missingCounts")
        self.counts.setWordWrap(True)
        top = QHBoxLayout()
        for widget in (self.source_label, self.source_box, self.lang_label, self.lang_box):
            top.addWidget(widget)
        top.addStretch(1)

        self.table = QTableWidget(0, 4, objectName="translationsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ORIGINAL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(VERSION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MISSING, QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(lambda row, *_a: self._show_row(row))

        self.original_label, self.version_label = QLabel(), QLabel()
        self.original = QPlainTextEdit(objectName="originalText", readOnly=True)
        self.version = QPlainTextEdit(objectName="versionText")
        for edit in (self.original, self.version):
            edit.setTabChangesFocus(True)
        self.original_label.setBuddy(self.original)
        self.version_label.setBuddy(self.version)
        self.save_button = QPushButton(objectName="saveVersion")
        self.save_button.clicked.connect(self.save)
        self.version.installEventFilter(self)  # Ctrl+Return saves (eventFilter)
        pane = QGridLayout()
        pane.addWidget(self.original_label, 0, 0)
        pane.addWidget(self.version_label, 0, 1)
        pane.addWidget(self.original, 1, 0)
        pane.addWidget(self.version, 1, 1)
        pane.addWidget(self.save_button, 2, 1, Qt.AlignmentFlag.AlignRight)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 3)
        layout.addLayout(pane, 2)
        layout.addWidget(self.buttons)
        signals.changed.connect(self.document_changed)
        signals.opened.connect(self._document_opened)
        # Edit > Undo and Redo of the window work here too (Ctrl+Z outside a text box).
        window = parent.window()
        self.addActions(
            [
                a
                for a in (
                    getattr(window, "undo_action", None),
                    getattr(window, "redo_action", None),
                )
                if a
            ]
        )
        self.reload()
        self._previous_language = self.language()
        self.retranslate_ui()

    # --- reading ---------------------------------------------------------------------------

    @staticmethod
    def _name(code: str) -> str:
        return language_name(code, get_language())

    def language(self) -> str:
        return self.lang_box.currentData() or ""

    def reload(self) -> None:
        """Read the file again; the text being typed stays as typed."""
        self.sheet = app.sheet(self.doc, self.session_id)
        if self.sheet is None:
            self.table.setRowCount(0)
            return
        self._fill_languages()
        self._fill_table()

    def _document_opened(self, doc) -> None:
        """Another file (or none) is open: this view's file is gone from the window."""
        if doc is not self.doc:
            self.doc = None
            self.close()

    def document_changed(self, changes: ChangeSet) -> None:
        if self.doc is not None and changes.touches(*app.SHOWN_KINDS):
            self.reload()

    def _fill_languages(self) -> None:
        sheet = self.sheet
        current = self.lang_box.currentData()
        self.source_box.blockSignals(True)
        self.source_box.clear()
        for code in LANGUAGES:
            self.source_box.addItem(self._name(code), code)
        self.source_box.setCurrentIndex(max(self.source_box.findData(sheet.content_language), 0))
        self.source_box.blockSignals(False)
        self.lang_box.blockSignals(True)
        self.lang_box.clear()
        for code in sheet.targets:
            count = sheet.missing_count(code)
            missing = ngettext("{count} missing", "{count} missing", count).format(
                count=format_number(count)
            )
            self.lang_box.addItem(
                _("{language} ({missing})").format(language=self._name(code), missing=missing),
                code,
            )
        found = self.lang_box.findData(current)
        self.lang_box.setCurrentIndex(found if found >= 0 else 0)
        self.lang_box.blockSignals(False)
        parts = [
            _("{language}: {count}").format(
                language=self._name(code), count=format_number(sheet.missing_count(code))
            )
            for code in sheet.targets
        ]
        self.counts.setText(
            _("Texts without a version, per language: {counts}").format(counts=_(", ").join(parts))
        )

    def _fill_table(self) -> None:
        sheet, lang = self.sheet, self.language()
        row = max(self.table.currentRow(), 0)
        self.table.blockSignals(True)
        self.table.setRowCount(len(sheet.entries))
        for n, entry in enumerate(sheet.entries):
            version = sheet.version(entry, lang)
            missing = sheet.missing_in(entry)
            cells = (
                app.kind_label(entry),
                isolate(_one_line(entry.original)),
                isolate(_one_line(version)) if version else _("— missing —"),
                ", ".join(missing) if missing else pgettext("missing in no language", "none"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == MISSING and missing:
                    item.setToolTip(_(", ").join(self._name(c) for c in missing))
                self.table.setItem(n, column, item)
        self.table.blockSignals(False)
        if sheet.entries:
            row = min(row, len(sheet.entries) - 1)
            self.table.setCurrentCell(row, VERSION)
            self._show_row(row, keep_typed=True)
        else:
            self._show_row(-1)

    def _show_row(self, row: int, keep_typed: bool = False) -> None:
        """Show a text and its version; the version typed for the previous one is saved."""
        if not keep_typed and row != self.row:
            self.save()
        same = row == self.row
        self.row = row
        entry = self._entry()
        self.version.setEnabled(entry is not None)
        self.save_button.setEnabled(entry is not None)
        if entry is None:
            self.original.setPlainText("")
            self.version.setPlainText("")
            return
        self.original.setPlainText(entry.original)
        stored = self.sheet.version(entry, self.language())
        if same and keep_typed and self.version.document().isModified():
            return  # never replace what is being typed
        if not (same and self.version.toPlainText() == stored):  # keeps the cursor where it is
            self.version.setPlainText(stored)
        self.version.document().setModified(False)
        _set_direction(self.version, self.language())
        _set_direction(self.original, self.sheet.content_language)

    def _entry(self) -> app.Entry | None:
        if self.sheet is None or not 0 <= self.row < len(self.sheet.entries):
            return None
        return self.sheet.entries[self.row]

    # --- changes ---------------------------------------------------------------------------

    def _run(self, step: RecordStep) -> bool:
        try:
            self.signals.run(step.operation, undo=step)
        except sqlite3.Error as error:
            show_error(self, FacilitatorError(describe_write_error(error)))
        except FacilitatorError as error:
            show_error(self, error)
        else:
            return True
        return False

    def save(self) -> None:
        """Save the version typed for the text shown (nothing when unchanged)."""
        entry = self._entry()
        modified = self.version.document().isModified()
        if self.doc is None or entry is None or self.sheet is None or not modified:
            return
        text = self.version.toPlainText()
        if text.strip() == self.sheet.version(entry, self.language()).strip():
            self.version.document().setModified(False)
            return
        self.version.document().setModified(False)
        if not self._run(app.set_version(self.doc, entry, self.language(), text)):
            self.version.document().setModified(True)  # kept as typed, to try again

    def _language_chosen(self) -> None:
        self.save_typed_for(self._previous_language)
        self._previous_language = self.language()
        if self.sheet is not None:
            self._fill_table()
            self.retranslate_ui()

    def save_typed_for(self, lang: str) -> None:
        """The version typed belongs to the language it was typed for."""
        entry = self._entry()
        if (
            not lang
            or entry is None
            or self.doc is None
            or not self.version.document().isModified()
        ):
            return
        self.version.document().setModified(False)
        text = self.version.toPlainText()
        self._run(app.set_version(self.doc, entry, lang, text))

    def _source_chosen(self, _index: int) -> None:
        code = self.source_box.currentData()
        if self.sheet is not None and code and code != self.sheet.content_language:
            self.save()
            self._run(app.set_content_language(self.doc, self.sheet.series_id, code))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            watched is self.version
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.save()
            return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.save()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.save()
        super().done(result)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Translations of the summary"))
        self.source_label.setText(_("Language of the &originals:"))
        self.lang_label.setText(_("&Version in:"))
        self.table.setHorizontalHeaderLabels(
            [
                _("Text"),
                _("Original"),
                self._name(self.language()) if self.language() else _("Version"),
                _("Missing in"),
            ]
        )
        self.table.setAccessibleName(_("Texts of the session and their versions"))
        self.original_label.setText(_("Original"))
        self.original.setAccessibleName(_("Original"))
        code = self.language()
        lang = language_name(code, get_language(), inside=True) if code else ""
        self.version_label.setText(_("&Text in {language}").format(language=lang))
        self.version.setAccessibleName(_("Text in {language}").format(language=lang))
        self.save_button.setText(_("&Save version"))
        self.save_button.setToolTip(key_text("Ctrl+Return"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("&Close"))
        if self.sheet is not None:
            self._fill_languages()
            self._fill_table()
