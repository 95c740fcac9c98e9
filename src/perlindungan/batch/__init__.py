# ruff: noqa: ANN401 - pandas, pyarrow and dask objects are optional and untyped here
"""Contributions for a whole population at once, exactly as the one-worker API.

>>> from perlindungan.batch import contributions_batch
>>> result = contributions_batch(
...     {
...         "category": ["pu", "bpu", "pu"],
...         "wage": [10_000_000, None, -5],
...         "risk_class": [3, None, 1],
...         "birth_date": ["1990-05-17", None, "1990-01-01"],
...         "income": [None, 1_000_000, None],
...     },
...     on="2024-06-01",
... )
>>> result.column("total_employer")
[689000, 0, None]
>>> result.column("total")
[1000000, 16800, None]
>>> result.errors[0].row, result.errors[0].message
(2, 'wage must be a positive amount of rupiah such as 5000000, got -5.')

Input is a mapping of column name to sequence, a pyarrow Table or RecordBatch, or a
pandas DataFrame, with the columns of the payroll CSV (``category``, ``wage``,
``risk_class``, ``birth_date``, ``income``, ``with_jht``, ``jht_amount``,
``contract_value``, ``contract_months``, ``pre_placement``, ``employer_sector``,
``employer_workers``, and a non-wage earner's ``sector`` and ``paid_by``; ``id`` and
``name`` are carried along). The output has one column
per program and payer (``jkk_employer`` ... ``jkp_government``), the totals per payer
and ``total``. A row the scalar API refuses is in :attr:`BatchResult.errors` with its
index and the scalar API's message; its amounts are missing (None, or null in Arrow),
never zero. With numpy installed (the ``batch`` extra) wage earners and
non-wage earners are computed on int64 arrays; every other row goes through the scalar
API, so every amount is the scalar amount.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from perlindungan.batch._chunks import (
    RosterChunk,
    RosterSummary,
    iter_roster,
    read_chunks,
    roster_from_text,
    write_roster_contributions,
)
from perlindungan.batch._columns import INPUT_COLUMNS, normalise, row_count
from perlindungan.batch._dask import (
    allocate_group,
    arrow_schema,
    contributions_arrow,
    contributions_meta,
    contributions_partition,
    decide_partition,
    decisions_meta,
    placements_meta,
)
from perlindungan.batch._reference import (
    AMOUNT_COLUMNS,
    RowError,
    lazy_error,
    reference_rows,
)
from perlindungan.batch._result import (
    OUTPUT_COLUMNS,
    BatchResult,
    OutputArrays,
    chosen_columns,
    stored_columns,
)
from perlindungan.contributions import contribution_date
from perlindungan.dates import DateLike
from perlindungan.errors import InvalidInputError

__all__ = [
    "AMOUNT_COLUMNS",
    "INPUT_COLUMNS",
    "OUTPUT_COLUMNS",
    "BatchResult",
    "OutputArrays",
    "RosterChunk",
    "RosterSummary",
    "RowError",
    "allocate_group",
    "arrow_schema",
    "contributions_arrow",
    "contributions_batch",
    "contributions_meta",
    "contributions_partition",
    "decide_partition",
    "decisions_meta",
    "iter_roster",
    "placements_meta",
    "read_chunks",
    "roster_from_text",
    "write_roster_contributions",
]


def _has_numpy() -> bool:
    try:
        import numpy  # noqa: F401, PLC0415
    except ImportError:  # pragma: no cover - the test extra installs numpy
        return False
    return True


def contributions_batch(
    data: Any,
    *,
    on: DateLike | None = None,
    columns: Iterable[str] | None = None,
    vectorised: bool | None = None,
) -> BatchResult:
    """Contributions of every row of ``data`` for the month containing ``on``.

    Rows may be for different dates: an ``on`` column gives each row its own date (a
    missing cell falls back to ``on=``; a row with no date at all, or a date the scalar
    API refuses, is a refused row). Without an ``on`` column, ``on=`` is required.
    ``columns`` chooses the output columns (default: all of :data:`OUTPUT_COLUMNS`), such as
    ``["total_employer", "total_worker", "total_government"]`` for a payroll run: only
    those are kept, which is what the result's memory depends on.
    ``vectorised`` chooses the path: None uses numpy when it is installed, False forces the
    pure-Python path (each row through :func:`perlindungan.contributions`). Both give the
    same amounts and errors.
    """
    day = None if on is None else contribution_date(on)
    names = chosen_columns(columns)
    stored = stored_columns(names)
    table = normalise(data)
    if day is None and "on" not in table:
        raise InvalidInputError(
            "on is required: give on= (an ISO date such as 2025-06-01) or an on column "
            "with each row's date.",
            field="on",
        )
    rows = row_count(table)
    # rows a roster file could not be read (a RosterChunk's): refused with their problem
    problems: dict[int, InvalidInputError] = dict(getattr(data, "problems", None) or {})
    lines = getattr(data, "lines", None)
    position = {name: i for i, name in enumerate(OUTPUT_COLUMNS)}
    use_numpy = _has_numpy() if vectorised is None else vectorised
    if not use_numpy:
        done, errors = reference_rows(table, [i for i in range(rows) if i not in problems], day)
        lists: dict[str, list[int]] = {name: [0] * rows for name in stored}
        for index, amounts in done.items():
            for name in stored:
                lists[name][index] = amounts[position[name]]
        ok = [i in done for i in range(rows)]
        refused = _all_errors(errors, problems, lines)
        return BatchResult(day, rows, OutputArrays(lists, names), ok, refused, table, problems)
    import numpy as np  # noqa: PLC0415

    # the vector kernel imports numpy (the batch extra)
    from perlindungan.batch._vector import vector_amounts  # noqa: PLC0415

    out, covered, refused_rows, rest = vector_amounts(table, rows, day, stored)
    if problems:
        rest = [i for i in rest if i not in problems]
    done, errors = reference_rows(table, rest, day)
    if refused_rows:  # messages built when read, by the scalar API itself
        lazy = [lazy_error(table, i, day) for i in refused_rows]
        errors = sorted([*errors, *lazy], key=lambda e: e.row)
    if done:
        where = np.fromiter(done.keys(), dtype=np.int64, count=len(done))
        covered[where] = True
        for slot, name in enumerate(stored):
            out.put(slot, where, [amounts[position[name]] for amounts in done.values()])
    arrays = OutputArrays(dict(zip(stored, out.arrays, strict=True)), names)
    refused = _all_errors(errors, problems, lines)
    return BatchResult(day, rows, arrays, covered, refused, table, problems)


def _all_errors(
    errors: list[RowError], problems: dict[int, InvalidInputError], lines: Any
) -> tuple[RowError, ...]:
    """The refused rows in row order, with their file lines when the rows came from a file."""
    if problems:
        found = [RowError(i, " ".join(str(p).split()), p.field) for i, p in problems.items()]
        errors = sorted([*errors, *found], key=lambda e: e.row)
    if lines is not None:
        errors = [e.moved(e.row, int(lines[e.row])) for e in errors]
    return tuple(errors)
