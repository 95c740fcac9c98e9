"""Parsed copies of the bundled TOML files, written when the package is built, never committed.

Parsing TOML in pure Python is most of the time it takes to load the bundled data files
(``data/<folder>/*.toml``). The build (``scripts/build_hook.py``: every wheel, and the source
tree of an editable install) writes each folder's parsed files as
``data/parsed/<folder>.json``; the folder is git-ignored. A file's copy is used only when
the TOML text read now is exactly the text recorded with it; otherwise (a file edited
after the build, a new file, a checkout that was never installed) the TOML is parsed as
usual, so a copy makes loading faster but never changes what is loaded. Comparing the text
itself costs nothing measurable, where a hash would import :mod:`hashlib` (OpenSSL), a
tenth of the import budget (docs/maintainers.md, "Import time"). The copy is plain JSON
(dates and decimals tagged as text); the same strict checks run on it, and the TOML text is
kept for line numbers in error messages.

Only the standard library is used here: the build runs this module without the package's
dependencies.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["FOLDERS", "PARSED", "copy_text", "data_of", "read_copies", "same_data", "write"]

#: The bundled data folders that get a parsed copy.
FOLDERS = ("legal_bases", "parameters", "regions", "schemes")
#: The folder of the parsed copies, next to the data folders.
PARSED = "parsed"


def read_copies(read: Callable[[], bytes] | None) -> dict[str, Any]:
    """File name -> ``{"toml", "data"}`` from a parsed-copy file (``read`` returns its
    bytes; None: there is none); empty when unusable."""
    if read is None:
        return {}
    try:
        files = json.loads(read(), object_hook=_untag)["files"]
    except (OSError, ValueError, KeyError, TypeError, ArithmeticError):
        return {}  # unreadable: parse the TOML instead
    return files if isinstance(files, dict) else {}


def data_of(copies: dict[str, Any], file_name: str, text: str) -> dict[str, Any] | None:
    """The parsed data of ``file_name`` when its copy was made from exactly ``text``."""
    entry = copies.get(file_name)
    if not isinstance(entry, dict) or entry.get("toml") != text:
        return None
    data = entry.get("data")
    return data if isinstance(data, dict) else None


def _untag(table: dict[str, Any]) -> object:
    if len(table) == 1:
        if "$date" in table:
            return _dt.date.fromisoformat(table["$date"])
        if "$decimal" in table:
            return Decimal(table["$decimal"])
    return table


def _tag(value: object, where: str) -> object:
    """A parsed TOML value as JSON: dates and decimals become tagged text."""
    if isinstance(value, dict):
        for key in value:
            if key.startswith("$"):
                raise ValueError(f"{where}: a key starting with '$' ({key!r}) cannot be copied")
        return {key: _tag(item, f"{where}.{key}") for key, item in value.items()}
    if isinstance(value, list):
        return [_tag(item, f"{where}[{index}]") for index, item in enumerate(value)]
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, _dt.datetime | _dt.time):
        raise TypeError(f"{where}: times of day are not used in the data files")
    if isinstance(value, _dt.date):
        return {"$date": value.isoformat()}
    if value is None or isinstance(value, str | int | bool):
        return value
    raise TypeError(f"{where}: cannot copy a {type(value).__name__}")  # pragma: no cover


def same_data(a: object, b: object) -> bool:
    """Equal with the same types, key order and decimal digits (``1.0`` is not ``1``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return list(a) == list(b) and all(same_data(a[k], b[k]) for k in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Decimal):
        assert isinstance(b, Decimal)
        return a.as_tuple() == b.as_tuple()
    return a == b


def copy_text(directory: Path, folder: str) -> str:
    """The parsed copy of ``directory/*.toml`` (a bundled data folder), as JSON text.

    Deterministic (same files, same text). Each copy is read back as it will be read and
    compared with the parsed TOML, types and decimal digits included. A file that cannot
    be copied exactly (not UTF-8, not valid TOML, a value JSON cannot carry) gets no copy:
    it is parsed, and its problems reported, when the package loads it.
    """
    import tomllib  # noqa: PLC0415  (only the build writes copies; loading them needs no TOML)

    files: dict[str, object] = {}
    for path in sorted(directory.glob("*.toml")):
        raw = path.read_bytes()
        name = f"{folder}/{path.name}"
        try:
            text = raw.decode("utf-8")
            data = tomllib.loads(text, parse_float=Decimal)
            entry = {"toml": text, "data": _tag(data, name)}
        except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError, TypeError):
            continue
        back = json.loads(json.dumps(entry), object_hook=_untag)["data"]
        if same_data(back, data):
            files[path.name] = entry
    return (
        json.dumps(
            {
                "about": (
                    f"Parsed copy of data/{folder}/*.toml, written when the package was built; "
                    "each file's copy is used only when its TOML text is the text read."
                ),
                "files": files,
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n"
    )


def write(data: Path, out: Path) -> list[Path]:
    """Write the parsed copy of every folder of :data:`FOLDERS` in ``data`` into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for folder in FOLDERS:
        target = out / f"{folder}.json"
        target.write_text(copy_text(data / folder, folder), encoding="utf-8")
        written.append(target)
    return written
