"""The 23 objectives of the Global Compact for Migration (A/RES/73/195), in the five languages.

Read once from the bundled `gcm_objectives.json`: the official title of each objective and the
short label the UN Network on Migration uses for it ("Save lives"). Qt-free.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

FILE_NAME = "gcm_objectives.json"
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Objective:
    number: int  # 1..23
    title: dict[str, str]  # language code -> official title
    short: dict[str, str]  # language code -> short label


def _read_text() -> str:
    try:
        node = files("facilitator.resources") / FILE_NAME
        if node.is_file():
            return node.read_text(encoding="utf-8")
    except (ModuleNotFoundError, TypeError):
        pass
    # Running from a checkout that is not installed: `facilitator.resources` is only mapped to
    # resources/ by the install (pyproject package-dir), so read it from the repository.
    return (Path(__file__).resolve().parents[2] / "resources" / FILE_NAME).read_text(
        encoding="utf-8"
    )


@cache
def _objectives() -> tuple[Objective, ...]:
    data = json.loads(_read_text())
    return tuple(
        Objective(number=int(o["number"]), title=dict(o["title"]), short=dict(o["short"]))
        for o in data["objectives"]
    )


def load_objectives() -> list[Objective]:
    """All 23 objectives in order (read once, then cached)."""
    return list(_objectives())


def _pick(texts: dict[str, str], lang: str) -> str:
    code = lang.replace("-", "_").split("_")[0].lower() if lang else FALLBACK_LANGUAGE
    return texts.get(code) or texts.get(FALLBACK_LANGUAGE, "")


def objective(number: int) -> Objective:
    """The objective numbered `number`; KeyError when it is not 1..23."""
    for o in _objectives():
        if o.number == number:
            return o
    raise KeyError(number)


def objective_title(number: int, lang: str) -> str:
    """The official title in `lang` ("fr", "fr_CH", ...), falling back to English."""
    return _pick(objective(number).title, lang)


def objective_short(number: int, lang: str) -> str:
    """The short label in `lang`, falling back to English."""
    return _pick(objective(number).short, lang)
