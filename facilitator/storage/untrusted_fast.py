"""A first look at a source's rows in SQL, so the merge need not check every value in Python.

`fast_check(table, present)` is an SQL expression over a row of a source file that is true only
when untrusted's Python checks would accept that row as it is: the usual row (ids in the form
this app writes, codes of the vocabularies, plain text, stamps `{}`). It is a sufficient
condition, never a necessary one: a row it does not vouch for is checked value by value in
Python as before, so what is refused, and with which message, does not change. Whatever it
cannot judge exactly (JSON lists other than `[]`, stamps other than `{}`, Unicode digits,
text with a NUL) it leaves to Python.
"""

from __future__ import annotations

import typing
from functools import cache

from .records import CLASS_OF, field_kinds
from .untrusted_values import REFERENCE_COLUMNS, VOCABULARY, data_columns

HEX = "[0-9a-f]"
UUID_GLOB = "-".join(HEX * n for n in (8, 4, 4, 4, 12))
DIGITS = "[0-9]"
# STAMP_RE and DEVICE_RE of untrusted, in GLOB: ASCII digits only (`\d` allows more).
STAMP_GLOB = f"{DIGITS * 13}.{DIGITS * 6}.*"
NOT_DEVICE_GLOB = "*[^A-Za-z0-9_.:-]*"
COLOUR_GLOB = "#" + "[0-9a-fA-F]" * 6


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _no_nul(x: str) -> str:
    # length() and GLOB stop at a NUL; the bytes do not.
    return f"instr(CAST({x} AS BLOB), x'00') = 0"


def _text(x: str) -> str:
    return f"(typeof({x}) = 'text' AND {_no_nul(x)})"


def _uuid(x: str) -> str:
    return (
        f"(typeof({x}) = 'text' AND length({x}) = 36 AND {x} GLOB '{UUID_GLOB}' AND {_no_nul(x)})"
    )


def _optional(x: str, check: str) -> str:
    return f"({x} IS NULL OR {check})"


def _column(table: str, name: str, hint: typing.Any, kind: str) -> str:
    x = f'"{name}"'
    optional = type(None) in typing.get_args(hint)
    if name == "id":
        return _uuid(x)
    if (table, name) in VOCABULARY:
        codes = ", ".join(_literal(c) for c in ("", *VOCABULARY[(table, name)]))
        return f"(typeof({x}) = 'text' AND {x} IN ({codes}))"
    if (table, name) == ("topic", "colour"):
        return (
            f"(typeof({x}) = 'text' AND ({x} = '' OR ({x} GLOB '{COLOUR_GLOB}' AND {_no_nul(x)})))"
        )
    if name in REFERENCE_COLUMNS:
        check = f"(typeof({x}) = 'text' AND ({x} = '' OR {_uuid(x)}))"
        return _optional(x, check) if optional else check
    if kind == "bool":
        return f"(typeof({x}) = 'integer' AND {x} IN (0, 1))"
    if kind == "list":
        return f"(typeof({x}) = 'text' AND {x} = '[]')"
    base = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
    check = f"(typeof({x}) = 'integer')" if base[0] is int else _text(x)
    return _optional(x, check) if optional else check


@cache
def fast_check(table: str, present: frozenset[str]) -> str:
    """The SQL expression (see the module's docstring) for a file holding the columns `present`;
    "0" when a column is missing (a file of an older format is checked in Python)."""
    cls = CLASS_OF[table]
    names = data_columns(table)
    if not set(names) <= present:
        return "0"
    hints = typing.get_type_hints(cls)
    kinds = field_kinds(cls)
    parts = [_column(table, n, hints[n], kinds[n]) for n in names]
    parts += [
        f"(typeof(hlc) = 'text' AND length(hlc) BETWEEN 22 AND 85 AND hlc GLOB '{STAMP_GLOB}'"
        f" AND substr(hlc, 22) NOT GLOB '{NOT_DEVICE_GLOB}' AND {_no_nul('hlc')})",
        f"(typeof(device) = 'text' AND length(device) BETWEEN 1 AND 64"
        f" AND device NOT GLOB '{NOT_DEVICE_GLOB}' AND {_no_nul('device')})",
        "(typeof(deleted) = 'integer' AND deleted IN (0, 1))",
        "(typeof(stamps) = 'text' AND stamps = '{}')",
    ]
    if "deleted_with" in present:
        parts.append(
            f"(typeof(deleted_with) = 'text' AND (deleted_with = '' OR {_uuid('deleted_with')}))"
        )
    return " AND ".join(parts)
