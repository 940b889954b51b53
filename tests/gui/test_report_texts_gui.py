"""Where people write what the report says beyond its lists: a topic's narrative and a
take-away's attribution in the Summary tab, the series' closing texts in Series details, and
the template chosen in File > Export. Screenshots in English and Arabic go to $FACILITATOR_SHOTS when set."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton
from shots import shots_dir

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.exports.report_model import build_report
from facilitator.storage import repository as repo
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.document_signals import DocumentSignals
from facilitator.ui.files.export_dialog import ExportDialog
from facilitator.ui.prepare.series_dialog import SeriesDialog
from facilitator.ui.summary.page import SummaryPage

SHOTS = shots_dir("report")


def shoot(widget, name: str) -> None:
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture(params=["en", "ar"])
def lang(request):
    make_app()
    apply_language(request.param)
    yield request.param
    apply_language("en")


@pytest.fixture
def signals(demo_db):
    signals = DocumentSignals()
    signals.set_document(Document(demo_db))
    return signals


@pytest.fixture
def page(qtbot, signals, demo_db, lang):
    widget = SummaryPage(signals)
    signals.changed.connect(widget.document_changed)
    qtbot.addWidget(widget)
    widget.set_session(signals.doc, repo.load_series(demo_db).sessions[0])
    widget.resize(1100, 820)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_topic_narrative_is_typed_saved_and_printed(qtbot, page, demo_db, lang):
    editor = page.findChild(QPlainTextEdit, "topicNarrative")
    assert editor.toPlainText().startswith("While there are growing initiatives")  # the demo's
    shoot(page, f"summary-tab-{lang}")
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "A new lead with a [link](https://un.org/x)")
    qtbot.keyClick(page.findChild(QPushButton, "saveNarrative"), Qt.Key.Key_Space)
    content = repo.load_series(demo_db)
    topic = page.topic_id()
    [stored] = [
        t for t in content.sessions[0].takeaways if t.kind == "narrative" and t.topic_id == topic
    ]
    assert stored.text == "A new lead with a [link](https://un.org/x)"
    report = build_report(content, "en", [content.sessions[0].session.id], "public")
    lead = next(b for b in report.blocks if b.text.startswith("A new lead"))
    assert lead.spans[1].url == "https://un.org/x"
    page.signals.undo()
    assert editor.toPlainText().startswith("While there are growing initiatives")


def test_the_attribution_of_a_take_away_is_chosen_in_the_tab(qtbot, page, demo_db, lang):
    pledges = page.lists["pledge"]
    pledges.setCurrentRow(0)
    box = page.findChild(QComboBox, "takeawayAttribution")
    assert box.isEnabled()
    box.setFocus()
    box.setCurrentIndex(box.findData("group"))
    box.activated.emit(box.currentIndex())
    [pledge] = [t for t in repo.find(demo_db, m.Takeaway) if t.kind == "pledge"]
    assert pledge.attribution == "group"
    content = repo.load_series(demo_db)
    report = build_report(content, "en", [content.sessions[0].session.id], "public")
    assert any(b.text.startswith("Member State: Will share") for b in report.blocks)


def test_series_details_keep_the_reports_closing_texts(qtbot, signals, demo_db, lang):
    dialog = SeriesDialog(signals)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shoot(dialog, f"series-details-{lang}")
    url = dialog.findChild(QLineEdit, "series_workstream_url")
    assert url.text() == "https://migrationnetwork.un.org/"
    thanks = dialog.findChild(QPlainTextEdit, "series_acknowledgements")
    dialog.activateWindow()
    thanks.setFocus()
    qtbot.waitUntil(thanks.hasFocus)
    qtbot.keyClicks(thanks, "With thanks to the interpreters.")
    url.setFocus()  # leaving the field saves it
    qtbot.waitUntil(lambda: repo.get_series(demo_db).acknowledgements != "")
    assert repo.get_series(demo_db).acknowledgements == "With thanks to the interpreters."


def test_export_offers_the_public_summary_first(qtbot, signals, demo_db, lang):
    session_id = repo.load_series(demo_db).sessions[0].session.id
    dialog = ExportDialog(None, signals.doc, session_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shoot(dialog, f"export-dialog-{lang}")
    box = dialog.findChild(QComboBox, "exportTemplate")
    assert [box.itemData(n) for n in range(box.count())] == ["public", "internal"]
    assert box.currentData() == "public" and box.isEnabled()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
    assert not box.isEnabled()  # a data export has no template
