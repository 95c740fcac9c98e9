# ruff: noqa: ANN401 - pandas, pyarrow and numpy objects are optional and untyped here
"""What a batch gives back: amount columns, refused rows, and the input for explanations."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from perlindungan._suggest import did_you_mean
from perlindungan.batch._columns import Columns
from perlindungan.batch._reference import AMOUNT_COLUMNS, PAIRS, TOTAL_COLUMNS, RowError, quote_row
from perlindungan.contributions import Quote
from perlindungan.errors import InvalidInputError
from perlindungan.programs import Payer

__all__ = [
    "OUTPUT_COLUMNS",
    "TOTAL_PARTS",
    "BatchResult",
    "OutputArrays",
    "chosen_columns",
    "stored_columns",
]

#: Every output amount column, in order: per program and payer, then totals.
OUTPUT_COLUMNS: Final = (*AMOUNT_COLUMNS, *TOTAL_COLUMNS)

#: The amount columns each total column adds up.
TOTAL_PARTS: Final = {
    "total_employer": tuple(
        n for n, (_, payer) in zip(AMOUNT_COLUMNS, PAIRS, strict=True) if payer is Payer.EMPLOYER
    ),
    "total_worker": tuple(
        n for n, (_, payer) in zip(AMOUNT_COLUMNS, PAIRS, strict=True) if payer is Payer.WORKER
    ),
    "total_government": tuple(
        n for n, (_, payer) in zip(AMOUNT_COLUMNS, PAIRS, strict=True) if payer is Payer.GOVERNMENT
    ),
    "total": AMOUNT_COLUMNS,
}


def chosen_columns(names: Iterable[str] | None) -> tuple[str, ...]:
    """The output columns asked for, in :data:`OUTPUT_COLUMNS` order (all for None)."""
    if names is None:
        return OUTPUT_COLUMNS
    if isinstance(names, str):
        names = [names]
    wanted = set()
    for name in names:
        if name not in OUTPUT_COLUMNS:
            raise InvalidInputError(
                f"unknown output column {name!r}; {did_you_mean(name, OUTPUT_COLUMNS)}",
                field="columns",
            )
        wanted.add(name)
    if not wanted:
        raise InvalidInputError(
            "columns must name at least one output column, such as ['total'].", field="columns"
        )
    return tuple(n for n in OUTPUT_COLUMNS if n in wanted)


def stored_columns(names: tuple[str, ...]) -> tuple[str, ...]:
    """Which of the chosen columns are stored: the amount columns, and the totals whose
    parts are not all chosen (the others are added up when asked for)."""
    return tuple(n for n in names if n in AMOUNT_COLUMNS or not set(TOTAL_PARTS[n]) <= set(names))


class OutputArrays(Mapping[str, Any]):
    """The output columns by name: the stored columns as they are, a total column whose
    parts are all there added up when asked for (as int64, so it never overflows).

    Columns are numpy arrays (int32 while every amount is below ``2**31 / 16``, int64
    otherwise) on the vectorised path, lists of int on the pure-Python path. Refused rows
    hold 0. Only the columns chosen with ``columns=`` are there (all by default).
    """

    __slots__ = ("_names", "_stored")

    def __init__(self, stored: Mapping[str, Any], names: tuple[str, ...] = OUTPUT_COLUMNS) -> None:
        self._stored = dict(stored)
        self._names = names

    def __getitem__(self, name: str) -> Any:
        if name in self._stored:
            return self._stored[name]
        if name not in self._names:
            raise KeyError(name)
        parts = [self._stored[p] for p in TOTAL_PARTS[name]]
        if isinstance(parts[0], list):
            return [sum(cells) for cells in zip(*parts, strict=True)]
        import numpy as np  # noqa: PLC0415

        total = parts[0].astype(np.int64)
        for part in parts[1:]:
            total += part
        return total

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    @property
    def stored(self) -> tuple[str, ...]:
        """The names of the columns held as they are (the others are added up)."""
        return tuple(self._stored)

    @property
    def nbytes(self) -> int:
        """Bytes held by the stored columns (numpy path)."""
        return sum(getattr(a, "nbytes", 0) for a in self._stored.values())


@attrs.frozen(eq=False)
class BatchResult:
    """Amount columns for every row, the refused rows, and the input (for explanations).

    ``on`` is the date given to :func:`contributions_batch` (None when every row's date
    came from the input's ``on`` column).

    ``arrays`` maps each name of :data:`OUTPUT_COLUMNS` to a numpy array (vectorised path;
    amounts int32 while they are small enough, totals int64) or a list of int (pure-Python
    path); refused rows hold 0 there and ``ok`` is False for them. Use :meth:`column`,
    :meth:`to_arrow` or :meth:`to_pandas` to see them as missing.
    """

    on: _dt.date | None
    rows: int
    arrays: OutputArrays
    ok: Any
    errors: tuple[RowError, ...]
    input: Columns = attrs.field(repr=False)
    #: Rows a roster file could not be read, with the problem (their quote raises it).
    problems: Mapping[int, InvalidInputError] = attrs.field(factory=dict, repr=False)

    def _check(self, name: str) -> None:
        if name not in OUTPUT_COLUMNS:
            raise InvalidInputError(
                f"unknown output column {name!r}; {did_you_mean(name, OUTPUT_COLUMNS)}",
                field="column",
            )
        if name not in self.arrays:
            raise InvalidInputError(
                f"output column {name!r} was not computed: this batch was asked for "
                f"columns={list(self.arrays)!r}.",
                field="column",
            )

    def column(self, name: str) -> list[int | None]:
        """One output column as Python ints, None for refused rows."""
        self._check(name)
        values = self.arrays[name]
        items = values.tolist() if hasattr(values, "tolist") else list(values)
        ok = self.ok.tolist() if hasattr(self.ok, "tolist") else list(self.ok)
        return [int(v) if good else None for v, good in zip(items, ok, strict=True)]

    def totals(self) -> dict[str, int]:
        """Each output column summed over the rows that were computed."""
        stored = self.arrays.stored
        sums = {name: _sum(self.arrays[name]) for name in stored}
        for name in self.arrays:
            if name not in sums:  # a total added up from stored amount columns
                sums[name] = sum(sums[part] for part in TOTAL_PARTS[name])
        return {name: sums[name] for name in self.arrays}

    def quote(self, row: int) -> Quote:
        """The scalar API's full quote of one row (lines, notes, citations)."""
        if not 0 <= row < self.rows:
            raise InvalidInputError(
                f"row must be from 0 to {self.rows - 1}, got {row}.", field="row", value=row
            )
        if row in self.problems:
            raise self.problems[row]
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
        """A pyarrow Table: the output columns as int64 (null for refused rows) and
        ``error``."""
        import pyarrow as pa  # noqa: PLC0415

        mask = None
        if self.errors:
            import numpy as np  # noqa: PLC0415

            mask = ~np.asarray(self.ok, dtype=bool)
        data = {
            name: pa.array(self.arrays[name], type=pa.int64(), mask=mask) for name in self.arrays
        }
        data["error"] = pa.array(self.error_column(), type=pa.string())
        return pa.table(data)

    def to_pandas(self) -> Any:
        """A pandas DataFrame with nullable Int64 amount columns and ``error``."""
        import pandas as pd  # noqa: PLC0415
        import pyarrow as pa  # noqa: PLC0415

        frame = self.to_arrow().to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
        frame["error"] = pd.Series(self.error_column(), dtype=object, index=frame.index)
        return frame

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ``{"on", "rows": [{"row", "id"?, <columns>..., "error"}], "errors",
        "totals"}``; rows in = rows out, a refused row has null amounts and its error."""
        ids = self.input.get("id")
        rows = []
        for index, row in enumerate(self):
            head: dict[str, Any] = {"row": index}
            if ids is not None:
                head["id"] = None if ids[index] is None else str(ids[index])
            rows.append(head | row)
        return {
            "on": None if self.on is None else self.on.isoformat(),
            "rows": rows,
            "errors": [{"row": e.row, "field": e.field, "message": e.message} for e in self.errors],
            "totals": self.totals(),
        }

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """Rows as dicts of the output columns and ``error``."""
        columns = {name: self.column(name) for name in self.arrays}
        errors = self.error_column()
        for i in range(self.rows):
            row: dict[str, Any] = {name: columns[name][i] for name in columns}
            row["error"] = errors[i]
            yield row


def _sum(values: Any) -> int:
    """The exact sum of a column as a Python int (numpy sums in int64 when that cannot
    overflow)."""
    if isinstance(values, list):
        return sum(values)
    import numpy as np  # noqa: PLC0415

    if len(values) and int(values.max()) * len(values) >= 2**63:
        return sum(values.tolist())
    return int(np.sum(values, dtype=np.int64))
