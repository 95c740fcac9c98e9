# ruff: noqa: ANN401 - pyarrow objects are optional and untyped here
"""CSV tables of any length, read block by block as columns of text: the records of
:func:`~perlindungan._input.table.read_table`, for evaluators that stream.

The file is read in blocks of bytes cut at line ends, so memory holds one block whatever
the length of the file, and there is no row cap. The reading is the table reader's: the
same header checks (:func:`~perlindungan._input.table.csv_header`), one record per
physical line with its file line, blank lines skipped, a UTF-8 byte-order mark and CRLF
line ends accepted, bytes that are not UTF-8 refused naming the line. A line is cut into
cells by pyarrow when it has exactly one cell per column and no quote; any other line
(a quote, too few or too many cells, a very long line) is read by the table reader's own
per-line function (:func:`~perlindungan._input.table.csv_record`), so its cells or its
problem are exactly those :func:`read_table` gives.

A file whose lines end with a carriage return alone (old Mac files) is not read here:
:func:`csv_blocks` returns None and the caller reads it whole with :func:`read_table`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Final

import attrs
import numpy as np
from numpy.typing import NDArray

from perlindungan._input.files import decode_text, open_regular
from perlindungan._input.limits import MAX_CELL_CHARS, MAX_LINE_BYTES
from perlindungan._input.table import Record, csv_header, csv_record
from perlindungan.errors import InvalidInputError

__all__ = ["WHITESPACE", "Block", "CsvBlocks", "csv_blocks"]

#: The characters ``str.strip()`` removes (``str.isspace``), for pyarrow's trim.
WHITESPACE: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
#: Bytes read at once.
BLOCK_BYTES: Final = 1 << 23
_BOM: Final = b"\xef\xbb\xbf"


@attrs.frozen
class Block:
    """Consecutive records of a table: the file line of each, its cells per column (a
    pyarrow string array; a cell missing from a short line is empty text) and the records
    that could not be read (by index in the block, with their problem)."""

    lines: NDArray[np.int64]
    columns: dict[str, Any]
    problems: dict[int, Record]
    #: Bytes of the file read up to the end of this block.
    read: int = 0

    @property
    def rows(self) -> int:
        """Number of records."""
        return len(self.lines)

    def parts(self, size: int) -> Iterator[Block]:
        """The block in parts of at most ``size`` records."""
        if self.rows <= size:
            yield self
            return
        for start in range(0, self.rows, size):
            stop = min(start + size, self.rows)
            yield Block(
                self.lines[start:stop],
                {n: c.slice(start, stop - start) for n, c in self.columns.items()},
                {i - start: r for i, r in self.problems.items() if start <= i < stop},
                self.read,
            )


@attrs.frozen
class CsvBlocks:
    """A CSV table whose header has been read and checked; :meth:`blocks` reads the rest."""

    name: str
    what: str
    header: tuple[str, ...]
    delimiter: str
    _handle: BinaryIO = attrs.field(repr=False)
    _first: bytes = attrs.field(repr=False)
    _first_line: int
    _start: int  # bytes of the file read before the blocks
    #: Size of the file in bytes.
    size: int

    def blocks(self, block_bytes: int = BLOCK_BYTES) -> Iterator[Block]:
        """The records in blocks of about ``block_bytes`` bytes of the file, in file order."""
        line = self._first_line
        rest = self._first
        read = self._start
        with self._handle as handle:
            while True:
                more = handle.read(block_bytes)
                read += len(more)
                data = rest + more
                if not data:
                    return
                cut = data.rfind(b"\n") + 1 if more else len(data)
                if cut == 0:
                    if len(data) > MAX_LINE_BYTES:
                        raise _long_line(self.name, line)
                    rest = data
                    continue
                part, rest = data[:cut], data[cut:]
                block = _block(part, line, self.delimiter, self.header, self.what)
                block = attrs.evolve(block, read=read - len(rest))
                line += part.count(b"\n") + (0 if part.endswith(b"\n") else 1)
                if block.rows:
                    yield block
                if not more:
                    return


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
        raise InvalidInputError(
            f"{name}:1: the file is empty; the first line must be the header.", field=what
        )
    return csv_header(name, text, delimiter, columns, required)


def _long_line(name: str, line: int) -> InvalidInputError:
    return InvalidInputError(
        f"{name}:{line}: the line is longer than {MAX_LINE_BYTES:,} bytes; refused.",
        field="roster",
    )


def _decode(data: bytes, what: str, line: int) -> str:
    """``data`` (from file line ``line``) as text; bytes that are not UTF-8 refused naming
    the file line, as the table reader does."""
    return decode_text(data, what=what, field="roster", first_line=line)


def csv_blocks(
    path: str | Path,
    *,
    delimiter: str | None = None,
    columns: Sequence[str] | None = None,
    required: Sequence[str] = (),
    what: str = "roster",
) -> CsvBlocks | None:
    """A CSV file opened and its header checked (one error naming the file for a bad
    header); None for a file whose lines end with a carriage return alone."""
    name = str(path)
    handle = open_regular(path, what=what, field=what)
    try:
        head, end = _first_line(handle, name)
        if end < 0 and b"\r" in head:
            handle.close()
            return None
        first = head[: end if end >= 0 else len(head)]
        text = _decode(first, f"{what} {name!r}", 1).removesuffix("\r")
        sep, names = _header(name, what, text, delimiter, columns, required)
    except BaseException:
        handle.close()
        raise
    rest = head[end + 1 :] if end >= 0 else b""
    size = os.fstat(handle.fileno()).st_size
    return CsvBlocks(name, f"{what} {name!r}", names, sep, handle, rest, 2, handle.tell(), size)


def _first_line(handle: BinaryIO, name: str) -> tuple[bytes, int]:
    """The first bytes of the file (without byte-order marks), through its first line
    feed, and the position of that line feed (-1: the file has none)."""
    head = handle.read(BLOCK_BYTES)
    for _ in range(2):  # decode_text and the table reader each remove one mark
        head = head.removeprefix(_BOM)
    end = head.find(b"\n")
    while end < 0:
        more = handle.read(BLOCK_BYTES)
        if not more:
            break
        head += more
        if len(head) > MAX_LINE_BYTES:
            raise _long_line(name, 1)
        end = head.find(b"\n")
    return head, end


def _block(data: bytes, first: int, sep: str, names: tuple[str, ...], what: str) -> Block:
    """The records of whole lines ``data`` (each ending with a line feed, but perhaps the
    last of the file), the first on file line ``first``."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    _decode(data, what, first)
    buf = np.frombuffer(data, dtype=np.uint8)
    starts = np.concatenate([[0], np.flatnonzero(buf == 10) + 1]).astype(np.int64)
    if starts[-1] == len(data):
        starts = starts[:-1]
    count = len(starts)
    offsets = np.append(starts, len(data)).astype(np.int32)
    # each line with its line end: the last cell is trimmed of it below
    lines = pa.StringArray.from_buffers(count, pa.py_buffer(offsets), pa.py_buffer(data))
    numbers = first + np.arange(count, dtype=np.int64)
    ends = offsets[1:].astype(np.int64)
    body = ends - starts - (buf[ends - 1] == 10)
    # a line ending in two carriage returns keeps one: the per-line reader does that
    double_cr = (body >= 2) & (buf[np.maximum(starts + body - 1, 0)] == 13)
    double_cr &= buf[np.maximum(starts + body - 2, 0)] == 13
    width = len(names)
    cells = pc.count_substring(lines, sep).to_numpy(zero_copy_only=False) + 1
    # a line holding a separator is not blank unless the separator is a space (tab): only
    # the others are trimmed to find out
    blank = np.zeros(count, dtype=bool)
    maybe = np.flatnonzero(cells == 1) if sep.strip() else np.arange(count)
    if len(maybe):
        trimmed = pc.utf8_trim(lines.take(pa.array(maybe)), characters=WHITESPACE)
        blank[maybe] = np.asarray(pc.equal(trimmed, "").to_numpy(zero_copy_only=False))
    quoted = pc.match_substring(lines, '"').to_numpy(zero_copy_only=False)
    odd = ~blank & ((cells != width) | quoted | (ends - starts > MAX_CELL_CHARS) | double_cr)
    keep = ~blank
    fast = keep & ~odd
    columns = _split(lines.filter(pa.array(fast)), sep, names)
    odd_at = np.flatnonzero(odd)
    problems: dict[int, Record] = {}
    odd_cells: dict[str, list[str]] = {n: [] for n in names}
    if len(odd_at):
        texts = lines.take(pa.array(odd_at)).to_pylist()
        for k, text in enumerate(texts):
            line = text.removesuffix("\n").removesuffix("\r")
            record = csv_record(int(numbers[odd_at[k]]), line, sep, names)
            cells_of = record.cells if record.problem is None and record.cells else {}
            if record.problem is not None:
                problems[k] = record
            for n in names:
                odd_cells[n].append(str(cells_of.get(n, "")))
    # records in file order: the fast lines, then the odd ones, put back in place
    kept_fast = np.flatnonzero(fast)
    order = np.argsort(np.concatenate([kept_fast, odd_at]), kind="stable")
    take = pa.array(order)
    merged = {
        n: pa.concat_arrays([columns[n], pa.array(odd_cells[n], pa.string())]).take(take)
        for n in names
    }
    where = np.empty(len(order), dtype=np.int64)
    where[order] = np.arange(len(order))
    rows_problems = {int(where[len(kept_fast) + k]): r for k, r in problems.items()}
    kept_lines = np.concatenate([numbers[kept_fast], numbers[odd_at]])[order]
    return Block(kept_lines, merged, rows_problems)


def _split(lines: Any, sep: str, names: tuple[str, ...]) -> dict[str, Any]:
    """The cells of lines that each have exactly one cell per column and no quote."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    width, count = len(names), len(lines)
    if not count:
        return {n: pa.array([], pa.string()) for n in names}
    flat = pc.split_pattern(lines, sep).flatten()
    out = {}
    for j, n in enumerate(names):
        column = flat.take(pa.array(np.arange(j, count * width, width)))
        if j == width - 1:
            column = pc.utf8_rtrim(column, characters="\r\n")
        out[n] = column
    return out
