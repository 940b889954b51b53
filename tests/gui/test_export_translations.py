"""File > Export… in another language than the originals': before writing, the texts with no
version in that language are listed, with the choice to export with the originals or cancel;
the report then prints the versions there are. In English and Arabic."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from shots import shots_dir

from facilitator.app.document import Document
from facilitator.domain import model as m
from facilitator.storage import open_file, translation_store
from facilitator.storage import repository as repo
from facilitator.ui.application import apply_language, make_app
from facilitator.ui.files.export_dialog import ExportDialog
from facilitator.ui.files.privacy_dialog import PrivacyDialog

FR = "Manque de ressources humaines, de budget et d’outils techniques"


@pytest.fixture(params=["en", "ar"])
def lang(request):
    make_app()
    apply_language(request.param)
    yield request.param
    apply_language("en")


@pytest.fixture
def doc(demo_path):
    db = open_file(demo_path, device="test")
    yield Document(db)
    db.close()


def start(qtbot, doc, out) -> tuple[ExportDialog, m.Takeaway]:
    content = repo.load_series(doc.db)
    sc = content.sessions[0]
    takeaway = next(
        t for t in sorted(sc.takeaways, key=lambda t: t.position) if t.kind != "narrative"
    )
    translation_store.set_version(doc.db, "takeaway", takeaway.id, "text", "fr", FR)
    dialog = ExportDialog(None, doc, sc.session.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("fr"))
    dialog.path_edit.setText(str(out))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)  # OK is the default button
    return dialog, takeaway


def test_cancel_in_the_missing_list_writes_nothing(qtbot, doc, lang, tmp_path):
    out = tmp_path / "report-fr.md"
    dialog, _takeaway = start(qtbot, doc, out)
    box = dialog.findChild(QMessageBox, "missingVersions")
    assert box is not None and box.isVisible()
    assert "Background" in box.informativeText() or lang != "en"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.isVisible() and dialog.worker is None and not out.exists()


def test_export_with_the_originals_prints_the_versions_there_are(qtbot, doc, lang, tmp_path):
    out = tmp_path / "report-fr.md"
    dialog, takeaway = start(qtbot, doc, out)
    box = dialog.findChild(QMessageBox, "missingVersions")
    assert box.defaultButton().text() != "OK"
    count = re.search(r"\d+", box.text())
    assert count is not None and int(count.group()) > 10
    box.resize(700, 400)
    box.grab().save(str(shots_dir("content") / f"missing-{lang}.png"))
    with qtbot.waitSignal(dialog.finished_export, timeout=20000):
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: export with the originals
        privacy = dialog.findChild(PrivacyDialog)
        if privacy is not None and privacy.isVisible():
            privacy.accept()
    text = out.read_text(encoding="utf-8")
    assert FR in text and takeaway.text not in text
