# ruff: noqa: ANN401 - pyarrow and duckdb objects are optional and untyped here
"""The admitted people of a roster of any length, as a period budget counts them: the
roster read, decided and placed chunk by chunk by the engines of
:func:`~perlindungan.regional.evaluate_roster_file` (in memory or out of core on DuckDB),
then the cohorts of :func:`~perlindungan.regional._period.cohorts_from_allocation` taken
from the placements in roster order, without holding the roster's allocation.

Per admitted row, the budget needs its phase (the one admitted into) and first covered
day (that phase's first day), its resolved sub-region, and for a construction scheme its
activity (id, or the person's id) and value: each activity is one cohort, its first
admitted row in roster order giving its phase and value, as the per-person path takes
them.
"""

from __future__ import annotations

import datetime as _dt
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from perlindungan.dates import to_date
from perlindungan.regional._allocate import first_day, resolve_sub_region
from perlindungan.regional._evaluate import evaluate
from perlindungan.regional._memory_limit import engine_limit
from perlindungan.regional._period import NO_PHASE, AdmittedCohorts, Cohort
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._ranking import ADMITTED
from perlindungan.regional._ranking_duckdb import OutOfCorePlaced, OutOfCoreRanking
from perlindungan.regional._roster import Claims
from perlindungan.regional._roster_columns import roster_chunk_stream
from perlindungan.regional._stream import _first_pass, _Pass, _spilled, place_rows

__all__ = ["roster_cohorts"]


def roster_cohorts(
    program: RegionalScheme,
    roster: str | Path,
    *,
    on: _dt.date | str,
    chunk_rows: int = 100_000,
    delimiter: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    engine: str = "auto",
    memory_limit: str | None = None,
) -> AdmittedCohorts:
    """The cohorts and sub-region counts of the people a roster file admits on ``on``,
    for :func:`~perlindungan.regional._period.period_budget`: the figures of the roster's
    :class:`~perlindungan.regional.Allocation`, for a roster of any length. The reading,
    ``engine``, ``memory_limit`` and ``progress`` are those of
    :func:`~perlindungan.regional.evaluate_roster_file`."""
    limit = engine_limit(engine, memory_limit)
    day = to_date(on, field="on")
    evaluate(program, [], on=day)  # the program must be in force
    claims = Claims(deferred=engine == "duckdb")
    chunks, total = roster_chunk_stream(
        Path(roster), chunk_rows=max(chunk_rows, 1), delimiter=delimiter, claims=claims
    )
    with tempfile.TemporaryDirectory(prefix="perlindungan-") as scratch:
        where = (Path(scratch), engine, claims, limit)
        run = _first_pass(program, day, "en", chunks, where, total, progress)
        try:
            placed = place_rows(run)
            return _cohorts(run, placed, Path(scratch) / "pass1.arrow")
        finally:
            if isinstance(run.ranking, OutOfCoreRanking):
                run.ranking.close()


def _admitted(run: _Pass, placed: Any, spill: Path) -> Iterator[tuple[Any, Any, Any]]:
    """Per pass-1 batch, in roster order: the roster positions, phases admitted into and
    sub-region codes of its admitted rows."""
    offset = cursor = 0
    if not run.rows:
        return
    for batch in _spilled(run, spill):
        waiting = np.flatnonzero(batch.column("status").to_numpy() == ADMITTED)
        status, _, _, into = placed.rows(cursor, cursor + len(waiting))
        cursor += len(waiting)
        kept = status == ADMITTED
        rows = waiting[kept]
        yield rows + offset, into[kept], batch.column("sub").to_numpy()[rows]
        offset += batch.num_rows


def _cohorts(run: _Pass, placed: Any, spill: Path) -> AdmittedCohorts:
    program = run.program
    construction = program.coverage.scheme == "construction"
    per_sub = np.zeros(len(run.subs), dtype=np.int64)
    phases: dict[int, list[int]] = {}  # phase index: [first position, count]
    activities: dict[str, Cohort] = {}
    out_of_core = isinstance(placed, OutOfCorePlaced)
    for positions, into, subs in _admitted(run, placed, spill):
        per_sub += np.bincount(subs, minlength=len(per_sub))
        for phase, count in zip(*np.unique(into, return_counts=True), strict=True):
            first = positions[np.argmax(into == phase)]
            found = phases.setdefault(int(phase), [int(first), 0])
            found[1] += int(count)
        if construction and not out_of_core:
            for position, phase in zip(positions.tolist(), into.tolist(), strict=True):
                key, value = run.activity[position]
                if key not in activities:
                    activities[key] = _cohort(program, phase, 1, value)
    counted: dict[str, int] = {}
    for raw, code in run.subs.items():
        if per_sub[code]:
            key = resolve_sub_region(program, raw) or NO_PHASE
            counted[key] = counted.get(key, 0) + int(per_sub[code])
    subs = tuple(sorted(counted.items()))
    if construction:
        firsts = _activities(program, placed) if out_of_core else activities.values()
        cohorts = sorted(firsts, key=lambda c: (c.start, c.phase))
        return AdmittedCohorts(tuple(cohorts), subs)
    groups: dict[tuple[str, _dt.date], int] = {}
    for phase, (_, count) in sorted(phases.items(), key=lambda kv: kv[1][0]):
        cohort = _cohort(program, phase, count, None)
        groups[(cohort.phase, cohort.start)] = groups.get((cohort.phase, cohort.start), 0) + count
    ordered = sorted(groups.items(), key=lambda kv: kv[0][1])
    return AdmittedCohorts(tuple(Cohort(ph, start, n) for (ph, start), n in ordered), subs)


def _cohort(program: RegionalScheme, phase: int, count: int, value: Any) -> Cohort:
    """The cohort of ``count`` people admitted into phase index ``phase`` (-1: none)."""
    into = program.phases[phase] if phase >= 0 else None
    name = into.name if into is not None else None
    return Cohort(name or NO_PHASE, first_day(program, into), count, value)


def _activities(program: RegionalScheme, placed: OutOfCorePlaced) -> Iterator[Cohort]:
    """The activities of an out-of-core placement, one cohort each, in the roster order
    of their first admitted row (whose phase and value they take)."""
    if placed.placed is None:
        return
    query = (
        "SELECT arg_min(phase, position), arg_min(value, position), min(position) AS f "
        "FROM read_parquet($placed) WHERE status = $admitted GROUP BY activity ORDER BY f"
    )
    params = {"admitted": ADMITTED, "placed": str(placed.placed)}
    # a cursor of its own: the connection may still be reading the placements back
    cursor = placed.connection.cursor()
    for batch in cursor.sql(query, params=params).to_arrow_reader(1 << 16):
        phases, values, _ = (batch.column(k).to_pylist() for k in range(3))
        for phase, value in zip(phases, values, strict=True):
            found = None if value is None or value < 0 else placed.values[value]
            yield _cohort(program, int(phase), 1, found)
