# ruff: noqa: ANN401 - pandas, pyarrow and dask objects are optional and untyped here
"""Rosters larger than memory: CSV and Parquet read and computed chunk by chunk.

Only one chunk of input and output is in memory at a time. Each chunk goes through
:func:`perlindungan.batch.contributions_batch`, whose amounts do not depend on how rows are
grouped, so the output is that of the whole roster in one piece.

A CSV roster is read by the input layer's streaming reader
(:func:`perlindungan._input.blocks.csv_blocks`, the regional rosters' reader too: the
header, line and cell-length rules of every table the library reads), and its cells with the payroll reader's meaning
(:mod:`._cells`): the same file gives the same amounts and the same row errors here as
through ``perlindungan payroll``. Rows in = rows out: a line that cannot be read is a
refused row with its message and file line, never a reason to stop.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from perlindungan._input.text import spreadsheet_safe
from perlindungan._message import Message
from perlindungan.batch._columns import INPUT_COLUMNS
from perlindungan.batch._reference import RowError
from perlindungan.batch._result import chosen_columns
from perlindungan.dates import DateLike, to_date
from perlindungan.errors import InvalidInputError

__all__ = [
    "RosterChunk",
    "RosterSummary",
    "iter_roster",
    "read_chunks",
    "roster_from_text",
    "write_roster_contributions",
]


class RosterChunk(Mapping[str, Any]):
    """Rows of a roster file as batch columns (a mapping of column name to cells, which
    :func:`~perlindungan.batch.contributions_batch` takes as it is), with the file line of
    each row (``lines``; None for Parquet) and the rows that could not be read
    (``problems``: row -> error; those rows have no cell given and are refused with it)."""

    __slots__ = ("columns", "lines", "problems")

    def __init__(
        self,
        columns: dict[str, Any],
        lines: Any = None,
        problems: dict[int, InvalidInputError] | None = None,
    ) -> None:
        self.columns = columns
        self.lines = lines
        self.problems = problems or {}

    def __getitem__(self, name: str) -> Any:
        return self.columns[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.columns)

    def __len__(self) -> int:
        return len(self.columns)


def roster_from_text(text: str, *, name: str = "CSV") -> RosterChunk:
    """A CSV roster given as text (an HTTP request body), read as a roster file is: the
    input layer's table rules and the payroll reader's cells; file problems raise."""
    import pyarrow as pa  # noqa: PLC0415

    # these readers import pyarrow and numpy (the batch extra)
    from perlindungan._input.table import table_from_text  # noqa: PLC0415
    from perlindungan.batch._cells import typed_columns  # noqa: PLC0415

    table = table_from_text(text, name=name, columns=INPUT_COLUMNS, required=("category",))
    cells: dict[str, list[str | None]] = {column: [] for column in table.header}
    lines: list[int] = []
    problems: dict[int, InvalidInputError] = {}
    for row, record in enumerate(table.records()):
        lines.append(record.line)
        if record.problem is not None or record.cells is None:
            problems[row] = record.problem or InvalidInputError(Message("the row cannot be read"))
        for column, values in cells.items():
            value = None if record.cells is None or problems.get(row) else record.cells.get(column)
            values.append(record.key or None if column == "id" and row in problems else value)
    arrays = {column: pa.array(values, type=pa.string()) for column, values in cells.items()}
    columns, problems = typed_columns(arrays, problems)
    return RosterChunk(columns, lines, problems)


def _parquet_chunks(path: Path, chunk_rows: int) -> Iterator[RosterChunk]:
    import pyarrow.parquet as pq  # noqa: PLC0415

    # imports pyarrow and numpy (the batch extra)
    from perlindungan.batch._cells import typed_columns  # noqa: PLC0415

    # Without pre-buffering: with it, the reader keeps the byte ranges it has read, and
    # memory grows with the file (about 8 bytes a row here) instead of staying flat.
    roster = pq.ParquetFile(path, pre_buffer=False)
    for batch in roster.iter_batches(batch_size=chunk_rows):
        columns, problems = typed_columns(
            dict(zip(batch.schema.names, batch.columns, strict=True)), {}
        )
        yield RosterChunk(columns, None, problems)


def _csv_chunks(path: Path, chunk_rows: int) -> Iterator[RosterChunk]:
    # these readers import pyarrow and numpy (the batch extra)
    from perlindungan._input.blocks import concat_blocks, csv_blocks  # noqa: PLC0415
    from perlindungan.batch._cells import typed_columns  # noqa: PLC0415

    found = csv_blocks(path, columns=INPUT_COLUMNS, required=("category",), bad_bytes="row")
    pending: list[Any] = []
    count = 0

    def chunk(rows: int) -> RosterChunk:
        nonlocal pending, count
        whole = concat_blocks(pending)
        part, rest = whole.slice(0, rows), whole.slice(rows, whole.rows)
        pending, count = ([rest] if rest.rows else []), rest.rows
        problems = {
            row: record.problem or InvalidInputError(Message("the row cannot be read"))
            for row, record in part.problems.items()
        }
        columns, problems = typed_columns(part.columns, problems)
        return RosterChunk(columns, part.lines, problems)

    for block in found.blocks():
        pending.append(block)
        count += block.rows
        while count >= chunk_rows:
            yield chunk(chunk_rows)
    if count:
        yield chunk(count)


def read_chunks(source: str | Path, *, chunk_rows: int = 100_000) -> Iterator[RosterChunk]:
    """Chunks of at most ``chunk_rows`` rows from a ``.csv`` or ``.parquet`` roster, as
    :class:`RosterChunk` (problems of the whole file, such as an unknown column, raise
    :class:`~perlindungan.errors.InvalidInputError` before the first chunk)."""
    if chunk_rows < 1:
        raise InvalidInputError(
            f"chunk_rows must be at least 1, got {chunk_rows}.", field="chunk_rows"
        )
    path = Path(source)
    if path.suffix.lower() == ".parquet":
        yield from _parquet_chunks(path, chunk_rows)
        return
    if path.suffix.lower() != ".csv":
        raise InvalidInputError(
            f"roster must be a .csv or .parquet file, got {path.name!r}.", field="source"
        )
    yield from _csv_chunks(path, chunk_rows)


def iter_roster(
    source: str | Path,
    *,
    on: DateLike | None = None,
    chunk_rows: int = 100_000,
    columns: Iterable[str] | None = None,
) -> Iterator[tuple[int, Any]]:
    """``(first row index, BatchResult)`` for each chunk of a CSV or Parquet roster (``on``
    and ``columns`` as in :func:`perlindungan.batch.contributions_batch`)."""
    # import cycle: perlindungan.batch imports this module
    from perlindungan.batch import contributions_batch  # noqa: PLC0415

    day = None if on is None else to_date(on)
    names = chosen_columns(columns)  # checked once, and an iterator is read once
    first = 0
    for batch in read_chunks(source, chunk_rows=chunk_rows):
        result = contributions_batch(batch, on=day, columns=names)
        yield first, result
        first += result.rows


@attrs.frozen
class RosterSummary:
    """What a streamed roster gave: rows, refused rows (global index), column totals."""

    on: _dt.date | None
    rows: int
    errors: tuple[RowError, ...]
    totals: dict[str, int]


def write_roster_contributions(
    source: str | Path,
    destination: str | Path | None,
    *,
    on: DateLike | None = None,
    chunk_rows: int = 100_000,
    keep_errors: int = 10_000,
    columns: Iterable[str] | None = None,
) -> RosterSummary:
    """Compute a roster chunk by chunk and write ``row``, ``id`` (when given), the amount
    columns and ``error`` to ``destination`` (``.parquet`` or ``.csv``; None writes nothing).

    The first ``keep_errors`` refused rows are kept in the summary with their global row
    index (from 0); every refused row is in the output file with its message.
    """
    import pyarrow as pa  # noqa: PLC0415

    day = None if on is None else to_date(on)
    names = chosen_columns(columns)
    totals = dict.fromkeys(names, 0)
    errors: list[RowError] = []
    rows = 0
    writer: Any = None
    out = None if destination is None else Path(destination)
    try:
        chunks = iter_roster(source, on=day, chunk_rows=chunk_rows, columns=names)
        for first, result in chunks:
            rows += result.rows
            table = result.to_arrow()  # builds every message: kept errors hold no chunk
            for error in result.errors[: max(0, keep_errors - len(errors))]:
                errors.append(error.moved(first + error.row))
            for name in totals:
                totals[name] += int(pa.compute.sum(table[name]).as_py() or 0)
            if out is None:
                continue
            table = table.add_column(
                0, "row", pa.array(range(first, first + result.rows), pa.int64())
            )
            if "id" in result.input:
                ids = [None if i is None else str(i) for i in result.input["id"]]
                if out.suffix.lower() == ".csv":  # a spreadsheet never reads an id as a formula
                    ids = [spreadsheet_safe(i) for i in ids]  # type: ignore[misc]
                table = table.add_column(1, "id", pa.array(ids, type=pa.string()))
            if writer is None:
                writer = _writer(out, table.schema)
            writer.write_table(table) if hasattr(writer, "write_table") else writer.write(table)
    finally:
        if writer is not None:
            writer.close()
    return RosterSummary(day, rows, tuple(errors), totals)


def _writer(path: Path, schema: Any) -> Any:
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq  # noqa: PLC0415

        return pq.ParquetWriter(path, schema)
    if path.suffix.lower() == ".csv":
        import pyarrow.csv as pacsv  # noqa: PLC0415

        return pacsv.CSVWriter(path, schema)
    raise InvalidInputError(
        f"destination must be a .csv or .parquet file, got {path.name!r}.", field="destination"
    )
