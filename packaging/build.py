"""Build the one-folder app into dist/facilitator/ (and dist/Facilitator.app on macOS) with the
Python that runs this script, then check the bundle carries what the app reads at run time.

    .venv/bin/python packaging/build.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "facilitator"


def internal() -> Path:
    return DIST / "_internal" if (DIST / "_internal").is_dir() else DIST


def check() -> list[str]:
    """What is missing from the bundle, as readable lines."""
    base = internal()
    wanted = [
        "facilitator/resources/fonts/NotoSans-Regular.ttf",
        "facilitator/resources/fonts/NotoSansArabic-Regular.ttf",
        "facilitator/resources/fonts/NotoSansArabicUI-Regular.ttf",
        "facilitator/resources/demo/series.json",
        "facilitator/resources/gcm_objectives.json",
        "facilitator/resources/icons/facilitator-256.png",
        "facilitator/resources/sounds/amber.wav",
        "facilitator/resources/sounds/zero.wav",
        "facilitator/translations/fr/LC_MESSAGES/messages.po",
        "facilitator/translations/ar/LC_MESSAGES/messages.po",
        "facilitator/translations/es/LC_MESSAGES/messages.po",
        "facilitator/translations/ru/LC_MESSAGES/messages.po",
        "facilitator/translations/qt/qtbase_overrides_ar.qm",
    ]
    qt = "PySide6/Qt" if (base / "PySide6/Qt").is_dir() else "PySide6"  # Windows: no Qt/
    wanted += [f"{qt}/translations/qtbase_{lang}.qm" for lang in ("fr", "es", "ar", "ru")]
    if sys.platform.startswith("linux"):
        wanted += [
            f"{qt}/plugins/platforms/libqxcb.so",
            f"{qt}/plugins/platforms/libqoffscreen.so",
            f"{qt}/plugins/platforms/libqwayland.so",
        ]
    elif sys.platform == "win32":
        wanted.append(f"{qt}/plugins/platforms/qwindows.dll")
    elif sys.platform == "darwin":
        wanted.append(f"{qt}/plugins/platforms/libqcocoa.dylib")
    templates = base / "facilitator/resources/templates"
    missing = [w for w in wanted if not (base / w).is_file()]
    if not templates.is_dir() or not any(templates.iterdir()):
        missing.append("facilitator/resources/templates/*")
    return missing


def main() -> int:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            str(ROOT / "dist"),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(ROOT / "packaging" / "facilitator.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    missing = check()
    for line in missing:
        print(f"bundle lacks {line}", file=sys.stderr)
    if not missing:
        print(f"bundle: {DIST}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
