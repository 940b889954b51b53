"""Which system libraries keep Qt's X11 (xcb) platform plugin from loading, found before Qt is
imported, so a missing library is one line naming the package to install instead of Qt's abort
("Could not load the Qt platform plugin "xcb"").

Qt-free and ldd-free: the plugin's ELF dynamic section is read here (DT_NEEDED, DT_RPATH,
DT_RUNPATH) and each needed library is looked up the way the Linux loader does: RPATH, then
LD_LIBRARY_PATH, RUNPATH (with $ORIGIN), the loader's cache (`ldconfig -p`), /etc/ld.so.conf and
the standard library folders; recursively, so a library that a found library needs counts too.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.i18n import _
from facilitator.i18n.lists import comma_join

_PT_DYNAMIC = 2
_PT_LOAD = 1
_DT_NULL, _DT_NEEDED, _DT_STRTAB, _DT_RPATH, _DT_RUNPATH = 0, 1, 5, 15, 29

# e_machine -> Debian multiarch triplet(s), for the standard library folders.
_MULTIARCH = {
    62: ("x86_64-linux-gnu",),
    183: ("aarch64-linux-gnu",),
    3: ("i386-linux-gnu",),
    40: ("arm-linux-gnueabihf",),
    243: ("riscv64-linux-gnu",),
    21: ("powerpc64le-linux-gnu",),
    22: ("s390x-linux-gnu",),
}

# Every library Qt's xcb plugin (and libQt6XcbQpa) loads on Debian 12 / Ubuntu, and its package.
# Checked with `dpkg -S` against the plugin's full dependency tree; see packages_for().
SONAME_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libexpat.so.1": "libexpat1",
    "libpng16.so.16": "libpng16-16",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libbsd.so.0": "libbsd0",
    "libmd.so.0": "libmd0",
    "libsystemd.so.0": "libsystemd0",
    "libcap.so.2": "libcap2",
    "libgcrypt.so.20": "libgcrypt20",
    "libgpg-error.so.0": "libgpg-error0",
    "liblzma.so.5": "liblzma5",
    "liblz4.so.1": "liblz4-1",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libc.so.6": "libc6",
    "libm.so.6": "libc6",
    "libdl.so.2": "libc6",
    "libpthread.so.0": "libc6",
    "librt.so.1": "libc6",
    "ld-linux-x86-64.so.2": "libc6",
    "ld-linux-aarch64.so.1": "libc6",
}


class NotElf(ValueError):
    """The file is not an ELF shared object this reader understands."""


@dataclass(frozen=True)
class ElfInfo:
    elf_class: int  # 1: 32-bit, 2: 64-bit
    little_endian: bool
    machine: int
    needed: tuple[str, ...]
    rpath: tuple[str, ...]
    runpath: tuple[str, ...]


def read_elf(path: Path) -> ElfInfo:
    """The dynamic section's needed libraries and search paths, read from the program headers
    (as the loader does; section headers may be stripped)."""
    data = path.read_bytes()
    if len(data) < 64 or data[:4] != b"\x7fELF":
        raise NotElf(str(path))
    elf_class, encoding = data[4], data[5]
    if elf_class not in (1, 2) or encoding not in (1, 2):
        raise NotElf(str(path))
    end = "<" if encoding == 1 else ">"
    wide = elf_class == 2
    (machine,) = struct.unpack_from(end + "H", data, 18)
    if wide:
        phoff, phentsize, phnum = (
            struct.unpack_from(end + "Q", data, 32)[0],
            *struct.unpack_from(end + "HH", data, 54),
        )
    else:
        phoff, phentsize, phnum = (
            struct.unpack_from(end + "I", data, 28)[0],
            *struct.unpack_from(end + "HH", data, 42),
        )
    loads: list[tuple[int, int, int]] = []  # (vaddr, filesz, offset)
    dynamic: tuple[int, int] | None = None
    try:
        for n in range(phnum):
            at = phoff + n * phentsize
            if wide:
                p_type, _flags, p_offset, p_vaddr, _paddr, p_filesz = struct.unpack_from(
                    end + "IIQQQQ", data, at
                )
            else:
                p_type, p_offset, p_vaddr, _paddr, p_filesz = struct.unpack_from(
                    end + "IIIII", data, at
                )
            if p_type == _PT_LOAD:
                loads.append((p_vaddr, p_filesz, p_offset))
            elif p_type == _PT_DYNAMIC:
                dynamic = (p_offset, p_filesz)
    except struct.error as exc:
        raise NotElf(str(path)) from exc
    if dynamic is None:  # a static executable: needs nothing
        return ElfInfo(elf_class, encoding == 1, machine, (), (), ())

    entries: list[tuple[int, int]] = []
    size = 16 if wide else 8
    fmt = end + ("qQ" if wide else "iI")
    offset, length = dynamic
    for at in range(offset, min(offset + length, len(data) - size + 1), size):
        tag, value = struct.unpack_from(fmt, data, at)
        if tag == _DT_NULL:
            break
        entries.append((tag, value))
    strtab_vaddr = next((v for t, v in entries if t == _DT_STRTAB), None)
    if strtab_vaddr is None:
        raise NotElf(str(path))
    strtab = next(
        (off + strtab_vaddr - va for va, sz, off in loads if va <= strtab_vaddr < va + sz), None
    )
    if strtab is None:
        raise NotElf(str(path))

    def string(index: int) -> str:
        start = strtab + index
        stop = data.find(b"\0", start)
        return data[start : stop if stop >= 0 else len(data)].decode("utf-8", "replace")

    def paths(tag: int) -> tuple[str, ...]:
        return tuple(p for t, v in entries if t == tag for p in string(v).split(":") if p)

    return ElfInfo(
        elf_class=elf_class,
        little_endian=encoding == 1,
        machine=machine,
        needed=tuple(string(v) for t, v in entries if t == _DT_NEEDED),
        rpath=paths(_DT_RPATH),
        runpath=paths(_DT_RUNPATH),
    )


def _expand(entry: str, origin: Path) -> Path:
    value = re.sub(r"\$(ORIGIN|\{ORIGIN\})", str(origin), entry)
    value = re.sub(r"\$(LIB|\{LIB\})", "lib", value)
    return Path(value)


def _ld_so_conf(path: Path = Path("/etc/ld.so.conf"), depth: int = 0) -> list[Path]:
    """The folders /etc/ld.so.conf names, following its `include` lines."""
    found: list[Path] = []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return found
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("include") and depth < 5:
            pattern = line.split(None, 1)[1] if " " in line or "\t" in line else ""
            if pattern and not pattern.startswith("/"):
                pattern = str(path.parent / pattern)
            for included in sorted(glob.glob(pattern)):
                found += _ld_so_conf(Path(included), depth + 1)
        else:
            found.append(Path(line))
    return found


def _ldconfig_cache() -> dict[str, list[Path]]:
    """soname -> paths from the loader's cache (`ldconfig -p`), or {} when there is none."""
    tool = shutil.which("ldconfig") or next(
        (t for t in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if Path(t).is_file()), None
    )
    if tool is None:
        return {}
    try:
        out = subprocess.run(
            [tool, "-p"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    cache: dict[str, list[Path]] = {}
    for line in out.splitlines():
        match = re.match(r"\s+(\S+)\s+\(.*\)\s+=>\s+(\S.*)$", line)
        if match:
            cache.setdefault(match.group(1), []).append(Path(match.group(2).strip()))
    return cache


def standard_dirs(machine: int, elf_class: int) -> list[Path]:
    triplets = _MULTIARCH.get(machine, ())
    dirs = [Path(root, t) for root in ("/lib", "/usr/lib") for t in triplets]
    if elf_class == 2:
        dirs += [Path("/lib64"), Path("/usr/lib64")]
    return dirs + [Path("/lib"), Path("/usr/lib")]


@dataclass
class Resolver:
    """Finds libraries as the loader would. `system_dirs`, when given, replaces the loader's
    cache, /etc/ld.so.conf and the standard folders (tests point it at a folder of their own)."""

    system_dirs: Sequence[Path] | None = None
    ld_library_path: Sequence[Path] = ()
    found: dict[str, Path] = field(default_factory=dict)
    _cache: dict[str, list[Path]] | None = None
    _infos: dict[Path, ElfInfo | None] = field(default_factory=dict)

    def info(self, path: Path) -> ElfInfo | None:
        if path not in self._infos:
            try:
                self._infos[path] = read_elf(path)
            except (OSError, NotElf):
                self._infos[path] = None
        return self._infos[path]

    def _fits(self, candidate: Path, want: ElfInfo) -> bool:
        info = self.info(candidate) if candidate.is_file() else None
        return (
            info is not None
            and info.elf_class == want.elf_class
            and info.machine == want.machine
            and info.little_endian == want.little_endian
        )

    def _candidates(
        self, soname: str, rpath: Sequence[Path], runpath: Sequence[Path], want: ElfInfo
    ) -> Iterable[Path]:
        if "/" in soname:
            yield Path(soname)
            return
        for folder in rpath:
            yield folder / soname
        for folder in self.ld_library_path:
            yield folder / soname
        for folder in runpath:
            yield folder / soname
        if self.system_dirs is not None:
            for folder in self.system_dirs:
                yield folder / soname
            return
        if self._cache is None:
            self._cache = _ldconfig_cache()
        yield from self._cache.get(soname, [])
        for folder in _ld_so_conf():
            yield folder / soname
        for folder in standard_dirs(want.machine, want.elf_class):
            yield folder / soname

    def missing(self, root: Path) -> list[str]:
        """The sonames that `root` needs, directly or through what it loads, and that cannot be
        found; in the order the loader would meet them (breadth first, like ldd)."""
        top = self.info(root)
        if top is None:
            return []
        missing: list[str] = []
        # (object, its info, RPATHs inherited from the objects that loaded it)
        queue: list[tuple[Path, ElfInfo, tuple[Path, ...]]] = [(root, top, ())]
        seen: set[Path] = {root}
        while queue:
            path, info, inherited = queue.pop(0)
            origin = path.parent
            own_rpath = tuple(_expand(p, origin) for p in info.rpath)
            runpath = tuple(_expand(p, origin) for p in info.runpath)
            # The loader ignores DT_RPATH (its own and inherited) when DT_RUNPATH is set.
            rpath = () if runpath else own_rpath + inherited
            for soname in info.needed:
                if soname in self.found or soname in missing:
                    continue
                hit = next(
                    (
                        c
                        for c in self._candidates(soname, rpath, runpath, top)
                        if self._fits(c, top)
                    ),
                    None,
                )
                if hit is None:
                    missing.append(soname)
                    continue
                self.found[soname] = hit
                child = self.info(hit)
                if child is not None and hit not in seen:
                    seen.add(hit)
                    queue.append((hit, child, own_rpath + inherited))
        return missing


def xcb_plugin_path() -> Path | None:
    """Qt's xcb platform plugin in the installed PySide6 (or the bundle), without importing Qt."""
    roots: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / "PySide6")
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        roots += [Path(p) for p in spec.submodule_search_locations]
    for root in roots:
        for sub in ("Qt/plugins/platforms", "plugins/platforms"):
            candidate = root / sub / "libqxcb.so"
            if candidate.is_file():
                return candidate
    return None


def missing_xcb_libraries(
    plugin_path: Path | None = None, *, system_dirs: Sequence[Path] | None = None
) -> list[str]:
    """The shared libraries (sonames) that Qt's xcb plugin, or the Qt libraries it loads, needs
    and that this system cannot provide; [] when it would load, or when there is no plugin to
    check (not Linux, or no PySide6 found: Qt then says what is wrong itself)."""
    if not sys.platform.startswith("linux"):
        return []
    path = plugin_path or xcb_plugin_path()
    if path is None or not path.is_file():
        return []
    env = os.environ.get("LD_LIBRARY_PATH", "")
    extra = [Path(p) for p in env.split(":") if p]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # what the bundle carries is already loaded, or found by its own RUNPATHs
        extra.append(Path(bundle))
    return Resolver(system_dirs=system_dirs, ld_library_path=extra).missing(path)


def _guess_package(soname: str) -> str:
    """Debian's library package naming: libfoo.so.3 -> libfoo3, libfoo-x11.so.0 -> libfoo-x11-0."""
    match = re.match(r"(.+?)\.so\.(\d+)", soname)
    if not match:
        return soname.lower()
    name, version = match.group(1).lower().replace("_", "-"), match.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def apt_packages_for(libs: Iterable[str]) -> list[str]:
    """The Debian/Ubuntu packages that provide these sonames, each once, in the given order."""
    packages: list[str] = []
    for soname in libs:
        package = SONAME_PACKAGES.get(soname) or _guess_package(soname)
        if package not in packages:
            packages.append(package)
    return packages


def display_problem(
    plugin_path: Path | None = None, *, system_dirs: Sequence[Path] | None = None
) -> str | None:
    """The one translated line to show when Qt's X11 plugin cannot load, or None."""
    missing = missing_xcb_libraries(plugin_path, system_dirs=system_dirs)
    if not missing:
        return None
    return _(
        "Qt cannot open a window: system libraries are missing ({names}); install them with: apt-get install {packages}"
    ).format(names=comma_join(missing), packages=" ".join(apt_packages_for(missing)))
