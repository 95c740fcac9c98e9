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

__all__ = [
    "INPUT_COLUMNS",
    "Bits",
    "Categorical",
    "Columns",
    "Days",
    "Masked",
    "cell",
    "normalise",
    "row_count",
]

#: The input columns the batch API reads: the payroll CSV columns plus ``pre_placement``,
#: and ``on``, the date each row is for (when rows are for different dates).
INPUT_COLUMNS: Final = (*PAYROLL_COLUMNS, "pre_placement", "on")

Columns = dict[str, Sequence[Any]]


class Bits(Sequence[bool]):
    """An Arrow bitmap (validity or boolean values) read without unpacking it whole:
    a slice unpacks just those rows into a numpy boolean array."""

    __slots__ = ("_bitmap", "_length", "_offset")

    def __init__(self, bitmap: Any, offset: int, length: int) -> None:
        self._bitmap = bitmap
        self._offset = offset
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: Any) -> Any:
        import numpy as np  # noqa: PLC0415

        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            if step != 1:
                return np.array([self[i] for i in range(start, stop, step)], dtype=np.bool_)
            stop = max(start, stop)
            first, last = self._offset + start, self._offset + stop
            bits = np.unpackbits(self._bitmap[first // 8 : (last + 7) // 8], bitorder="little")
            return bits[first % 8 : first % 8 + (stop - start)].view(np.bool_)
        position = index + self._length if index < 0 else index
        if not 0 <= position < self._length:
            raise IndexError(index)
        bit = self._offset + position
        return bool((int(self._bitmap[bit // 8]) >> (bit % 8)) & 1)


class Masked(Sequence[Any]):
    """A numpy column with missing cells, read without copying an Arrow column.

    ``values`` holds every cell (whatever lies under a missing one); which cells are
    given is ``valid`` (:class:`Bits` of an Arrow validity bitmap, or a boolean array;
    None when every cell is given), read one block of rows at a time by :meth:`given`, so
    a million-row column costs no extra byte per row. Indexing gives None for a missing
    cell, as a list with None would.

    ``others`` holds the cells of another type by row (text that is not a number, say, as
    read from a CSV file): such a cell is given (``valid`` is False there), indexing gives
    it as it is, and :meth:`odd` tells its rows, which only the scalar path reads.
    """

    __slots__ = ("_rows", "others", "valid", "values")

    def __init__(
        self, values: Any, valid: Any = None, others: dict[int, Any] | None = None
    ) -> None:
        self.values = values
        self.valid = valid
        self.others = others or None
        self._rows: Any = None

    def given(self, start: int, stop: int) -> Any:
        """A boolean array: which cells of rows ``start`` to ``stop`` are given."""
        import numpy as np  # noqa: PLC0415

        if self.valid is None:
            return np.ones(max(0, stop - start), dtype=np.bool_)
        given = np.asarray(self.valid[start:stop], dtype=np.bool_)
        if self.others is not None:
            given = given | self.odd(start, stop)
        return given

    def odd(self, start: int, stop: int) -> Any:
        """A boolean array: which cells of rows ``start`` to ``stop`` are in ``others``."""
        import numpy as np  # noqa: PLC0415

        found = np.zeros(max(0, stop - start), dtype=np.bool_)
        if self.others is None:
            return found
        if self._rows is None:
            self._rows = np.array(sorted(self.others), dtype=np.int64)
        rows = self._rows[np.searchsorted(self._rows, start) : np.searchsorted(self._rows, stop)]
        found[rows - start] = True
        return found

    def __len__(self) -> int:
        return len(self.values)

    def _cell(self, value: Any) -> Any:
        return value

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            import numpy as np  # noqa: PLC0415

            start, stop, step = index.indices(len(self))
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            others = {r - start: v for r, v in (self.others or {}).items() if start <= r < stop}
            valid = None if self.valid is None else np.asarray(self.valid[start:stop], np.bool_)
            return type(self)(self.values[start:stop], valid, others)
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError(index)
        if self.valid is not None and not self.valid[position]:
            return None if self.others is None else self.others.get(position)
        return self._cell(self.values[position])


class Days(Masked):
    """A date column as int32 days since 1970-01-01 (Arrow ``date32``, not copied);
    a cell reads as a numpy ``datetime64[D]``."""

    __slots__ = ()

    def _cell(self, value: Any) -> Any:
        import numpy as np  # noqa: PLC0415

        return np.datetime64(int(value), "D")


def _from_arrow(table: Any) -> Columns:
    return {
        name: _arrow_column(column)
        for name, column in zip(table.column_names, table.columns, strict=True)
    }


def _arrow_column(column: Any) -> Sequence[Any]:
    # Numbers, flags and dates become numpy views of the Arrow buffers when numpy is
    # installed (missing cells from the validity bitmap), strings become categories, other
    # types lists; a missing wage is None, never NaN.
    try:
        strings = _categorical(column) if column.null_count == 0 else None
        if strings is not None:
            return strings
        return _masked(column)
    except ImportError:  # pragma: no cover - numpy missing
        return list(column.to_pylist())


def _single(column: Any) -> Any:
    """One contiguous Arrow array of a column (chunks are concatenated)."""
    import pyarrow as pa  # noqa: PLC0415

    chunks = getattr(column, "chunks", None)
    if chunks is None:
        return column
    if len(chunks) == 1:
        return chunks[0]
    return pa.concat_arrays(chunks) if chunks else pa.array([], type=column.type)


def _masked(column: Any) -> Sequence[Any]:
    """A numeric, boolean or date column as :class:`Masked` (:class:`Days`), others as a list."""
    import numpy as np  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    kind = column.type
    if not (pa.types.is_integer(kind) or pa.types.is_date32(kind) or pa.types.is_boolean(kind)):
        if column.null_count == 0 and not pa.types.is_string(kind):
            try:
                return column.to_numpy(zero_copy_only=False)  # type: ignore[no-any-return]
            except (NotImplementedError, TypeError, ValueError):  # pragma: no cover
                pass
        return list(column.to_pylist())
    array = _single(column)
    validity, data = array.buffers()[:2]
    valid = None
    if array.null_count and validity is not None:
        valid = Bits(np.frombuffer(validity, dtype=np.uint8), array.offset, len(array))
    if pa.types.is_boolean(kind):
        # Flags stay bit-packed as Arrow holds them; the bits under nulls are never read.
        packed = np.frombuffer(data, dtype=np.uint8) if len(array) else np.zeros(1, np.uint8)
        return Masked(Bits(packed, array.offset, len(array)), valid)
    # The values buffer as it is (no copy); the cells under nulls are never read.
    dtype = np.int32 if pa.types.is_date32(kind) else np.dtype(kind.to_pandas_dtype())
    end = array.offset + len(array)
    values = (
        np.frombuffer(data, dtype=dtype, count=end)[array.offset :] if end else np.zeros(0, dtype)
    )
    cls = Days if pa.types.is_date32(kind) else Masked
    return cls(values, valid)


class Categorical(Sequence[Any]):
    """A string column as integer codes into a list of categories (from Arrow
    dictionaries); code -1 is a missing cell."""

    __slots__ = ("categories", "codes")

    def __init__(self, codes: Any, categories: list[Any]) -> None:
        self.codes = codes
        self.categories = categories

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return Categorical(self.codes[index], self.categories)
        code = int(self.codes[index])
        return None if code < 0 else self.categories[code]


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

    parts = [c.indices.to_numpy(zero_copy_only=False) for c in chunks]
    codes = parts[0] if len(parts) == 1 else np.concatenate(parts)
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
        if getattr(value, "ndim", 0) != 0:
            # an array in a cell (an Arrow list cell): not a value of the contract; the
            # scalar API refuses it as it would refuse a list
            return list(value.tolist())
        if str(getattr(value, "dtype", "")).startswith("datetime64"):
            if value != value:  # NaT  # noqa: PLR0124
                return None
            day = value.astype("datetime64[D]")
            # a time of day is kept (as a datetime) so that the date check refuses it
            value = day.item() if day == value else value.astype("datetime64[us]").item()
        else:
            value = item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in {"NAType", "NaTType"}:
        return None
    if type(value).__name__ == "Timestamp":
        return value.date() if value == value.normalize() else value.to_pydatetime()
    if isinstance(value, _dt.datetime):
        return value.date() if value.time() == _dt.time() else value
    return value
