"""The storage, export and command-line tests pass in an interpreter with every POSIX-only
module and function removed (tests/no_posix.py), so a call that would stop the app on Windows
shows up here without a Windows machine."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUITES = [
    "tests/unit/test_storage_roundtrip.py",
    "tests/unit/test_file_checks.py",
    "tests/unit/test_backups.py",
    "tests/unit/test_share_copy.py",
    "tests/unit/test_folder_merge.py",
    "tests/unit/test_notes_store.py",
    "tests/unit/test_timer_store.py",
    "tests/unit/test_report_docx.py",
    "tests/unit/test_report_xlsx.py",
    "tests/unit/test_report_csv.py",
    "tests/unit/test_report_md.py",
    "tests/unit/test_report_json.py",
    "tests/cli",
    "tests/test_cli_export.py",
    "tests/test_cli_merge.py",
    "tests/test_bad_files.py",
    "tests/gui/test_two_windows.py",
]


@pytest.mark.skipif(bool(os.environ.get("FACILITATOR_NO_POSIX")), reason="already inside")
def test_storage_exports_and_cli_need_no_posix_only_call():
    env = {**os.environ, "FACILITATOR_NO_POSIX": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", *SUITES],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_the_blocker_really_removes_posix_calls():
    """The inner run would prove nothing if the blocker let fcntl or os.fchmod through."""
    code = (
        "import sys; sys.path.insert(0, 'tests'); import no_posix; no_posix.install()\n"
        "import os\n"
        "assert not hasattr(os, 'fchmod')\n"
        "try:\n    import fcntl\nexcept ImportError:\n    print('refused')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "refused", out.stderr


def test_no_posix_only_name_in_the_source():
    """A static scan for what the runtime blocker cannot remove (pytest needs os.getuid)."""
    sys.path.insert(0, str(ROOT / "tests"))
    import no_posix

    banned = set(no_posix.POSIX_FUNCTIONS) | set(no_posix.POSIX_ONLY_IDS)
    found = []
    for source in sorted((ROOT / "facilitator").rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in banned:
                if isinstance(node.value, ast.Name) and node.value.id == "os":
                    found.append(f"{source.relative_to(ROOT)}:{node.lineno} os.{node.attr}")
            elif isinstance(node, ast.Import | ast.ImportFrom):
                if isinstance(node, ast.ImportFrom):  # from X import y: only X is a module
                    names = [node.module] if node.level == 0 else []
                else:
                    names = [alias.name for alias in node.names]
                for name in filter(None, names):
                    if name.split(".")[0] in no_posix.POSIX_MODULES:
                        found.append(f"{source.relative_to(ROOT)}:{node.lineno} import {name}")
    assert found == []
