"""A rotating log file for what users should never see: tracebacks of unexpected errors."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from facilitator.settings import log_dir

_logger: logging.Logger | None = None


def log_path() -> Path:
    return log_dir() / "facilitator.log"


def logger() -> logging.Logger:
    global _logger
    if _logger is None:
        _logger = logging.getLogger("facilitator")
        _logger.setLevel(logging.INFO)
        try:
            log_path().parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                log_path(), maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        except OSError:
            handler = logging.NullHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        _logger.addHandler(handler)
        _logger.propagate = False
    return _logger


def log_exception(error: BaseException) -> Path:
    """Write the traceback of `error` to the log; return where the log is."""
    logger().error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return log_path()
