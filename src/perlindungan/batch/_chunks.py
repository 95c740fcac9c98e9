# ruff: noqa: ANN401 - pandas, pyarrow and dask objects are optional and untyped here
"""Rosters larger than memory: CSV and Parquet read and computed chunk by chunk.

Only one chunk of input and output is in memory at a time. Each chunk goes through
:func:`perlindungan.batch.contributions_batch`, whose amounts do not depend on how rows are
grouped, so the output is that of the whole roster in one piece.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from perlindungan._input.flags import flag_word
from perlindungan.batch._reference import RowError
from perlindungan.batch._result import chosen_columns
from perlindungan.dates import DateLike, to_date
from perlindungan.errors import InvalidInputError

__all__ = ["RosterSummary", "iter_roster", "read_chunks", "write_roster_contributions"]

_TYPES = {
    "wage": "int64",
    "risk_class": "int64",
    "income": "int64",
    "contract_value": "int64",
    "contract_months": "int64",
    "employer_workers": "int64",
    "jht_amount": "int64",
    "birth_date": "date32",
    "on": "date32",
    "with_jht": "bool",
    "pre_placement": "bool",
}


_INTEGER = re.compile(r"\s*[+-]?\d+\s*")
_ISO_DATE = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")


def _cell(kind: str, text: str | None) -> Any:
    """One CSV cell of a typed column; text that is not of the type stays text."""
    if text is None:
        return None
    if kind == "int64":
        return int(text) if _INTEGER.fullmatch(text) else text
    if kind == "date32":
        if _ISO_DATE.fullmatch(text):
            with contextlib.suppress(ValueError):
                return _dt.date.fromisoformat(text.strip())
        return text
    flag = flag_word(text)  # the one yes/no vocabulary of table cells
    return text if flag is None else flag


def _typed(batch: Any) -> Any:
    """The number, date and flag columns of a chunk read as text, converted cell by cell
    (so a cell's value never depends on its neighbours or on the chunk size): a cell that
    is not of the column's type stays text, and the scalar path reads it."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    columns: dict[str, Any] = {}
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        kind = _TYPES.get(name)
        columns[name] = column
        if kind is None or not pa.types.is_string(column.type):
            continue
        target = {"int64": pa.int64(), "date32": pa.date32(), "bool": pa.bool_()}[kind]
        try:
            columns[name] = pc.cast(column, target)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            cells = [_cell(kind, text) for text in column.to_pylist()]
            if not any(isinstance(c, str) for c in cells):
                columns[name] = pa.array(cells, type=target)
            else:
                columns[name] = cells
    return columns


def read_chunks(source: str | Path, *, chunk_rows: int = 100_000) -> Iterator[Any]:
    """Chunks of at most ``chunk_rows`` rows from a ``.csv`` or ``.parquet`` roster: record
    batches, or for CSV a mapping of column to Arrow array or list of cells."""
    if chunk_rows < 1:
        raise InvalidInputError(
            f"chunk_rows must be at least 1, got {chunk_rows}.", field="chunk_rows"
        )
    path = Path(source)
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq  # noqa: PLC0415

        # Without pre-buffering: with it, the reader keeps the byte ranges it has read, and
        # memory grows with the file (about 8 bytes a row here) instead of staying flat.
        roster = pq.ParquetFile(path, pre_buffer=False)
        for batch in roster.iter_batches(batch_size=chunk_rows):
            yield _typed(batch)
        return
    if path.suffix.lower() != ".csv":
        raise InvalidInputError(
            f"roster must be a .csv or .parquet file, got {path.name!r}.", field="source"
        )
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.csv as pacsv  # noqa: PLC0415

    with path.open("rb") as handle:
        header = handle.readline().decode("utf-8").strip().split(",")
    convert = pacsv.ConvertOptions(
        column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=True
    )
    # The reader's block size bounds its memory; batches are re-cut to chunk_rows.
    read = pacsv.ReadOptions(block_size=1 << 22)
    pending: list[Any] = []
    count = 0
    with pacsv.open_csv(path, read_options=read, convert_options=convert) as reader:
        for batch in reader:
            pending.append(batch)
            count += batch.num_rows
            while count >= chunk_rows:
                table = pa.Table.from_batches(pending)
                yield _typed(table.slice(0, chunk_rows).combine_chunks().to_batches()[0])
                rest = table.slice(chunk_rows)
                pending, count = rest.to_batches(), rest.num_rows
    if count:
        table = pa.Table.from_batches(pending).combine_chunks()
        yield _typed(table.to_batches()[0])


def iter_roster(
    source: str | Path,
    *,
    on: DateLike | None = None,
    chunk_rows: int = 100_000,
    columns: Iterable[str] | None = None,
) -> Iterator[tuple[int, Any]]:
    """``(first row index, BatchResult)`` for each chunk of a CSV or Parquet roster (``on``
    and ``columns`` as in :func:`perlindungan.batch.contributions_batch`)."""
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
            for error in result.errors:
                if len(errors) < keep_errors:
                    errors.append(attrs.evolve(error, row=first + error.row))
            table = result.to_arrow()
            for name in totals:
                totals[name] += int(pa.compute.sum(table[name]).as_py() or 0)
            if out is None:
                continue
            table = table.add_column(
                0, "row", pa.array(range(first, first + result.rows), pa.int64())
            )
            if "id" in result.input:
                table = table.add_column(
                    1, "id", pa.array(list(result.input["id"])).cast(pa.string())
                )
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
