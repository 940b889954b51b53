"""sqlite-utils is not imported by the storage (issue 18: it was built and never called,
costing start-up time); see docs/file-format.md for where it does not fit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_opening_a_file_imports_no_sqlite_utils(tmp_path):
    code = (
        "import sys\n"
        "from facilitator.app import bundled, file_ops\n"
        "from facilitator.storage import open_file\n"
        f"path = {str(tmp_path / 'f.facilitator')!r}\n"
        "file_ops.write_new_file(path, bundled.demo_series())\n"
        "open_file(path, device='d').close()\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(
            os.environ,
            PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
            FACILITATOR_CONFIG_DIR=str(tmp_path / "config"),
        ),
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
