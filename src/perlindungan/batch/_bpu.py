# ruff: noqa: ANN401 - numpy arrays and generators of amounts are untyped here
"""The numpy path for non-wage earners (BPU): integer arithmetic on the terms of the date.

A participant's sector and payer are read once per distinct value and grouped; the terms
of each group (:func:`~perlindungan.contributions._non_wage_earner_terms.non_wage_earner_terms`)
give JKK and JHT as exact fractions and JKM as a flat amount. See :mod:`._vector`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np

from perlindungan._overlay import Overlay, active
from perlindungan._participant import bpu_sector, paid_by
from perlindungan.batch._fractions import COLUMN, bound, fraction_arrays, peak, rounded
from perlindungan.batch._inputs import NOT_BPU, Block, Bools, Ints
from perlindungan.contributions._non_wage_earner_terms import non_wage_earner_terms
from perlindungan.contributions._terms import Fraction
from perlindungan.errors import PerlindunganError
from perlindungan.programs import Payer, Program

__all__ = ["bpu_block"]


class _BpuGroup(NamedTuple):
    """The amounts of the participants sharing the same facts on a date."""

    jkk: Fraction
    jkm: int
    jht: Fraction


def _bpu_group(on: _dt.date, sector: str | None, payer: Payer) -> _BpuGroup:
    return _bpu_fractions(on, sector, payer, active())


@lru_cache(maxsize=1024)
def _bpu_fractions(
    on: _dt.date, sector: str | None, payer: Payer, layer: Overlay | None
) -> _BpuGroup:
    del layer  # part of the cache key only: the terms read the active overlay
    terms = non_wage_earner_terms(on, sector, payer)
    return _BpuGroup(terms.jkk.fraction, terms.jkm.flat, terms.jht.fraction)


_FACTS: tuple[tuple[str, Callable[[object], Any]], ...] = (
    ("sector", bpu_sector),
    ("paid_by", paid_by),
)


def _bpu_facts(block: Block, on: _dt.date) -> tuple[Bools, Ints, list[_BpuGroup]]:
    """Which rows' facts (sector, payer) this path reads, the group of each row, and the
    groups' terms. A cell the scalar API would refuse sends its row to the scalar path."""
    inputs = block.inputs
    rows = block.stop - block.start if block.index is None else len(block.index)
    readable = np.ones(rows, dtype=np.bool_)
    keys = np.zeros(rows, dtype=np.int64)
    choices: list[list[Any]] = []
    for name, convert in _FACTS:
        values: list[Any] = [None]  # code 0: not given
        if name in inputs.present:
            column = inputs[name]
            if column.values is None:  # cells this path does not read
                readable &= ~block.given(name)
            else:
                valid = [True]
                for category in column.categories:
                    try:
                        values.append(convert(category))
                        valid.append(True)
                    except PerlindunganError:
                        values.append(None)
                        valid.append(False)
                codes = np.where(block.given(name), block.raw(name) + 1, 0)
                readable &= np.array(valid, dtype=np.bool_)[codes]
                keys = keys * len(values) + codes
        choices.append(values)
    if len(choices[0]) == len(choices[1]) == 1:
        return readable, keys, [_bpu_group(on, None, Payer.WORKER)]
    found, inverse = np.unique(keys, return_inverse=True)
    width = len(choices[1])
    groups = [
        _bpu_group(on, choices[0][key // width], choices[1][key % width] or Payer.WORKER)
        for key in found.tolist()
    ]
    return readable, inverse.reshape(-1).astype(np.int64), groups


def bpu_block(block: Block, bpu: Bools, on: _dt.date) -> Any:
    """The BPU rows of a block this path covers, and their amounts by column index."""
    inputs = block.inputs
    income_col, jht_col = inputs["income"], inputs["with_jht"]
    if income_col.values is None:
        return None
    try:
        terms = non_wage_earner_terms(on)
        readable, group, groups = _bpu_facts(block, on)
    except PerlindunganError:  # no value on this date: the scalar path reports each row
        return None
    income = block.ints("income")
    if "with_jht" not in inputs.present:
        with_jht = np.zeros_like(bpu)
    elif jht_col.values is None:
        return None
    else:
        with_jht = block.raw("with_jht") & block.given("with_jht")
    low, high = int(terms.lowest_income.value), int(terms.highest_income.value)
    safe = bound([f for g in groups for f in (g.jkk, g.jht)])
    has_income = block.given("income")
    ok = bpu & readable & has_income & (income >= low) & (income <= high) & (income <= safe)
    extra = [block.given(name) for name in NOT_BPU if name in inputs.present]
    for given in extra:  # the scalar API refuses these fields for a non-wage earner
        np.greater(ok, given, out=ok)  # ok and not given
    refused = np.greater(bpu, ok)  # bpu and not ok
    at = np.flatnonzero(refused)
    if len(at):
        # Rows the scalar API certainly refuses (no income, an income outside the table of
        # the terms, a field a non-wage earner does not have): messages built when read.
        # Only the rows left over are looked at.
        i = income[at]
        sure = ~has_income[at] | (i < low) | (i > high)
        for given in extra:
            sure |= given[at]
        refused[at[~sure]] = False
    i = np.where(ok, income, 0)
    top = int(i.max()) if len(i) else 0
    most = max(max(peak(top, (g.jkk, g.jht)), g.jkm) for g in groups)
    return ok, refused, most, _bpu_amounts(i, with_jht, ok, group, groups)


def _bpu_amounts(
    i: Ints, with_jht: Bools, ok: Bools, group: Ints, groups: list[_BpuGroup]
) -> Iterator[tuple[int, Ints]]:
    """Each BPU amount column of a block in turn; ``i`` is the income where the row is
    covered and 0 elsewhere, ``group`` the index of each row's terms in ``groups``."""
    jht_base = np.where(with_jht, i, 0)
    if len(groups) == 1:
        (only,) = groups
        yield COLUMN[Program.JKK, Payer.WORKER], rounded(i, only.jkk)
        yield COLUMN[Program.JKM, Payer.WORKER], np.where(ok, only.jkm, 0)
        yield COLUMN[Program.JHT, Payer.WORKER], rounded(jht_base, only.jht)
        return
    for column, fractions in (
        (COLUMN[Program.JKK, Payer.WORKER], [g.jkk for g in groups]),
        (COLUMN[Program.JHT, Payer.WORKER], [g.jht for g in groups]),
    ):
        nums, dens = fraction_arrays(fractions)
        num, den = nums[group], dens[group]
        base = i if column == COLUMN[Program.JKK, Payer.WORKER] else jht_base
        yield column, (base * (2 * num) + den) // (2 * den)
    flat = np.array([g.jkm for g in groups], dtype=np.int64)
    yield COLUMN[Program.JKM, Payer.WORKER], np.where(ok, flat[group], 0)
