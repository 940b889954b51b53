"""Write output files atomically: a temporary file beside the target, fsync, rename.

A crash mid-export leaves the old file or nothing, never half a file. Writers stream into
the temporary file (`atomic_file`), so a large export is never held whole in memory.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

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


@contextmanager
def atomic_file(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new content to: a temporary file beside it, moved
    onto `path` (fsynced first) when the block ends without error, removed when it fails,
    so a failed export leaves the old file untouched and no temporary file behind."""
    path = Path(path)
    if path.is_dir():
        raise cannot_write(path, _("it is a folder"))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    except OSError as error:
        raise cannot_write(path, error) from error
    try:
        with os.fdopen(fd, "w+b") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); give it the mode a normal new file would get.
        # os.chmod on the path works everywhere (os.fchmod is POSIX-only before Python 3.13).
        os.chmod(tmp, _new_file_mode(path))
        replace_file(tmp, path)
    except BaseException as error:  # a cancel or a writer's bug too: no temporary file left
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise cannot_write(path, error) from error
        raise


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    with atomic_file(path) as fh:
        fh.write(data)
