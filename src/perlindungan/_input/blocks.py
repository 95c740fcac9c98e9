"""CSV tables of any length, read block by block as columns of text: the records of
:func:`~perlindungan._input.table.read_table`, for every reader that streams (regional
rosters, batch contribution rosters).

The file is read in blocks of bytes cut at line ends, so memory holds one block whatever
the length of the file, and there is no row cap. The reading is the table reader's: the
same header checks (:func:`~perlindungan._input.table.csv_header`: delimiter found from
the header, byte-order mark dropped, duplicate, empty or unknown columns refused naming
the file and line), one record per physical line with its file line, blank lines
skipped, a UTF-8 byte-order mark and LF, CRLF or CR line ends accepted (CR alone when the
file has no line feed, as the table reader decides); a quote left open, more cells than
the header has or a cell longer than :data:`~perlindungan._input.limits.MAX_CELL_CHARS`
are problems of their line, with the table reader's message
(:mod:`~perlindungan._input.block_cells` cuts a block into cells). Rows in = rows out: a
record with a problem is in its block, in :attr:`Block.problems`.

Bytes that are not UTF-8 refuse the file naming the line, as the table reader does
(``bad_bytes="refuse"``, regional rosters), or are a problem of their line
(``bad_bytes="row"``, batch rosters: a file too large to read whole keeps its other
rows). A line longer than :data:`~perlindungan._input.limits.MAX_LINE_BYTES` refuses the
file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Final, Literal

import attrs
import numpy as np
from numpy.typing import NDArray

from perlindungan._input.block_cells import WHITESPACE, block_cells
from perlindungan._input.files import decode_text, open_regular
from perlindungan._input.limits import MAX_LINE_BYTES
from perlindungan._input.spool import STDIN_NAME, spool_stdin
from perlindungan._input.table import Record, csv_header
from perlindungan._input.table_header import file_problem
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

__all__ = ["WHITESPACE", "Block", "CsvBlocks", "concat_blocks", "csv_blocks"]

#: Bytes read at once.
BLOCK_BYTES: Final = 1 << 23
_BOM: Final = b"\xef\xbb\xbf"


@attrs.frozen
class Block:
    """Consecutive records of a table: the file line of each, its cells per column (a
    pyarrow string array; null for a cell its line does not have, and for every cell
    but the ``id`` of a record with a problem) and the records that could not be read
    (by index in the block, with their problem)."""

    lines: NDArray[np.int64]
    columns: dict[str, Any]
    problems: dict[int, Record]
    #: Bytes of the file read up to the end of this block.
    read: int = 0

    @property
    def rows(self) -> int:
        """Number of records."""
        return len(self.lines)

    def slice(self, start: int, stop: int) -> Block:
        """Records ``start`` to ``stop`` of the block."""
        return Block(
            self.lines[start:stop],
            {n: c.slice(start, stop - start) for n, c in self.columns.items()},
            {i - start: r for i, r in self.problems.items() if start <= i < stop},
            self.read,
        )

    def parts(self, size: int) -> Iterator[Block]:
        """The block in parts of at most ``size`` records."""
        if self.rows <= size:
            yield self
            return
        for start in range(0, self.rows, size):
            yield self.slice(start, min(start + size, self.rows))


def concat_blocks(blocks: Sequence[Block]) -> Block:
    """One block of the records of ``blocks``, in order."""
    import pyarrow as pa  # noqa: PLC0415

    if len(blocks) == 1:
        return blocks[0]
    problems: dict[int, Record] = {}
    offset = 0
    for block in blocks:
        problems.update({offset + r: p for r, p in block.problems.items()})
        offset += block.rows
    names = blocks[0].columns
    return Block(
        np.concatenate([b.lines for b in blocks]),
        {n: pa.concat_arrays([b.columns[n] for b in blocks]) for n in names},
        problems,
        blocks[-1].read,
    )


@attrs.frozen
class CsvBlocks:
    """A CSV table whose header has been read and checked; :meth:`blocks` reads the rest."""

    name: str
    what: str
    field: str
    header: tuple[str, ...]
    delimiter: str
    _handle: BinaryIO = attrs.field(repr=False)
    _first: bytes = attrs.field(repr=False)
    _start: int  # bytes of the file read before the blocks
    _newline: bytes
    _refuse_bad_bytes: bool
    #: Size of the file in bytes.
    size: int

    def blocks(self, block_bytes: int = BLOCK_BYTES) -> Iterator[Block]:
        """The records in blocks of about ``block_bytes`` bytes of the file, in file order."""
        line = 2
        rest = self._first
        read = self._start
        lone_cr = self._newline == b"\r"
        with self._handle as handle:
            while True:
                more = handle.read(block_bytes)
                read += len(more)
                if lone_cr:  # a file without line feeds: its carriage returns end lines
                    more = more.replace(b"\r", b"\n")
                data = rest + more
                if not data:
                    return
                cut = data.rfind(b"\n") + 1 if more else len(data)
                if cut == 0:
                    if len(data) > MAX_LINE_BYTES:
                        raise _long_line(self.name, line, self.field)
                    rest = data
                    continue
                part, rest = data[:cut], data[cut:]
                numbers, columns, problems = block_cells(
                    part,
                    line,
                    self.delimiter,
                    self.header,
                    what=self.what,
                    field=self.field,
                    refuse_bad_bytes=self._refuse_bad_bytes,
                )
                line += part.count(b"\n") + (0 if part.endswith(b"\n") else 1)
                if len(numbers):
                    yield Block(numbers, columns, problems, read - len(rest))
                if not more:
                    return


def _long_line(name: str, line: int, field: str) -> InvalidInputError:
    return file_problem(
        name,
        line,
        Message("the line is longer than {limit:,} bytes; refused.", limit=MAX_LINE_BYTES),
        field=field,
    )


def csv_blocks(
    path: str | Path,
    *,
    delimiter: str | None = None,
    columns: Sequence[str] | None = None,
    required: Sequence[str] = (),
    what: str = "roster",
    bad_bytes: Literal["refuse", "row"] = "refuse",
) -> CsvBlocks:
    """A CSV file opened and its header checked (one error naming the file for a bad
    header); :meth:`CsvBlocks.blocks` reads its records. ``-`` is stdin, copied to a
    temporary file first (:func:`~perlindungan._input.spool.spool_stdin`) and named
    ``<stdin>`` in messages."""
    name = str(path)
    if name == "-":  # stdin: copied to a temporary file, read as one
        handle = spool_stdin(what=what, field=what)
        name = STDIN_NAME
    else:
        handle = open_regular(path, what=what, field=what)
    try:
        head, end, newline = _first_line(handle, name, what)
        first = head[: end if end >= 0 else len(head)]
        described = Message("{what} {name}", what=Message(what), name=repr(name))
        text = decode_text(first, what=described, field=what).removesuffix("\r")
        sep, names = _header(name, what, text, delimiter, columns, required)
    except BaseException:
        handle.close()
        raise
    rest = head[end + 1 :] if end >= 0 else b""
    if newline == b"\r":
        rest = rest.replace(b"\r", b"\n")
    size = os.fstat(handle.fileno()).st_size
    return CsvBlocks(
        name,
        described,
        what,
        names,
        sep,
        handle,
        rest,
        handle.tell(),
        newline,
        bad_bytes == "refuse",
        size,
    )


def _header(
    name: str,
    what: str,
    text: str,
    delimiter: str | None,
    columns: Sequence[str] | None,
    required: Sequence[str],
) -> tuple[str, tuple[str, ...]]:
    """The delimiter and columns of the header line ``text`` (a blank one: the file is
    empty), checked by the table reader."""
    if not text.strip():
        raise file_problem(
            name, 1, Message("the file is empty; the first line must be the header."), what
        )
    return csv_header(name, text, delimiter, columns, required)


def _first_line(handle: BinaryIO, name: str, what: str) -> tuple[bytes, int, bytes]:
    """The first bytes of the file (without byte-order marks) through its first line end,
    the position of that line end (-1: the file has one line without one) and the line
    end: a line feed, or a carriage return for a file without any line feed."""
    head = handle.read(BLOCK_BYTES)
    for _ in range(2):  # decode_text and the table reader each remove one mark
        head = head.removeprefix(_BOM)
    end = head.find(b"\n")
    if end < 0 and b"\r" in head and not _line_feed_after(handle):
        return head, head.find(b"\r"), b"\r"
    while end < 0:
        more = handle.read(BLOCK_BYTES)
        if not more:
            break
        head += more
        if len(head) > MAX_LINE_BYTES:
            raise _long_line(name, 1, what)
        end = head.find(b"\n")
    return head, end, b"\n"


def _line_feed_after(handle: BinaryIO) -> bool:
    """Whether the rest of the file holds a line feed (the position is kept)."""
    at = handle.tell()
    try:
        while more := handle.read(BLOCK_BYTES):
            if b"\n" in more:
                return True
        return False
    finally:
        handle.seek(at)
