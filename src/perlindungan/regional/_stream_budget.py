# ruff: noqa: ANN401 - pyarrow objects are optional and untyped here
"""The budget of the chunked roster path: the lines of
:func:`~perlindungan.regional.budget` from a placement in memory or out of core.

Lines come in the order of the admitted people's ids, one per phase (construction: one
per phase and activity value, one unit per activity, counted at its first person by id).
The in-memory placement gives its admitted rows one by one in id order; the out-of-core
one gives them grouped by DuckDB (each group's count and first id); both are priced here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from perlindungan.regional._budget import Budget, BudgetLine, premium
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._ranking import ADMITTED

__all__ = ["stream_budget"]


def stream_budget(run: Any, placed: Any) -> Budget:
    """The budget of :func:`~perlindungan.regional.budget`: lines in the order of the
    admitted people's ids, one line per phase (or per phase and activity value, one unit
    per activity) with its count."""
    program, day = run.program, run.on
    # a placement out of core (DuckDB, Dask) groups its admitted rows itself
    groups = (
        placed.budget_groups() if hasattr(placed, "budget_groups") else _memory_groups(run, placed)
    )
    construction = program.coverage.scheme == "construction"
    lines: dict[Any, BudgetLine] = {}
    quotes: dict[Any, Any] = {}
    quote = None if construction else premium(program, day)
    for phase, value, units in groups:
        name = _phase_name(program, phase)
        if construction:
            if value not in quotes:
                quotes[value] = premium(program, day, value)
            group: Any = (name, value)
            key, price = f"{name}:{value}", quotes[value]
        else:
            group, key, price = name, f"phase:{name}", quote
        found = lines.get(group)
        total = units if found is None else found.units + units
        lines[group] = BudgetLine(key, name, price, total)
    return Budget(program.id, day, tuple(lines.values()), placed.counts()[0])


def _memory_groups(run: Any, placed: Any) -> Iterator[tuple[int, Any, int]]:
    """The admitted rows of an in-memory placement in the order of their ids, one unit
    each: (phase index, activity value or None, 1); one row per activity (its first)."""
    admitted = np.flatnonzero(placed.status == ADMITTED)
    ids = placed.ids_of(admitted)
    order = [
        i
        for _, _, i in sorted(
            zip(ids, placed.positions[admitted].tolist(), admitted.tolist(), strict=True)
        )
    ]
    seen: set[str] = set()
    for i in order:
        if run.program.coverage.scheme == "construction":
            key, value = run.activity[int(placed.positions[i])]
            if key in seen:
                continue
            seen.add(key)
            yield int(placed.phase[i]), value, 1
        else:
            yield int(placed.phase[i]), None, 1


def _phase_name(program: RegionalScheme, index: int) -> str | None:
    return program.phases[index].name if index >= 0 else None
