"""Start-up reads no module's source: PySide6's import hook, which asks of every module
imported after it whether it uses PySide6, is answered by the module's name (the app selects
no `__feature__`), not by reading and keeping its source (some 180 modules, 6 MiB, 15 ms)."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import linecache, sys
import facilitator.ui.main_window
feature = sys.modules["shibokensupport.feature"]
ours = [n for n in sys.modules if n.startswith("facilitator.")]
print(len(linecache.cache), len(ours), feature.pyside_feature_dict.get("facilitator.ui.application"))
"""


def test_the_window_modules_load_without_their_sources_being_read():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    cached, modules, selection = int(out[0]), int(out[1]), out[2]
    assert modules > 50  # the window's modules were imported
    assert cached < 5, cached  # none of their sources read (two of PySide6 before the answer)
    assert selection == "0"  # the interface is known to PySide as using it, no feature
