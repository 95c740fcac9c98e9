# ruff: noqa: ANN401 - pyarrow and duckdb objects are optional and untyped here
"""Ids and NIKs used twice, found out of core: the claims of
:class:`~perlindungan.regional._roster.Claims` for a roster larger than memory.

The in-memory reader keeps every id and NIK already used (about 100 bytes a row). With the
out-of-core engine the reader claims nothing (``Claims(deferred=True)``); instead every
readable row's line, id and NIK go to DuckDB with what the first pass counted for it, and
after the first pass DuckDB finds the same repeats by the same rule: the first line of an
id keeps it, and a NIK is claimed, in file order, only by a row that kept its id. A repeat
is the row error the reader would have given (its message made by
:class:`~perlindungan.regional._roster.Claims` itself); what the first pass counted for that
row is taken back, its keys leave the allocation, and the writing pass writes the row as
that error.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

from perlindungan._message import localized
from perlindungan.regional._columnar import Chunk
from perlindungan.regional._roster import Claims, RowError

__all__ = ["Repeats", "create_claims", "settle_repeats", "spool_claims", "take_over_claims"]

_TABLE = (
    "CREATE TABLE claims (position BIGINT, line BIGINT, id VARCHAR, nik VARCHAR, "
    "combo INTEGER, status TINYINT)"
)
# The first line of each id keeps it; among the rows keeping their id, the first line of
# each NIK keeps it. Rows moved from the in-memory claims have no position: they are
# first users, never repeats.
_FIND = """
WITH ids AS (
  SELECT *, min(line) OVER (PARTITION BY id) AS first_id FROM claims
), kept AS (
  SELECT *, min(line) OVER (PARTITION BY nik) AS first_nik
  FROM ids WHERE line = first_id AND nik IS NOT NULL
)
SELECT position, line, id, 'id' AS field, first_id AS first, NULL AS nik, combo, status
FROM ids WHERE line > first_id AND position IS NOT NULL
UNION ALL
SELECT position, line, id, 'nik', first_nik, nik, combo, status
FROM kept WHERE line > first_nik AND position IS NOT NULL
ORDER BY position
"""


def create_claims(connection: Any) -> None:
    """Create the table of claims."""
    connection.execute(_TABLE)


def spool_claims(
    connection: Any,
    chunk: Chunk,
    combo: NDArray[np.int32],
    status: NDArray[np.int8],
    start: int,
) -> None:
    """Every readable row of ``chunk`` (first row at roster position ``start``) claims its
    id and NIK, with its decision's combination and status (to take back if it repeats)."""
    import pyarrow as pa  # noqa: PLC0415

    keep = np.ones(chunk.rows, dtype=bool)
    keep[list(chunk.errors)] = False
    where = np.flatnonzero(keep)
    if not len(where):
        return
    ids = chunk.ids if not isinstance(chunk.ids, list) else pa.array(chunk.ids, pa.string())
    nik = chunk.facts["nik"]
    codes = nik.codes[where]
    table = pa.array([*nik.values, None], pa.string())
    batch = pa.table(
        {
            "position": pa.array(where + start, pa.int64()),
            "line": pa.array(chunk.numbers[where], pa.int64()),
            "id": ids.take(pa.array(where)),
            "nik": table.take(pa.array(np.where(codes >= 0, codes, len(nik.values)))),
            "combo": pa.array(combo[where], pa.int32()),
            "status": pa.array(status[where], pa.int8()),
        }
    )
    connection.register("claimed", batch)
    try:
        connection.execute("INSERT INTO claims SELECT * FROM claimed")
    finally:
        connection.unregister("claimed")


def take_over_claims(connection: Any, claims: Claims) -> None:
    """Move the ids and NIKs ``claims`` holds in memory into the table (as first users)
    and make it claim nothing more."""
    import pyarrow as pa  # noqa: PLC0415

    niks = {line: nik for nik, line in claims.niks.items()}
    ids = list(claims.ids.items())
    batch = pa.table(
        {
            "position": pa.nulls(len(ids), pa.int64()),
            "line": pa.array([line for _, line in ids], pa.int64()),
            "id": pa.array([ident for ident, _ in ids], pa.string()),
            "nik": pa.array([niks.get(line) for _, line in ids], pa.string()),
            "combo": pa.nulls(len(ids), pa.int32()),
            "status": pa.nulls(len(ids), pa.int8()),
        }
    )
    connection.register("claimed", batch)
    try:
        connection.execute("INSERT INTO claims SELECT * FROM claimed")
    finally:
        connection.unregister("claimed")
    claims.ids.clear()
    claims.niks.clear()
    claims.deferred = True


@attrs.define
class Repeats:
    """The rows whose id or NIK an earlier line used (the table ``repeats``): their
    errors, read from DuckDB by roster position, a batch at a time (never all at once)."""

    connection: Any = None
    count: int = 0

    def errors(self, start: int, stop: int) -> dict[int, RowError]:
        """The errors of the repeats at roster positions ``start`` to ``stop``."""
        if not self.count:
            return {}
        # a cursor of its own: the connection may be reading the placements back
        cursor = self.connection.cursor()
        try:
            rows = cursor.execute(
                "SELECT position, line, id, field, first, nik FROM repeats "
                "WHERE position >= $start AND position < $stop ORDER BY position",
                {"start": start, "stop": stop},
            ).fetchall()
        finally:
            cursor.close()
        return {row[0]: _repeat_error(*row[1:]) for row in rows}

    def patch(self, batch: Any, start: int, locale: str) -> Any:
        """The pass-1 record ``batch`` (first row at position ``start``) with its repeats
        written as row errors."""
        import pyarrow as pa  # noqa: PLC0415

        found = self.errors(start, start + batch.num_rows)
        if not found:
            return batch
        status = batch.column("status").to_numpy().copy()
        messages = batch.column("error").to_pylist()
        for position, error in found.items():
            i = position - start
            status[i] = -1
            message = localized(error.message, locale)
            messages[i] = json.dumps([error.id, message, error.field], ensure_ascii=False)
        names = batch.schema.names
        columns = [batch.column(n) for n in names]
        columns[names.index("status")] = pa.array(status)
        columns[names.index("error")] = pa.array(messages, pa.string())
        return pa.record_batch(columns, names=names)


def _repeat_error(line: int, ident: str, field: str, first: int, nik: str | None) -> RowError:
    """The reader's row error for a repeated id (``field`` "id") or NIK on ``line``."""
    if field == "id":
        return Claims.repeated_id(ident, line, first)
    return Claims.repeated_nik(str(nik), line, first, ident)


def settle_repeats(connection: Any, run: Any, keep: int) -> Repeats:
    """Find the repeats among the claims, take back what the first pass ``run`` counted
    for them (verdicts, statuses), count their errors (a repeat whose row already had an
    error replaces it) and take their keys out of the allocation. ``run.errors`` holds
    the first row errors (at most ``keep``, by row; ``run.error_count`` counts them all)
    and still does."""
    connection.execute(f"CREATE TABLE repeats AS {_FIND}")
    connection.execute("DELETE FROM keys WHERE position IN (SELECT position FROM repeats)")
    # the first errors are known up to the row of the last one kept (all of them when
    # none was left out): there a repeat replaces its row's error or adds one
    left_out = run.error_count > len(run.errors) and run.errors
    last = run.errors[-1].row if left_out else 2**62
    combos = run.decider.combos
    total = 0
    counted = "SELECT combo, status, count(*) FROM repeats GROUP BY combo, status"
    for combo, status, count in connection.execute(counted).fetchall():
        total += count
        if combo >= 0:
            run.verdicts[combos[combo].verdict.value] -= count
        if status >= 0:  # a row that had no error: one more
            run.statuses[status] -= count
            run.error_count += count
    if not total:
        return Repeats(connection, 0)
    rows = connection.execute(
        "SELECT position, line, id, field, first, nik FROM repeats "
        "WHERE line <= $last AND status < 0 UNION ALL "
        "(SELECT position, line, id, field, first, nik FROM repeats "
        "WHERE line <= $last AND status >= 0 ORDER BY line LIMIT $keep)",
        {"last": last, "keep": keep},
    ).fetchall()
    first = {error.row: error for error in run.errors}
    for row in rows:
        error = _repeat_error(*row[1:])
        first[error.row] = error
    run.errors[:] = [first[row] for row in sorted(first)][:keep]
    return Repeats(connection, total)
