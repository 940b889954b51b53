"""The timer page and the stage controls fit a laptop: 1100x720 and 1366x768 in every
language, the window never taller than the screen, no button or reading cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from shots import shots_dir
from timer_fixtures import series
from timer_window import window_on_timer

from facilitator.app import file_ops
from facilitator.ui.application import apply_language

SHOTS = shots_dir("timer")
TITLES = ["Opening remarks", "Setting the scene", "Panel of key discussants", "Discussion"]


@pytest.fixture(params=["series", "template"])
def page(request, qtbot, tmp_path, clock):
    path = tmp_path / "fits.facilitator"
    if request.param == "template":  # a new file as the app makes it: every tab has content
        file_ops.new_from_template(path, "regional-consultation")
    else:
        content = series()
        for item, title in zip(content.sessions[0].agenda, TITLES, strict=False):
            item.title = title
        file_ops.write_new_file(path, content)
    win, page = window_on_timer(qtbot, path)
    page.template = request.param == "template"
    page.run(lambda s: s.start())  # running: the projected end and "behind plan" are shown
    for _ in range(2):  # 9 minutes on a 5-minute item: over time, the longest words
        clock.advance(270)
        page.refresh()
    yield page
    apply_language("en")


@pytest.mark.parametrize("size", [(1100, 720), (1366, 768)])
@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar", "ru"])
def test_the_timer_page_fits_a_laptop(page, qtbot, lang, size):
    apply_language(lang)
    win = page.window()
    win.resize(*size)
    qtbot.wait(20)
    page.refresh()
    qtbot.wait(20)
    assert win.minimumSizeHint().height() <= size[1] and win.height() <= size[1]
    cut = [
        b.text()
        for b in page.findChildren(QAbstractButton)
        if b.isVisible() and b.width() < b.sizeHint().width()
    ]
    assert cut == []
    assert "behind plan" in page.totals.text() or lang != "en"
    for name in ("projectedEnd", "timerTotals", "itemClock", "timerWords"):
        reading = page.findChild(QWidget, name)
        assert reading.fontMetrics().horizontalAdvance(reading.text()) <= reading.width(), name
    # Cells wrap at spaces, so a title is elided ("Opening ...") only if a word is too wide,
    # and each row is as tall as its wrapped title.
    metrics = page.table.fontMetrics()
    titles = [i.title for i in page.session.content.agenda] if page.template else TITLES
    widest = max(metrics.horizontalAdvance(w) for t in titles for w in t.split())
    assert page.table.columnWidth(1) >= widest + 12
    for row, title in enumerate(titles):
        lines = 1 if metrics.horizontalAdvance(title) + 12 <= page.table.columnWidth(1) else 2
        assert page.table.rowHeight(row) >= lines * metrics.height(), title
    header = page.table.horizontalHeader()  # no column heading cut ("Durée pr…")
    cut = [
        page.table.model().headerData(col, Qt.Orientation.Horizontal)
        for col in range(header.count())
        if header.sectionSize(col)
        < header.fontMetrics().horizontalAdvance(
            page.table.model().headerData(col, Qt.Orientation.Horizontal)
        )
        + 8  # the section's padding
    ]
    assert cut == []
    assert page.queue.picker.isVisible() and page.queue.picker.height() > 10
    # The form to add a speaker is on screen without scrolling, whole (not cut at either side).
    scroll = page.queue_scroll
    assert scroll.verticalScrollBar().value() == 0
    view = scroll.viewport()
    q = page.queue
    for field in (q.picker, q.country, q.speech, q.limit, q.add_button):
        shown = QRect(field.mapTo(view, QPoint(0, 0)), field.size())
        assert field.isVisible() and view.rect().contains(shown), field.objectName()
        assert field.width() >= field.minimumSizeHint().width(), field.objectName()
    assert q.width() <= view.width()  # no column of the queue hidden past the right edge
    if SHOTS.is_dir():
        kind = "template-" if page.template else ""
        win.grab().save(str(SHOTS / f"page-{kind}{lang}-{size[0]}x{size[1]}.png"))
    QApplication.processEvents()
