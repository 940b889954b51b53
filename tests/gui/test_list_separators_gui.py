"""The Overview and the speakers queue in Arabic list their items with «، » or «و», never a
Latin comma (and the Overview's languages read as in a sentence: «anglais, français et
espagnol», not capitalized like a menu); its ISO dates and times stay left to right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit, QLabel
from timer_fixtures import make_file
from timer_window import window_on_timer

from facilitator.domain.speakers import QueueEntry
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.main_window import MainWindow
from facilitator.ui.prepare.date_field import DateField


def test_the_overview_lists_languages_as_a_sentence_does(qtbot, demo_path):
    make_app()
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_path(demo_path)
    win.show()
    try:
        names = win.findChild(QLabel, "interpretationNames")
        assert names.text() == "English, French and Spanish"
        apply_language("ar")
        assert names.text() == "الإنكليزية والفرنسية والإسبانية"
        # ISO dates and times read left to right (a right-to-left field drew 14:00 as 00:14).
        for edit in win.findChildren(QDateTimeEdit):
            assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
        apply_language("fr")
        assert names.text() == "anglais, français et espagnol"
    finally:
        apply_language("en")


def test_the_speakers_queue_in_arabic_has_no_latin_comma(qtbot, tmp_path, clock):
    win, page = window_on_timer(qtbot, make_file(tmp_path))
    try:
        apply_language("ar")
        amina = next(p for p in page.session.participants.values() if p.country == "Mali")
        page.run(lambda s: s.enqueue(QueueEntry(amina.name, amina.id)))
        text = page.queue.list.item(0).text()
        assert "Mali" in text and "،" in text and "," not in text
    finally:
        page.close_stage()
        apply_language("en")


def test_a_window_opened_in_arabic_shows_iso_dates_and_times_in_order(qtbot, demo_path):
    make_app()
    apply_language("ar")
    try:
        win = MainWindow()
        qtbot.addWidget(win)
        assert win.open_path(demo_path)
        win.show()
        texts = {e.objectName(): e.text() for e in win.findChildren(QDateTimeEdit)}
        assert texts["field-start_time"] == "15:00"
        date = win.findChild(DateField, "field-date")
        assert date.text() == "2023-03-23"
        assert date.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        apply_language("en")
