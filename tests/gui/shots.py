"""Where GUI tests save the screenshots people look at: `$FACILITATOR_SHOTS/<area>` when that
variable is set (`FACILITATOR_SHOTS=/tmp/shots python -m pytest tests/gui`), else a folder that
does not exist, so a normal run writes nothing outside its temporary folders."""

from __future__ import annotations

import os
from pathlib import Path


def shots_dir(area: str) -> Path:
    root = os.environ.get("FACILITATOR_SHOTS")
    if not root:
        return Path("/nonexistent-facilitator-shots") / area
    folder = Path(root) / area
    folder.mkdir(parents=True, exist_ok=True)
    return folder
