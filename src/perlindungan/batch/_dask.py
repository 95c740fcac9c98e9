# ruff: noqa: ANN401 - pandas, pyarrow and dask objects are optional and untyped here
"""Functions for Dask (``map_partitions``, group-by allocation) and Spark (``mapInArrow``).

Contributions are per row, so a partition is computed on its own:
``ddf.map_partitions(contributions_partition, on=..., meta=contributions_meta())``.
Regional-program allocation is not per row (quotas count across the whole roster), so it
runs in two steps: decisions per partition (:func:`decide_partition`), then allocation of
the eligible rows as one group (:func:`allocate_group`), which Dask gathers with
``groupby(...).apply``. Allocation is deterministic and does not depend on the order or
chunking of the rows, so the result is that of the single-process run.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from typing import Any

from perlindungan.batch._reference import AMOUNT_COLUMNS, TOTAL_COLUMNS
from perlindungan.dates import DateLike, to_date
from perlindungan.errors import InvalidInputError

__all__ = [
    "DECISION_COLUMNS",
    "PLACEMENT_COLUMNS",
    "allocate_group",
    "arrow_schema",
    "contributions_arrow",
    "contributions_meta",
    "contributions_partition",
    "decide_partition",
    "decisions_meta",
    "placements_meta",
]

_OUTPUT = (*AMOUNT_COLUMNS, *TOTAL_COLUMNS)
#: Columns of :func:`decide_partition`: the roster facts, then these.
DECISION_COLUMNS = ("verdict", "error")
#: Columns of :func:`allocate_group`.
PLACEMENT_COLUMNS = ("id", "status", "rank", "sub_region", "reason")


def contributions_meta() -> Any:
    """The empty pandas DataFrame describing :func:`contributions_partition`'s output."""
    import pandas as pd  # noqa: PLC0415

    frame = pd.DataFrame({name: pd.Series([], dtype="Int64") for name in _OUTPUT})
    frame["error"] = pd.Series([], dtype=object)
    return frame


def contributions_partition(frame: Any, on: DateLike | None = None) -> Any:
    """Contributions of one pandas partition: amount columns (Int64, NA for refused rows)
    and ``error``, on the partition's index."""
    # import cycle: perlindungan.batch imports this module
    from perlindungan.batch import contributions_batch  # noqa: PLC0415

    if len(frame) == 0:
        return contributions_meta()
    result = contributions_batch(frame, on=on).to_pandas()
    result.index = frame.index
    return result


def arrow_schema() -> Any:
    """The pyarrow schema of :func:`contributions_arrow` (for Spark, as a DDL it is
    ``jkk_employer long, ..., total long, error string``)."""
    import pyarrow as pa  # noqa: PLC0415

    return pa.schema([*((n, pa.int64()) for n in _OUTPUT), ("error", pa.string())])


def contributions_arrow(batches: Iterable[Any], on: DateLike | None = None) -> Iterator[Any]:
    """Record batches in, record batches of contributions out (Spark ``mapInArrow``)."""
    # import cycle: perlindungan.batch imports this module
    from perlindungan.batch import contributions_batch  # noqa: PLC0415

    for batch in batches:
        table = contributions_batch(batch, on=on).to_arrow()
        yield from table.cast(arrow_schema()).to_batches()


def _text(value: Any) -> Any:
    # imports numpy (the batch extra)
    from perlindungan.batch._columns import cell  # noqa: PLC0415

    found = cell([value], 0)
    if isinstance(found, _dt.date):
        return found.isoformat()
    return found


def _people(frame: Any) -> list[tuple[Any, Any]]:
    """(person or None, error message or None) per row of a roster frame."""
    # regional is imported on first use (measured: docs/performance.md)
    from perlindungan.regional._roster import person_from_dict  # noqa: PLC0415

    columns = [c for c in frame.columns if c not in (*DECISION_COLUMNS, "program")]
    out: list[tuple[Any, Any]] = []
    for values in frame[columns].itertuples(index=False, name=None):
        data = {k: v for k, v in zip(columns, map(_text, values), strict=True) if v is not None}
        try:
            out.append((person_from_dict(data), None))
        except InvalidInputError as exc:
            out.append((None, exc.message))
    return out


def decisions_meta(roster_columns: Iterable[str]) -> Any:
    """The empty DataFrame describing :func:`decide_partition`'s output."""
    import pandas as pd  # noqa: PLC0415

    names = [*roster_columns, *DECISION_COLUMNS]
    return pd.DataFrame({name: pd.Series([], dtype=object) for name in names})


def decide_partition(frame: Any, program_id: str, on: DateLike) -> Any:
    """A roster partition with its ``verdict`` (eligible, not_eligible, undetermined, or
    None for a row that cannot be read) and ``error``; the facts are kept for allocation."""
    # regional is imported on first use (measured: docs/performance.md)
    from perlindungan.regional import evaluate, scheme  # noqa: PLC0415

    found = scheme(program_id)
    day = to_date(on)
    result = frame.astype(object).copy()
    people = _people(frame)
    readable = [p for p, _ in people if p is not None]
    decisions = iter(evaluate(found, readable, on=day))
    result["verdict"] = [next(decisions).verdict.value if p else None for p, _ in people]
    result["error"] = [e for _, e in people]
    return result


def placements_meta() -> Any:
    """The empty DataFrame describing :func:`allocate_group`'s output."""
    import pandas as pd  # noqa: PLC0415

    frame = pd.DataFrame({name: pd.Series([], dtype=object) for name in PLACEMENT_COLUMNS})
    frame["rank"] = pd.Series([], dtype="Int64")
    return frame


def allocate_group(frame: Any, program_id: str, on: DateLike) -> Any:
    """Allocation of the program's places among all the rows of ``frame`` (one group holding
    the whole roster, or just its eligible rows: others are never admitted and never take
    a place). The result is sorted by ``id``; ``rank`` is the rank among the eligible."""
    import pandas as pd  # noqa: PLC0415

    # regional is imported on first use (measured: docs/performance.md)
    from perlindungan.regional import allocate, evaluate, scheme  # noqa: PLC0415

    found = scheme(program_id)
    day = to_date(on)
    people = [p for p, _ in _people(frame) if p is not None]
    allocation = allocate(found, evaluate(found, people, on=day))
    rows = sorted(
        (
            p.decision.person.id,
            p.status.value,
            p.rank,
            p.sub_region,
            p.reason,
        )
        for p in allocation.placements
    )
    result = pd.DataFrame(rows, columns=list(PLACEMENT_COLUMNS), dtype=object)
    result["rank"] = result["rank"].astype("Int64")
    return result
