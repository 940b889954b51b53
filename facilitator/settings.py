"""Per-user preferences (interface language, device id) in a small JSON file, written atomically.

The folder is $FACILITATOR_CONFIG_DIR, else $XDG_CONFIG_HOME/facilitator, else ~/.config/facilitator.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any


def config_dir() -> Path:
    explicit = os.environ.get("FACILITATOR_CONFIG_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "facilitator"


def _path() -> Path:
    return config_dir() / "settings.json"


def load() -> dict[str, Any]:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(values: dict[str, Any]) -> None:
    """Merge `values` into the settings; a failure to write is not fatal (preferences only)."""
    data = load()
    data.update(values)
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def device_id() -> str:
    """A random id for this laptop, created once; it tells merged edits apart."""
    data = load()
    value = data.get("device_id")
    if isinstance(value, str) and value:
        return value
    value = uuid.uuid4().hex[:12]
    save({"device_id": value})
    return value


def language() -> str | None:
    value = load().get("language")
    return value if isinstance(value, str) else None
