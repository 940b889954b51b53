"""Review point 18: Qt's own buttons in Arabic speak in the register of the app's buttons
(«إلغاء», «إغلاق»), not Qt's imperative («ألغِ», «أغلق»), and English comes back after a switch;
Qt's file dialog is translated whole in every language (our overrides of qtbase's catalogs)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

from facilitator.ui.application import apply_language, make_app

OVERRIDES = Path(__file__).parents[2] / "translations" / "qt"
BUTTONS = QDialogButtonBox.StandardButton


def texts() -> dict[str, str]:
    box = QDialogButtonBox(BUTTONS.Ok | BUTTONS.Cancel | BUTTONS.Close | BUTTONS.Save)
    try:
        return {
            name: box.button(getattr(BUTTONS, name)).text()
            for name in ("Ok", "Cancel", "Close", "Save")
        }
    finally:
        box.deleteLater()


def test_standard_buttons_in_arabic_read_as_the_apps_own(qapp):
    make_app()
    try:
        apply_language("ar")
        assert texts() == {"Ok": "موافق", "Cancel": "إلغاء", "Close": "إغلاق", "Save": "حفظ"}
    finally:
        apply_language("en")
    assert texts() == {"Ok": "OK", "Cancel": "Cancel", "Close": "Close", "Save": "Save"}


@pytest.mark.parametrize("lang", ["fr", "es", "ar", "ru"])
def test_the_shipped_qm_is_the_ts_compiled(tmp_path, lang):
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    out = tmp_path / "compiled.qm"
    subprocess.run(
        [lrelease, str(OVERRIDES / f"qtbase_overrides_{lang}.ts"), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (OVERRIDES / f"qtbase_overrides_{lang}.qm").read_bytes()


@pytest.mark.parametrize(
    "lang, look_in, types",
    [
        ("fr", "&Regarder dans\u00a0:", "Fichiers de &type\u00a0:"),
        ("es", "&Buscar en:", "Ficheros de &tipo:"),
        ("ar", "ا&عثر في:", "الملفّات من ال&نّوع:"),
        ("ru", "&Папка:", "&Тип файлов:"),
    ],
)
def test_the_file_dialog_speaks_the_language(qapp, lang, look_in, types):
    """Qt 6.11 writes these two labels with a mnemonic, which its own catalogs lack: they
    showed in English in every language."""
    make_app()
    try:
        apply_language(lang)
        dialog = QFileDialog(None, "", "", "")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        dialog.deleteLater()
        assert labels["lookInLabel"] == look_in and labels["fileTypeLabel"] == types
    finally:
        apply_language("en")
