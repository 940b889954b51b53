"""The Timer and Notes tabs as a screen reader hears them on Linux: the real app in a real X
server (Xvfb), on its own D-Bus session with the AT-SPI bus, read through AT-SPI by the
system's Python (PyGObject's Atspi; tests/gui/atspi_reader.py) and pressed through it as
Orca would: every control has a name (a drop-down its label too: Qt names it by its value
on Linux), and the timer's start, amber, over time and next item come as announcements.

Skipped, with the reason, where there is no Xvfb, D-Bus session, AT-SPI bus or Atspi for
Python (Windows, macOS, a bare container); .ci/run installs them on the Linux CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from timer_fixtures import make_file

from facilitator.i18n import gettext_in
from facilitator.ui.timer.actions import MINUS_ONE

READER = Path(__file__).with_name("atspi_reader.py")
SYSTEM_PYTHON = os.environ.get("FACILITATOR_ATSPI_PYTHON", "/usr/bin/python3")
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
# What a screen reader can act on or type into: each must say what it is.
NAMED = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "text",
    "password text",
    "spin button",
    "combo box",
    "table",
    "list",
    "tree table",
    "page tab",
    "slider",
}


def missing_tools() -> str:
    if not sys.platform.startswith("linux"):
        return "AT-SPI is the Linux accessibility bus"
    for tool in ("Xvfb", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install xvfb dbus-daemon)"
    if not any(Path(p).exists() for p in BUS_LAUNCHERS):
        return "at-spi2-core (the AT-SPI bus) is not installed"
    probe = "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"
    try:
        found = subprocess.run([SYSTEM_PYTHON, "-c", probe], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return f"no system Python at {SYSTEM_PYTHON}"
    if found.returncode != 0:
        return "PyGObject's Atspi is missing (apt-get install python3-gi gir1.2-atspi-2.0)"
    return ""


@pytest.fixture(scope="module")
def display():
    """A real X server of our own; its number comes back through -displayfd."""
    reason = missing_tools()
    if reason:
        pytest.skip(reason)
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(10)


def listen(display: str, tmp_path: Path, lang: str, script: list[dict]) -> dict:
    """Run the app on a timer file and the reader's script over it; what the reader heard."""
    path = make_file(tmp_path)
    out = tmp_path / "heard.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DBUS_", "AT_SPI"))}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        QT_ACCESSIBILITY="1",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        FACILITATOR_CONFIG_DIR=str(tmp_path / "config"),
        PYTHONPATH=os.pathsep.join(p for p in sys.path if p),  # the app as installed here
    )
    app = [sys.executable, "-m", "facilitator", "--lang", lang, str(path)]
    command = [
        "dbus-run-session",
        "--",
        SYSTEM_PYTHON,
        str(READER),
        json.dumps(script),
        str(out),
        "--",
        *app,
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and out.exists(), done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def plain(text: str) -> str:
    """Without the bidi marks the app puts around names and readings."""
    return text.translate(dict.fromkeys([0x202A, 0x202C, 0x2066, 0x2068, 0x2069]))


def unnamed(objects: list[dict]) -> list[str]:
    problems = []
    for row in objects:
        if row["role"] not in NAMED:
            continue
        if not row["name"].strip():
            problems.append(f"{row['role']} without a name ({row['description']!r})")
        elif row["role"] == "combo box" and not any(n.strip() for n in row["labelled_by"]):
            problems.append(f"combo box {row['name']!r} named by its value, with no label")
    return problems


def show(title: str, objects: list[dict]) -> None:
    """What a screen reader reads, printed (pytest -s shows it)."""
    print(f"--- {title} through AT-SPI")
    for row in objects:
        if row["role"] in ("table cell", "filler") and not row["name"]:
            continue
        labels = f" labelled by {row['labelled_by']}" if row["labelled_by"] else ""
        print("  " * row["depth"] + f"[{row['role']}] {plain(row['name'])!r}{labels}")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_timer_and_notes_tabs_read_through_atspi(display, tmp_path, lang):
    def t(message: str) -> str:
        return gettext_in(lang, message)

    minus = t("{delta} minute").format(delta=MINUS_ONE)
    script = [
        {"tab": 1},
        {"press": t("Start")},
        *[{"press": minus}] * 5,  # 5 minutes planned: amber at 2 left, then over time
        {"press": t("Next item")},
        {"tab": 2},
    ]
    heard = listen(display, tmp_path, lang, script)
    steps = heard["steps"]
    timer, notes = steps[0], steps[-1]
    show(timer["tab"], timer["objects"])
    show(notes["tab"], notes["objects"])
    assert timer["tab"] == t("Timer") and notes["tab"] == t("Notes")
    assert all(step["pressed"] for step in steps if "press" in step), steps
    problems = unnamed(timer["objects"]) + unnamed(notes["objects"])
    assert not problems, "\n".join(problems)
    names = {plain(row["name"]) for row in timer["objects"]}
    clock = t("Time left on the current item")
    assert any(n.startswith(clock + t("{label}: {value}")[7:9]) for n in names), names
    for needed in (t("Speakers queue"), t("Agenda: planned and actual time")):
        assert needed in names
    notes_names = {plain(row["name"]) for row in notes["objects"]}
    for needed in (t("Search the notes"), t("Interventions of this session")):
        assert needed in notes_names
    said = [plain(h["text"]) for h in heard["heard"] if h["type"] == "object:announcement"]
    print("--- announced:", said)
    current = t("Current item: {title}")
    amber = t("Ending soon: {time} or less left").split("{time}")[0]  # the minutes by Babel
    expected = [
        t("Running"),
        current.format(title="Item 1"),
        amber,
        t("Time is up: {title}").format(title="Item 1"),
        current.format(title="Item 2"),
    ]
    got = [s if not s.startswith(amber) else amber for s in said]
    assert [s for s in got if s in expected] == expected, said


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_overview_fields_are_named_by_their_labels(display, tmp_path, lang):
    heard = listen(display, tmp_path, lang, [{"tab": 0}])
    overview = heard["steps"][0]
    show(overview["tab"], overview["objects"])
    assert overview["tab"] == gettext_in(lang, "Overview")
    problems = unnamed(overview["objects"])
    assert not problems, "\n".join(problems)
    groups = {gettext_in(lang, g) for g in ("Session", "Roles", "Agenda", "Guiding questions")}
    named_by = [
        plain(row["labelled_by"][0] if row["role"] == "combo box" else row["name"])
        for row in overview["objects"]
        if row["role"] in ("text", "spin button", "combo box")
    ]
    # Each field is named by its own label, not by the group it stands in.
    assert len(named_by) > 30 and not groups & set(named_by), named_by
