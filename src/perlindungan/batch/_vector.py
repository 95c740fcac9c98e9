# ruff: noqa: ANN401 - pandas, pyarrow and dask objects are optional and untyped here
"""The numpy path for wage earners (PU) and non-wage earners (BPU): integer arithmetic only.

Every rate (and relief share) in force on the date is an exact decimal fraction
``num / 10**k``; an amount ``round_half_up(base x rate x share)`` is computed on int64 as
``(2 x base x num + 10**k) // (2 x 10**k)``, which is the scalar API's rounding exactly.
Rows outside the safe int64 range, rows with cells of other types, and categories this
path does not cover are left to the scalar path (the caller sends them there).

Memory: rows are computed :data:`BLOCK_ROWS` at a time, so temporaries are bounded by the
block, not by the population; input columns are read as views of the caller's buffers
block by block; the amounts are stored as int32 while every amount stays below
:data:`INT32_HEADROOM` (so that even the sum of all of a row's columns fits in int32), and
as int64 otherwise.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from perlindungan._input.limits import MAX_AMOUNT
from perlindungan.batch._columns import Bits, Categorical, Columns, Days, Masked, cell
from perlindungan.batch._reference import AMOUNT_COLUMNS, PAIRS
from perlindungan.batch._result import TOTAL_PARTS
from perlindungan.contributions import FIRST_DATE
from perlindungan.contributions._common import ReliefTerms, relief_terms, value, with_relief
from perlindungan.dates import Month
from perlindungan.errors import PerlindunganError
from perlindungan.money import Rupiah
from perlindungan.parameters import parameter
from perlindungan.pension_age import pension_age_reached_on
from perlindungan.programs import Payer, Program

__all__ = ["BLOCK_ROWS", "INT32_HEADROOM", "Amounts", "vector_amounts"]

#: Rows computed at a time: bounds the temporaries whatever the population.
BLOCK_ROWS = 1 << 16
#: Amount columns are int32 while every amount is below this (2**31 / 16, so that the sum
#: of all nine amount columns of a row still fits in int32); otherwise they are int64.
INT32_HEADROOM = 2**31 // 16

_INT64_MAX = np.iinfo(np.int64).max
_NOT_PU = ("income", "with_jht", "jht_amount", "contract_value", "contract_months", "pre_placement")
_NOT_BPU = (
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
_COLUMN = {pair: i for i, pair in enumerate(PAIRS)}
_Ints = npt.NDArray[np.int64]
_Bools = npt.NDArray[np.bool_]
_Fraction = tuple[int, int]


# -- rules in force on a date, read once --------------------------------------------------


def _fraction(rate: Decimal, share: Decimal | None) -> _Fraction:
    """``rate x share`` as ``(num, 10**k)``."""
    exact = rate if share is None else rate * share
    sign, digits, exponent = exact.as_tuple()
    assert isinstance(exponent, int)
    assert not sign
    num = int("".join(map(str, digits)) or "0")
    if exponent >= 0:
        return num * 10**exponent, 1
    return num, 10**-exponent


def _rounded(base: _Ints, fraction: _Fraction) -> _Ints:
    num, den = fraction
    if num == 0:
        return np.zeros_like(base)
    if den == 1:
        return base * num
    return (base * (2 * num) + den) // (2 * den)


def _bound(fractions: Sequence[_Fraction]) -> int:
    """The largest base for which every fraction stays in int64, and at most the input
    layer's MAX_AMOUNT (larger amounts go to the scalar path, which refuses them)."""
    bound = MAX_AMOUNT
    for num, den in fractions:
        if num:
            bound = min(bound, (_INT64_MAX - den) // (2 * num))
    return bound


def _rate(name: str, on: _dt.date) -> Decimal:
    rate = value(name, on).value
    assert isinstance(rate, Decimal)
    return rate


def _share(terms: ReliefTerms | None) -> Decimal | None:
    return None if terms is None else terms.share


def _rupiah(name: str, on: _dt.date) -> int:
    return int(Rupiah(value(name, on).value).amount)


@lru_cache(maxsize=256)
def _last_birth_at_pension_age(last_day: _dt.date) -> _dt.date:
    """The latest birth date whose holder reaches pension age on or before ``last_day``.

    Pension age is reached later by people born later (the bundled data only ever raise
    the age), so "JP not due" is exactly ``birth_date <= this date``; the test suite checks
    that against :func:`pension_age_reached_on` day by day.
    """
    low = last_day.toordinal() - 150 * 366  # reached long before last_day
    high = last_day.toordinal()  # born on last_day: not yet at pension age
    while high - low > 1:
        middle = (low + high) // 2
        if pension_age_reached_on(_dt.date.fromordinal(middle)) <= last_day:
            low = middle
        else:
            high = middle
    return _dt.date.fromordinal(low)


class _PuRules(NamedTuple):
    jkk_num: _Ints  # by risk class - 1
    jkk_den: _Ints
    pp7_num: _Ints | None  # PP 7/2025 JKK discount for eligible employers
    pp7_den: _Ints | None
    sectors: tuple[str, ...]
    minimum_workers: int
    jkm: _Fraction
    jht_employer: _Fraction
    jht_worker: _Fraction
    jp_employer: _Fraction
    jp_worker: _Fraction
    jp_cap: int
    jkp: _Fraction | None
    jkp_cap: int
    bound: int
    on: np.datetime64
    last_birth: np.datetime64


@lru_cache(maxsize=64)
def _pu_rules(on: _dt.date) -> _PuRules:
    pp49 = bool(parameter("relief.pp49_2020.in_force").value_at(on))
    jkk_relief = relief_terms("pp49_2020", "PP 49/2020", "jkk", on) if pp49 else None
    pp7 = None if pp49 else relief_terms("pp7_2025", "PP 7/2025", "jkk", on)
    jkm_relief = relief_terms("pp49_2020", "PP 49/2020", "jkm", on) if pp49 else None
    jp_relief = relief_terms("pp49_2020", "PP 49/2020", "jp", on) if pp49 else None
    jkk = [_fraction(_rate(f"pu.jkk.rate.{rc}", on), _share(jkk_relief)) for rc in range(1, 6)]
    jkk7 = [_fraction(_rate(f"pu.jkk.rate.{rc}", on), _share(pp7)) for rc in range(1, 6)]
    sectors: tuple[str, ...] = ()
    minimum = 0
    if pp7 is not None:
        listed = value("relief.pp7_2025.sectors", on).value
        least = value("relief.pp7_2025.minimum_workers", on).value
        assert isinstance(listed, tuple)
        assert isinstance(least, int)
        sectors, minimum = tuple(str(s) for s in listed), least
    jkp = None
    if parameter("pu.jkp.government_rate").in_force(on):
        jkp = _fraction(_rate("pu.jkp.government_rate", on), None)
    rules = {
        "jkm": _fraction(_rate("pu.jkm.rate", on), _share(jkm_relief)),
        "jht_employer": _fraction(_rate("pu.jht.employer_rate", on), None),
        "jht_worker": _fraction(_rate("pu.jht.worker_rate", on), None),
        "jp_employer": _fraction(_rate("pu.jp.employer_rate", on), _share(jp_relief)),
        "jp_worker": _fraction(_rate("pu.jp.worker_rate", on), _share(jp_relief)),
    }
    month = Month(on.year, on.month)
    return _PuRules(
        jkk_num=np.array([n for n, _ in jkk], dtype=np.int64),
        jkk_den=np.array([d for _, d in jkk], dtype=np.int64),
        pp7_num=None if pp7 is None else np.array([n for n, _ in jkk7], dtype=np.int64),
        pp7_den=None if pp7 is None else np.array([d for _, d in jkk7], dtype=np.int64),
        sectors=sectors,
        minimum_workers=minimum,
        jp_cap=_rupiah("pu.jp.wage_cap", on),
        jkp=jkp,
        jkp_cap=_rupiah("pu.jkp.wage_cap", on) if jkp else 0,
        bound=_bound([*jkk, *jkk7, *rules.values(), *([jkp] if jkp else [])]),
        on=np.datetime64(on, "D"),
        last_birth=np.datetime64(_last_birth_at_pension_age(month.last_day), "D"),
        **rules,
    )


class _BpuRules(NamedTuple):
    low: int
    high: int
    jkk: _Fraction
    jht: _Fraction
    jkm_amount: int
    bound: int


@lru_cache(maxsize=64)
def _bpu_rules(on: _dt.date) -> _BpuRules:
    jkk = _fraction(_rate("bpu.jkk.rate", on), _share(relief_terms("pp49_2020", "", "jkk", on)))
    jht = _fraction(_rate("bpu.jht.rate", on), None)
    flat = value("bpu.jkm.amount", on).value
    jkm_amount, _ = with_relief(Rupiah(flat), relief_terms("pp49_2020", "", "jkm", on))
    return _BpuRules(
        low=_rupiah("bpu.income.minimum", on),
        high=_rupiah("bpu.income.maximum", on),
        jkk=jkk,
        jht=jht,
        jkm_amount=int(jkm_amount),
        bound=_bound([jkk, jht]),
    )


# -- input columns read block by block ----------------------------------------------------


class _Column:
    """One input column as this path reads it: typed values (None when the column holds
    cells this path does not read, such as text or decimals) and where cells are given.

    ``kind`` is ``int``, ``bool``, ``date`` or ``text``; text columns are categories
    (``codes`` into ``categories``, -1 for a missing cell). Every choice is made once per
    column, so the rows a block covers never depend on the block boundaries.
    """

    __slots__ = ("_absent", "_given", "_masked", "_times", "categories", "kind", "values")

    def __init__(self, raw: Any, kind: str, rows: int) -> None:
        self.kind = kind
        self.values: Any = None
        self.categories: list[Any] = []
        self._masked: Masked | None = raw if isinstance(raw, Masked) else None
        self._given: _Bools | None = None
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
            return values if values.size == 0 or int(values.max()) <= _INT64_MAX else None
        if self.kind == "bool" and kind == "b":
            return values
        if self.kind == "date" and kind == "M":
            return values
        if self.kind == "text" and kind == "U":
            self.categories, codes = _factorise(values.tolist())
            return codes
        return None

    def _from_cells(self, raw: Any, rows: int) -> None:
        """Lists and object or float arrays: read cell by cell once."""
        cells = [cell(raw, i) for i in range(rows)]
        self._given = np.fromiter((c is not None for c in cells), dtype=np.bool_, count=rows)
        expected = {"int": int, "bool": bool, "date": _dt.date, "text": str}[self.kind]
        if not all(c is None or type(c) is expected for c in cells):
            return
        if self.kind == "text":
            self.categories, self.values = _factorise(cells)
            return
        fill = {"int": 0, "bool": False, "date": _dt.date(1970, 1, 1)}[self.kind]
        dtype: Any = {"int": np.int64, "bool": np.bool_, "date": "datetime64[D]"}[self.kind]
        try:
            self.values = np.array([fill if c is None else c for c in cells], dtype=dtype)
        except OverflowError:
            self.values = None

    def given(self, start: int, stop: int) -> _Bools:
        if self._absent:
            return np.zeros(stop - start, dtype=np.bool_)
        if self._given is not None:
            return self._given[start:stop]
        if self._masked is not None:
            return self._masked.given(start, stop)  # type: ignore[no-any-return]
        if self._times is not None:
            return ~np.isnat(self._times[start:stop])  # type: ignore[no-any-return]
        if self.kind == "text" and self.values is not None:
            return self.values[start:stop] >= 0  # type: ignore[no-any-return]
        return np.ones(stop - start, dtype=np.bool_)

    def ints(self, start: int, stop: int) -> _Ints:
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


def _factorise(cells: Sequence[Any]) -> tuple[list[Any], _Ints]:
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
    "jht_amount": "int",
    "contract_value": "int",
    "contract_months": "int",
    "pre_placement": "bool",
    "on": "date",
}


class _Inputs:
    """The columns of one call, prepared once and read block by block."""

    def __init__(self, columns: Columns, rows: int) -> None:
        self.present = {name for name in _KINDS if name in columns}
        self.columns = {
            name: _Column(columns.get(name), kind, rows) for name, kind in _KINDS.items()
        }
        category = self.columns["category"]
        wanted = [
            category.categories.index(c) if c in category.categories else -2 for c in ("pu", "bpu")
        ]
        self.pu_code, self.bpu_code = wanted
        sector = self.columns["employer_sector"]
        self.sector_text = [str(c).strip() for c in sector.categories]

    def __getitem__(self, name: str) -> _Column:
        return self.columns[name]


class _Block:
    """Rows ``start`` to ``stop`` of the input, each column read once; :meth:`select`
    gives some of those rows (gathered by ``index``), sharing the reads."""

    __slots__ = ("_cache", "index", "inputs", "start", "stop")

    def __init__(
        self,
        inputs: _Inputs,
        start: int,
        stop: int,
        index: _Ints | None = None,
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

    def ints(self, name: str) -> _Ints:
        return self._read(name, "ints")  # type: ignore[no-any-return]

    def days(self, name: str) -> npt.NDArray[np.datetime64]:
        return self._read(name, "days")  # type: ignore[no-any-return]

    def given(self, name: str) -> _Bools:
        return self._read(name, "given")  # type: ignore[no-any-return]

    def raw(self, name: str) -> Any:
        """The column's values as stored (category codes, flags)."""
        return self._read(name, "raw")

    def select(self, index: _Ints) -> _Block:
        return _Block(self.inputs, self.start, self.stop, index, self._cache)

    def mark(self, covered: _Bools, ok: _Bools) -> None:
        """Set ``covered`` for the rows of this block where ``ok``."""
        if self.index is None:
            covered[self.start : self.stop] |= ok
        else:
            covered[self.start + self.index[ok]] = True


# -- the two categories -------------------------------------------------------------------


def _pu_block(block: _Block, pu: _Bools, on: _dt.date) -> Any:
    """The PU rows of a block this path covers, and their amounts by column index."""
    inputs = block.inputs
    wage_col, risk_col, birth_col = inputs["wage"], inputs["risk_class"], inputs["birth_date"]
    if wage_col.values is None or risk_col.values is None or birth_col.values is None:
        return None
    try:
        rules = _pu_rules(on)
    except PerlindunganError:  # no value on this date: the scalar path reports each row
        return None
    wage = block.ints("wage")
    risk = block.ints("risk_class")
    birth = block.days("birth_date")
    ok = pu & (wage > 0) & (wage <= rules.bound) & (risk >= 1) & (risk <= 5)
    ok &= ~np.isnat(birth)
    # A birth date after ``on`` is refused by the scalar API: leave such rows to it.
    ok &= birth <= rules.on
    for name in ("wage", "risk_class", "birth_date"):
        ok &= block.given(name)
    for name in _NOT_PU:  # the scalar API refuses these fields for a wage earner
        if name in inputs.present:
            ok &= ~block.given(name)
    eligible = None
    if "employer_sector" in inputs.present or "employer_workers" in inputs.present:
        eligible = _pp7_eligible(block, ok, rules)
        ok &= eligible[0]
    return ok, _pu_amounts(np.where(ok, wage, 0), risk, birth, ok, eligible, rules)


def _pu_amounts(
    w: _Ints,
    risk: _Ints,
    birth: npt.NDArray[np.datetime64],
    ok: _Bools,
    eligible: tuple[_Bools, _Bools] | None,
    rules: _PuRules,
) -> Iterator[tuple[int, _Ints]]:
    """Each PU amount column of a block in turn (one at a time keeps the block's memory
    small); ``w`` is the wage where the row is covered and 0 elsewhere."""
    rc = np.where(ok, risk, 1) - 1
    num, den = rules.jkk_num[rc], rules.jkk_den[rc]
    jkk = (w * (2 * num) + den) // (2 * den)
    if eligible is not None and rules.pp7_num is not None and eligible[1].any():
        assert rules.pp7_den is not None
        num, den = rules.pp7_num[rc], rules.pp7_den[rc]
        jkk = np.where(eligible[1], (w * (2 * num) + den) // (2 * den), jkk)
    del num, den, rc
    yield _COLUMN[Program.JKK, Payer.EMPLOYER], jkk
    del jkk
    yield _COLUMN[Program.JKM, Payer.EMPLOYER], _rounded(w, rules.jkm)
    yield _COLUMN[Program.JHT, Payer.EMPLOYER], _rounded(w, rules.jht_employer)
    yield _COLUMN[Program.JHT, Payer.WORKER], _rounded(w, rules.jht_worker)
    if rules.jkp is not None:
        base = np.minimum(w, rules.jkp_cap)
        yield _COLUMN[Program.JKP, Payer.GOVERNMENT], _rounded(base, rules.jkp)
        del base
    jp_base = np.where(birth > rules.last_birth, np.minimum(w, rules.jp_cap), 0)
    yield _COLUMN[Program.JP, Payer.EMPLOYER], _rounded(jp_base, rules.jp_employer)
    yield _COLUMN[Program.JP, Payer.WORKER], _rounded(jp_base, rules.jp_worker)


def _pp7_eligible(block: _Block, ok: _Bools, rules: _PuRules) -> tuple[_Bools, _Bools]:
    """Which rows this path can read the employer facts of, and which of them get the
    PP 7/2025 JKK discount. Employer facts matter only for that relief; rows giving them in
    a form this path does not read go to the scalar path (which also validates them)."""
    inputs = block.inputs
    sector_col, workers_col = inputs["employer_sector"], inputs["employer_workers"]
    has_sector = block.given("employer_sector")
    has_workers = block.given("employer_workers")
    readable = has_sector == has_workers  # rows giving only one of the two: scalar path
    if sector_col.values is None or workers_col.values is None:
        return readable & ~has_sector, np.zeros_like(ok)
    codes = block.raw("employer_sector")
    workers = block.ints("employer_workers")
    text = inputs.sector_text
    nonempty = np.array([t != "" for t in text] + [False], dtype=np.bool_)
    listed = np.array([t in rules.sectors for t in text] + [False], dtype=np.bool_)
    readable &= ~has_sector | (nonempty[codes] & (workers >= 0))
    eligible = has_sector & listed[codes] & (workers >= rules.minimum_workers)
    if rules.pp7_num is None:
        eligible = np.zeros_like(eligible)
    return readable, eligible & ok & readable


def _bpu_block(block: _Block, bpu: _Bools, on: _dt.date) -> Any:
    """The BPU rows of a block this path covers, and their amounts by column index."""
    inputs = block.inputs
    income_col, jht_col = inputs["income"], inputs["with_jht"]
    if income_col.values is None:
        return None
    try:
        rules = _bpu_rules(on)
    except PerlindunganError:  # no value on this date: the scalar path reports each row
        return None
    income = block.ints("income")
    if "with_jht" not in inputs.present:
        with_jht = np.zeros_like(bpu)
    elif jht_col.values is None:
        return None
    else:
        with_jht = block.raw("with_jht") & block.given("with_jht")
    ok = bpu & (income >= rules.low) & (income <= rules.high) & (income <= rules.bound)
    ok &= block.given("income")
    for name in _NOT_BPU:  # the scalar API refuses these fields for a non-wage earner
        if name in inputs.present:
            ok &= ~block.given(name)
    return ok, _bpu_amounts(np.where(ok, income, 0), with_jht, ok, rules)


def _bpu_amounts(
    i: _Ints, with_jht: _Bools, ok: _Bools, rules: _BpuRules
) -> Iterator[tuple[int, _Ints]]:
    """Each BPU amount column of a block in turn; ``i`` is the income where the row is
    covered and 0 elsewhere."""
    yield _COLUMN[Program.JKK, Payer.WORKER], _rounded(i, rules.jkk)
    yield _COLUMN[Program.JKM, Payer.WORKER], np.where(ok, rules.jkm_amount, 0)
    yield _COLUMN[Program.JHT, Payer.WORKER], _rounded(np.where(with_jht, i, 0), rules.jht)


# -- output ------------------------------------------------------------------------------


class Amounts:
    """The stored output columns (``names``: amount columns, and totals when asked for
    without all their parts), int32 while every amount is below :data:`INT32_HEADROOM`,
    all int64 from the first that is not. Each program-and-payer amount is added to its
    own column and to the stored totals it counts in."""

    __slots__ = ("_targets", "arrays", "names")

    def __init__(self, rows: int, names: Sequence[str] = AMOUNT_COLUMNS) -> None:
        self.names = tuple(names)
        self.arrays = [np.zeros(rows, dtype=np.int32) for _ in self.names]
        self._targets = [
            [slot for slot, name in enumerate(self.names) if pair in _COUNTS_IN[name]]
            for pair in range(len(PAIRS))
        ]

    def _fit(self, amounts: Any) -> None:
        small = bool(self.arrays) and self.arrays[0].dtype == np.int32
        if small and len(amounts) and int(np.max(amounts)) >= INT32_HEADROOM:
            self.arrays = [a.astype(np.int64) for a in self.arrays]

    def add(self, column: int, block: _Block, amounts: _Ints) -> None:
        """Add the amounts of program-and-payer ``column`` for the rows of ``block``."""
        targets = self._targets[column]
        if not targets:
            return
        self._fit(amounts)
        for slot in targets:
            array = self.arrays[slot]
            if block.index is None:
                target = array[block.start : block.stop]
                np.add(target, amounts, out=target, casting="unsafe")
            else:
                array[block.start + block.index] += amounts.astype(array.dtype)

    def put(self, slot: int, rows: _Ints, amounts: Sequence[int]) -> None:
        """Set the values of the given rows in stored column ``slot``."""
        self._fit(amounts)
        self.arrays[slot][rows] = amounts


#: For each output column, the program-and-payer amounts (indices into PAIRS) it adds up.
_COUNTS_IN = {
    **{name: frozenset({i}) for i, name in enumerate(AMOUNT_COLUMNS)},
    **{
        total: frozenset(AMOUNT_COLUMNS.index(part) for part in parts)
        for total, parts in TOTAL_PARTS.items()
    },
}


def _block_dates(block: _Block, default: _dt.date | None) -> Iterator[tuple[_dt.date, _Block]]:
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


def vector_amounts(
    columns: Columns, rows: int, on: _dt.date | None, names: Sequence[str] = AMOUNT_COLUMNS
) -> tuple[Amounts, _Bools, list[int]]:
    """The stored output columns ``names`` for the rows this path covers (0 elsewhere),
    which rows those are, and the indices of the other rows (for the scalar path).

    ``on`` is the date of every row, or of the rows without an ``on`` cell when the input
    has an ``on`` column; the rows of a block that share a date are gathered and computed
    together.
    """
    out = Amounts(rows, names)
    covered = np.zeros(rows, dtype=np.bool_)
    rest: list[int] = []
    inputs = _Inputs(columns, rows)
    readable = inputs["category"].values is not None
    for start in range(0, rows, BLOCK_ROWS):
        stop = min(rows, start + BLOCK_ROWS)
        whole = _Block(inputs, start, stop)
        for day, block in _block_dates(whole, on) if readable else ():
            codes = block.raw("category")
            for code, compute in ((inputs.pu_code, _pu_block), (inputs.bpu_code, _bpu_block)):
                rows_of = codes == code
                if not rows_of.any():
                    continue
                done = compute(block, rows_of, day)
                if done is None:
                    continue
                ok, amounts = done
                block.mark(covered, ok)
                # Rows not covered have a base of 0, hence 0 in every formula, and a row is
                # of one category and one date: adding up the passes is exact.
                for column, values in amounts:
                    out.add(column, block, values)
        rest.extend((np.flatnonzero(~covered[start:stop]) + start).tolist())
    return out, covered, rest
