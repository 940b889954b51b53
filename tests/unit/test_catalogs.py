"""Every catalog is complete, placeholders intact, and the strings in the code are all in it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from facilitator.tools.catalogs import TARGETS, extract

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT.parent / "shared" / "tools" / "catalog_check.py"


def test_shared_catalog_check_passes():
    checker = CHECKER if CHECKER.exists() else None
    if checker is None:  # the project's own copy of the same rules, for checkouts without shared/
        checker = ROOT / "tests" / "catalog_check_copy.py"
    result = subprocess.run(
        [sys.executable, str(checker), str(ROOT / "translations")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_every_string_in_the_code_is_in_every_catalog():
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in extract() if m.id}
    for lang in TARGETS:
        with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        missing = sorted(wanted - have)
        assert not missing, (
            f"{lang}: run python -m facilitator.tools.catalogs; missing {missing[:5]}"
        )
