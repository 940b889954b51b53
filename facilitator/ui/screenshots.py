"""Render every window, tab and dialog in every language to PNG files, offscreen, for review.

    python -m facilitator.ui.screenshots --out screenshots/out [--lang en ar] [--size 1280x720]

It opens a fresh copy of the demo series, so what you see is what a newcomer sees.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from facilitator.app import bundled, file_ops  # noqa: E402
from facilitator.i18n import LANGUAGES  # noqa: E402


def render(out: Path, languages: list[str], size: tuple[int, int]) -> list[Path]:
    from facilitator.ui import windows
    from facilitator.ui.application import apply_language, make_app
    from facilitator.ui.main_window import MainWindow

    app = make_app()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("FACILITATOR_CONFIG_DIR", tmp)
        demo = Path(tmp) / "demo.facilitator"
        file_ops.write_new_file(demo, bundled.demo_series())
        for lang in languages:
            apply_language(lang)
            window = MainWindow()
            window.resize(*size)
            window.open_path(demo)
            window.show()
            for tab in windows.session_tabs(window):
                app.processEvents()
                target = out / f"{lang}-main-{tab}.png"
                window.grab().save(str(target))
                written.append(target)
            for name, factory in windows.dialogs().items():
                dialog = factory(window)
                dialog.show()
                app.processEvents()
                target = out / f"{lang}-{name}.png"
                dialog.grab().save(str(target))
                written.append(target)
                dialog.close()
            window.close()
            app.processEvents()
    apply_language("en")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m facilitator.ui.screenshots")
    parser.add_argument("--out", default="screenshots/out")
    parser.add_argument("--lang", nargs="*", default=list(LANGUAGES), choices=LANGUAGES)
    parser.add_argument("--size", default="1280x720")
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.size.split("x"))
    for path in render(Path(args.out), args.lang, (width, height)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
