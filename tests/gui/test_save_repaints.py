"""A save repaints what it changed, not the whole Notes tab; the session tabs still lay out
when their own layout changes (a longer tab title, a page that needs more room)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from facilitator.ui.common.quiet_tabs import keep_quiet
from facilitator.ui.notes.page import NotesPage

CTRL = Qt.KeyboardModifier.ControlModifier


class Paints(QObject):
    """Counts the paint events of the widgets it watches."""

    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__()
        self.count: Counter[str] = Counter()
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.count[watched.objectName()] += 1
        return False


def settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(50)


def test_ctrl_enter_repaints_the_table_and_the_labels_not_the_whole_tab(demo_window, qtbot):
    page = demo_window.findChild(NotesPage)
    demo_window.session_view.tabs.setCurrentWidget(page)
    settle(qtbot)
    untouched = [
        page.filters.search,
        *page.filters.findChildren(QWidget, "filter_agenda"),
        page.form.save_button,
        page.form.heading,
        page.undo_bar.delete_button,
    ]
    assert len(untouched) == 5
    page.form.notes.setFocus()
    qtbot.keyClicks(page.form.notes, "The routes through the desert")
    settle(qtbot)
    paints = Paints([*untouched, page.table.viewport(), page.form.status])
    page.table.viewport().setObjectName("tableViewport")
    total = page.model.total
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert page.model.total == total + 1
    assert page.model.rows[0].intervention.notes == "The routes through the desert"
    assert paints.count["tableViewport"] >= 1 and paints.count["saveStatus"] >= 1
    assert not any(paints.count[w.objectName()] for w in untouched), paints.count


def tab_widget(qtbot) -> tuple[QTabWidget, QLabel, QPushButton]:
    tabs = QTabWidget()
    page = QWidget()
    label = QLabel("Saved", objectName="status")
    button = QPushButton("Untouched", objectName="button")
    layout = QVBoxLayout(page)
    layout.addWidget(label)
    layout.addWidget(button)
    tabs.addTab(page, "Notes")
    keep_quiet(tabs)
    qtbot.addWidget(tabs)
    tabs.resize(600, 300)
    tabs.show()
    qtbot.waitExposed(tabs)
    settle(qtbot)
    return tabs, label, button


def test_a_label_changed_on_a_page_repaints_the_label_alone(qtbot):
    tabs, label, button = tab_widget(qtbot)
    paints = Paints([label, button])
    label.setText("Saved (15:42).")
    settle(qtbot)
    assert paints.count == {"status": 1}


def test_the_tabs_still_lay_out_when_their_own_layout_changes(qtbot):
    tabs, label, _button = tab_widget(qtbot)
    width = tabs.tabBar().width()
    tabs.setTabText(0, "Notes taken during the whole session, with their points")
    settle(qtbot)
    assert tabs.tabBar().width() > width + 100  # the longer title is laid out in full
    needed = tabs.minimumSizeHint().height()
    label.setMinimumHeight(600)  # the page needs more room: the tab widget says so upwards
    settle(qtbot)
    assert tabs.minimumSizeHint().height() >= needed + 500
    tabs.resize(600, 900)
    settle(qtbot)
    assert tabs.currentWidget().height() > 800  # the page follows the tab widget's size


def shown(page: NotesPage, column: str) -> str:
    model = page.model
    return model.data(model.index(0, model.COLUMNS.index(column))).strip("\u2068\u2069")


def test_the_cells_kept_between_repaints_follow_edits_undo_and_the_language(demo_window, qtbot):
    """The table keeps its cells' texts between repaints: an edit, its undo and a language
    switch show at once all the same."""
    from facilitator.ui.application import apply_language

    page = demo_window.findChild(NotesPage)
    demo_window.session_view.tabs.setCurrentWidget(page)
    page.form.notes.setFocus()
    qtbot.keyClicks(page.form.notes, "First words")
    page.form.language.setCurrentIndex(page.form.language.findData("en"))
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert shown(page, "notes") == "First words" and shown(page, "language") == "English"
    page.edit_row(0)
    page.form.notes.selectAll()
    qtbot.keyClicks(page.form.notes, "Corrected words")
    qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
    settle(qtbot)
    assert shown(page, "notes") == "Corrected words"
    demo_window.signals.undo()
    settle(qtbot)
    assert shown(page, "notes") == "First words"
    apply_language("fr")
    settle(qtbot)
    assert shown(page, "language") == "Anglais"


def test_the_saved_row_is_selected_right_to_left_too(demo_window, qtbot):
    """QTableView.selectRow selects nothing right to left when the columns fill the table:
    the saved row is selected through the selection model, in Arabic as in English."""
    from facilitator.ui.application import apply_language

    page = demo_window.findChild(NotesPage)
    demo_window.session_view.tabs.setCurrentWidget(page)
    for lang in ("ar", "en"):
        apply_language(lang)
        settle(qtbot)
        page.form.notes.setFocus()
        qtbot.keyClicks(page.form.notes, f"Saved in {lang}")
        qtbot.keyClick(page.form.notes, Qt.Key.Key_Return, CTRL)
        settle(qtbot)
        selected = page.table.selectionModel().selectedRows()
        assert [i.row() for i in selected] == [0], lang
        assert page.model.rows[0].intervention.notes == f"Saved in {lang}"
