"""Exact fractions on int64 columns: the rounding of the scalar API, and its bounds.

An amount ``round_half_up(base x num / den)`` is ``(2 x base x num + den) // (2 x den)``
on int64, exactly the scalar API's rounding while ``2 x base x num + den`` fits in int64
(:func:`bound`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np

from perlindungan._input.limits import MAX_AMOUNT
from perlindungan.batch._inputs import INT64_MAX, Ints
from perlindungan.batch._reference import PAIRS
from perlindungan.contributions._terms import Fraction

__all__ = ["COLUMN", "bound", "by_class", "fraction_arrays", "peak", "rounded"]

#: The index of each (program, payer) amount column.
COLUMN: Final = {pair: i for i, pair in enumerate(PAIRS)}


def rounded(base: Ints, fraction: Fraction) -> Ints:
    num, den = fraction
    if num == 0:
        return np.zeros_like(base)
    if den == 1:
        return base * num
    return (base * (2 * num) + den) // (2 * den)


def bound(fractions: Sequence[Fraction]) -> int:
    """The largest base for which every fraction stays in int64, and at most the input
    layer's MAX_AMOUNT (larger amounts go to the scalar path, which refuses them)."""
    largest = MAX_AMOUNT
    for num, den in fractions:
        if num:
            largest = min(largest, (INT64_MAX - den) // (2 * num))
    return largest


def peak(base: int, fractions: Sequence[Fraction]) -> int:
    """The largest amount any of ``fractions`` gives for bases up to ``base``."""
    return max((_round_one(base, f) for f in fractions), default=0)


def _round_one(base: int, fraction: Fraction) -> int:
    num, den = fraction
    return (base * 2 * num + den) // (2 * den)


def by_class(fractions: Sequence[Fraction]) -> tuple[Ints, Ints | int]:
    """JKK fractions by risk class as a lookup (index 1-5): twice the numerators,
    and twice the one denominator when every class has the same (one division), else
    twice each class's denominator."""
    nums = np.zeros(8, dtype=np.int64)  # read by risk class & 7: 0 and 6-7 are never covered
    nums[1 : 1 + len(fractions)] = [2 * n for n, _ in fractions]
    dens = {d for _, d in fractions}
    if len(dens) == 1:
        return nums, 2 * dens.pop()
    by_class = np.ones(8, dtype=np.int64)
    by_class[1 : 1 + len(fractions)] = [2 * d for _, d in fractions]
    return nums, by_class


def fraction_arrays(fractions: Sequence[Fraction]) -> tuple[Ints, Ints]:
    return (
        np.array([n for n, _ in fractions], dtype=np.int64),
        np.array([d for _, d in fractions], dtype=np.int64),
    )
