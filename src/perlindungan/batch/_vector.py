# ruff: noqa: ANN401 - pandas, pyarrow and dask objects are optional and untyped here
"""The numpy path for wage earners (PU) and non-wage earners (BPU, :mod:`._bpu`): integer
arithmetic only.

Every rule comes from the terms of the date (:mod:`perlindungan.contributions._terms`):
each line's rate and relief share is an exact fraction ``num / 10**k``, and an amount
``round_half_up(base x rate x share)`` is computed on int64 as
``(2 x base x num + 10**k) // (2 x 10**k)``, which is the scalar API's rounding exactly.
This module decides no rule: it reads the facts of each row (an employer's sector and
size, a participant's sector and payer), asks the terms for them, and does the sums.
Rows outside the safe int64 range, rows with cells of other types, and categories this
path does not cover are left to the scalar path (the caller sends them there).

Memory: rows are computed :data:`BLOCK_ROWS` at a time, so temporaries are bounded by the
block, not by the population; input columns are read as views of the caller's buffers
block by block (:mod:`._inputs`); amounts are stored as int32 while small (:mod:`._amounts`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from perlindungan._input.limits import MAX_AMOUNT
from perlindungan._overlay import Overlay, active
from perlindungan.batch._amounts import INT32_HEADROOM, Amounts
from perlindungan.batch._bpu import bpu_block
from perlindungan.batch._columns import Columns
from perlindungan.batch._fractions import COLUMN, bound, by_class, peak, rounded
from perlindungan.batch._inputs import NOT_PU, Block, Bools, Inputs, Ints, block_dates
from perlindungan.batch._reference import AMOUNT_COLUMNS
from perlindungan.contributions._terms import Fraction
from perlindungan.contributions._wage_earner_terms import (
    EmployerRelief,
    Relief,
    employer_relief,
    last_birth_at_pension_age,
    wage_earner_terms,
)
from perlindungan.errors import PerlindunganError
from perlindungan.programs import Payer, Program

__all__ = ["BLOCK_ROWS", "INT32_HEADROOM", "Amounts", "vector_amounts"]

#: Rows computed at a time: bounds the temporaries whatever the population.
BLOCK_ROWS = 1 << 16

#: The pension-age cut-off, decided with the terms (the tests check it day by day).
_last_birth_at_pension_age = last_birth_at_pension_age


# -- wage earners ---------------------------------------------------------------------------


class _PuRules(NamedTuple):
    jkk_num: Ints  # 2 x numerator by risk class (index 0 unused)
    jkk_den: Ints | int  # 2 x denominator by risk class, or one for every class
    pp7_num: Ints | None  # JKK of employers eligible for the employer relief (the same way)
    pp7_den: Ints | int | None
    relief: EmployerRelief | None
    jkm: Fraction
    jht_employer: Fraction
    jht_worker: Fraction
    jp_employer: Fraction
    jp_worker: Fraction
    jp_cap: int
    jkp: Fraction | None
    jkp_cap: int
    bound: int
    fractions: tuple[Fraction, ...]  # every fraction a wage is multiplied by
    on: np.datetime64
    last_birth: np.datetime64


def _pu_rules(on: _dt.date) -> _PuRules:
    """The terms of the date as integer fractions (raises when a value is missing)."""
    return _pu_fractions(on, active())


@lru_cache(maxsize=64)
def _pu_fractions(on: _dt.date, layer: Overlay | None) -> _PuRules:
    del layer  # part of the cache key only: the terms read the active overlay
    relief = employer_relief(on)
    terms = wage_earner_terms(on, Relief.UNKNOWN)
    eligible = None if relief is None else wage_earner_terms(on, Relief.ELIGIBLE)
    jp_employer, jp_worker = terms.jp()
    assert jp_employer.cap is not None
    jkk = [t.fraction for t in terms.jkk]
    jkk7 = [] if eligible is None else [t.fraction for t in eligible.jkk]
    jkp = None if terms.jkp is None else terms.jkp.fraction
    jkp_cap = 0 if terms.jkp is None or terms.jkp.cap is None else terms.jkp.cap.limit.amount
    jkk_num, jkk_den = by_class(jkk)
    pp7_num, pp7_den = by_class(jkk7) if jkk7 else (None, None)
    plain = [terms.jkm, *terms.jht, jp_employer, jp_worker]
    return _PuRules(
        jkk_num=jkk_num,
        jkk_den=jkk_den,
        pp7_num=pp7_num,
        pp7_den=pp7_den,
        relief=relief,
        jkm=terms.jkm.fraction,
        jht_employer=terms.jht[0].fraction,
        jht_worker=terms.jht[1].fraction,
        jp_employer=jp_employer.fraction,
        jp_worker=jp_worker.fraction,
        jp_cap=int(jp_employer.cap.limit.amount),
        jkp=jkp,
        jkp_cap=int(jkp_cap),
        bound=bound([*jkk, *jkk7, *(t.fraction for t in plain), *([jkp] if jkp else [])]),
        fractions=(*jkk, *jkk7, *(t.fraction for t in plain), *([jkp] if jkp else [])),
        on=np.datetime64(on, "D"),
        last_birth=np.datetime64(terms.jp_last_birth, "D"),
    )


def _pu_block(block: Block, pu: Bools, on: _dt.date) -> Any:
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
    has = block.given("wage") & block.given("risk_class") & block.given("birth_date")
    # 0 < wage <= bound and 1 <= risk <= 5, each as one unsigned comparison
    ok = pu & has & ((wage - 1).view(np.uint64) < rules.bound)
    ok &= (risk - 1).view(np.uint64) < 5
    # A birth date after ``on`` is refused by the scalar API: leave such rows to it.
    ok &= birth <= rules.on  # False for NaT
    extra = [block.given(name) for name in NOT_PU if name in inputs.present]
    for given in extra:  # the scalar API refuses these fields for a wage earner
        np.greater(ok, given, out=ok)  # ok and not given
    refused = np.greater(pu, ok)  # pu and not ok
    at = np.flatnonzero(refused)
    if len(at):
        # Rows the scalar API certainly refuses (a required cell missing or out of its
        # range, a field a wage earner does not have): messages built when read. Only
        # the rows left over are looked at.
        w, r = wage[at], risk[at]
        sure = ~has[at] | (birth[at] > rules.on) | (w <= 0) | (w > MAX_AMOUNT)
        sure |= (r < 1) | (r > 5)
        for given in extra:
            sure |= given[at]
        refused[at[~sure]] = False
    eligible = None
    if "employer_sector" in inputs.present or "employer_workers" in inputs.present:
        eligible = _pp7_eligible(block, ok, rules)
        ok &= eligible[0]
    w = np.where(ok, wage, 0)
    top = peak(int(w.max()) if len(w) else 0, rules.fractions)
    return ok, refused, top, _pu_amounts(w, risk, birth, eligible, rules)


def _pu_amounts(
    w: Ints,
    risk: Ints,
    birth: npt.NDArray[np.datetime64],
    eligible: tuple[Bools, Bools] | None,
    rules: _PuRules,
) -> Iterator[tuple[int, Ints]]:
    """Each PU amount column of a block in turn (one at a time keeps the block's memory
    small); ``w`` is the wage where the row is covered and 0 elsewhere."""
    rc = risk & 7  # any class for rows not covered (their wage is 0): 0 and 6-7 give 0
    jkk = _by_risk(w, rc, rules.jkk_num, rules.jkk_den)
    if eligible is not None and rules.pp7_num is not None and eligible[1].any():
        assert rules.pp7_den is not None
        jkk = np.where(eligible[1], _by_risk(w, rc, rules.pp7_num, rules.pp7_den), jkk)
    del rc
    yield COLUMN[Program.JKK, Payer.EMPLOYER], jkk
    del jkk
    yield COLUMN[Program.JKM, Payer.EMPLOYER], rounded(w, rules.jkm)
    yield COLUMN[Program.JHT, Payer.EMPLOYER], rounded(w, rules.jht_employer)
    yield COLUMN[Program.JHT, Payer.WORKER], rounded(w, rules.jht_worker)
    if rules.jkp is not None:
        base = np.minimum(w, rules.jkp_cap)
        yield COLUMN[Program.JKP, Payer.GOVERNMENT], rounded(base, rules.jkp)
        del base
    jp_base = np.where(birth > rules.last_birth, np.minimum(w, rules.jp_cap), 0)
    yield COLUMN[Program.JP, Payer.EMPLOYER], rounded(jp_base, rules.jp_employer)
    yield COLUMN[Program.JP, Payer.WORKER], rounded(jp_base, rules.jp_worker)


def _by_risk(w: Ints, rc: Ints, nums: Ints, dens: Ints | int) -> Ints:
    """``round_half_up(w x num / den)`` with the fraction of each row's risk class."""
    if isinstance(dens, int):
        half = dens // 2
        return (w * nums[rc] + half) // dens
    den = dens[rc]
    return (w * nums[rc] + den // 2) // den


def _pp7_eligible(block: Block, ok: Bools, rules: _PuRules) -> tuple[Bools, Bools]:
    """Which rows this path can read the employer facts of, and which of them the
    employer relief applies to (decided by the terms' :class:`EmployerRelief`). Rows
    giving the facts in a form this path does not read go to the scalar path (which also
    validates them)."""
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
    readable &= ~has_sector | (nonempty[codes] & (workers >= 0))
    relief = rules.relief
    if relief is None:
        return readable, np.zeros_like(ok)
    listed = np.array([relief.listed(t) for t in text] + [False], dtype=np.bool_)
    eligible = has_sector & relief.eligible(listed[codes], workers)
    return readable, eligible & ok & readable


# -- the dates and the categories of a call ---------------------------------------------------


def vector_amounts(
    columns: Columns, rows: int, on: _dt.date | None, names: Sequence[str] = AMOUNT_COLUMNS
) -> tuple[Amounts, Bools, list[int], list[int]]:
    """The stored output columns ``names`` for the rows this path covers (0 elsewhere),
    which rows those are, the indices of the rows the scalar API certainly refuses (their
    messages are built when read), and the indices of the other rows (for the scalar path).

    ``on`` is the date of every row, or of the rows without an ``on`` cell when the input
    has an ``on`` column; the rows of a block that share a date are gathered and computed
    together.
    """
    out = Amounts(rows, names)
    covered = np.zeros(rows, dtype=np.bool_)
    refused = np.zeros(rows, dtype=np.bool_)
    inputs = Inputs(columns, rows)
    readable = inputs["category"].values is not None
    for start in range(0, rows, BLOCK_ROWS):
        stop = min(rows, start + BLOCK_ROWS)
        whole = Block(inputs, start, stop)
        for day, block in block_dates(whole, on) if readable else ():
            codes = block.raw("category")
            odd = block.odd()  # rows with a cell of another type: the scalar path's
            passes = []
            for code, compute in ((inputs.pu_code, _pu_block), (inputs.bpu_code, bpu_block)):
                rows_of = codes == code
                if odd is not None:
                    rows_of &= ~odd
                count = int(np.count_nonzero(rows_of))
                if count:
                    passes.append((count, rows_of, compute))
            # The largest category first, over the whole block when it holds most rows
            # (its amounts are 0 on the other rows); a smaller one only over its rows.
            passes.sort(key=lambda p: -p[0])
            for n, (count, mask, compute) in enumerate(passes):
                part, rows_of = block, mask
                if n or 2 * count < len(mask):
                    part = block.select(np.flatnonzero(mask))
                    rows_of = np.ones(count, dtype=np.bool_)
                done = compute(part, rows_of, day)
                if done is None:
                    continue
                ok, no, peak, amounts = done
                part.mark(covered, ok)
                part.mark(refused, no)
                out.start(part, peak)
                for column, values in amounts:
                    out.add(column, values)
    left = ~(covered | refused)
    return out, covered, np.flatnonzero(refused).tolist(), np.flatnonzero(left).tolist()
