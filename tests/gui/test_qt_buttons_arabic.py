"""Review point 18: Qt's own buttons in Arabic speak in the register of the app's buttons
(«إلغاء», «إغلاق»), not Qt's imperative («ألغِ», «أغلق»), and English comes back after a switch."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

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


def test_the_shipped_qm_is_the_ts_compiled(tmp_path):
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    out = tmp_path / "compiled.qm"
    subprocess.run(
        [lrelease, str(OVERRIDES / "qtbase_overrides_ar.ts"), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (OVERRIDES / "qtbase_overrides_ar.qm").read_bytes()
