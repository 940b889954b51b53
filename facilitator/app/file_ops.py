"""Whole-file operations shared by the command line and the app (Qt-free)."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from facilitator import settings
from facilitator.app import bundled
from facilitator.domain import model as m
from facilitator.errors import FacilitatorError
from facilitator.exports import json_series, registry
from facilitator.exports.atomic import write_atomic
from facilitator.exports.progress import NO_PROGRESS, Progress
from facilitator.i18n import _
from facilitator.storage import Database, new_file, open_file
from facilitator.storage import repository as repo
from facilitator.storage.database import describe_read_error, newest_stamp
from facilitator.storage.instance_lock import InstanceLock

from .exports import describe_missing, missing_versions, record_report

log = logging.getLogger(__name__)


FILE_SUFFIXES = (".facilitator", ".fac", ".sqlite")


def with_file_suffix(path: str | os.PathLike) -> Path:
    """The path a new file is made at: ".facilitator" added to a name typed without it, so the
    Open dialog, which lists Facilitator files, shows it again."""
    path = Path(path)
    if path.suffix.lower() in FILE_SUFFIXES:
        return path
    return path.with_name(path.name + ".facilitator")


def write_new_file(path: str | os.PathLike, content: m.SeriesContent) -> None:
    """Create `path` holding `content`, written by this laptop's device id."""
    new_file.write_new_file(path, content, device=settings.device_id())


def new_from_template(path: str | os.PathLike, template: str) -> m.SeriesContent:
    content = bundled.template_series(template)
    write_new_file(path, content)
    return content


def demo_file_path() -> Path:
    return settings.data_dir() / "demo.facilitator"


def ensure_demo_file() -> Path:
    """The user's copy of the demo series, written from the bundled data on first use."""
    path = demo_file_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_new_file(path, bundled.demo_series())
    return path


def read_json_file(source: str | os.PathLike) -> m.SeriesContent:
    source = Path(source)
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FacilitatorError(
            _("No file at {path}; check the name.").format(path=source)
        ) from None
    except IsADirectoryError:
        raise FacilitatorError(
            _("{path} is a folder, not a JSON file; give the path of a file.").format(path=source)
        ) from None
    except UnicodeDecodeError:
        raise FacilitatorError(
            _("{path} is not UTF-8 text; save it as UTF-8 JSON and try again.").format(path=source)
        ) from None
    except OSError as error:
        raise FacilitatorError(
            _("Cannot read {path} ({detail}); check its permissions.").format(
                path=source, detail=error.strerror or error
            )
        ) from error
    return json_series.loads(text, source=str(source))


@contextmanager
def sole_writer(path: str | os.PathLike, how: str) -> Iterator[None]:
    """Hold the file's single-writer lock while a command writes into it; when the app has it
    open, refuse in one line and say how to do it from the app (`how`)."""
    lock = InstanceLock(settings.locks_dir(), Path(path))
    if not lock.acquire():
        raise FacilitatorError(
            _(
                "{path} is open in Facilitator; close it there first, or do it from the app: {how}"
            ).format(path=Path(path).name, how=how)
        )
    try:
        yield
    finally:
        lock.release()


def redaction_notice(source: str | os.PathLike) -> str | None:
    """What to tell after importing a shareable (redacted) JSON: its names are placeholders."""
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if json_series.personal_data(data) != "redacted":
        return None
    return _(
        "This JSON is a shareable copy without personal data: participants who did not agree "
        "to be named are placeholders such as “#1”, and hidden names in texts read “[…]”. "
        "The names themselves are not in it; keep the full archive for your records."
    )


def refuse_open_output(output: str | os.PathLike) -> None:
    """An export never writes over a file the app has open (it would replace the file under
    the app, which goes on saving into what is no longer there)."""
    target = Path(output)
    if not target.exists():
        return
    lock = InstanceLock(settings.locks_dir(), target)
    if not lock.acquire():
        raise FacilitatorError(
            _(
                "{path} is open in Facilitator; an export would write over it: choose another "
                "output file."
            ).format(path=target.name)
        )
    lock.release()


def import_json(target: str | os.PathLike, source: str | os.PathLike) -> m.SeriesContent:
    """Import a series JSON into `target`: a new file, or an existing file with no series yet."""
    content = read_json_file(source)
    target = Path(target)
    if not target.exists():
        write_new_file(target, content)
        return content
    with sole_writer(target, _("File > Merge files…")):
        return _import_into_existing(target, content)


def _import_into_existing(target: Path, content: m.SeriesContent) -> m.SeriesContent:
    device = settings.device_id()
    db = open_file(target, device=device)
    if content.as_of_ms is not None:  # stamped when the archive's content stood, see there
        db.clock = new_file.archive_clock(device, content.as_of_ms)
        db.clock.observe(newest_stamp(db.conn))
    try:
        if repo.get_series(db) is not None:
            raise FacilitatorError(
                _(
                    "{path} already holds a series; import into a new file, "
                    "or merge the two files with 'facilitator merge'."
                ).format(path=target)
            )
        repo.save_series(db, content)
    finally:
        db.close()
    return content


def load_for_export(path: str | os.PathLike) -> tuple[Database, m.SeriesContent]:
    db = open_file(path, device=settings.device_id(), readonly=True)
    try:
        content = repo.load_series(db)
    except sqlite3.Error as error:
        db.close()
        raise describe_read_error(Path(path), error) from error
    if content is None:
        db.close()
        raise FacilitatorError(
            _("{path} holds no series yet; nothing to export.").format(path=path)
        )
    return db, content


def export_json(path: str | os.PathLike, output: str | os.PathLike) -> None:
    db, content = load_for_export(path)
    db.close()
    write_atomic(output, json_series.dumps(content).encode("utf-8"))


def export_path(
    path: str | os.PathLike,
    fmt: str,
    output: str | os.PathLike,
    lang: str,
    session: str | None = None,
    progress: Progress = NO_PROGRESS,
    template: str = "internal",
    require_translations: bool = False,
    on_missing: Callable[[str], None] | None = None,
) -> list[Path]:
    """Read a Facilitator file and export it (the command line's `export`). Texts with no
    version in `lang` are printed in the original, and `on_missing` is told which; with
    `require_translations` the export is refused instead, naming them."""
    refuse_open_output(output)
    db, content = load_for_export(path)
    db.close()
    chosen = registry.choose_sessions(content, session)
    missing = missing_versions(fmt, content, lang, chosen, template)
    if missing and require_translations:
        raise FacilitatorError(
            describe_missing(missing, lang, refused=True)
            + "\n"
            + _(
                "Write them in the Summary tab (Translations…), or export without "
                "--require-translations to print the originals."
            )
        )
    if missing and on_missing is not None:
        on_missing(describe_missing(missing, lang))
    written = registry.export(fmt, content, output, lang, chosen, progress, template)
    _record_report(path, fmt, content, chosen)
    return written


def _record_report(path, fmt: str, content: m.SeriesContent, chosen) -> None:
    """Note a report export in the file (the calendar's "report exported"), unless the app has
    the file open (it is the one writer then) or the file cannot be written: the export
    itself is done either way."""
    operation = record_report(fmt, content, chosen)
    if operation is None:
        return
    lock = InstanceLock(settings.locks_dir(), Path(path))
    if not lock.acquire():
        return
    try:
        db = open_file(path, device=settings.device_id())
        try:
            operation(db)
        finally:
            db.close()
    except (FacilitatorError, OSError, sqlite3.Error):
        log.warning("could not note the export in %s", path, exc_info=True)
    finally:
        lock.release()
