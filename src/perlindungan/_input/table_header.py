"""The header line of a table: its cell separator found or checked, its columns checked
(named, once each, known, the required ones present), and the file-level problem raised
once, naming the file and line (see :mod:`perlindungan._input.table`)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import Final

from perlindungan._input.shown import shown
from perlindungan._message import Message
from perlindungan._suggest import did_you_mean
from perlindungan.errors import InvalidInputError

__all__ = ["DELIMITERS", "check_header", "delimiter_of", "file_problem", "split_line"]

#: Cell separators a CSV file may use.
DELIMITERS: Final = (",", ";", "\t")
_NAMES: Final = {",": "','", ";": "';'", "\t": "tab"}


def _name(delimiter: str) -> str:
    return Message("tab") if delimiter == "\t" else _NAMES[delimiter]


def file_problem(
    name: str, line: int | None, message: str, field: str = "roster"
) -> InvalidInputError:
    where = f"{name}:{line}" if line is not None else name
    return InvalidInputError(
        Message("{where}: {message}", where=where, message=message), field=field
    )


def split_line(line: str, delimiter: str) -> list[str]:
    """The cells of one CSV line (raises csv.Error for a malformed line)."""
    if '"' not in line:
        return line.split(delimiter)
    return next(csv.reader((line,), delimiter=delimiter, strict=True))


def delimiter_of(header_line: str, given: str | None, name: str) -> str:
    if given is not None:
        if given not in DELIMITERS:
            raise InvalidInputError(
                Message(
                    "the delimiter must be one of ',', ';' or a tab, got {value}.",
                    value=shown(given),
                ),
                field="delimiter",
            )
        return given
    counts = {d: len(_split_outside_quotes(header_line, d)) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    del name
    return best if counts[best] > 1 else ","


def _split_outside_quotes(line: str, delimiter: str) -> list[str]:
    try:
        return split_line(line, delimiter)
    except csv.Error:
        return [line]


def check_header(
    name: str,
    header: list[str],
    delimiter: str,
    columns: Sequence[str] | None,
    required: Sequence[str],
) -> tuple[str, ...]:
    names = [h.strip() for h in header]
    if columns is not None and len(names) == 1:
        others = [d for d in DELIMITERS if d != delimiter and d in names[0]]
        if others:
            raise file_problem(
                name,
                1,
                Message(
                    "the header is one column {column}: the cells seem separated by "
                    "{other}, not {delimiter}; give --delimiter {option} (or save the file "
                    "with {delimiter}).",
                    column=shown(names[0]),
                    other=_name(others[0]),
                    delimiter=_name(delimiter),
                    option=_NAMES[others[0]],
                ),
            )
    seen: dict[str, int] = {}
    for position, column in enumerate(names, start=1):
        if not column:
            raise file_problem(
                name, 1, Message("column {position} of the header has no name.", position=position)
            )
        if column in seen:
            raise file_problem(
                name,
                1,
                Message(
                    "column {column} appears twice in the header (columns {first} "
                    "and {position}); keep one.",
                    column=repr(column),
                    first=seen[column],
                    position=position,
                ),
                field=column,
            )
        seen[column] = position
        if columns is not None and column not in columns:
            raise file_problem(
                name,
                1,
                Message(
                    "unknown column {column}; {hint}",
                    column=shown(column),
                    hint=did_you_mean(column, columns),
                ),
                field=column,
            )
    for column in required:
        if column not in seen:
            raise file_problem(
                name,
                1,
                Message("the header must have a column {column}.", column=repr(column)),
                field=column,
            )
    return tuple(names)
