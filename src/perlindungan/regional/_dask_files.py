# ruff: noqa: ANN401 - pandas, pyarrow and dask objects are optional and untyped here
"""The five files of ``scheme evaluate --output DIR/`` from a roster given as a Dask
DataFrame: decided and placed on the cluster (:func:`~perlindungan.regional._dask_roster.
dask_run`), written by the chunked path's own writers
(:func:`~perlindungan.regional._stream.write_files`), so the files are those of
:func:`~perlindungan.regional.evaluate_roster_file` and of the per-person engine, byte for
byte.

The client never holds the roster: the counts, row errors and budget lines come from the
cluster summed up, and the rows reach the writers one partition at a time, in roster order
(each partition of the persisted result computed on its own).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

from perlindungan._input.outputs import cannot_write
from perlindungan.dates import DateLike
from perlindungan.money import Rupiah
from perlindungan.regional._dask_decide import hashable
from perlindungan.regional._dask_roster import DaskRun, _lookup, dask_run
from perlindungan.regional._outputs import make_folder, output_files
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._ranking import ADMITTED, Ranking
from perlindungan.regional._stream import (
    StreamSummary,
    _Pass,
    write_files,
)

__all__ = ["DaskPlaced", "evaluate_dask_files"]


@attrs.define
class DaskPlaced:
    """The placement of a :class:`~perlindungan.regional._dask_roster.DaskRun`, as the
    writers ask for it: counts, reasons, budget groups, and the placed rows in roster order
    (given partition by partition by :meth:`feed`)."""

    run: DaskRun
    pending: list[NDArray[Any]] = attrs.field(factory=list)

    @property
    def reasons(self) -> list[str]:
        """The reasons of refusal, by the index in the ``reason`` arrays."""
        return self.run.reasons

    def counts(self) -> tuple[int, int]:
        """How many rows are admitted and how many waitlisted."""
        return self.run.admitted, self.run.waitlisted

    def feed(self, arrays: list[NDArray[Any]]) -> None:
        """The next placed rows in roster order: status, rank, reason, phase placed into."""
        if not self.pending:
            self.pending = arrays
        else:
            self.pending = [
                np.concatenate([a, b]) for a, b in zip(self.pending, arrays, strict=True)
            ]

    def rows(
        self, start: int, stop: int
    ) -> tuple[NDArray[np.int8], NDArray[np.int64], NDArray[np.int16], NDArray[np.int16]]:
        """Status, rank, reason and phase placed into of the next ``stop - start`` placed
        rows (in roster order; asked for one after the other)."""
        want = stop - start
        if not self.pending:
            none = np.empty(0, np.int16)
            assert want == 0, want
            return np.empty(0, np.int8), np.empty(0, np.int64), none, none
        status, rank, reason, into = (p[:want] for p in self.pending)
        assert len(status) == want, (len(status), want)
        self.pending = [p[want:] for p in self.pending]
        return status, rank, reason, into

    def budget_groups(self) -> Iterator[tuple[int, Any, int]]:
        """The admitted rows grouped as the budget counts them: (phase index, activity
        value or None, how many), in the order of the first id of each group (construction:
        one row per activity, its first by id), grouped on the cluster."""
        placed = self.run.placed
        admitted = placed[placed["pstatus"] == ADMITTED]
        if self.run.program.coverage.scheme != "construction":
            found = admitted.groupby("into")["id"].agg(["count", "min"]).compute()
            for phase, (units, _) in sorted(
                zip(found.index.tolist(), found.itertuples(index=False, name=None), strict=True),
                key=lambda item: item[1][1],
            ):
                yield int(phase), None, int(units)
            return
        # one row per activity: the first of its admitted people by id (few: one a site)
        first = admitted.groupby("activity")["id"].min().reset_index()
        firsts = admitted[["activity", "id", "into", "value"]].merge(first, on=["activity", "id"])
        groups: dict[tuple[int, Any], list[Any]] = {}
        rows = firsts.compute().sort_values("id")
        for _, ident, into, value in rows.itertuples(index=False, name=None):
            group = groups.setdefault((int(into), hashable(value)), [ident, 0])
            group[1] += 1
        for (phase, value), (_, units) in groups.items():
            yield phase, None if value is None else Rupiah(value), units


def _batches(run: DaskRun, placed: DaskPlaced) -> Iterator[Any]:
    """The pass-1 records of the roster, one partition at a time in roster order, each
    partition's placed rows handed to ``placed`` first."""
    import pyarrow as pa  # noqa: PLC0415

    for part in run.rows.to_delayed():
        frame = part.compute()
        status = frame["status"].to_numpy(dtype=np.int8)
        where = status == ADMITTED
        placed.feed(
            [
                frame["pstatus"].to_numpy()[where].astype(np.int8),
                frame["rank"].to_numpy()[where].astype(np.int64),
                frame["reason"].to_numpy()[where].astype(np.int16),
                frame["into"].to_numpy()[where].astype(np.int16),
            ]
        )
        yield pa.record_batch(
            {
                "row": pa.array(frame["row"].to_numpy(dtype=np.int64)),
                "id": pa.array(frame["id"], pa.string(), from_pandas=True),
                "combo": pa.array(frame["combo"].to_numpy(dtype=np.int32)),
                "phase": pa.array(frame["phase"].to_numpy(dtype=np.int16)),
                "sub": pa.array(_lookup(frame["sub"], run.subs.__getitem__).astype(np.int32)),
                "status": pa.array(status),
                "notes": pa.array(frame["notes"].to_numpy(dtype=np.int32)),
                "error": pa.array(frame["error"], pa.string(), from_pandas=True),
            }
        )


def evaluate_dask_files(
    program: RegionalScheme,
    roster: Any,
    folder: str | Path,
    *,
    on: DateLike,
    locale: str = "id_ID",
    files: Collection[str] | None = None,
    inputs: Sequence[str | Path] = (),
) -> StreamSummary:
    """Evaluate, allocate and budget a roster given as a Dask DataFrame (as
    :func:`~perlindungan.regional.evaluate_dask` takes it: text columns among
    :data:`~perlindungan.regional.FACTS` and ``row``, each row's distinct line number) on
    the cluster, and write ``decisions.csv``, ``allocation.csv``, ``budget.csv``,
    ``result.json`` and ``report.txt`` into ``folder`` (created if needed): the files of
    :func:`~perlindungan.regional.evaluate_roster_file` and of
    :meth:`~perlindungan.regional.RunResult.write_files` for the same roster, byte for
    byte, whatever the number of partitions. ``files`` names the files to write (default:
    all five); none is written over one of ``inputs``. The rows come to this process one partition at a time, in roster order;
    the computation runs on the ``distributed`` client in use (or Dask's default
    scheduler)."""
    target = Path(folder)
    wanted = output_files(target, files, inputs)
    make_folder(target)
    run = dask_run(program, roster, on=on, locale=locale)
    state = _Pass(run.program, run.on, locale, run.decider, Ranking(run.program, run.on))
    state.verdicts, state.statuses, state.errors = run.verdicts, run.statuses, run.errors
    state.error_count = len(run.errors)
    state.rows = sum(run.statuses.values()) + len(run.errors)
    state.subs = run.subs
    placed = DaskPlaced(run)
    try:
        return write_files(state, placed, _batches(run, placed), target, wanted)
    except OSError as exc:
        raise cannot_write(target, exc, into=True) from None
