# ruff: noqa: ANN401 - numpy scalars and arrays of either width are read alike here
"""The stored output columns of the numpy path: int32 while every amount is small.

The amounts are stored as int32 while every amount stays below :data:`INT32_HEADROOM`
(so that even the sum of all of a row's columns fits in int32), and as int64 otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from perlindungan.batch._inputs import Block, Ints
from perlindungan.batch._reference import AMOUNT_COLUMNS, PAIRS
from perlindungan.batch._result import TOTAL_PARTS

__all__ = ["INT32_HEADROOM", "Amounts"]

#: Amount columns are int32 while every amount is below this (2**31 / 16, so that the sum
#: of all nine amount columns of a row still fits in int32); otherwise they are int64.
INT32_HEADROOM = 2**31 // 16


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

    def add(self, column: int, block: Block, amounts: Ints) -> None:
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

    def put(self, slot: int, rows: Ints, amounts: Sequence[int]) -> None:
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
