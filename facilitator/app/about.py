"""What Help > About tells: the versions a support request needs. Qt-free (Qt's own version is
added by the dialog)."""

from __future__ import annotations

import platform

from facilitator import __version__
from facilitator.exports.json_series import FORMAT_VERSION as JSON_VERSION
from facilitator.storage.schema import SCHEMA_VERSION


def versions() -> dict[str, str]:
    return {
        "facilitator": __version__,
        "python": platform.python_version(),
        "file_format": str(SCHEMA_VERSION),
        "json_format": str(JSON_VERSION),
    }
