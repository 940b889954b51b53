"""Everything a person or a program can read out of an exported file, unpacked: the raw bytes,
each part of a DOCX/XLSX package, each PDF stream decompressed, the PDF's text, Info and XMP,
every table of a Facilitator file; and a check that no folded form of a name is in any of it."""

from __future__ import annotations

import html
import re
import sqlite3
import subprocess
import zipfile
import zlib
from pathlib import Path

from facilitator.domain.names import fold, parts

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_HEX_UTF16 = re.compile(rb"<(FEFF[0-9A-Fa-f]+)>")


def _kept_if_plain(match: re.Match) -> bytes:
    """A PDF stream as it is if it is not compressed (read raw too), else nothing."""
    try:
        zlib.decompress(match.group(1))
    except zlib.error:
        return match.group(0)
    return b"stream\nendstream"


def unpacked(path: Path) -> list[str]:
    raw = path.read_bytes()
    # Compressed bytes are no text: read as Latin-1 and folded, a zip member or a PDF stream
    # now and then holds "olga" by chance (the export's time changes them at every run). They
    # are read below, unpacked; what is read raw is the rest of the file.
    readable = b"" if zipfile.is_zipfile(path) else raw
    if path.suffix == ".pdf":
        readable = _STREAM.sub(_kept_if_plain, raw)
    forms = [readable.decode("utf-8", "replace"), readable.decode("latin-1")]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
        forms += members + [html.unescape(x) for x in members]  # openpyxl writes &#1575;
    if path.suffix == ".pdf":
        for match in _STREAM.finditer(raw):
            try:
                data = zlib.decompress(match.group(1))
            except zlib.error:
                data = match.group(1)
            forms += [data.decode("latin-1"), data.decode("utf-8", "replace")]
        for match in _HEX_UTF16.finditer(raw):
            forms.append(bytes.fromhex(match.group(1).decode()).decode("utf-16", "replace"))
        for command in (
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            ["pdfinfo", "-enc", "UTF-8", str(path)],
            ["pdfinfo", "-meta", str(path)],
        ):
            out = subprocess.run(command, capture_output=True)
            forms.append(out.stdout.decode("utf-8", "replace"))
    if path.suffix == ".facilitator":
        conn = sqlite3.connect(path)
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            forms += [repr(row) for row in conn.execute(f"SELECT * FROM [{table}]")]
        conn.close()
    # Arabic text extracted in visual order reads backwards: look at it both ways.
    return forms + [f[::-1] for f in forms if re.search("[\u0600-\u06ff\ufb50-\ufeff]", f)]


def hidden_tokens(names: list[str]) -> set[str]:
    tokens = set()
    for name in names:
        tokens.add(" ".join(fold(name).split()))
        tokens.update(parts(name))
    return tokens


def leaks(paths: list[Path], names: list[str]) -> list[tuple[str, str]]:
    """(file, token) for each folded name token found in a folded form of a file."""
    tokens = hidden_tokens(names)
    found = []
    for path in paths:
        for form in unpacked(path):
            folded = fold(form)
            found += [(path.name, t) for t in tokens if t in folded]
    return sorted(set(found))
