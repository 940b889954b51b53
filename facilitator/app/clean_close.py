"""Files this app closed cleanly: their integrity check is not repeated at the next open.

Opening runs SQLite's quick_check, which reads the whole file: 0.4 s at 200,000 interventions,
paid at every open. What it looks for is damage from outside (a bad copy, another tool, a
crash mid-write), so a file whose size and modification time are those it had when this app
closed it cleanly, with no -wal beside it (or an empty one: a reader such as the sqlite3
shell or a read-only window leaves one, and it holds nothing), is opened without it. Any other file (a new copy,
one merged or written by another program, one left by a crash) is checked as before. Qt-free.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from facilitator import settings

KEEP = 50  # files remembered, most recent last


def _record() -> Path:
    return settings.data_dir() / "clean-close.json"


def _read() -> dict[str, list[int]]:
    try:
        data = json.loads(_record().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _stamp(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def unchanged_since_closed(path: str | os.PathLike) -> bool:
    """True when `path` is as this app left it at its last clean close."""
    path = Path(path)
    if _wal_holds_pages(path):
        return False
    stamp = _stamp(path)
    return stamp is not None and _read().get(_key(path)) == stamp


def _wal_holds_pages(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except FileNotFoundError:
        return False
    except OSError:
        return True  # unreadable: not known to be empty


def remember_closed(path: str | os.PathLike) -> None:
    """Note `path` as closed cleanly just now (its connection closed, its -wal gone)."""
    path = Path(path)
    stamp = _stamp(path)
    if stamp is None or Path(f"{path}-wal").exists():
        return
    data = _read()
    data.pop(_key(path), None)
    data[_key(path)] = stamp
    data = dict(list(data.items())[-KEEP:])
    target = _record()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + f".{os.getpid()}")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass  # the next open checks the file again: nothing is lost


def forget(path: str | os.PathLike) -> None:
    data = _read()
    if data.pop(_key(Path(path)), None) is not None:
        try:
            _record().write_text(json.dumps(data), encoding="utf-8")
        except OSError:
            pass
