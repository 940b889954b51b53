"""The command line respects the single-writer lock: it never writes into a file the app has
open; it says so in one line and the file is left as it was."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from facilitator.app import bundled, file_ops
from facilitator.app.document import Document
from facilitator.exports import json_series

ROOT = Path(__file__).resolve().parents[2]  # this checkout's code, not an installed one


def run(*args: str, cwd: Path, config: Path, lang: str = "en") -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        FACILITATOR_CONFIG_DIR=str(config),
        LANG="C",
        PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    )
    return subprocess.run(
        [sys.executable, "-m", "facilitator", "--lang", lang, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_merge_and_import_refuse_a_file_the_app_has_open(tmp_path, demo_path):
    config = Path(os.environ["FACILITATOR_CONFIG_DIR"])  # the same lock folder as the app's
    colleague = tmp_path / "colleague.facilitator"
    file_ops.write_new_file(colleague, bundled.demo_series())
    empty = tmp_path / "empty.facilitator"
    file_ops.write_new_file(empty, bundled.template_series("gcm-talk"))
    series_json = tmp_path / "series.json"
    series_json.write_text(json_series.dumps(bundled.demo_series()), encoding="utf-8")

    app = Document.open(demo_path)  # the app holds the file
    before = digest(demo_path)
    try:
        merged = run("merge", str(demo_path), str(colleague), cwd=tmp_path, config=config)
        imported = run("import", str(demo_path), str(series_json), cwd=tmp_path, config=config)
        in_arabic = run(
            "merge", str(demo_path), str(colleague), cwd=tmp_path, config=config, lang="ar"
        )
    finally:
        app.close()
    for result in (merged, imported, in_arabic):
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert "is open in Facilitator" in merged.stderr and "Merge files" in merged.stderr
    assert "Facilitator" in in_arabic.stderr and "is open" not in in_arabic.stderr
    assert digest(demo_path) == before

    # Once the app has closed it, the same command merges.
    again = run("merge", str(demo_path), str(colleague), cwd=tmp_path, config=config)
    assert again.returncode == 0, again.stderr


def test_export_never_writes_over_a_file_the_app_has_open(tmp_path, demo_path):
    config = Path(os.environ["FACILITATOR_CONFIG_DIR"])
    other = tmp_path / "other.facilitator"
    file_ops.write_new_file(other, bundled.demo_series())
    app = Document.open(demo_path)
    before = digest(demo_path)
    try:
        result = run(
            "export",
            str(other),
            "--format",
            "json",
            "-o",
            str(demo_path),
            cwd=tmp_path,
            config=config,
        )
    finally:
        app.close()
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "is open in Facilitator" in result.stderr and "another output file" in result.stderr
    assert digest(demo_path) == before
