"""Make this interpreter look like Windows' to Python code: POSIX-only modules refuse to import
and POSIX-only functions of `os` are gone. Loaded first by conftest.py when FACILITATOR_NO_POSIX
is set, so a call that would fail on a user's Windows laptop fails here too."""

from __future__ import annotations

import importlib.abc
import os
import sys

POSIX_MODULES = ("fcntl", "termios", "pwd", "grp", "resource", "pty", "tty", "posix")
# pytest itself asks os.getuid() for its temporary folders, so the id calls are only found by
# the static scan in tests/unit/test_portability.py.
POSIX_ONLY_IDS = ("getuid", "geteuid", "getgid", "getegid", "getpwnam", "getlogin")
POSIX_FUNCTIONS = (
    "fchmod",
    "fchown",
    "chown",
    "lchown",
    "fork",
    "forkpty",
    "setsid",
    "killpg",
    "getpgid",
    "sync",
    "statvfs",
    "fstatvfs",
    "mkfifo",
    "O_DIRECTORY",
    "O_NOFOLLOW",
)


class _Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in POSIX_MODULES:
            raise ImportError(f"{name} is POSIX-only (FACILITATOR_NO_POSIX)")
        return None


def install() -> None:
    for name in POSIX_FUNCTIONS:
        if hasattr(os, name):
            delattr(os, name)
    for name in POSIX_MODULES:
        sys.modules.pop(name, None)
    sys.meta_path.insert(0, _Refuse())
