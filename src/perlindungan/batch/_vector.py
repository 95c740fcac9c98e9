# ruff: noqa: ANN401 - pandas, pyarrow and dask objects are optional and untyped here
"""The numpy path for wage earners (PU) and non-wage earners (BPU): integer arithmetic only.

Every rate (and relief share) in force on the date is an exact decimal fraction
``num / 10**k``; an amount ``round_half_up(base x rate x share)`` is computed on int64 as
``(2 x base x num + 10**k) // (2 x 10**k)``, which is the scalar API's rounding exactly.
Rows outside the safe int64 range, rows with cells of other types, and categories this
path does not cover are left to the scalar path (the caller sends them there).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from perlindungan.batch._columns import Categorical, Columns, Masked
from perlindungan.batch._reference import AMOUNT_COLUMNS, PAIRS, TOTAL_COLUMNS
from perlindungan.contributions._common import ReliefTerms, relief_terms, value, with_relief
from perlindungan.dates import Month
from perlindungan.money import Rupiah
from perlindungan.parameters import parameter
from perlindungan.pension_age import pension_age_reached_on
from perlindungan.programs import Payer, Program

__all__ = ["vector_amounts"]

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
_Ints = npt.NDArray[np.int64]
_Bools = npt.NDArray[np.bool_]


def _fraction(rate: Decimal, share: Decimal | None) -> tuple[int, int]:
    """``rate x share`` as ``(num, 10**k)``."""
    exact = rate if share is None else rate * share
    sign, digits, exponent = exact.as_tuple()
    assert isinstance(exponent, int)
    assert not sign
    num = int("".join(map(str, digits)) or "0")
    if exponent >= 0:
        return num * 10**exponent, 1
    return num, 10**-exponent


def _rounded(base: _Ints, fraction: tuple[int, int]) -> _Ints:
    num, den = fraction
    if num == 0:
        return np.zeros_like(base)
    if den == 1:
        return base * num
    return (base * (2 * num) + den) // (2 * den)


def _bound(fractions: Sequence[tuple[int, int]]) -> int:
    """The largest base for which every fraction stays in int64."""
    bound = _INT64_MAX
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


def _given(columns: Columns, name: str, rows: int) -> _Bools:
    """Where column ``name`` has a value (an absent column has none)."""
    values: Any = columns.get(name)
    if values is None:
        return np.zeros(rows, dtype=np.bool_)
    if isinstance(values, Masked):
        return ~np.asarray(values.missing, dtype=np.bool_)
    if isinstance(values, np.ndarray) and values.dtype.kind not in "OMf":
        return np.ones(rows, dtype=np.bool_)
    # Lists, object, float and date arrays: a cell the scalar path would read as given.
    from perlindungan.batch._columns import cell  # noqa: PLC0415

    return np.fromiter(
        (cell(values, i) is not None for i in range(rows)), dtype=np.bool_, count=rows
    )


def _unwrap(values: Any) -> Any:
    return values.values if isinstance(values, Masked) else values


def _ints(values: Any) -> _Ints | None:
    """An int64 array of an integer column, or None if the column is not plain integers."""
    values = _unwrap(values)
    if values is None:
        return None
    array = values if isinstance(values, np.ndarray) else np.asarray(values)
    if array.dtype.kind == "i":
        return array.astype(np.int64, copy=False)
    if array.dtype.kind == "u" and (array.size == 0 or array.max() <= _INT64_MAX):
        return array.astype(np.int64)
    return None


def _strings(values: Any) -> npt.NDArray[Any] | None:
    values = _unwrap(values)
    if values is None:
        return None
    array = values if isinstance(values, np.ndarray) else np.asarray(values, dtype=object)
    return array if array.dtype.kind in "UO" else None


def _days(values: Any) -> npt.NDArray[np.datetime64] | None:
    values = _unwrap(values)
    if values is None:
        return None
    if isinstance(values, np.ndarray) and values.dtype == np.dtype("datetime64[D]"):
        return values
    if isinstance(values, np.ndarray) and values.dtype.kind == "M":
        days = values.astype("datetime64[D]")
        return days if bool(np.all(days == values)) else None
    items = list(values)
    if all(type(v) is _dt.date for v in items):
        return np.array(items, dtype="datetime64[D]")
    return None


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


def _pu(
    columns: Columns,
    pu: _Bools,
    on: _dt.date,
    out: list[_Ints],
) -> _Bools:
    """Fill the PU rows it can; the rows it covered."""
    wage = _ints(columns.get("wage"))
    risk = _ints(columns.get("risk_class"))
    birth = _days(columns.get("birth_date"))
    if wage is None or risk is None or birth is None:
        return np.zeros_like(pu)
    pp49 = bool(parameter("relief.pp49_2020.in_force").value_at(on))
    jkk_relief = relief_terms("pp49_2020", "PP 49/2020", "jkk", on) if pp49 else None
    pp7 = None if pp49 else relief_terms("pp7_2025", "PP 7/2025", "jkk", on)
    jkm_relief = relief_terms("pp49_2020", "PP 49/2020", "jkm", on) if pp49 else None
    jp_relief = relief_terms("pp49_2020", "PP 49/2020", "jp", on) if pp49 else None
    jkk = [_fraction(_rate(f"pu.jkk.rate.{rc}", on), _share(jkk_relief)) for rc in range(1, 6)]
    jkk_pp7 = [_fraction(_rate(f"pu.jkk.rate.{rc}", on), _share(pp7)) for rc in range(1, 6)]
    jkm = _fraction(_rate("pu.jkm.rate", on), _share(jkm_relief))
    jht_e = _fraction(_rate("pu.jht.employer_rate", on), None)
    jht_w = _fraction(_rate("pu.jht.worker_rate", on), None)
    jp_e = _fraction(_rate("pu.jp.employer_rate", on), _share(jp_relief))
    jp_w = _fraction(_rate("pu.jp.worker_rate", on), _share(jp_relief))
    jp_cap = int(Rupiah(value("pu.jp.wage_cap", on).value).amount)
    jkp_param = parameter("pu.jkp.government_rate")
    jkp = _fraction(_rate("pu.jkp.government_rate", on), None) if jkp_param.in_force(on) else None
    jkp_cap = int(Rupiah(value("pu.jkp.wage_cap", on).value).amount) if jkp else 0
    bound = _bound([*jkk, *jkk_pp7, jkm, jht_e, jht_w, jp_e, jp_w, *([jkp] if jkp else [])])

    rows = len(pu)
    ok = pu & (wage > 0) & (wage <= bound) & (risk >= 1) & (risk <= 5)
    ok &= ~np.isnat(birth)
    # A birth date after ``on`` is refused by the scalar API: leave such rows to it.
    ok &= birth <= np.datetime64(on, "D")
    for name in ("wage", "risk_class", "birth_date"):
        ok &= _given(columns, name, rows)
    for name in _NOT_PU:  # the scalar API refuses these fields for a wage earner
        if name in columns:
            ok &= ~_given(columns, name, rows)
    # Employer facts matter only for the PP 7/2025 relief; rows giving them in a form this
    # path does not read go to the scalar path (which also validates them).
    eligible = np.zeros_like(pu)
    sector_col, workers_col = columns.get("employer_sector"), columns.get("employer_workers")
    if sector_col is not None or workers_col is not None:
        has_sector = _given(columns, "employer_sector", rows)
        has_workers = _given(columns, "employer_workers", rows)
        # Rows giving only one of the two go to the scalar path.
        ok &= has_sector == has_workers
        sector = _strings(sector_col) if sector_col is not None else None
        workers = _ints(workers_col) if workers_col is not None else None
        if sector is None or workers is None or sector.dtype.kind != "U":
            ok &= ~has_sector
        else:
            stripped = np.char.strip(sector)
            ok &= ~has_sector | ((stripped != "") & (workers >= 0))
            if pp7 is not None:
                sectors = value("relief.pp7_2025.sectors", on).value
                minimum = value("relief.pp7_2025.minimum_workers", on).value
                assert isinstance(sectors, tuple)
                assert isinstance(minimum, int)
                eligible = has_sector & np.isin(stripped, list(sectors)) & (workers >= minimum)
    w = np.where(ok, wage, 0)
    rc = np.where(ok, risk, 1) - 1
    jkk_num = np.array([n for n, _ in jkk], dtype=np.int64)[rc]
    jkk_den = np.array([d for _, d in jkk], dtype=np.int64)[rc]
    jkk_amount = (w * (2 * jkk_num) + jkk_den) // (2 * jkk_den)
    if pp7 is not None and eligible.any():
        num7 = np.array([n for n, _ in jkk_pp7], dtype=np.int64)[rc]
        den7 = np.array([d for _, d in jkk_pp7], dtype=np.int64)[rc]
        jkk_amount = np.where(eligible, (w * (2 * num7) + den7) // (2 * den7), jkk_amount)
    month = Month(on.year, on.month)
    last_birth = np.datetime64(_last_birth_at_pension_age(month.last_day), "D")
    jp_base = np.where(birth > last_birth, np.minimum(w, jp_cap), 0)
    # Rows not covered have a base of 0, which gives 0 in every formula: adding is exact.
    column = {pair: i for i, pair in enumerate(PAIRS)}
    out[column[Program.JKK, Payer.EMPLOYER]] += jkk_amount
    out[column[Program.JKM, Payer.EMPLOYER]] += _rounded(w, jkm)
    out[column[Program.JHT, Payer.EMPLOYER]] += _rounded(w, jht_e)
    out[column[Program.JHT, Payer.WORKER]] += _rounded(w, jht_w)
    out[column[Program.JP, Payer.EMPLOYER]] += _rounded(jp_base, jp_e)
    out[column[Program.JP, Payer.WORKER]] += _rounded(jp_base, jp_w)
    if jkp is not None:
        out[column[Program.JKP, Payer.GOVERNMENT]] += _rounded(np.minimum(w, jkp_cap), jkp)
    return ok


def _bpu(columns: Columns, bpu: _Bools, on: _dt.date, out: list[_Ints]) -> _Bools:
    income = _ints(columns.get("income"))
    if income is None:
        return np.zeros_like(bpu)
    rows = len(bpu)
    jht_col = _unwrap(columns.get("with_jht"))
    if jht_col is None:
        with_jht = np.zeros_like(bpu)
    else:
        array = jht_col if isinstance(jht_col, np.ndarray) else np.asarray(jht_col)
        if array.dtype != np.bool_:
            return np.zeros_like(bpu)
        with_jht = array & _given(columns, "with_jht", rows)
    low = int(Rupiah(value("bpu.income.minimum", on).value).amount)
    high = int(Rupiah(value("bpu.income.maximum", on).value).amount)
    jkk = _fraction(_rate("bpu.jkk.rate", on), _share(relief_terms("pp49_2020", "", "jkk", on)))
    jht = _fraction(_rate("bpu.jht.rate", on), None)
    flat = value("bpu.jkm.amount", on).value
    jkm_amount, _ = with_relief(Rupiah(flat), relief_terms("pp49_2020", "", "jkm", on))
    ok = bpu & (income >= low) & (income <= high) & (income <= _bound([jkk, jht]))
    ok &= _given(columns, "income", rows)
    for name in _NOT_BPU:  # the scalar API refuses these fields for a non-wage earner
        if name in columns:
            ok &= ~_given(columns, name, rows)
    i = np.where(ok, income, 0)
    column = {pair: n for n, pair in enumerate(PAIRS)}
    out[column[Program.JKK, Payer.WORKER]] += _rounded(i, jkk)
    out[column[Program.JKM, Payer.WORKER]] += np.where(ok, int(jkm_amount), 0)
    out[column[Program.JHT, Payer.WORKER]] += _rounded(np.where(with_jht, i, 0), jht)
    return ok


def vector_amounts(columns: Columns, rows: int, on: _dt.date) -> tuple[dict[str, _Ints], _Bools]:
    """Amount and total columns for the rows this path covers, and which rows those are."""
    out = [np.zeros(rows, dtype=np.int64) for _ in PAIRS]
    raw = columns["category"]
    if isinstance(raw, Categorical):
        codes = np.asarray(raw.codes)
        wanted = [raw.categories.index(c) if c in raw.categories else -1 for c in ("pu", "bpu")]
        is_pu, is_bpu = codes == wanted[0], codes == wanted[1]
    else:
        category = _strings(raw)
        if category is None:
            return _assemble(out, rows), np.zeros(rows, dtype=np.bool_)
        is_pu, is_bpu = category == "pu", category == "bpu"
    done = _pu(columns, is_pu, on, out)
    done |= _bpu(columns, is_bpu, on, out)
    return _assemble(out, rows), done


def _assemble(out: list[_Ints], rows: int) -> dict[str, _Ints]:
    result = dict(zip(AMOUNT_COLUMNS, out, strict=True))
    by_payer = {Payer.EMPLOYER: 0, Payer.WORKER: 1, Payer.GOVERNMENT: 2}
    totals = [np.zeros(rows, dtype=np.int64) for _ in TOTAL_COLUMNS]
    for (_program, payer), amounts in zip(PAIRS, out, strict=True):
        totals[by_payer[payer]] += amounts
    totals[3] = totals[0] + totals[1] + totals[2]
    result.update(zip(TOTAL_COLUMNS, totals, strict=True))
    return result
