"""A rotating log file for what users should never see: tracebacks of unexpected errors."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.settings import log_dir

if TYPE_CHECKING:
    import logging

_logger: logging.Logger | None = None
_where: Path | None = None


def log_path() -> Path:
    return log_dir() / "facilitator.log"


def logger() -> logging.Logger:
    """The app's logger, writing where log_path() says now (the config folder can change,
    FACILITATOR_CONFIG_DIR, within one process: its log goes with it, not to the first one)."""
    # logging (and its handlers' socket, pickle, queue) is imported when the first line is
    # written, not with every module that may write one.
    import logging
    import logging.handlers

    global _logger, _where
    where = log_path()
    if _logger is None:
        _logger = logging.getLogger("facilitator")
        _logger.setLevel(logging.INFO)
        _logger.propagate = False
    if where != _where:
        for old in list(_logger.handlers):
            _logger.removeHandler(old)
            old.close()
        try:
            where.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                where, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        except OSError:
            handler = logging.NullHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        _logger.addHandler(handler)
        _where = where
    return _logger


def log_exception(error: BaseException) -> Path:
    """Write the traceback of `error` to the log; return where the log is."""
    logger().error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return log_path()
