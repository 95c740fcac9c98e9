# ruff: noqa: ANN401 - pyarrow objects are optional and untyped here
"""The cells of a block of CSV lines, with the table reader's record rules (for
:mod:`~perlindungan._input.blocks`).

A block of whole lines (each ending with a line feed, but perhaps the last of the file)
is cut into text columns in one of two ways, which give the same records:

* **the whole block by pyarrow's CSV parser** when nothing in it needs the line reader:
  no blank line, no lone carriage return, no quote other than whole quoted cells
  (``"5,000"``), every line with one cell per column, no long cell, valid UTF-8 (the row
  count is checked against the block's line count);
* **line by line** otherwise: a line with one cell per column and no quote is cut by
  pyarrow's string kernels, and every other line (a quote, too few or too many cells, a
  very long line, a line that is not UTF-8) is read by the table reader's own per-line
  function (:func:`~perlindungan._input.table.csv_record`), so its cells or its problem
  are exactly those :func:`~perlindungan._input.table.read_table` gives.

A cell a line does not have (a short line), and every cell of a line with a problem, is
null; a line with a problem keeps its ``id`` (for the row error) when it has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from perlindungan._input.files import decode_text
from perlindungan._input.limits import MAX_CELL_CHARS
from perlindungan._input.table import Record, csv_record
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

__all__ = ["WHITESPACE", "block_cells"]

#: The characters ``str.strip()`` removes (``str.isspace``), for pyarrow's trim.
WHITESPACE: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)

Cells = tuple[NDArray[np.int64], dict[str, Any], dict[int, Record]]


def block_cells(
    data: bytes,
    first: int,
    sep: str,
    names: tuple[str, ...],
    *,
    what: str,
    field: str,
    refuse_bad_bytes: bool,
) -> Cells:
    """The file line of each record of ``data`` (whose first line is file line
    ``first``), its cells per column and the records with a problem (by index). Bytes
    that are not UTF-8 refuse the file naming the line (``refuse_bad_bytes``, as
    :func:`~perlindungan._input.table.read_table` does) or are a problem of their line."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        if refuse_bad_bytes:
            decode_text(data, what=what, field=field, first_line=first)
        return _by_line(data, first, sep, names, bad_bytes=True)
    found = _whole(data, sep, names, first)
    return found if found is not None else _by_line(data, first, sep, names, bad_bytes=False)


def _whole(block: bytes, sep: str, names: tuple[str, ...], first: int) -> Cells | None:
    """The block split by pyarrow's CSV parser, or None when it must be read line by line."""
    lines = block.count(b"\n") + (0 if block.endswith(b"\n") else 1)
    if b"\r" in block:
        if block.count(b"\r") != block.count(b"\r\n"):
            return None  # a carriage return inside a line
        block = block.replace(b"\r\n", b"\n")
    if b"\n\n" in block or block.startswith(b"\n"):
        return None
    if not block.endswith(b"\n"):
        block += b"\n"  # the last line of a file without a final line end
    if (len(names) == 1 or not sep.strip()) and _maybe_blank_line(block):
        # the line reader skips lines of white space only, as read_table does; with more
        # than one column and a separator that is not white space, such a line has too
        # few cells for pyarrow, which hands it to ``invalid`` below
        return None
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
    except pa.ArrowInvalid:
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
    return np.arange(first, first + lines, dtype=np.int64), columns, {}


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


def _not_utf8(raw: bytes, exc: UnicodeDecodeError) -> InvalidInputError:
    return InvalidInputError(
        Message(
            "the row is not UTF-8 text: it has the byte 0x{byte}; save the file as UTF-8.",
            byte=f"{raw[exc.start]:02x}",
        ),
        field=None,
    )


def _by_line(
    data: bytes, first: int, sep: str, names: tuple[str, ...], *, bad_bytes: bool
) -> Cells:
    """The records of ``data`` line by line (see the module text)."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    buf = np.frombuffer(data, dtype=np.uint8)
    starts = np.concatenate([[0], np.flatnonzero(buf == 10) + 1]).astype(np.int64)
    if starts[-1] == len(data):
        starts = starts[:-1]
    count = len(starts)
    offsets = np.append(starts, len(data)).astype(np.int32)
    ends = offsets[1:].astype(np.int64)
    undecodable: dict[int, InvalidInputError] = {}
    text = data
    if bad_bytes:
        # lines that are not UTF-8 are problems of their line; their bytes are masked so
        # that the string kernels below only see text
        masked = buf.copy()
        for k, (s, e) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
            raw = data[s:e].removesuffix(b"\n")
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                undecodable[k] = _not_utf8(raw, exc)
                masked[s : s + len(raw)] = ord("x")
        text = masked.tobytes()
    # each line with its line end: the last cell is trimmed of it below
    lines = pa.StringArray.from_buffers(count, pa.py_buffer(offsets), pa.py_buffer(text))
    numbers = first + np.arange(count, dtype=np.int64)
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
    blank[list(undecodable)] = False
    quoted = pc.match_substring(lines, '"').to_numpy(zero_copy_only=False)
    odd = ~blank & ((cells != width) | quoted | (ends - starts > MAX_CELL_CHARS) | double_cr)
    odd[list(undecodable)] = True
    fast = ~blank & ~odd
    columns = _split(lines.filter(pa.array(fast)), sep, names)
    odd_at = np.flatnonzero(odd)
    problems: dict[int, Record] = {}
    odd_cells: dict[str, list[str | None]] = {n: [] for n in names}
    if len(odd_at):
        texts = lines.take(pa.array(odd_at)).to_pylist()
        for k, line_text in enumerate(texts):
            at, number = int(odd_at[k]), int(numbers[odd_at[k]])
            if at in undecodable:
                record = Record(number, None, undecodable[at])
            else:
                line = line_text.removesuffix("\n").removesuffix("\r")
                record = csv_record(number, line, sep, names)
            if record.problem is not None or record.cells is None:
                problems[k] = record
                for n in names:
                    odd_cells[n].append(record.key or None if n == "id" else None)
                continue
            for n in names:
                odd_cells[n].append(record.cells.get(n))
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
    return kept_lines, merged, rows_problems


def _split(lines: Any, sep: str, names: Sequence[str]) -> dict[str, Any]:
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
