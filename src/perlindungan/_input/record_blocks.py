"""JSON lines and workbook tables of any length, read in blocks of records.

The records, and their problems, are those of
:func:`~perlindungan._input.table.read_table` (each line or row goes through the same
per-record function: :func:`~perlindungan._input.table.jsonl_record`,
:func:`~perlindungan._input.table.xlsx_record`), without its row cap: memory holds one
block of records (and a workbook's file is read as needed, never whole; its unpacked
size is still checked first). JSON lines are read in blocks of bytes cut at line feeds (a file that
is not UTF-8 is refused naming the line, as the table reader refuses it; a line longer
than :data:`~perlindungan._input.limits.MAX_LINE_BYTES` refuses the file); a workbook's
rows come one by one from openpyxl's read-only mode (the ``xlsx`` extra). CSV tables are
read by :mod:`~perlindungan._input.blocks`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, Final

import attrs

from perlindungan._input.files import decode_text, open_regular
from perlindungan._input.limits import MAX_LINE_BYTES
from perlindungan._input.spool import STDIN_NAME, spool_stdin
from perlindungan._input.table import Record, jsonl_record, xlsx_record
from perlindungan._input.table_header import check_header, file_problem
from perlindungan._message import Message

__all__ = ["RecordBlocks", "record_blocks"]

_BLOCK_BYTES: Final = 1 << 22
_BOM: Final = b"\xef\xbb\xbf"


@attrs.frozen
class RecordBlocks:
    """A table whose header (or, for JSON lines, columns allowed) has been checked;
    :attr:`blocks` hands out its records in lists, each with how much of the file was
    read (bytes of JSON lines, rows of a workbook)."""

    header: tuple[str, ...]
    #: Size of the table: bytes of JSON lines, rows of a workbook after the header as its
    #: sheet declares them (0 when it does not).
    size: int
    blocks: Iterator[tuple[list[Record], int]]


def record_blocks(
    path: str | Path,
    *,
    columns: Sequence[str],
    required: Sequence[str] = (),
    what: str = "roster",
    size: int = 65_536,
) -> RecordBlocks:
    """The records of a ``.jsonl`` / ``.ndjson`` or ``.xlsx`` file in lists of at most
    ``size`` (problems of the whole file raised here, before any record); ``-`` is JSON
    lines on stdin, copied to a temporary file first
    (:func:`~perlindungan._input.spool.spool_stdin`) and named ``<stdin>`` in messages."""
    name = str(path)
    if name == "-":  # stdin: JSON lines, copied to a temporary file, read as one
        handle = spool_stdin(what=what, field=what, carriage_returns=False)
        name = STDIN_NAME
    else:
        handle = open_regular(path, what=what, field=what)
    if Path(name).suffix.lower() == ".xlsx":
        return _xlsx(handle, name, columns, required, size)
    total = os.fstat(handle.fileno()).st_size
    return RecordBlocks(tuple(columns), total, _jsonl(handle, name, columns, what, size))


def _jsonl(
    handle: BinaryIO, name: str, columns: Sequence[str], what: str, size: int
) -> Iterator[tuple[list[Record], int]]:
    described = Message("{what} {name}", what=Message(what), name=repr(name))
    line, rest, read = 1, b"", 0
    records: list[Record] = []
    with handle:
        first = True
        while True:
            more = handle.read(_BLOCK_BYTES)
            read += len(more)
            if first:  # decode_text and the table reader each remove one mark
                more = more.removeprefix(_BOM).removeprefix(_BOM)
                first = False
            data = rest + more
            if not data:
                break
            cut = data.rfind(b"\n") + 1 if more else len(data)
            if cut == 0:
                if len(data) > MAX_LINE_BYTES:
                    raise file_problem(
                        name,
                        line,
                        Message(
                            "the line is longer than {limit:,} bytes; refused.",
                            limit=MAX_LINE_BYTES,
                        ),
                        what,
                    )
                rest = data
                continue
            part, rest = data[:cut], data[cut:]
            text = decode_text(part, what=described, field=what, first_line=line)
            for number, text_line in enumerate(text.split("\n"), start=line):
                if text_line.strip():
                    records.append(jsonl_record(number, text_line, columns))
                    if len(records) >= size:
                        yield records, read - len(rest)
                        records = []
            line += part.count(b"\n")
            if not more:
                break
    if records:
        yield records, read


def _xlsx(
    handle: BinaryIO,
    name: str,
    columns: Sequence[str],
    required: Sequence[str],
    size: int,
) -> RecordBlocks:
    from perlindungan._input.xlsx import xlsx_stream  # noqa: PLC0415

    try:
        header, rows, last = xlsx_stream(handle, name=name)
        names = check_header(name, header, ",", columns, required)
    except BaseException:
        handle.close()
        raise
    return RecordBlocks(names, max(last - 1, 0), _xlsx_blocks(handle, rows, names, size))


def _xlsx_blocks(
    handle: BinaryIO,
    rows: Iterator[tuple[int, list[str | None]]],
    names: tuple[str, ...],
    size: int,
) -> Iterator[tuple[list[Record], int]]:
    records: list[Record] = []
    done = 0  # sheet rows read after the header
    with handle:
        for number, cells in rows:
            records.append(xlsx_record(number, cells, names))
            done = number - 1
            if len(records) >= size:
                yield records, done
                records = []
    if records:
        yield records, done
