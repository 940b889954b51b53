"""Per-user preferences (interface language, device id) in a small JSON file, written atomically,
and the platform folders for settings, logs, backups and locks.

The folders are each platform's own (platformdirs): on Linux ~/.config/facilitator and
~/.local/share/facilitator (or the XDG variables), on Windows %LOCALAPPDATA%\\facilitator, on
macOS ~/Library/Application Support/facilitator and ~/Library/Logs/facilitator. When
$FACILITATOR_CONFIG_DIR is set (tests, portable installs) everything lives below it instead.
Content an earlier version kept in ~/.config/facilitator moves to the new folders once.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "facilitator"


def _explicit() -> Path | None:
    value = os.environ.get("FACILITATOR_CONFIG_DIR")
    return Path(value) if value else None


def config_dir() -> Path:
    """Settings (settings.json) and the single-writer locks."""
    explicit = _explicit()
    if explicit:
        return explicit
    _move_legacy_once()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Backups and the demo file."""
    explicit = _explicit()
    if explicit:
        return explicit
    _move_legacy_once()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    explicit = _explicit()
    if explicit:
        return explicit
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def backups_dir() -> Path:
    return data_dir() / "backups"


def locks_dir() -> Path:
    return config_dir() / "locks"


_LEGACY_DATA = ("backups", "demo.facilitator")
_moved = False


def _move_legacy_once() -> None:
    """Move what version 0.1 kept in ~/.config/facilitator into the platform folders, once.

    A failure (a file in use, a read-only home) leaves the old content where it is, readable."""
    global _moved
    if _moved:
        return
    _moved = True
    legacy = Path.home() / ".config" / APP_NAME
    new_config = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    new_data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if not legacy.is_dir():
        return
    for child in list(legacy.iterdir()):
        target_root = new_data if child.name in _LEGACY_DATA else new_config
        if child.parent.resolve() == target_root.resolve():
            continue
        target = target_root / child.name
        if target.exists():
            continue
        try:
            target_root.mkdir(parents=True, exist_ok=True)
            shutil.move(str(child), str(target))
        except OSError:
            continue


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


RECENT_LIMIT = 8


def recent_files() -> list[Path]:
    """Files opened lately, newest first, those still there."""
    values = load().get("recent_files")
    paths = [Path(v) for v in values if isinstance(v, str)] if isinstance(values, list) else []
    return [p for p in paths if p.exists()]


def remember_recent(path: str | os.PathLike) -> None:
    key = str(Path(path).resolve())
    values = [str(p) for p in recent_files() if str(p) != key]
    save({"recent_files": [key, *values][:RECENT_LIMIT]})


def clear_recent() -> None:
    save({"recent_files": []})
