# ruff: noqa: ANN401 - numpy scalars and arrays of either width are read alike here
"""The stored output columns of the numpy path: int32 while every amount is small.

The amounts are stored as int32 while every amount stays below :data:`INT32_HEADROOM`
(so that even the sum of all of a row's columns fits in int32), and as int64 otherwise.

Each category pass over a block writes its amounts straight into the stored columns: the
first amount a pass gives a column is assigned (no zero-fill, no read of the column), the
next ones added; a pass over a whole block comes before the passes over gathered rows, so
every row is written by its own pass only. A pass says how large its amounts can be
(``peak``, from its largest base and rate), so the int32 check reads the amounts only
when that bound reaches the headroom.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
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
    all int64 from the first that is not. Each program-and-payer amount is written to its
    own column and to the stored totals it counts in."""

    __slots__ = ("_checked", "_pass", "_targets", "_written", "arrays", "names")

    def __init__(self, rows: int, names: Sequence[str] = AMOUNT_COLUMNS) -> None:
        self.names = tuple(names)
        self.arrays = [np.zeros(rows, dtype=np.int32) for _ in self.names]
        self._targets = _targets(self.names)
        self._written: set[int] = set()
        self._pass: Block | None = None
        self._checked = True

    def start(self, block: Block, peak: int) -> None:
        """Begin a pass over ``block`` whose amounts are all at most ``peak``."""
        self._pass, self._written = block, set()
        self._checked = not self._small() or peak < INT32_HEADROOM

    def _small(self) -> bool:
        return bool(self.arrays) and self.arrays[0].dtype == np.int32

    def _fit(self, amounts: Any) -> None:
        if self._small() and len(amounts) and int(np.max(amounts)) >= INT32_HEADROOM:
            self.arrays = [a.astype(np.int64) for a in self.arrays]

    def add(self, column: int, amounts: Ints) -> None:
        """Write the amounts of program-and-payer ``column`` for the rows of the pass."""
        targets = self._targets[column]
        block = self._pass
        if not targets or block is None:
            return
        if not self._checked:
            self._fit(amounts)
        for slot in targets:
            array = self.arrays[slot]
            first = slot not in self._written
            self._written.add(slot)
            if block.index is None:
                target = array[block.start : block.stop]
                if first:
                    np.copyto(target, amounts, casting="unsafe")
                else:
                    np.add(target, amounts, out=target, casting="unsafe")
            elif first:
                array[block.start + block.index] = amounts
            else:
                array[block.start + block.index] += amounts.astype(array.dtype)

    def put(self, slot: int, rows: Ints, amounts: Sequence[int]) -> None:
        """Set the values of the given rows in stored column ``slot``."""
        self._fit(amounts)
        self.arrays[slot][rows] = amounts


@lru_cache(maxsize=32)
def _targets(names: tuple[str, ...]) -> list[list[int]]:
    """For each program-and-payer amount, the stored columns (slots) it counts in."""
    return [
        [slot for slot, name in enumerate(names) if pair in _COUNTS_IN[name]]
        for pair in range(len(PAIRS))
    ]


#: For each output column, the program-and-payer amounts (indices into PAIRS) it adds up.
_COUNTS_IN = {
    **{name: frozenset({i}) for i, name in enumerate(AMOUNT_COLUMNS)},
    **{
        total: frozenset(AMOUNT_COLUMNS.index(part) for part in parts)
        for total, parts in TOTAL_PARTS.items()
    },
}
