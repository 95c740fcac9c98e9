# ruff: noqa: ANN401 - pandas, pyarrow and dask objects are optional and untyped here
"""Contributions for a whole population at once, exactly as the one-worker API.

>>> from perlindungan.batch import contributions_batch
>>> result = contributions_batch(
...     {
...         "category": ["pu", "bpu", "pu"],
...         "wage": [10_000_000, None, -5],
...         "risk_class": [3, None, 1],
...         "birth_date": ["1990-05-17", None, "1990-01-01"],
...         "income": [None, 1_000_000, None],
...     },
...     on="2024-06-01",
... )
>>> result.column("total_employer")
[689000, 0, None]
>>> result.column("total")
[1000000, 16800, None]
>>> result.errors[0].row, result.errors[0].message
(2, 'wage must be a positive amount of rupiah such as 5000000, got -5.')

Input is a mapping of column name to sequence, a pyarrow Table or RecordBatch, or a
pandas DataFrame, with the columns of the payroll CSV (``category``, ``wage``,
``risk_class``, ``birth_date``, ``income``, ``with_jht``, ``jht_amount``,
``contract_value``, ``contract_months``, ``pre_placement``, ``employer_sector``,
``employer_workers``; ``id`` and ``name`` are carried along). The output has one column
per program and payer (``jkk_employer`` ... ``jkp_government``), the totals per payer
and ``total``. A row the scalar API refuses is in :attr:`BatchResult.errors` with its
index and the scalar API's message; its amounts are missing (None, or null in Arrow),
never zero. With numpy installed (``pip install perlindungan[batch]``) wage earners and
non-wage earners are computed on int64 arrays; every other row goes through the scalar
API, so every amount is the scalar amount.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from perlindungan.batch._chunks import (
    RosterSummary,
    iter_roster,
    read_chunks,
    write_roster_contributions,
)
from perlindungan.batch._columns import INPUT_COLUMNS, Columns, normalise, row_count
from perlindungan.batch._dask import (
    allocate_group,
    arrow_schema,
    contributions_arrow,
    contributions_meta,
    contributions_partition,
    decide_partition,
    decisions_meta,
    placements_meta,
)
from perlindungan.batch._reference import (
    AMOUNT_COLUMNS,
    TOTAL_COLUMNS,
    RowError,
    quote_row,
    reference_rows,
)
from perlindungan.contributions import Quote, contribution_date
from perlindungan.dates import DateLike
from perlindungan.errors import InvalidInputError

__all__ = [
    "AMOUNT_COLUMNS",
    "INPUT_COLUMNS",
    "OUTPUT_COLUMNS",
    "BatchResult",
    "RosterSummary",
    "RowError",
    "allocate_group",
    "arrow_schema",
    "contributions_arrow",
    "contributions_batch",
    "contributions_meta",
    "contributions_partition",
    "decide_partition",
    "decisions_meta",
    "iter_roster",
    "placements_meta",
    "read_chunks",
    "write_roster_contributions",
]

#: Every output amount column, in order: per program and payer, then totals.
OUTPUT_COLUMNS = (*AMOUNT_COLUMNS, *TOTAL_COLUMNS)


def _has_numpy() -> bool:
    try:
        import numpy  # noqa: F401, PLC0415
    except ImportError:  # pragma: no cover - the test extra installs numpy
        return False
    return True


@attrs.frozen(eq=False)
class BatchResult:
    """Amount columns for every row, the refused rows, and the input (for explanations).

    ``arrays`` maps each name of :data:`OUTPUT_COLUMNS` to a numpy int64 array (vectorised
    path) or a list of int (pure-Python path); refused rows hold 0 there and ``ok`` is
    False for them. Use :meth:`column`, :meth:`to_arrow` or :meth:`to_pandas` to see
    them as missing.
    """

    on: _dt.date
    rows: int
    arrays: Mapping[str, Any]
    ok: Any
    errors: tuple[RowError, ...]
    input: Columns = attrs.field(repr=False)

    def column(self, name: str) -> list[int | None]:
        """One output column as Python ints, None for refused rows."""
        if name not in self.arrays:
            from perlindungan._suggest import did_you_mean  # noqa: PLC0415

            raise InvalidInputError(
                f"unknown output column {name!r}; {did_you_mean(name, OUTPUT_COLUMNS)}",
                field="column",
            )
        values = self.arrays[name]
        items = values.tolist() if hasattr(values, "tolist") else list(values)
        ok = self.ok.tolist() if hasattr(self.ok, "tolist") else list(self.ok)
        return [int(v) if good else None for v, good in zip(items, ok, strict=True)]

    def totals(self) -> dict[str, int]:
        """Each output column summed over the rows that were computed."""
        return {name: sum(v for v in self.column(name) if v is not None) for name in self.arrays}

    def quote(self, row: int) -> Quote:
        """The scalar API's full quote of one row (lines, notes, citations)."""
        if not 0 <= row < self.rows:
            raise InvalidInputError(
                f"row must be from 0 to {self.rows - 1}, got {row}.", field="row", value=row
            )
        return quote_row(self.input, row, self.on)

    def explain(self, row: int, locale: str = "id_ID") -> str:
        """How the amounts of one row were reached, in Bahasa Indonesia or English."""
        return self.quote(row).explain(locale)

    def error_column(self) -> list[str | None]:
        """The message of each refused row, None for rows computed."""
        messages: list[str | None] = [None] * self.rows
        for error in self.errors:
            messages[error.row] = error.message
        return messages

    def to_arrow(self) -> Any:
        """A pyarrow Table: the output columns (null for refused rows) and ``error``."""
        import pyarrow as pa  # noqa: PLC0415

        mask = None
        if self.errors:
            import numpy as np  # noqa: PLC0415

            mask = ~np.asarray(self.ok, dtype=bool)
        data = {
            name: pa.array(self.arrays[name], type=pa.int64(), mask=mask) for name in OUTPUT_COLUMNS
        }
        data["error"] = pa.array(self.error_column(), type=pa.string())
        return pa.table(data)

    def to_pandas(self) -> Any:
        """A pandas DataFrame with nullable Int64 amount columns and ``error``."""
        import pandas as pd  # noqa: PLC0415

        frame = self.to_arrow().to_pandas(types_mapper={_int64(): pd.Int64Dtype()}.get)
        frame["error"] = pd.Series(self.error_column(), dtype=object, index=frame.index)
        return frame

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Rows as dicts of the output columns and ``error``."""
        columns = {name: self.column(name) for name in OUTPUT_COLUMNS}
        errors = self.error_column()
        for i in range(self.rows):
            row: dict[str, Any] = {name: columns[name][i] for name in OUTPUT_COLUMNS}
            row["error"] = errors[i]
            yield row


def _int64() -> Any:
    import pyarrow as pa  # noqa: PLC0415

    return pa.int64()


def contributions_batch(data: Any, *, on: DateLike, vectorised: bool | None = None) -> BatchResult:
    """Contributions of every row of ``data`` for the month containing ``on``.

    ``vectorised`` chooses the path: None uses numpy when it is installed, False forces the
    pure-Python path (each row through :func:`perlindungan.contributions`). Both give the
    same amounts and errors.
    """
    day = contribution_date(on)
    columns = normalise(data)
    rows = row_count(columns)
    use_numpy = _has_numpy() if vectorised is None else vectorised
    if not use_numpy:
        done, errors = reference_rows(columns, range(rows), day)
        arrays: dict[str, Any] = {name: [0] * rows for name in OUTPUT_COLUMNS}
        for index, amounts in done.items():
            for name, amount in zip(OUTPUT_COLUMNS, amounts, strict=True):
                arrays[name][index] = amount
        ok = [i in done for i in range(rows)]
        return BatchResult(day, rows, arrays, ok, tuple(errors), columns)
    import numpy as np  # noqa: PLC0415

    from perlindungan.batch._vector import vector_amounts  # noqa: PLC0415

    vectors, covered = vector_amounts(columns, rows, day)
    rest = np.flatnonzero(~covered).tolist()
    done, errors = reference_rows(columns, rest, day)
    ok_array = covered.copy()
    if done:
        where = np.fromiter(done.keys(), dtype=np.int64, count=len(done))
        ok_array[where] = True
        values = np.array(list(done.values()), dtype=np.int64)
        for position, name in enumerate(OUTPUT_COLUMNS):
            vectors[name][where] = values[:, position]
    return BatchResult(day, rows, vectors, ok_array, tuple(errors), columns)
