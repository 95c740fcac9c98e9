# ruff: noqa: ANN401 - pyarrow and duckdb objects are optional and untyped here
"""Allocation of rosters larger than memory: the keys of the rows to place go to DuckDB,
which orders them out of core; the places are given over the ordered stream, batch after
batch, by the in-memory ranking's own :class:`~perlindungan.regional._ranking.Placer`.

The order is the in-memory :class:`~perlindungan.regional._ranking.Ranking`'s: each order
part of :func:`~perlindungan.regional._allocate.order_parts` is replaced by the rank of
its value among the part's distinct values (the same tables, joined in DuckDB), then the
full SHA-256 tie-break of :func:`~perlindungan.regional._allocate.tie_break` (DuckDB's
``sha256``), then the person id (ids are distinct). DuckDB sorts with a ``memory_limit``
(:mod:`~perlindungan.regional._memory_limit`; 256 MB unless the user gives one) and
spills to a ``temp_directory`` in the run's scratch folder; its tables live in a
database file there too, so memory holds a batch, not the roster.

After placement, the status, rank and reason of each placed row come back in roster order
(a second out-of-core sort, by position) for the writing pass, and the budget's lines are
grouped in DuckDB (count and first id of each phase, or of each phase and activity value
after one row per activity).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import attrs
import numpy as np
from numpy.typing import NDArray

from perlindungan._message import Message
from perlindungan.errors import InvalidInputError
from perlindungan.regional._columnar import Chunk, row_id
from perlindungan.regional._memory_limit import DEFAULT_MEMORY_LIMIT
from perlindungan.regional._ranking import ADMITTED, WAITLISTED, BatchPlacer, Ranking
from perlindungan.regional._repeats_duckdb import create_claims

__all__ = ["ENGINES", "OutOfCorePlaced", "OutOfCoreRanking", "duckdb_module"]

#: The allocation engines of :func:`~perlindungan.regional.evaluate_roster_file`.
ENGINES: Final = ("auto", "memory", "duckdb")
#: Rows read back from DuckDB at once.
_BATCH: Final = 1 << 16
_NO_VALUE: Final = -1


def duckdb_module() -> Any:
    """The ``duckdb`` module, or the error saying how to install it."""
    try:
        import duckdb  # noqa: PLC0415
    except ImportError:
        raise InvalidInputError(
            Message(
                "the duckdb engine needs DuckDB: install the large extra, "
                "pip install 'perlindungan[large]'."
            ),
            field="engine",
        ) from None
    return duckdb


@attrs.define
class OutOfCoreRanking(Ranking):
    """A :class:`Ranking` whose rows wait in a DuckDB database file instead of memory."""

    scratch: Path = attrs.field(kw_only=True)
    memory_limit: str = attrs.field(kw_only=True, default=DEFAULT_MEMORY_LIMIT)
    construction: bool = attrs.field(init=False)
    values: dict[Any, int] = attrs.field(factory=dict)
    held: int = 0
    connection: Any = attrs.field(init=False, default=None)
    _activity: tuple[list[str], NDArray[np.int32]] | None = None

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        self.construction = self.program.coverage.scheme == "construction"
        duckdb = duckdb_module()
        self.scratch.mkdir(parents=True, exist_ok=True)
        self.connection = duckdb.connect(
            str(self.scratch / "allocation.duckdb"),
            config={
                "memory_limit": self.memory_limit,
                "temp_directory": str(self.scratch / "spill"),
                "preserve_insertion_order": False,
                "threads": 1,
            },
        )
        parts = "".join(f"p{k} INTEGER, " for k in range(len(self.parts)))
        extra = ", activity VARCHAR, value INTEGER" if self.construction else ""
        create_claims(self.connection)
        self.connection.execute(
            f"CREATE TABLE keys (position BIGINT, {parts}id VARCHAR, role INTEGER, "
            f"sub INTEGER, phase SMALLINT{extra})"
        )

    @classmethod
    def taking_over(
        cls,
        ranking: Ranking,
        activity: dict[int, tuple[str, Any]],
        *,
        scratch: Path,
        memory_limit: str = DEFAULT_MEMORY_LIMIT,
    ) -> OutOfCoreRanking:
        """An out-of-core ranking holding what ``ranking`` collected so far (and the
        activity of its rows, for construction schemes); ``ranking`` is left empty."""
        moved = cls(ranking.program, ranking.on, scratch=scratch, memory_limit=memory_limit)
        moved.part_ids, moved.roles, moved.subs = ranking.part_ids, ranking.roles, ranking.subs
        for positions, parts, _, ids, role, sub, phase in ranking.collected:
            if moved.construction:
                pairs = [activity.pop(int(p)) for p in positions.tolist()]
                codes = np.fromiter((moved._code(v) for _, v in pairs), np.int32, len(pairs))
                moved._activity = ([key for key, _ in pairs], codes)
            moved._store(positions, parts, ids, role, sub, phase)
        ranking.collected.clear()
        return moved

    def add(
        self,
        chunk: Chunk,
        where: NDArray[np.int64],
        phase: NDArray[np.int16],
        start: int,
    ) -> None:
        """As :meth:`Ranking.add`; a construction scheme's rows also keep their activity
        (its id, or the person's id, and its value)."""
        if self.construction and len(where):
            act, value = chunk.facts["activity_id"], chunk.facts["activity_value"]
            keys, codes = [], np.empty(len(where), dtype=np.int32)
            for k, i in enumerate(where.tolist()):
                keys.append(act.value(i) or row_id(chunk.ids, i))
                codes[k] = self._code(value.value(i))
            self._activity = (keys, codes)
        super().add(chunk, where, phase, start)

    def _code(self, value: Any) -> int:
        return _NO_VALUE if value is None else self.values.setdefault(value, len(self.values))

    def _keep(
        self,
        positions: NDArray[np.int64],
        parts: NDArray[np.int32],
        ids: list[str],
        role: NDArray[np.int32],
        sub: NDArray[np.int32],
        phase: NDArray[np.int16],
    ) -> None:
        import pyarrow as pa  # noqa: PLC0415

        self._store(positions, parts, pa.array(ids, pa.string()), role, sub, phase)

    def _store(
        self,
        positions: NDArray[np.int64],
        parts: NDArray[np.int32],
        ids: Any,
        role: NDArray[np.int32],
        sub: NDArray[np.int32],
        phase: NDArray[np.int16],
    ) -> None:
        import pyarrow as pa  # noqa: PLC0415

        columns: dict[str, Any] = {"position": pa.array(positions, pa.int64())}
        for k in range(len(self.parts)):
            columns[f"p{k}"] = pa.array(parts[k], pa.int32())
        columns |= {
            "id": ids,
            "role": pa.array(role, pa.int32()),
            "sub": pa.array(sub, pa.int32()),
            "phase": pa.array(phase, pa.int16()),
        }
        if self.construction:
            assert self._activity is not None
            keys, codes = self._activity
            columns["activity"] = pa.array(keys, pa.string())
            columns["value"] = pa.array(codes, pa.int32()).fill_null(_NO_VALUE)
            self._activity = None
        batch = pa.table(columns)
        self.connection.register("incoming", batch)
        try:
            self.connection.execute("INSERT INTO keys SELECT * FROM incoming")
        finally:
            self.connection.unregister("incoming")
        self.held += len(positions)

    def place(self) -> OutOfCorePlaced:  # type: ignore[override]
        """Order every row held (out of core) and place them in that order, batch by batch,
        with the in-memory ranking's :class:`Placer`."""
        import pyarrow as pa  # noqa: PLC0415
        import pyarrow.parquet as pq  # noqa: PLC0415

        con = self.connection
        joins, ranks = [], []
        for k, lookup in enumerate(self.rank_lookups()):
            table = pa.table(
                {"pid": pa.array(np.arange(len(lookup), dtype=np.int32)), "rank": lookup}
            )
            con.register(f"rank{k}", table)
            joins.append(f" JOIN rank{k} r{k} ON k.p{k} = r{k}.pid")
            ranks.append(f"r{k}.rank, ")
        extra = ", k.activity, k.value" if self.construction else ""
        # the query's names are made here from part numbers; the one text from outside
        # (the scheme id) is a parameter
        tables, order = "".join(joins), "".join(ranks)
        wanted = f"k.position, k.role, k.sub, k.id, k.phase{extra}"
        query = f"SELECT {wanted} FROM keys k{tables} ORDER BY {order}sha256($prefix || k.id), k.id"  # noqa: S608
        counts = [0] * len(self.subs)
        for code, count in con.execute("SELECT sub, count(*) FROM keys GROUP BY sub").fetchall():
            counts[code] = count
        placer = BatchPlacer(self.program, self.on, list(self.roles), list(self.subs), counts)
        # the placements go to a Parquet file (DuckDB reads it back in roster order): the
        # database is busy streaming the ordered rows meanwhile
        placed = self.scratch / "placed.parquet"
        writer = None
        counts = [0, 0]
        done = 0
        reader = con.sql(query, params={"prefix": f"{self.program.id}:"}).to_arrow_reader(_BATCH)
        for batch in reader:
            n = batch.num_rows
            status, reason, into = placer.place(
                batch.column("role").to_numpy(),
                batch.column("sub").to_numpy(),
                batch.column("phase").to_numpy(),
            )
            rank = np.arange(done + 1, done + n + 1, dtype=np.int64)
            done += n
            waitlisted = int((status == WAITLISTED).sum())
            counts[0] += n - waitlisted
            counts[1] += waitlisted
            columns: dict[str, Any] = {
                "position": batch.column("position"),
                "status": pa.array(status),
                "rank": pa.array(rank),
                "reason": pa.array(reason),
                "id": batch.column("id"),
                "phase": pa.array(into),
            }
            if self.construction:
                columns["activity"] = batch.column("activity")
                columns["value"] = batch.column("value")
            table = pa.table(columns)
            if writer is None:
                writer = pq.ParquetWriter(str(placed), table.schema)
            writer.write_table(table)
        if writer is None:
            return OutOfCorePlaced(con, None, 0, 0, [], [], self.construction)
        writer.close()
        values = [None] * len(self.values)
        for value, code in self.values.items():
            values[code] = value
        return OutOfCorePlaced(
            con, placed, counts[0], counts[1], placer.reasons, values, self.construction
        )

    def close(self) -> None:
        """Close the database (its files go with the scratch folder)."""
        with contextlib.suppress(Exception):
            self.connection.close()


@attrs.define
class OutOfCorePlaced:
    """The placement of the rows held by an :class:`OutOfCoreRanking`: read back in roster
    order, batch by batch, by the writing pass."""

    connection: Any
    placed: Path | None  # the Parquet file of the placements (None: nobody placed)
    admitted: int
    waitlisted: int
    reasons: list[str]
    values: list[Any]
    construction: bool
    cursor: int = 0
    reader: Iterator[Any] | None = None
    pending: list[NDArray[Any]] | None = None

    def counts(self) -> tuple[int, int]:
        """How many rows are admitted and how many waitlisted."""
        return self.admitted, self.waitlisted

    def rows(
        self, start: int, stop: int
    ) -> tuple[NDArray[np.int8], NDArray[np.int64], NDArray[np.int16], NDArray[np.int16]]:
        """Status, rank, reason and phase placed into of the placed rows ``start`` to
        ``stop`` (in roster order; asked for one after the other)."""
        assert start == self.cursor, (start, self.cursor)
        if stop == start:
            none = np.empty(0, np.int16)
            return np.empty(0, np.int8), np.empty(0, np.int64), none, none
        if self.reader is None:
            self.reader = iter(
                self.connection.sql(
                    "SELECT status, rank, reason, phase FROM read_parquet($placed) "
                    "ORDER BY position",
                    params={"placed": str(self.placed)},
                ).to_arrow_reader(_BATCH)
            )
            self.pending = [
                np.empty(0, np.int8),
                np.empty(0, np.int64),
                np.empty(0, np.int16),
                np.empty(0, np.int16),
            ]
        assert self.pending is not None
        want = stop - start
        while len(self.pending[0]) < want:
            batch = next(self.reader)
            self.pending = [
                np.concatenate([self.pending[k], batch.column(k).to_numpy()]) for k in range(4)
            ]
        status, rank, reason, phase = (p[:want] for p in self.pending)
        self.pending = [p[want:] for p in self.pending]
        self.cursor = stop
        return status, rank, reason, phase

    def budget_groups(self) -> Iterator[tuple[int, Any, int]]:
        """The admitted rows grouped as the budget counts them: (phase index, activity
        value or None, how many), in the order of the first id of each group (construction:
        one row per activity, its first by id)."""
        if self.placed is None:
            return
        if self.construction:
            query = (
                "WITH firsts AS (SELECT arg_min(phase, id) AS phase, arg_min(value, id) AS "
                "value, min(id) AS first FROM read_parquet($placed) WHERE status = $admitted "
                "GROUP BY activity) SELECT phase, value, count(*), min(first) AS f FROM "
                "firsts GROUP BY phase, value ORDER BY f"
            )
        else:
            query = (
                "SELECT phase, -1 AS value, count(*), min(id) AS f FROM read_parquet($placed) "
                "WHERE status = $admitted GROUP BY phase ORDER BY f"
            )
        params = {"admitted": ADMITTED, "placed": str(self.placed)}
        found = self.connection.execute(query, params).fetchall()
        for phase, value, units, _ in found:
            yield int(phase), None if value == _NO_VALUE else self.values[value], int(units)
