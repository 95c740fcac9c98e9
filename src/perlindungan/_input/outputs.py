"""Output files: never written over an input, folders created, errors that say why.

Every CSV cell that can hold input text goes through
:func:`~perlindungan._input.text.spreadsheet_safe` (see :func:`safe_csv_row`).
"""

from __future__ import annotations

import errno
from collections.abc import Iterable, Sequence
from pathlib import Path

from perlindungan._i18n import N_
from perlindungan._input.files import os_reason
from perlindungan._input.text import spreadsheet_safe
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

__all__ = ["cannot_write", "check_not_input", "safe_csv_row", "write_output"]

_CANNOT_WRITE = N_("cannot write {target}: {reason}.")
_CANNOT_WRITE_INTO = N_("cannot write into {target}: {reason}.")


def safe_csv_row(cells: Iterable[object]) -> list[object]:
    """The cells with formula-like text escaped for spreadsheets."""
    return [spreadsheet_safe(c) for c in cells]


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:  # pragma: no cover - a path that vanished
        return False


def check_not_input(target: str | Path, inputs: Sequence[str | Path]) -> None:
    """Refuse an output path that is one of the input files."""
    out = Path(target)
    for source in inputs:
        if str(source) == "-":
            continue
        if _same(out, Path(source)) or out.resolve() == Path(source).resolve():
            raise InvalidInputError(
                Message(
                    "the output {target} is the input file {source}; "
                    "write the result somewhere else.",
                    target=repr(str(target)),
                    source=repr(str(source)),
                ),
                field="output",
            )


def cannot_write(target: str | Path, exc: OSError, *, into: bool = False) -> InvalidInputError:
    """The error for an output file (or, with ``into``, a file in an output folder) that
    the operating system refused to write, saying why in the language asked."""
    template = _CANNOT_WRITE_INTO if into else _CANNOT_WRITE
    return InvalidInputError(
        Message(template, target=repr(str(target)), reason=os_reason(exc)), field="output"
    )


def write_output(target: str | Path, text: str, *, inputs: Sequence[str | Path] = ()) -> Path:
    """Write ``text`` to ``target`` (its folder created), never over one of ``inputs``."""
    path = Path(target)
    check_not_input(path, inputs)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "it is a folder")
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise cannot_write(target, exc) from None
    return path
