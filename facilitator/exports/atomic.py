"""Write output files atomically: a temporary file beside the target, fsync, rename.

A crash mid-export leaves the old file or nothing, never half a file.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from facilitator.errors import FacilitatorError
from facilitator.i18n import _


def cannot_write(path: Path, error: OSError | str) -> FacilitatorError:
    detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return FacilitatorError(
        _("Cannot write {path} ({detail}); choose a folder you can write to.").format(
            path=path, detail=detail
        )
    )


def _new_file_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def replace_file(source: str | os.PathLike, target: str | os.PathLike, tries: int = 10) -> None:
    """os.replace, patient with Windows: a target open in another program (a viewer, an
    antivirus scan) refuses the rename for a moment, so try again briefly before giving up."""
    for attempt in range(tries):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == tries - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    path = Path(path)
    if path.is_dir():
        raise cannot_write(path, _("it is a folder"))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    except OSError as error:
        raise cannot_write(path, error) from error
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); give it the mode a normal new file would get.
        # os.chmod on the path works everywhere (os.fchmod is POSIX-only before Python 3.13).
        os.chmod(tmp, _new_file_mode(path))
        replace_file(tmp, path)
    except OSError as error:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise cannot_write(path, error) from error
