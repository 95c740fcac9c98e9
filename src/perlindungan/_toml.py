"""Reading TOML data files exactly, and finding the line of a key for error messages.

Floats are read as :class:`~decimal.Decimal` so that ``0.0024`` stays exact. The
locator maps a dotted path such as ``pu.jp.wage_cap.values[3].since`` to the line it
was written on, so that problems can be reported as ``file:line``.

The bundled data files (``data/<folder>/*.toml``) are read with :func:`bundled_documents`,
which uses the parsed copies written when the package is built when they were made from the
same bytes (:mod:`perlindungan._parsed_copy`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from perlindungan._i18n import N_
from perlindungan._input.files import read_bytes
from perlindungan._message import Message
from perlindungan._parsed_copy import PARSED, data_of, read_copies
from perlindungan._repr import attrs_repr
from perlindungan.errors import DataProblem, InvalidInputError, RegulationDataError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["TomlDocument", "bundled_documents", "read_toml", "read_toml_text"]

#: Files larger than this are refused before parsing (data files are small; this bounds
#: the work done on untrusted input).
MAX_BYTES = 2_000_000

_DATA_FOLDER = os.path.join(os.path.dirname(__file__), "data")

#: The folder of the bundled data files, a :class:`~pathlib.Path` made on first use (see
#: ``__getattr__``); :func:`bundled_documents` reads it when it is set, so that it can be
#: pointed elsewhere.
DATA: Path


def __getattr__(name: str) -> object:
    # Loading the bundled data goes through os.path, not pathlib: pathlib (with
    # urllib.parse and ipaddress) is a measured part of the import budget
    # (docs/maintainers.md, "Import time"). ``DATA`` is a Path for the modules that read
    # other data files (the region table, ...).
    if name == "DATA":
        from pathlib import Path  # noqa: PLC0415

        globals()["DATA"] = folder = Path(_DATA_FOLDER)
        return folder
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _reader(path: str) -> Callable[[], bytes]:
    def read() -> bytes:
        with open(path, "rb") as handle:
            return handle.read()

    return read


# The line index is made only when a problem is reported: these patterns are compiled then
# (by re's cache), not when the data a contribution needs is loaded.
_HEADER = r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$"
_KEY = r"^\s*((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*="


def _split_key(text: str) -> list[str]:
    parts = re.findall(r"\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+", text)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


@attrs_repr
@attrs.frozen(repr=False)
class TomlDocument:
    """A parsed TOML file with a map from key paths to line numbers."""

    name: str
    data: dict[str, Any]
    text: str = attrs.field(default="", repr=False)
    _lines: dict[str, int] | None = attrs.field(default=None, init=False, repr=False, eq=False)

    @property
    def lines(self) -> dict[str, int]:
        """Dotted key path -> line number; indexed on first use (only problems need it)."""
        lines = self._lines
        if lines is None:
            lines = _index_lines(self.text)
            object.__setattr__(self, "_lines", lines)
        return lines

    def line_of(self, path: str) -> int | None:
        """The line of ``path`` or of its nearest written ancestor."""
        probe = path
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            cut = max(probe.rfind("."), probe.rfind("["))
            if cut <= 0:
                break
            probe = probe[:cut]
        return self.lines.get(probe)

    def problem(self, path: str, message: str) -> DataProblem:
        """A problem located at ``path`` in this file."""
        return DataProblem(file=self.name, location=path, message=message, line=self.line_of(path))


def _index_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    counters: dict[str, int] = {}
    prefix = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        header = re.match(_HEADER, raw)
        if header and stripped.startswith("["):
            dotted = ".".join(_split_key(header.group(2)))
            if header.group(1) == "[[":
                index = counters.get(dotted, 0)
                counters[dotted] = index + 1
                prefix = f"{dotted}[{index}]"
            else:
                prefix = dotted
            lines.setdefault(prefix, number)
            continue
        key = re.match(_KEY, raw)
        if key:
            dotted = ".".join(_split_key(key.group(1)))
            path = f"{prefix}.{dotted}" if prefix else dotted
            lines.setdefault(path, number)
    return lines


def read_toml_text(text: str, name: str) -> TomlDocument:
    """Parse TOML text; a syntax error becomes a :class:`RegulationDataError`."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise RegulationDataError(
            [
                DataProblem(
                    name,
                    "",
                    Message(
                        "file is larger than {max_bytes:,} bytes; refused.", max_bytes=MAX_BYTES
                    ),
                )
            ]
        )
    import tomllib  # noqa: PLC0415  (not needed when the parsed copies are used)

    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        line_match = re.search(r"line (\d+)", str(exc))
        raise RegulationDataError(
            [
                DataProblem(
                    name,
                    "",
                    Message("not valid TOML: {reason}", reason=str(exc)),
                    line=int(line_match.group(1)) if line_match else None,
                )
            ]
        ) from None
    except RecursionError:
        raise RegulationDataError(
            [DataProblem(name, "", Message("nesting is too deep; refused."))]
        ) from None
    return TomlDocument(name=name, data=data, text=text)


def read_toml(path: Path, *, name: str | None = None) -> TomlDocument:
    """Read and parse a TOML file."""

    try:
        # a regular file only (a FIFO or /dev/zero is refused), bounded while read
        raw = read_bytes(path, limit=MAX_BYTES, what=N_("file"))
    except InvalidInputError as exc:
        raise RegulationDataError([DataProblem(name or str(path), "", exc.message)]) from None
    return read_toml_text(_decode(raw, name or str(path)), name or path.name)


def _decode(raw: bytes, name: str) -> str:
    if len(raw) > MAX_BYTES:
        raise RegulationDataError(
            [
                DataProblem(
                    name,
                    "",
                    Message(
                        "file is larger than {max_bytes:,} bytes; refused.", max_bytes=MAX_BYTES
                    ),
                )
            ]
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RegulationDataError(
            [DataProblem(name, "", Message("file is not UTF-8 text."))]
        ) from None


def bundled_documents(folder: str) -> list[TomlDocument]:
    """The bundled ``data/<folder>/*.toml`` files in name order, named ``<folder>/<file>``.

    A file's parsed copy (see the module docstring) stands in for parsing it when the
    copy was made from the same bytes.
    """
    root = os.fspath(globals().get("DATA", _DATA_FOLDER))
    plain = os.path.join(root, folder)
    if os.path.isdir(plain):
        # A plain directory when installed normally: read it without importing
        # importlib.resources, a measurable part of the import-and-load time.
        files: list[tuple[str, Callable[[], bytes]]] = [
            (name, _reader(os.path.join(plain, name)))
            for name in os.listdir(plain)
            if name.endswith(".toml")
        ]
        parsed = os.path.join(root, PARSED, f"{folder}.json")
        copies = read_copies(_reader(parsed) if os.path.isfile(parsed) else None)
    else:
        from importlib import resources  # noqa: PLC0415

        data = resources.files("perlindungan") / "data"
        files = [
            (entry.name, entry.read_bytes)
            for entry in (data / folder).iterdir()
            if entry.name.endswith(".toml")
        ]
        copy = data / PARSED / f"{folder}.json"
        copies = read_copies(copy.read_bytes if copy.is_file() else None)
    documents = []
    for file_name, read in sorted(files, key=lambda file: file[0]):
        name = f"{folder}/{file_name}"
        raw = read()
        text = _decode(raw, name)
        copied = data_of(copies, file_name, text)
        if copied is not None:
            documents.append(TomlDocument(name=name, data=copied, text=text))
        else:
            documents.append(read_toml_text(text, name))
    return documents
