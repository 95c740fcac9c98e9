"""Tables from outside (rosters, payrolls): every record with its file line, or a
problem with its line; problems of the whole file raised once.

A table is CSV (``,``, ``;`` or tab between cells, found from the header line unless a
delimiter is given; with or without a UTF-8 byte-order mark; LF, CRLF or CR line ends),
JSON lines (split on ``\\n`` only: U+2028, U+0085 or ``\\x1c`` inside a string never
split a record) or an ``.xlsx`` workbook (its first sheet; the ``xlsx`` extra).

One person per line. A CSV record is one physical line: a quote left open is a problem
of that line, never a reason to swallow the lines after it. ``line`` is the line of the
file (the CSV header is line 1; JSON lines count from 1; a workbook row is its sheet row),
so a message points where the user looks. Blank lines are not records.

Problems of the whole file (a duplicate or unknown column, one column whose name holds
another delimiter, more than :data:`~perlindungan._input.limits.MAX_ROWS` records) raise
one :class:`~perlindungan.errors.InvalidInputError` naming the file and line, before any
record is read. :meth:`Table.chunks` hands out records in blocks for streaming
evaluators, each record with its line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from perlindungan._i18n import N_
from perlindungan._input.files import decode_text, read_bytes
from perlindungan._input.jsondoc import load_json
from perlindungan._input.limits import MAX_CELL_CHARS, MAX_ROSTER_BYTES, MAX_ROWS
from perlindungan._input.shown import shown
from perlindungan._input.table_header import (
    DELIMITERS,
    check_header,
    delimiter_of,
    file_problem,
    split_line,
)
from perlindungan._message import Message
from perlindungan._suggest import did_you_mean
from perlindungan.errors import InvalidInputError

__all__ = [
    "DELIMITERS",
    "Record",
    "Table",
    "csv_header",
    "csv_record",
    "jsonl_record",
    "read_table",
    "table_from_text",
    "xlsx_record",
]


@attrs.frozen
class Record:
    """One record: its file line and its cells (column -> text, or JSON value), or the
    problem that kept it from being read (``cells`` is then None)."""

    line: int
    cells: Mapping[str, Any] | None
    problem: InvalidInputError | None = None

    @property
    def key(self) -> str:
        """The ``id`` cell as given (for row errors), or ''."""
        if self.cells is None:
            return ""
        value = self.cells.get("id")
        return value.strip()[:64] if isinstance(value, str) else ""


@attrs.frozen
class Table:
    """A table read and checked as a whole; its records come out one by one."""

    name: str
    header: tuple[str, ...]
    _records: Sequence[Record] = attrs.field(repr=False)

    def __len__(self) -> int:
        return len(self._records)

    def records(self) -> Iterator[Record]:
        """Every record, in file order."""
        return iter(self._records)

    def chunks(self, size: int = 65_536) -> Iterator[Sequence[Record]]:
        """The records in blocks of ``size`` (the last one shorter)."""
        for start in range(0, len(self._records), size):
            yield self._records[start : start + size]


def _lines(text: str) -> list[str]:
    if "\n" not in text and "\r" in text:
        return text.split("\r")
    lines = text.split("\n")
    return [line.removesuffix("\r") for line in lines]


def _too_many(name: str, rows: int) -> InvalidInputError:
    return file_problem(
        name,
        None,
        Message(
            "{rows:,} rows is more than the {limit:,} read at once; split the file "
            "(the header does not count as a row).",
            rows=rows,
            limit=MAX_ROWS,
        ),
    )


def csv_header(
    name: str,
    line: str,
    delimiter: str | None,
    columns: Sequence[str] | None,
    required: Sequence[str],
) -> tuple[str, tuple[str, ...]]:
    """The delimiter and the column names of a CSV header line (file problems raised)."""
    sep = delimiter_of(line, delimiter, name)
    try:
        header = split_line(line, sep)
    except csv.Error as exc:
        raise file_problem(
            name, 1, Message("the header is not valid CSV ({reason}).", reason=str(exc))
        ) from None
    return sep, check_header(name, header, sep, columns, required)


def csv_record(number: int, line: str, sep: str, names: Sequence[str]) -> Record:
    """The record of one non-blank CSV line (file line ``number``), or its problem."""
    width = len(names)
    try:
        cells = split_line(line, sep)
    except csv.Error as exc:
        reason = (
            Message("a quote is opened and never closed on this line.")
            if "end of data" in str(exc)
            else Message("malformed CSV ({reason}).", reason=str(exc))
        )
        return Record(number, None, InvalidInputError(reason, field=None))
    if len(cells) > width:
        ident = cells[names.index("id")].strip()[:64] if "id" in names else ""
        return Record(
            number,
            {"id": ident},
            InvalidInputError(
                Message(
                    "the row has {cells} cells, more than the {width} columns of the header.",
                    cells=len(cells),
                    width=width,
                ),
                field=None,
            ),
        )
    long = next((i for i, c in enumerate(cells) if len(c) > MAX_CELL_CHARS), None)
    if long is not None:
        return Record(
            number,
            None,
            InvalidInputError(
                Message(
                    "{field} is longer than {limit:,} characters.",
                    field=names[long],
                    limit=MAX_CELL_CHARS,
                ),
                field=names[long],
            ),
        )
    return Record(number, dict(zip(names, cells, strict=False)))


def _csv_records(
    name: str,
    text: str,
    *,
    delimiter: str | None,
    columns: Sequence[str] | None,
    required: Sequence[str],
) -> Table:
    lines = _lines(text)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines or not lines[0].strip():
        raise file_problem(
            name, 1, Message("the file is empty; the first line must be the header.")
        )
    sep, names = csv_header(name, lines[0], delimiter, columns, required)
    count = sum(1 for line in lines[1:] if line.strip())
    if count > MAX_ROWS:
        raise _too_many(name, count)
    records = [
        csv_record(number, line, sep, names)
        for number, line in enumerate(lines[1:], start=2)
        if line.strip()
    ]
    return Table(name, names, records)


def jsonl_record(number: int, line: str, columns: Sequence[str] | None) -> Record:
    """The record of one non-blank JSON line (file line ``number``), or its problem."""
    try:
        data = load_json(line, what=Message("line {number}", number=number), field="line")
    except InvalidInputError as exc:
        return Record(number, None, exc)
    if not isinstance(data, dict):
        return Record(
            number, None, InvalidInputError(Message("each line must be a JSON object."), field=None)
        )
    unknown = [k for k in data if columns is not None and k not in columns]
    if unknown:
        return Record(
            number,
            data,
            InvalidInputError(
                Message(
                    "unknown column {column}; {hint}",
                    column=shown(unknown[0]),
                    hint=did_you_mean(unknown[0], columns or ()),
                ),
                field=unknown[0],
            ),
        )
    return Record(number, data)


def _jsonl_records(name: str, text: str, columns: Sequence[str] | None) -> Table:
    lines = text.split("\n")
    count = sum(1 for line in lines if line.strip())
    if count > MAX_ROWS:
        raise _too_many(name, count)
    records = [
        jsonl_record(number, line, columns)
        for number, line in enumerate(lines, start=1)
        if line.strip()
    ]
    return Table(name, tuple(columns or ()), records)


def table_from_text(
    text: str,
    *,
    name: str = "<text>",
    jsonl: bool = False,
    delimiter: str | None = None,
    columns: Sequence[str] | None = None,
    required: Sequence[str] = (),
) -> Table:
    """A table from CSV text (header first) or JSON lines; ``columns`` are the names
    allowed (None: any), ``required`` those the header must have."""
    text = text.removeprefix("\ufeff")
    if jsonl:
        return _jsonl_records(name, text, columns)
    return _csv_records(name, text, delimiter=delimiter, columns=columns, required=required)


def read_table(
    path: str | Path,
    *,
    delimiter: str | None = None,
    columns: Sequence[str] | None = None,
    required: Sequence[str] = (),
    what: str = "roster",
    label: str = N_("roster"),
) -> Table:
    """A table from a file: ``.jsonl``/``.ndjson`` JSON lines, ``.xlsx`` a workbook,
    anything else CSV; ``-`` reads CSV from stdin."""
    suffix = Path(str(path)).suffix.lower()
    raw = read_bytes(path, limit=MAX_ROSTER_BYTES, what=label, field=what)
    name = str(path) if str(path) != "-" else "<stdin>"
    if suffix == ".xlsx":
        # the xlsx reader is for the openpyxl extra (and imports zipfile)
        from perlindungan._input.xlsx import xlsx_rows  # noqa: PLC0415

        header, rows = xlsx_rows(raw, name=name)
        return _xlsx_table(name, header, rows, columns, required)
    text = decode_text(
        raw, what=Message("{what} {name}", what=Message(label), name=repr(name)), field=what
    )
    return table_from_text(
        text,
        name=name,
        jsonl=suffix in {".jsonl", ".ndjson"},
        delimiter=delimiter,
        columns=columns,
        required=required,
    )


def xlsx_record(number: int, cells: Sequence[str | None], names: Sequence[str]) -> Record:
    """The record of one non-blank workbook row (sheet row ``number``), or its problem."""
    width = len(names)
    extra = [c for c in cells[width:] if c is not None and c.strip()]
    if extra:
        return Record(
            number,
            None,
            InvalidInputError(
                Message(
                    "the row has cells beyond the {width} columns of the header.",
                    width=width,
                ),
                field=None,
            ),
        )
    return Record(number, {k: v for k, v in zip(names, cells, strict=False) if v is not None})


def _xlsx_table(
    name: str,
    header: list[str],
    rows: list[tuple[int, list[str | None]]],
    columns: Sequence[str] | None,
    required: Sequence[str],
) -> Table:
    names = check_header(name, header, ",", columns, required)
    if len(rows) > MAX_ROWS:
        raise _too_many(name, len(rows))
    return Table(name, names, [xlsx_record(number, cells, names) for number, cells in rows])
