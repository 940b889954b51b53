"""Before Qt starts, the app names the system libraries its X11 plugin cannot load and the exact
apt-get line that installs them, instead of Qt's abort (or blaming the wrong package)."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.i18n import set_language
from facilitator.ui import display_check
from facilitator.ui.display_check import (
    Resolver,
    apt_packages_for,
    display_problem,
    missing_xcb_libraries,
    read_elf,
    xcb_plugin_path,
)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux's")


def fake_library(
    path: Path,
    needed: list[str],
    runpath: str | None = None,
    rpath: str | None = None,
    machine: int = 62,
) -> Path:
    """A minimal 64-bit little-endian ELF shared object with just a dynamic section."""
    strings = b"\0"
    offsets: dict[str, int] = {}
    for name in [*needed, runpath, rpath]:
        if name is not None and name not in offsets:
            offsets[name] = len(strings)
            strings += name.encode() + b"\0"
    strtab_off = 64 + 2 * 56
    dyn_off = (strtab_off + len(strings) + 7) // 8 * 8
    entries = [(1, offsets[n]) for n in needed]
    if rpath is not None:
        entries.append((15, offsets[rpath]))
    if runpath is not None:
        entries.append((29, offsets[runpath]))
    entries += [(5, strtab_off), (0, 0)]
    dynamic = b"".join(struct.pack("<qQ", tag, value) for tag, value in entries)
    size = dyn_off + len(dynamic)
    header = struct.pack(
        "<16sHHIQQQIHHHHHH",
        b"\x7fELF\x02\x01\x01" + bytes(9),
        3,
        machine,
        1,
        0,
        64,
        0,
        0,
        64,
        56,
        2,
        64,
        0,
        0,
    )
    load = struct.pack("<IIQQQQQQ", 1, 5, 0, 0, 0, size, size, 0x1000)
    dyn = struct.pack("<IIQQQQQQ", 2, 6, dyn_off, dyn_off, dyn_off, len(dynamic), len(dynamic), 8)
    body = header + load + dyn + strings
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body + bytes(dyn_off - len(body)) + dynamic)
    return path


def test_reader_sees_what_the_library_needs(tmp_path):
    lib = fake_library(tmp_path / "libqxcb.so", ["libA.so.1", "libB.so.2"], runpath="$ORIGIN/x")
    info = read_elf(lib)
    assert info.needed == ("libA.so.1", "libB.so.2")
    assert info.runpath == ("$ORIGIN/x",)


def test_missing_libraries_are_found_through_what_the_plugin_loads(tmp_path):
    """The plugin finds its Qt library through $ORIGIN; that one needs a library nobody has."""
    system = tmp_path / "system"
    fake_library(system / "libxcb.so.1", [])
    fake_library(tmp_path / "Qt/lib/libQt6XcbQpa.so.6", ["libxcb.so.1", "libxcb-icccm.so.4"])
    plugin = fake_library(
        tmp_path / "Qt/plugins/platforms/libqxcb.so",
        ["libQt6XcbQpa.so.6", "libxcb.so.1", "libxcb-keysyms.so.1"],
        runpath="$ORIGIN/../../lib",
    )
    assert Resolver(system_dirs=[system]).missing(plugin) == [
        "libxcb-keysyms.so.1",
        "libxcb-icccm.so.4",
    ]


def test_a_library_for_another_machine_does_not_count(tmp_path):
    system = tmp_path / "system"
    fake_library(system / "libxcb.so.1", [], machine=183)  # aarch64, next to an x86-64 plugin
    plugin = fake_library(tmp_path / "libqxcb.so", ["libxcb.so.1"])
    assert Resolver(system_dirs=[system]).missing(plugin) == ["libxcb.so.1"]


def test_rpath_is_ignored_when_runpath_is_set_and_ld_library_path_counts(tmp_path):
    fake_library(tmp_path / "old/libx.so.1", [])
    fake_library(tmp_path / "env/liby.so.1", [])
    plugin = fake_library(
        tmp_path / "libqxcb.so", ["libx.so.1", "liby.so.1"], rpath="$ORIGIN/old", runpath="/none"
    )
    resolver = Resolver(system_dirs=[], ld_library_path=[tmp_path / "env"])
    assert resolver.missing(plugin) == ["libx.so.1"]


def test_package_names_are_debians():
    assert apt_packages_for(
        [
            "libxcb-icccm.so.4",
            "libxcb-keysyms.so.1",
            "libxcb-cursor.so.0",
            "libxkbcommon-x11.so.0",
            "libEGL.so.1",
            "libGL.so.1",
            "libgthread-2.0.so.0",
            "libglib-2.0.so.0",
        ]
    ) == [
        "libxcb-icccm4",
        "libxcb-keysyms1",
        "libxcb-cursor0",
        "libxkbcommon-x11-0",
        "libegl1",
        "libgl1",
        "libglib2.0-0",
    ]
    # Not in the table: Debian's naming rule.
    assert apt_packages_for(["libfoo.so.3", "libbar-x11.so.0"]) == ["libfoo3", "libbar-x11-0"]


def _real_plugin() -> Path:
    plugin = xcb_plugin_path()
    if plugin is None:
        pytest.skip("PySide6 has no xcb plugin here")
    return plugin


@linux_only
def test_the_check_agrees_with_the_dynamic_loader():
    """On this machine: [] exactly when the loader can load the plugin, else what it lacks."""
    plugin = _real_plugin()
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    loads = subprocess.run(
        [sys.executable, "-c", f"import ctypes; ctypes.CDLL({str(plugin)!r})"],
        capture_output=True,
        text=True,
        env=env,
    )
    missing = missing_xcb_libraries()
    if loads.returncode == 0:
        assert missing == []
        assert display_problem() is None
    else:
        assert missing, loads.stderr
        assert any(name in loads.stderr for name in missing), (missing, loads.stderr)


@linux_only
def test_a_system_without_icccm_and_keysyms_is_told_what_to_install(tmp_path, monkeypatch):
    """A copy of the real plugin, next to the real Qt libraries, on a system folder that has
    every library except the two Debian leaves out of minimal X installs."""
    plugin = _real_plugin()
    monkeypatch.delenv("LD_LIBRARY_PATH", raising=False)
    qt_lib = plugin.parents[2] / "lib"
    resolver = Resolver()
    if resolver.missing(plugin):
        pytest.skip("this machine itself lacks libraries for the xcb plugin")
    system = tmp_path / "system"
    system.mkdir()
    left_out = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    for soname, found in resolver.found.items():
        if soname not in left_out and found.parent != qt_lib:
            (system / soname).symlink_to(found)
    copy = tmp_path / "Qt/plugins/platforms/libqxcb.so"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(plugin.read_bytes())
    (tmp_path / "Qt/lib").symlink_to(qt_lib)

    assert missing_xcb_libraries(copy, system_dirs=[system]) == sorted(left_out)
    message = display_problem(copy, system_dirs=[system])
    assert message is not None
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert message.endswith("apt-get install libxcb-icccm4 libxcb-keysyms1")

    set_language("fr")
    assert "apt-get install libxcb-icccm4 libxcb-keysyms1" in display_problem(
        copy, system_dirs=[system]
    )
    assert not display_problem(copy, system_dirs=[system]).startswith("Qt cannot")


def test_no_check_without_linux_or_without_a_plugin(tmp_path, monkeypatch):
    assert missing_xcb_libraries(tmp_path / "absent.so") == []
    monkeypatch.setattr(display_check.sys, "platform", "win32")
    assert missing_xcb_libraries(fake_library(tmp_path / "p.so", ["libnone.so.1"])) == []
