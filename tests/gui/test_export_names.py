"""File > Export… proposes a name per format: the shareable copy without personal data never
proposes the full archive's name, so exporting one cannot silently overwrite the other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from privacy_data import series
from PySide6.QtWidgets import QDialogButtonBox

from facilitator.app.document import Document
from facilitator.storage import open_file
from facilitator.storage.new_file import write_new_file
from facilitator.ui.files.export_dialog import ExportDialog


@pytest.fixture
def dialog(qtbot, tmp_path):
    path = tmp_path / "regional.facilitator"
    write_new_file(path, series(), device="test")
    db = open_file(path, device="test")
    widget = ExportDialog(None, Document(db), None)
    qtbot.addWidget(widget)
    yield widget
    db.close()


def choose(box, data) -> None:
    box.setCurrentIndex(box.findData(data))


def name(dialog) -> str:
    return Path(dialog.path_edit.text()).name


def test_the_shareable_copy_and_the_archive_propose_different_names(dialog):
    choose(dialog.format_box, "json")
    assert name(dialog) == "regional-en.json"
    choose(dialog.format_box, "json-shared")
    assert name(dialog) == "regional-en-shared.json"
    choose(dialog.language_box, "fr")  # the name follows the language, keeping its tag
    assert name(dialog) == "regional-fr-shared.json"
    choose(dialog.format_box, "json")
    assert name(dialog) == "regional-fr.json"
    choose(dialog.format_box, "pdf")
    assert name(dialog) == "regional-fr.pdf"


def test_a_name_the_person_typed_keeps_its_stem(dialog, tmp_path):
    choose(dialog.format_box, "json")
    dialog.path_edit.setText(str(tmp_path / "for-ngos.json"))
    choose(dialog.format_box, "json-shared")
    assert name(dialog) == "for-ngos.json"
    choose(dialog.format_box, "md")
    assert name(dialog) == "for-ngos.md"


def test_both_json_exports_with_the_proposed_names_leave_two_files(qtbot, dialog):
    """File > Export… twice, taking the proposed name each time: two files, not one."""
    written = []
    for fmt in ("json", "json-shared"):
        export = ExportDialog(None, dialog.doc, None)
        qtbot.addWidget(export)
        choose(export.format_box, fmt)
        out = Path(export.path_edit.text())
        with qtbot.waitSignal(export.finished_export, timeout=20000):
            export.start()
            if export.privacy is not None:  # the archive's "keeps every name" check
                export.privacy.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        written.append(out)
    assert written[0] != written[1] and all(p.exists() for p in written)
    shared = json.loads(written[1].read_text(encoding="utf-8"))
    assert shared != json.loads(written[0].read_text(encoding="utf-8"))
