# ruff: noqa: ANN401 - pandas, pyarrow and dask objects are optional and untyped here
"""The input columns of the numpy path, prepared once and read block by block.

Each column is read as this path needs it (integers, flags, dates, or text categories);
a column holding cells of other types is left to the scalar path. A :class:`Block` is a
range of rows whose cells are read once and shared by the passes over it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from perlindungan.batch._columns import Bits, Categorical, Columns, Days, Masked, cell
from perlindungan.contributions import FIRST_DATE

__all__ = [
    "INT64_MAX",
    "NOT_BPU",
    "NOT_PU",
    "Block",
    "Bools",
    "Column",
    "Inputs",
    "Ints",
    "block_dates",
]

INT64_MAX = np.iinfo(np.int64).max
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

#: Columns the scalar API refuses for a wage earner, and for a non-wage earner.
NOT_PU = (
    "income",
    "with_jht",
    "jht_amount",
    "contract_value",
    "contract_months",
    "pre_placement",
    "sector",
    "paid_by",
)
NOT_BPU = (
    "wage",
    "risk_class",
    "birth_date",
    "jht_amount",
    "contract_value",
    "contract_months",
    "pre_placement",
    "employer_sector",
    "employer_workers",
)


class Column:
    """One input column as this path reads it: typed values (None when the column holds
    cells this path does not read, such as text or decimals) and where cells are given.

    ``kind`` is ``int``, ``bool``, ``date`` or ``text``; text columns are categories
    (``codes`` into ``categories``, -1 for a missing cell). A cell of another type (text
    in a number column, a decimal, an integer beyond int64) is *odd*: given, but its row
    is left to the scalar path (:meth:`odd`), and the rest of the column is still read
    here. Every choice is made once per column, so the rows a block covers never depend
    on the block boundaries.
    """

    __slots__ = (
        "_absent",
        "_given",
        "_masked",
        "_odd",
        "_times",
        "categories",
        "kind",
        "values",
    )

    def __init__(self, raw: Any, kind: str, rows: int) -> None:
        self.kind = kind
        self.values: Any = None
        self.categories: list[Any] = []
        self._masked: Masked | None = raw if isinstance(raw, Masked) else None
        self._given: Bools | None = None
        self._odd: Bools | None = None
        self._times: Any = None  # a numpy datetime64 column: NaT is a missing cell
        self._absent = raw is None
        if raw is None:
            return
        if isinstance(raw, Masked):
            self.values = self._typed(raw.values, raw)
        elif isinstance(raw, Categorical):
            if kind == "text":
                self.values, self.categories = np.asarray(raw.codes), list(raw.categories)
        elif isinstance(raw, np.ndarray) and raw.dtype.kind in "iubMU":
            self.values = self._typed(raw, None)
            if raw.dtype.kind == "M":
                self._times = raw
        else:
            self._from_cells(raw, rows)

    def _typed(self, values: Any, masked: Masked | None) -> Any:
        if isinstance(masked, Days):
            return values if self.kind == "date" else None
        if isinstance(values, Bits):
            return values if self.kind == "bool" else None
        kind = values.dtype.kind
        if self.kind == "int" and kind == "i":
            return values
        if self.kind == "int" and kind == "u":
            return values if values.size == 0 or int(values.max()) <= INT64_MAX else None
        if self.kind == "bool" and kind == "b":
            return values
        if self.kind == "date" and kind == "M":
            return values
        if self.kind == "text" and kind == "U":
            self.categories, codes = _factorise(values.tolist())
            return codes
        return None

    def _from_cells(self, raw: Any, rows: int) -> None:
        """Lists and object or float arrays: read cell by cell once; a cell of another
        type (or an integer beyond int64) is odd, and read as not given here."""
        cells = [cell(raw, i) for i in range(rows)]
        self._given = np.fromiter((c is not None for c in cells), dtype=np.bool_, count=rows)
        expected = {"int": int, "bool": bool, "date": _dt.date, "text": str}[self.kind]
        usable: list[Any]
        if self.kind == "int":
            usable = [c if type(c) is int and -INT64_MAX <= c <= INT64_MAX else None for c in cells]
        else:
            usable = [c if type(c) is expected else None for c in cells]
        odd = np.fromiter((u is None for u in usable), dtype=np.bool_, count=rows) & self._given
        if odd.any():
            self._odd = odd
        if self.kind == "text":
            self.categories, self.values = _factorise(usable)
            return
        fill = {"int": 0, "bool": False, "date": _dt.date(1970, 1, 1)}[self.kind]
        dtype: Any = {"int": np.int64, "bool": np.bool_, "date": "datetime64[D]"}[self.kind]
        self.values = np.array([fill if c is None else c for c in usable], dtype=dtype)

    def odd(self, start: int, stop: int) -> Bools | None:
        """Which cells of rows ``start`` to ``stop`` are odd (None: none in the column)."""
        if self._odd is not None:
            return self._odd[start:stop]
        if self._masked is not None and self._masked.others is not None:
            return self._masked.odd(start, stop)  # type: ignore[no-any-return]
        return None

    def given(self, start: int, stop: int) -> Bools:
        if self._absent:
            return np.zeros(stop - start, dtype=np.bool_)
        if self._given is not None:
            return self._given[start:stop]
        if self._masked is not None:
            return self._masked.given(start, stop)  # type: ignore[no-any-return]
        if self._times is not None:
            return ~np.isnat(self._times[start:stop])  # type: ignore[no-any-return]
        if self.kind == "text" and self.values is not None:
            given = self.values[start:stop] >= 0
            return given if self._odd is None else given | self._odd[start:stop]  # type: ignore[no-any-return]
        return np.ones(stop - start, dtype=np.bool_)

    def ints(self, start: int, stop: int) -> Ints:
        return self.values[start:stop].astype(np.int64, copy=False)  # type: ignore[no-any-return]

    def days(self, start: int, stop: int) -> npt.NDArray[np.datetime64]:
        """Dates of a block as ``datetime64[D]``; a cell with a time of day is NaT here
        (so the row goes to the scalar path)."""
        part = self.values[start:stop]
        if part.dtype.kind != "M":  # int32 days of an Arrow date32 column
            return part.astype("datetime64[D]")  # type: ignore[no-any-return]
        days = part.astype("datetime64[D]")
        if part.dtype != days.dtype:
            days[days != part] = np.datetime64("NaT")
        return days  # type: ignore[no-any-return]


def _factorise(cells: Sequence[Any]) -> tuple[list[Any], Ints]:
    """Categories of a text column and the code of each cell (-1 where missing)."""
    index: dict[Any, int] = {}
    codes = np.fromiter(
        (-1 if c is None else index.setdefault(c, len(index)) for c in cells),
        dtype=np.int64,
        count=len(cells),
    )
    return list(index), codes


_KINDS = {
    "category": "text",
    "wage": "int",
    "risk_class": "int",
    "birth_date": "date",
    "income": "int",
    "with_jht": "bool",
    "employer_sector": "text",
    "employer_workers": "int",
    "sector": "text",
    "paid_by": "text",
    "jht_amount": "int",
    "contract_value": "int",
    "contract_months": "int",
    "pre_placement": "bool",
    "on": "date",
}


#: A column not in the input, by kind (holds nothing: shared by every call).
_ABSENT = {kind: Column(None, kind, 0) for kind in ("int", "bool", "date", "text")}


class Inputs:
    """The columns of one call, prepared once and read block by block."""

    def __init__(self, columns: Columns, rows: int) -> None:
        self.present = {name for name in _KINDS if name in columns}
        self.columns = {
            name: Column(columns[name], kind, rows) if name in columns else _ABSENT[kind]
            for name, kind in _KINDS.items()
        }
        category = self.columns["category"]
        wanted = [
            category.categories.index(c) if c in category.categories else -2 for c in ("pu", "bpu")
        ]
        self.pu_code, self.bpu_code = wanted
        sector = self.columns["employer_sector"]
        self.sector_text = [str(c).strip() for c in sector.categories]

    def __getitem__(self, name: str) -> Column:
        return self.columns[name]

    def odd(self, start: int, stop: int) -> Bools | None:
        """Rows ``start`` to ``stop`` with an odd cell in any column (None: no such row)."""
        found: Bools | None = None
        for column in self.columns.values():
            odd = column.odd(start, stop)
            if odd is not None:
                found = odd if found is None else found | odd
        return found


class Block:
    """Rows ``start`` to ``stop`` of the input, each column read once; :meth:`select`
    gives some of those rows (gathered by ``index``), sharing the reads."""

    __slots__ = ("_cache", "index", "inputs", "start", "stop")

    def __init__(
        self,
        inputs: Inputs,
        start: int,
        stop: int,
        index: Ints | None = None,
        cache: dict[tuple[str, str], Any] | None = None,
    ) -> None:
        self.inputs, self.start, self.stop, self.index = inputs, start, stop, index
        self._cache = {} if cache is None else cache

    def _read(self, name: str, how: str) -> Any:
        values = self._cache.get((name, how))
        if values is None:
            column = self.inputs[name]
            if how == "raw":
                values = column.values[self.start : self.stop]
            else:
                values = getattr(column, how)(self.start, self.stop)
            self._cache[name, how] = values
        return values if self.index is None else values[self.index]

    def ints(self, name: str) -> Ints:
        return self._read(name, "ints")  # type: ignore[no-any-return]

    def days(self, name: str) -> npt.NDArray[np.datetime64]:
        return self._read(name, "days")  # type: ignore[no-any-return]

    def given(self, name: str) -> Bools:
        return self._read(name, "given")  # type: ignore[no-any-return]

    def odd(self) -> Bools | None:
        """The rows of this block with an odd cell (None: no such row)."""
        if ("*", "odd") not in self._cache:
            self._cache["*", "odd"] = self.inputs.odd(self.start, self.stop)
        odd: Bools | None = self._cache["*", "odd"]
        return odd if odd is None or self.index is None else odd[self.index]

    def raw(self, name: str) -> Any:
        """The column's values as stored (category codes, flags)."""
        return self._read(name, "raw")

    def select(self, index: Ints) -> Block:
        """Rows ``index`` of this block (positions among its rows)."""
        inner = index if self.index is None else self.index[index]
        return Block(self.inputs, self.start, self.stop, inner, self._cache)

    @property
    def rows(self) -> int:
        """How many rows the block holds."""
        return self.stop - self.start if self.index is None else len(self.index)

    def mark(self, covered: Bools, ok: Bools) -> None:
        """Set ``covered`` for the rows of this block where ``ok``."""
        if self.index is None:
            covered[self.start : self.stop] |= ok
        else:
            covered[self.start + self.index[ok]] = True


def block_dates(block: Block, default: _dt.date | None) -> Iterator[tuple[_dt.date, Block]]:
    """Each date the rows of ``block`` are for, with those rows.

    Rows whose date this path cannot read (text, a time of day, before the first date the
    data cover, none given) are in no group: the scalar path reports or computes them.
    """
    inputs = block.inputs
    if "on" not in inputs.present:
        if default is not None:
            yield default, block
        return
    if inputs["on"].values is None:
        return
    fill = np.datetime64("NaT") if default is None else np.datetime64(default, "D")
    days = np.where(block.given("on"), block.days("on"), fill)
    days[days < np.datetime64(FIRST_DATE, "D")] = np.datetime64("NaT")
    found = np.unique(days[~np.isnat(days)])
    if len(found) == 1 and not np.isnat(days).any():
        yield found[0].astype(_dt.date), block
        return
    for day in found:
        yield day.astype(_dt.date), block.select(np.flatnonzero(days == day))
