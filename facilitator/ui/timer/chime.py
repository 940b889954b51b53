"""The optional chime at amber and at zero: the moderator's setting and the sound.

When to chime is decided by domain/chime.py (ChimeWatch, one per session); this plays the
bundled sound (resources/sounds). The setting belongs to this laptop (settings.json), off by
default. QtMultimedia is not part of PySide6-Essentials, so the sound is played by what the
system has: QSoundEffect when QtMultimedia is there, else winsound on Windows, afplay on macOS,
paplay, pw-play or aplay on Linux, else the system's beep. Without a screen (offscreen, the
tests) nothing is played: the request alone is noted in `played`.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from importlib.resources import as_file, files
from pathlib import Path

from PySide6.QtCore import QObject, QProcess
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QCheckBox

from facilitator import settings
from facilitator.domain import timer as t
from facilitator.domain.chime import AMBER, ZERO, ChimeWatch
from facilitator.i18n import _
from facilitator.logs import logger
from facilitator.ui.timer.focus import tab_button

SETTING = "timer_chime"
SOUNDS = {AMBER: "amber.wav", ZERO: "zero.wav"}
LINUX_PLAYERS = (("paplay", []), ("pw-play", []), ("aplay", ["-q"]))


def sound_path(sound: str) -> Path:
    """The bundled file of a chime (a real file in editable installs, wheels and bundles)."""
    with as_file(files("facilitator.resources") / "sounds" / SOUNDS[sound]) as path:
        return Path(path)


def _system_player(parent: QObject) -> Callable[[Path], None]:
    try:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QSoundEffect  # PySide6-Addons only
    except ImportError:
        pass
    else:
        effects: dict[Path, QSoundEffect] = {}

        def effect(path: Path) -> None:
            if path not in effects:
                effects[path] = QSoundEffect(parent)
                effects[path].setSource(QUrl.fromLocalFile(str(path)))
            effects[path].play()

        return effect
    if sys.platform == "win32":
        import winsound

        flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
        return lambda path: winsound.PlaySound(str(path), flags)
    found = [("afplay", [])] if sys.platform == "darwin" else LINUX_PLAYERS
    for program, options in found:
        if shutil.which(program):
            return lambda path, p=program, o=options: _detached(p, [*o, str(path)])
    return lambda path: QApplication.beep()


def _detached(program: str, arguments: list[str]) -> None:
    process = QProcess()
    process.setProgram(program)
    process.setArguments(arguments)
    process.setStandardOutputFile(QProcess.nullDevice())
    process.setStandardErrorFile(QProcess.nullDevice())
    process.startDetached()


class Chimes(QObject):
    """The setting (a tick box for the timer page) and a ChimeWatch per session."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        on = settings.load().get(SETTING) is True
        self.box = tab_button(QCheckBox())  # a click leaves Space to the timer
        self.box.setObjectName("timerChime")
        self.box.setChecked(on)
        # The same setting in View > Timer, for the keyboard: on the page, Space is the timer's.
        self.action = QAction(self, checkable=True)
        self.action.setObjectName("timerChimeAction")
        self.action.setChecked(on)
        self.box.toggled.connect(self.action.setChecked)
        self.action.toggled.connect(self.box.setChecked)
        self.box.toggled.connect(lambda on: settings.save({SETTING: bool(on)}))
        self.watches: dict[str, ChimeWatch] = {}
        self.shown: str | None = None  # the session whose readings were seen last
        self.played: list[str] = []  # every play request, in order
        self.backend: Callable[[Path], None] | None = None  # found on the first chime

    def observe(self, session_id: str, state: t.TimerState) -> str | None:
        """The reading the room sees now; plays the chime due, if the setting is on."""
        watch = self.watches.setdefault(session_id, ChimeWatch())
        if session_id != self.shown:
            watch.forget()  # shown again: what it missed while not seen does not chime
            self.shown = session_id
        sound = watch.observe(state)
        if sound and self.box.isChecked():
            self.play(sound)
        return sound

    def play(self, sound: str) -> None:
        self.played.append(sound)
        if QGuiApplication.platformName() in ("offscreen", "minimal"):
            return  # no screen, no sound device to expect: the request is all
        try:
            if self.backend is None:
                self.backend = _system_player(self)
            self.backend(sound_path(sound))
        except Exception as error:  # noqa: BLE001 (a missing chime never stops the timer)
            logger().warning("chime not played: %r", error)

    def retranslate(self) -> None:
        self.box.setText(_("Chime"))
        self.box.setToolTip(_("A soft chime when an item turns amber and when its time is up"))
        self.box.setAccessibleName(_("Chime at amber and at zero"))
        self.action.setText(_("Chime at amber and at zero"))
