# ruff: noqa: ANN401 - pyarrow objects are optional and untyped here
"""CSV tables of any length, read block by block with the rules of :mod:`.table`.

:func:`stream_csv` reads a CSV file that may not fit in memory and hands out its rows in
blocks of text columns (pyarrow string arrays, the cells as written), each row with its
file line, or the problem that kept it from being read. The rules are those of
:func:`~perlindungan._input.table.read_table`, so a file gives the same records and the
same messages streamed or read whole: the header is checked first (delimiter found from
it, byte-order mark dropped, duplicate, empty or unknown columns refused with the file
and line); one record per physical line, blank lines skipped; a quote left open, more
cells than the header has, or a cell longer than
:data:`~perlindungan._input.limits.MAX_CELL_CHARS` are problems of that line (read with
:func:`~perlindungan._input.table.csv_record` itself). Rows in = rows out: a row with a
problem is in the block, its cells missing (but its ``id``, for the row error).

Only what a whole-file reader cannot do differs: there is no row cap, and a line that is
not UTF-8 is a problem of that line (a file read whole is refused at once).

Speed: a block without blank lines, lone carriage returns or quotes other than whole
quoted cells (``"5,000"``) is split by pyarrow's CSV parser, which splits such lines
exactly as the line reader does; pyarrow's row count is checked against the block's line
count, and a block that does not match, or that has any of those, is read line by line
in Python with the table's own functions.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from perlindungan._input.files import open_regular
from perlindungan._input.limits import MAX_CELL_CHARS
from perlindungan._input.table import Record, csv_header, csv_record
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

__all__ = ["TextBlock", "stream_csv"]

#: Bytes read at a time (a block ends at the last line end within it).
BLOCK_BYTES: Final = 1 << 23
_HEADER_BYTES: Final = 1 << 20


@attrs.frozen
class TextBlock:
    """Rows of a CSV file: text columns, the file line of each row, and the rows that
    could not be read (row offset in the block -> problem; their cells are missing)."""

    columns: dict[str, Any]
    lines: npt.NDArray[np.int64]
    problems: dict[int, InvalidInputError]

    @property
    def rows(self) -> int:
        """How many rows the block holds."""
        return len(self.lines)

    def slice(self, start: int, stop: int) -> TextBlock:
        """Rows ``start`` to ``stop`` of the block."""
        return TextBlock(
            {k: v.slice(start, stop - start) for k, v in self.columns.items()},
            self.lines[start:stop],
            {r - start: p for r, p in self.problems.items() if start <= r < stop},
        )


def concat_blocks(blocks: Sequence[TextBlock]) -> TextBlock:
    """One block of the rows of ``blocks``, in order."""
    import pyarrow as pa  # noqa: PLC0415

    if len(blocks) == 1:
        return blocks[0]
    problems: dict[int, InvalidInputError] = {}
    offset = 0
    for block in blocks:
        problems.update({offset + r: p for r, p in block.problems.items()})
        offset += block.rows
    names = blocks[0].columns
    return TextBlock(
        {n: pa.concat_arrays([b.columns[n] for b in blocks]) for n in names},
        np.concatenate([b.lines for b in blocks]),
        problems,
    )


def _not_utf8(raw: bytes, exc: UnicodeDecodeError) -> InvalidInputError:
    return InvalidInputError(
        Message(
            "the row is not UTF-8 text: it has the byte 0x{byte}; save the file as UTF-8.",
            byte=f"{raw[exc.start]:02x}",
        ),
        field=None,
    )


def _header(handle: Any, name: str, what: str) -> tuple[str, bytes, bytes]:
    """The header line, the bytes read past it, and the line end of the file: a line
    feed (with or without a carriage return before it), or for a file without any line
    feed, a carriage return (as :func:`~perlindungan._input.table.read_table` decides)."""
    raw = handle.readline(_HEADER_BYTES)
    rest, end = b"", b"\n"
    if not raw.endswith(b"\n") and b"\r" in raw:
        at = raw.index(b"\r")
        raw, rest, end = raw[:at], raw[at + 1 :], b"\r"
    try:
        line = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            Message(
                "{what} is not UTF-8 text: line {line} has the byte 0x{byte}; save it as UTF-8.",
                what=Message("{what} {name}", what=Message(what), name=repr(name)),
                line=1,
                byte=f"{raw[exc.start]:02x}",
            ),
            field=what,
        ) from None
    line = line.removesuffix("\n").removesuffix("\r")
    if not line.strip():
        raise InvalidInputError(
            Message(
                "{where}: {message}",
                where=f"{name}:1",
                message=Message("the file is empty; the first line must be the header."),
            ),
            field=what,
        )
    return line, rest, end


def stream_csv(
    source: str | Path,
    *,
    columns: Sequence[str] | None,
    required: Sequence[str] = (),
    delimiter: str | None = None,
    what: str = "roster",
    block_bytes: int = BLOCK_BYTES,
) -> tuple[tuple[str, ...], Iterator[TextBlock]]:
    """The header of a CSV file (checked now: file problems raise here) and its rows in
    blocks of about ``block_bytes``."""
    name = str(source)
    handle = open_regular(source, what=what, field=what)
    try:
        line, rest, end = _header(handle, name, what)
        sep, names = csv_header(name, line, delimiter, columns, required)
    except BaseException:
        handle.close()
        raise
    return names, _blocks(handle, sep, names, block_bytes, rest, end)


def _blocks(
    handle: Any, sep: str, names: tuple[str, ...], block_bytes: int, carry: bytes, nl: bytes
) -> Iterator[TextBlock]:
    number = 2  # the file line of the next line read
    with handle:
        while True:
            data = handle.read(block_bytes)
            buffer = carry + data
            if not buffer:
                return
            end = buffer.rfind(nl) + 1 if data else len(buffer)
            if end == 0:  # no line end yet: read on (a last line without one ends the file)
                carry = buffer
                continue
            block, carry = buffer[:end], buffer[end:]
            lines = block.count(nl) + (0 if block.endswith(nl) else 1)
            found = _fast(block, sep, names, number, lines) if nl == b"\n" else None
            yield found if found is not None else _slow(block, sep, names, number, nl)
            number += lines


def _fast(
    block: bytes, sep: str, names: tuple[str, ...], first: int, lines: int
) -> TextBlock | None:
    """The block split by pyarrow, or None when it must be read line by line (quotes
    other than whole quoted cells, lone carriage returns, blank lines, short or long
    rows, long cells, bytes that are not UTF-8)."""
    if b"\r" in block:
        if block.count(b"\r") != block.count(b"\r\n"):
            return None  # a carriage return inside a line: read line by line
        block = block.replace(b"\r\n", b"\n")
    if b"\n\n" in block or block.startswith(b"\n"):
        return None
    if not block.endswith(b"\n"):
        block += b"\n"  # the last line of a file without a final line end
    if _maybe_blank_line(block):
        return None  # the line reader skips lines of white space only, as read_table does
    quoted = b'"' in block
    if quoted and not _plain_quotes(block, sep.encode()):
        return None
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415
    import pyarrow.csv as pacsv  # noqa: PLC0415

    odd: list[Any] = []

    def invalid(row: Any) -> str:
        odd.append(row)
        return "skip"

    try:
        table = pacsv.read_csv(
            pa.py_buffer(block),
            read_options=pacsv.ReadOptions(
                column_names=list(names), block_size=len(block) + 1, use_threads=False
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=sep,
                quote_char='"' if quoted else False,
                double_quote=False,
                escape_char=False,
                newlines_in_values=False,
                ignore_empty_lines=False,
                invalid_row_handler=invalid,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                null_values=[],
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError):
        return None
    if odd or table.num_rows != lines:
        return None
    if quoted and any(pc.any(pc.match_substring(c, "\n")).as_py() for c in table.columns):
        return None  # a quote left open took in a line end
    columns: dict[str, Any] = {}
    for column_name, column in zip(names, table.columns, strict=True):
        array = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
        if len(array) and pc.max(pc.binary_length(array)).as_py() > MAX_CELL_CHARS:
            return None
        columns[column_name] = array
    return TextBlock(columns, np.arange(first, first + lines, dtype=np.int64), {})


#: Bytes that may belong to a line of white space only (``str.isspace``): the ASCII
#: white space and separators, and every byte of a multi-byte character (checked exactly
#: by the line reader).
_MAYBE_SPACE = np.zeros(256, dtype=bool)
_MAYBE_SPACE[[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20]] = True
_MAYBE_SPACE[0x80:] = True


def _maybe_blank_line(block: bytes) -> bool:
    """Whether a line of ``block`` (which ends with a line end) may hold white space only:
    such a line is skipped by the whole-file reader, while pyarrow would read it as a row
    when it has the header's number of cells (one column, or tab-separated)."""
    data = np.frombuffer(block, dtype=np.uint8)
    ends = np.flatnonzero(data == 0x0A)
    starts = np.concatenate(([0], ends[:-1] + 1))
    before = np.concatenate(([0], np.cumsum(~_MAYBE_SPACE[data], dtype=np.int32)))
    return bool(((before[ends] - before[starts]) == 0).any())


def _plain_quotes(block: bytes, sep: bytes) -> bool:
    """Whether every quote of ``block`` opens a cell (at a line start or after ``sep``) or
    closes one (before ``sep`` or a line end), as many opening as closing: cells such as
    ``"5,000"`` that pyarrow and the line reader split alike. Doubled quotes, text after
    a closing quote or a quote inside a cell are left to the line reader; a quote left
    open makes pyarrow read two lines as one, which the row count catches."""
    data = np.frombuffer(block, dtype=np.uint8)
    at = np.flatnonzero(data == ord('"'))
    before = np.where(at > 0, data[np.maximum(at - 1, 0)], ord("\n"))
    after = np.where(at + 1 < len(data), data[np.minimum(at + 1, len(data) - 1)], ord("\n"))
    edge = (ord("\n"), sep[0])
    opening = np.isin(before, edge)
    closing = np.isin(after, edge)
    # every quote opens or closes a cell, never both nor neither; as many of each
    return bool((opening != closing).all()) and int(opening.sum()) == int(closing.sum())


def _slow(block: bytes, sep: str, names: tuple[str, ...], first: int, nl: bytes) -> TextBlock:
    """The block read line by line with :func:`~perlindungan._input.table.csv_record`."""
    import pyarrow as pa  # noqa: PLC0415

    raw_lines = block.split(nl)
    if block.endswith(nl):
        raw_lines.pop()
    cells: dict[str, list[str | None]] = {n: [] for n in names}
    lines: list[int] = []
    problems: dict[int, InvalidInputError] = {}
    for number, raw in enumerate(raw_lines, start=first):
        try:
            text = raw.decode("utf-8").removesuffix("\r")
        except UnicodeDecodeError as exc:
            record = Record(number, None, _not_utf8(raw, exc))
        else:
            if not text.strip():
                continue
            record = csv_record(number, text, sep, names)
        row = len(lines)
        lines.append(number)
        if record.problem is not None or record.cells is None:
            problems[row] = record.problem or InvalidInputError(Message("the row cannot be read"))
            for column in names:
                cells[column].append(record.key if column == "id" and record.key else None)
            continue
        for column in names:
            cells[column].append(record.cells.get(column))
    return TextBlock(
        {n: pa.array(v, type=pa.string()) for n, v in cells.items()},
        np.array(lines, dtype=np.int64),
        problems,
    )
