# ruff: noqa: ANN401 - pandas, pyarrow and dask objects are optional and untyped here
"""Columnar input: a mapping of column name to sequence, a pyarrow Table or RecordBatch,
or a pandas DataFrame, normalised to a mapping of column name to a sequence.

Column names are those of the payroll CSV (:data:`perlindungan.payroll.COLUMNS`) plus
``pre_placement``; ``id`` and ``name`` are carried but not used. Missing cells are
``None`` (or null in Arrow, NA in pandas) and mean "not given", as an empty CSV cell does.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping, Sequence
from typing import Any, Final

from perlindungan._suggest import did_you_mean
from perlindungan.errors import InvalidInputError
from perlindungan.payroll import COLUMNS as PAYROLL_COLUMNS

__all__ = ["INPUT_COLUMNS", "Categorical", "Columns", "Masked", "cell", "normalise", "row_count"]

#: The input columns the batch API reads: the payroll CSV columns plus ``pre_placement``.
INPUT_COLUMNS: Final = (*PAYROLL_COLUMNS, "pre_placement")

Columns = dict[str, Sequence[Any]]


class Masked(Sequence[Any]):
    """A numpy column with missing cells: ``values`` and a boolean ``missing`` array.

    Indexing gives None for a missing cell, as a list with None would.
    """

    __slots__ = ("missing", "values")

    def __init__(self, values: Any, missing: Any) -> None:
        self.values = values
        self.missing = missing

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return Masked(self.values[index], self.missing[index])
        return None if self.missing[index] else self.values[index]


def _from_arrow(table: Any) -> Columns:
    return {
        name: _arrow_column(column)
        for name, column in zip(table.column_names, table.columns, strict=True)
    }


def _arrow_column(column: Any) -> Sequence[Any]:
    # Columns without nulls become numpy arrays when numpy is installed (no copy for
    # numbers), strings become categories; a column with nulls becomes Masked or a list,
    # so a missing wage is None, never NaN.
    if column.null_count == 0:
        try:
            strings = _categorical(column)
            if strings is not None:
                return strings
            return column.to_numpy(zero_copy_only=False)  # type: ignore[no-any-return]
        except (ImportError, NotImplementedError, TypeError, ValueError):  # pragma: no cover
            pass
    return _masked(column)


def _masked(column: Any) -> Sequence[Any]:
    """A numeric, boolean or date column with nulls as :class:`Masked`, others as a list."""
    import pyarrow as pa  # noqa: PLC0415

    kind = column.type
    try:
        import numpy as np  # noqa: PLC0415
    except ImportError:  # pragma: no cover - numpy missing
        return list(column.to_pylist())
    chunks = column.chunks if hasattr(column, "chunks") else [column]
    if pa.types.is_integer(kind) or pa.types.is_date32(kind):
        # The values buffer as it is (no copy); the cells under nulls are masked.
        dtype = np.dtype(kind.to_pandas_dtype()) if pa.types.is_integer(kind) else np.int32
        parts = [
            np.frombuffer(c.buffers()[1], dtype=dtype, count=c.offset + len(c))[c.offset :]
            for c in chunks
        ]
        values = parts[0] if len(parts) == 1 else np.concatenate(parts or [np.zeros(0, dtype)])
        if pa.types.is_date32(kind):
            values = values.astype("datetime64[D]")
        return Masked(values, column.is_null().to_numpy(zero_copy_only=False))
    if pa.types.is_boolean(kind):
        missing = column.is_null().to_numpy(zero_copy_only=False)
        return Masked(
            column.fill_null(False).to_numpy(zero_copy_only=False),  # noqa: FBT003
            missing,
        )
    return list(column.to_pylist())


class Categorical(Sequence[Any]):
    """A string column as integer codes into a list of categories (from Arrow dictionaries)."""

    __slots__ = ("categories", "codes")

    def __init__(self, codes: Any, categories: list[Any]) -> None:
        self.codes = codes
        self.categories = categories

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return Categorical(self.codes[index], self.categories)
        return self.categories[int(self.codes[index])]


def _categorical(column: Any) -> Sequence[Any] | None:
    """A string or dictionary column without nulls as :class:`Categorical`."""
    import pyarrow as pa  # noqa: PLC0415

    kind = column.type
    if not (pa.types.is_dictionary(kind) or pa.types.is_string(kind)):
        return None
    if not pa.types.is_dictionary(kind):
        column = column.dictionary_encode()
    if hasattr(column, "unify_dictionaries"):
        column = column.unify_dictionaries()
    chunks = column.chunks if hasattr(column, "chunks") else [column]
    if not chunks:
        return None
    import numpy as np  # noqa: PLC0415

    codes = np.concatenate([c.indices.to_numpy(zero_copy_only=False) for c in chunks])
    return Categorical(codes, chunks[0].dictionary.to_pylist())


def normalise(data: Any) -> Columns:
    """The columns of ``data``; unknown column names are errors with a suggestion."""
    kind = type(data).__module__.split(".", 1)[0]
    if kind == "pyarrow" and hasattr(data, "column_names"):
        columns = _from_arrow(data)
    elif kind == "pandas" and hasattr(data, "columns"):
        import pyarrow as pa  # noqa: PLC0415

        columns = _from_arrow(pa.Table.from_pandas(data, preserve_index=False))
    elif isinstance(data, Mapping):
        columns = {}
        for key, values in data.items():
            if not isinstance(key, str) or isinstance(values, (str, bytes)):
                raise InvalidInputError(
                    "batch input must map column names to sequences of cells, such as "
                    "{'category': ['pu'], 'wage': [5000000], ...}.",
                    field=str(key),
                )
            if type(values).__module__.startswith("pyarrow"):
                columns[key] = _arrow_column(values)
            else:
                columns[key] = values if hasattr(values, "__len__") else list(values)
    else:
        raise InvalidInputError(
            "batch input must be a mapping of column name to sequence, a pyarrow Table or "
            f"RecordBatch, or a pandas DataFrame; got {type(data).__name__}.",
            field="columns",
        )
    for key in columns:
        if key not in INPUT_COLUMNS:
            raise InvalidInputError(
                f"unknown column {key!r}; {did_you_mean(key, INPUT_COLUMNS)}", field=key
            )
    if "category" not in columns:
        raise InvalidInputError(
            "batch input must have a category column (pu, bpu, construction, migrant).",
            field="category",
        )
    lengths = {len(values) for values in columns.values()}
    if len(lengths) > 1:
        raise InvalidInputError(
            f"batch columns must all have the same length; got lengths {sorted(lengths)}.",
            field="columns",
        )
    return columns


def row_count(columns: Columns) -> int:
    """How many rows the columns hold."""
    return len(columns["category"])


def cell(values: Sequence[Any], index: int) -> Any:
    """The Python value of one cell; None, NaN, NaT and NA mean "not given"."""
    value = values[index]
    if value is None:
        return None
    item = getattr(value, "item", None)
    if item is not None and type(value).__module__ == "numpy":
        if str(getattr(value, "dtype", "")).startswith("datetime64"):
            if value != value:  # NaT  # noqa: PLR0124
                return None
            value = value.astype("datetime64[D]").item()
        else:
            value = item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in {"NAType", "NaTType"}:
        return None
    if type(value).__name__ == "Timestamp":
        return value.date()
    if isinstance(value, _dt.datetime):
        return value.date() if value.time() == _dt.time() else value
    return value
