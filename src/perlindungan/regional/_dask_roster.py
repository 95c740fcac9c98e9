# ruff: noqa: ANN401 - pandas and dask objects are optional and untyped here
"""A roster as a Dask DataFrame, evaluated and allocated on a cluster: the decisions and
placements of the per-person engine, whatever the number of partitions.

:func:`dask_run` runs in four steps, none of which gathers the roster or its keys:

1. **Repeats.** Each partition is read by the chunked path's reader
   (:mod:`~perlindungan.regional._dask_decide`) and gives every readable row's line, id
   and NIK; Dask finds the ids and NIKs an earlier line used by group-by and merge (the
   first line of an id keeps it; among the rows keeping their id, the first line of a NIK
   keeps it: the rule of :class:`~perlindungan.regional._roster.Claims`).
2. **Decisions.** Each partition is decided by the columnar
   :class:`~perlindungan.regional._columnar.Decider` (a repeat is its row error); the
   client numbers the partitions' combinations of results and notes once for the roster.
3. **Order.** The distinct values of each order part (few: days, amounts, roles, phases)
   are ranked once, as the in-memory ranking ranks them; each row to place gets one text
   key (the ranks in fixed width, then the SHA-256 tie-break, then the id) and Dask sorts
   the rows by it (``sort_values``: a shuffle across the cluster).
4. **Places.** The sorted partitions are placed one after the other by the in-memory
   ranking's own :class:`~perlindungan.regional._ranking.BatchPlacer` (given the rows to
   place of each sub-region, for a quota split among them, and each row's phase, for
   places per phase), each task taking the quota state the previous one left (a chain of
   tasks: the greedy rule is sequential), and the result is put back in roster order by
   ``sort_values("row")``.
"""

from __future__ import annotations

import copy
import datetime as _dt
import json
from collections import Counter
from typing import Any, Final

import attrs
import numpy as np
from numpy.typing import NDArray

from perlindungan.dates import DateLike, to_date
from perlindungan.regional._allocate import order_parts, tie_break_digests
from perlindungan.regional._columnar import Decider
from perlindungan.regional._dask_decide import (
    PartitionFacts,
    claims_partition,
    decide_partition,
    decided_meta,
    hashable,
    remap_partition,
)
from perlindungan.regional._evaluate import evaluate
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._ranking import ADMITTED, BatchPlacer
from perlindungan.regional._roster import RowError

__all__ = ["RESULT_COLUMNS", "DaskRun", "dask_run", "evaluate_dask"]

#: Columns of :func:`evaluate_dask`'s result, one row per roster row, in roster order.
RESULT_COLUMNS: Final = ("row", "id", "verdict", "status", "rank", "reason", "error")
_STATUS: Final = ("admitted", "waitlisted", "phase_not_started", "not_considered")
_WIDTH: Final = 8  # hexadecimal digits of one rank in the sort key
_TEXT: Final = "string[pyarrow]"
#: Columns of a placed row (``pstatus``: status after allocation; ``into``: the phase
#: admitted into, or the row's own).
_PLACED: Final = ("row", "pstatus", "rank", "reason", "into", "id", "activity", "value")


@attrs.define
class DaskRun:
    """A roster decided and placed on the cluster: what the client summed up, and the
    rows in roster order (``rows``: a persisted Dask DataFrame, sorted by ``row``, of the
    pass-1 columns of the chunked path with the roster's own combination and note numbers,
    the raw ``sub`` and, for a placed row, ``pstatus``, ``rank``, ``reason`` and ``into``).
    ``placed`` holds the placed rows (with id, activity and its value), for the budget."""

    program: RegionalScheme
    on: _dt.date
    locale: str
    decider: Decider
    subs: dict[str | None, int]
    errors: list[RowError]
    verdicts: Counter[str]
    statuses: Counter[int]
    rows: Any
    placed: Any
    reasons: list[str]
    admitted: int
    waitlisted: int


def _repeats(claims: Any) -> Any:
    """Rows whose id, or NIK, an earlier line used: ``row, field, first, id, nik``."""
    import dask.dataframe as dd  # noqa: PLC0415

    first_id = claims.groupby("id")["row"].min().rename("first").reset_index()
    ids = claims.merge(first_id, on="id")
    by_id = ids[ids["row"] > ids["first"]].assign(field="id", nik=None)
    kept = ids[(ids["row"] == ids["first"]) & ~ids["nik"].isna()].drop(columns="first")
    first_nik = kept.groupby("nik")["row"].min().rename("first").reset_index()
    niks = kept.merge(first_nik, on="nik")
    by_nik = niks[niks["row"] > niks["first"]].assign(field="nik")
    columns = ["row", "id", "field", "first", "nik"]
    return dd.concat([by_id[columns], by_nik[columns]])


def _key_partition(
    frame: Any, program: RegionalScheme, ranks: list[dict[Any, int]], roles: Any, subs: Any
) -> Any:
    """The sort key of each row to place (step 3): the ranks of its order parts in fixed
    width, the SHA-256 tie-break, the id; and its role, sub-region and phase codes (each
    distinct value looked up once)."""
    import pandas as pd  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    pieces = []
    for k, rank in enumerate(ranks):
        pieces.append(pa.array(_lookup(frame[f"part{k}"], lambda v, r=rank: f"{r[v]:0{_WIDTH}x}")))
    ids = frame["id"].tolist()
    digests = [d.hex() for d in tie_break_digests(program.id, ids)]
    pieces += [pa.array(digests, pa.string()), pa.array(ids, pa.string())]
    keys = pc.binary_join_element_wise(*pieces, "") if len(frame) else pa.array([], pa.string())
    return pd.DataFrame(
        {
            "key": pd.Series(keys, dtype=_TEXT, index=frame.index),
            "row": frame["row"].to_numpy(),
            "role": _lookup(frame["role"], roles.__getitem__).astype(np.int32),
            "sub": _lookup(frame["sub"], subs.__getitem__).astype(np.int32),
            "phase": frame["phase"].to_numpy(dtype=np.int16),
            "id": frame["id"].astype(_TEXT),
            "activity": frame["activity"].astype(_TEXT),
            "value": frame["value"].astype(_TEXT),
        },
        index=frame.index,
    )


def _lookup(column: Any, fn: Any) -> NDArray[Any]:
    """``fn`` of each cell (None for a missing one), computed once per distinct value."""
    import pandas as pd  # noqa: PLC0415

    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    table = np.empty(len(uniques), dtype=object)
    for k, value in enumerate(uniques):
        table[k] = fn(hashable(value))
    return table[codes] if len(codes) else np.empty(0, dtype=object)


def _keyed_meta() -> Any:
    import pandas as pd  # noqa: PLC0415

    types = {"key": "string[pyarrow]", "row": "int64", "role": "int32", "sub": "int32"}
    types |= {"phase": "int16", "id": _TEXT, "activity": _TEXT, "value": _TEXT}
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in types.items()})


def _ranks(program: RegionalScheme, on: _dt.date, distinct: list[set[Any]]) -> list[dict[Any, int]]:
    """For each order part, the rank of each distinct value (the in-memory ranking's rule:
    the part's function once per value, its results sorted)."""

    out = []
    for (fact, fn), values in zip(order_parts(program, on), distinct, strict=True):
        if fact == "phase":
            keyed = {v: fn(program.phases[v] if v is not None and v >= 0 else None) for v in values}
        else:
            keyed = {v: fn(v) for v in values}
        order = {part: r for r, part in enumerate(sorted(set(keyed.values())))}
        out.append({v: order[part] for v, part in keyed.items()})
    return out


def _place_partition(frame: Any, state: Any) -> tuple[Any, Any]:
    """Places for one sorted partition (step 4), from the quota state the partitions before
    it left; the state after it (the placer, rows placed, rows admitted)."""
    import pandas as pd  # noqa: PLC0415

    placer, done, admitted = copy.deepcopy(state)
    frame = frame.sort_values("key")
    status, reason, into = placer.place(
        frame["role"].to_numpy(dtype=np.int32),
        frame["sub"].to_numpy(dtype=np.int32),
        frame["phase"].to_numpy(dtype=np.int16),
    )
    out = pd.DataFrame(
        {
            "row": frame["row"].to_numpy(dtype="int64"),
            "pstatus": pd.Series(status, dtype="int8"),
            "rank": np.arange(done + 1, done + len(frame) + 1, dtype=np.int64),
            "reason": pd.Series(reason, dtype="int16"),
            "into": pd.Series(into, dtype="int16"),
            "id": pd.Series(frame["id"].to_numpy(), dtype=_TEXT),
            "activity": pd.Series(frame["activity"].to_numpy(), dtype=_TEXT),
            "value": pd.Series(frame["value"].to_numpy(), dtype=_TEXT),
        }
    )
    admitted += int((status == ADMITTED).sum())
    return out, (placer, done + len(frame), admitted)


def _placed_meta() -> Any:
    import pandas as pd  # noqa: PLC0415

    types = {"row": "int64", "pstatus": "int8", "rank": "int64", "reason": "int16"}
    types |= {"into": "int16", "id": _TEXT, "activity": _TEXT, "value": _TEXT}
    return pd.DataFrame({c: pd.Series([], dtype=types[c]) for c in _PLACED})


def _merge_facts(
    program: RegionalScheme, on: _dt.date, found: list[PartitionFacts]
) -> tuple[Decider, list[list[int]], list[list[int]]]:
    """One decider numbering every partition's combinations and notes, and per partition
    the roster's number of each of its own."""
    decider = Decider(program, on)
    index: dict[Any, int] = {}
    combos, notes = [], []
    for facts in found:
        mapped = []
        for combo in facts.combos:
            mapped.append(index.setdefault(combo, len(decider.combos)))
            if mapped[-1] == len(decider.combos):
                decider.combos.append(combo)
        combos.append(mapped)
        mapped = []
        for note in facts.notes:
            mapped.append(decider.note_index.setdefault(note, len(decider.notes)))
            if mapped[-1] == len(decider.notes):
                decider.notes.append(note)
        notes.append(mapped)
    return decider, combos, notes


def dask_run(program: RegionalScheme, roster: Any, *, on: DateLike, locale: str = "en") -> DaskRun:
    """Decide and place a roster given as a Dask DataFrame (steps 1 to 4); row errors are
    written in ``locale``. Computes on the cluster (the default scheduler, or the
    ``distributed`` client in use) and holds the result there."""
    import dask  # noqa: PLC0415

    # the order parts (dates, amounts, phase numbers) and activity values stay objects:
    # Dask would make every object column text
    with dask.config.set({"dataframe.convert-string": False}):
        return _dask_run(program, roster, on, locale)


def _dask_run(program: RegionalScheme, roster: Any, on: DateLike, locale: str) -> DaskRun:
    import dask.dataframe as dd  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415
    from dask.base import compute, persist  # noqa: PLC0415
    from dask.delayed import delayed  # noqa: PLC0415

    day = to_date(on, field="on")
    evaluate(program, [], on=day)  # the scheme must be in force
    claims_meta = pd.DataFrame({c: pd.Series([], dtype=object) for c in ("row", "id", "nik")})
    claims_meta = claims_meta.astype({"row": "int64"})
    claims = roster.map_partitions(claims_partition, meta=claims_meta)
    repeats = _repeats(claims).rename(
        columns={"id": "rid", "nik": "rnik", "field": "rfield", "first": "rfirst"}
    )
    marked = roster.merge(repeats, on="row", how="left")
    tasks = [
        delayed(decide_partition, nout=2)(part, program, day, locale)
        for part in marked.to_delayed()
    ]
    tasks = list(persist(*tasks))
    found: list[PartitionFacts] = list(compute(*(task[1] for task in tasks)))
    decider, combos, notes = _merge_facts(program, day, found)
    parts = len(order_parts(program, day))
    decided = dd.from_delayed(
        [
            delayed(remap_partition)(task[0], c, n)
            for task, c, n in zip(tasks, combos, notes, strict=True)
        ],
        meta=decided_meta(parts),
        verify_meta=False,
    ).persist()
    del tasks
    union: list[set[Any]] = [set() for _ in range(parts)]
    roles: set[str] = set()
    counts: Counter[str | None] = Counter()
    verdicts: Counter[str] = Counter()
    statuses: Counter[int] = Counter()
    subs_seen: set[str | None] = {None}
    for facts in found:
        for k, values in enumerate(facts.parts):
            union[k] |= values
        roles |= facts.roles
        counts += facts.sub_counts
        verdicts += facts.verdicts
        statuses += facts.statuses
        subs_seen |= facts.subs
    errors = sorted((e for facts in found for e in facts.errors), key=lambda e: e.row)
    role_codes = {r: k for k, r in enumerate(sorted(roles))}
    sub_list = sorted(counts, key=lambda s: (s is not None, s or ""))
    sub_codes = {s: k for k, s in enumerate(sub_list)}
    placer = BatchPlacer(program, day, list(role_codes), sub_list, [counts[s] for s in sub_list])
    frames = []
    state: Any = (placer, 0, 0)
    if counts:
        place = decided[decided["status"] == 0]
        keyed = place.map_partitions(
            _key_partition,
            program,
            _ranks(program, day, union),
            role_codes,
            sub_codes,
            meta=_keyed_meta(),
        )
        # computed once (the sort reads it twice: its divisions, then the shuffle)
        for part in keyed.persist().sort_values("key").to_delayed():
            frame, state = delayed(_place_partition, nout=2)(part, state)
            frames.append(frame)
        *frames, state = persist(*frames, state)
        placer, done, admitted = compute(state)[0]
    else:
        done = admitted = 0
    frames = frames or [delayed(_placed_meta)()]  # nobody to place
    placed = dd.from_delayed(frames, meta=_placed_meta(), verify_meta=False)
    wanted = ["row", "pstatus", "rank", "reason", "into"]
    rows = decided[["row", "id", "combo", "phase", "sub", "status", "notes", "error"]]
    rows = rows.merge(placed[wanted], on="row", how="left").sort_values("row").persist()
    subs = {s: k for k, s in enumerate(sorted(subs_seen, key=lambda s: (s is not None, s or "")))}
    return DaskRun(
        program,
        day,
        locale,
        decider,
        subs,
        errors,
        verdicts,
        statuses,
        rows,
        placed,
        placer.reasons,
        admitted,
        done - admitted,
    )


def evaluate_dask(program: RegionalScheme, roster: Any, *, on: DateLike) -> Any:
    """Decisions and allocation of a roster given as a Dask DataFrame (text columns among
    :data:`~perlindungan.regional.FACTS`, and ``row``: each row's distinct line number,
    which orders the roster), computed on the cluster: a Dask DataFrame of
    :data:`RESULT_COLUMNS` in roster order. ``status`` is ``admitted``, ``waitlisted``,
    ``phase_not_started``, ``not_considered`` or None for a row error; ``reason`` is the
    reason's English text (the per-person engine's message id). Every scheme is decided
    (places per phase, quotas split among sub-regions, the NIK area code as the domicile);
    the result does not depend on the number of partitions. The five files of
    ``scheme evaluate --output DIR/`` come from
    :func:`~perlindungan.regional.evaluate_dask_files`."""
    run = dask_run(program, roster, on=on, locale="en")
    verdicts = [c.verdict.value for c in run.decider.combos]
    return run.rows.map_partitions(_final, verdicts, run.reasons, meta=_result_meta())


def _final(frame: Any, verdicts: list[str], reasons: list[str]) -> Any:
    """The :data:`RESULT_COLUMNS` of rows in roster order."""
    import pandas as pd  # noqa: PLC0415

    n = len(frame)
    status = frame["status"].to_numpy()
    placed = frame["pstatus"].to_numpy()
    combo = frame["combo"].to_numpy()
    reason = frame["reason"].to_numpy()
    errors = frame["error"].tolist()
    out_status: list[Any] = [None] * n
    out_reason: list[Any] = [None] * n
    for i in range(n):
        if status[i] < 0:
            continue
        ph = int(placed[i]) if placed[i] == placed[i] else int(status[i])  # NaN: not placed
        out_status[i] = _STATUS[ph]
        if reason[i] == reason[i] and reason[i] >= 0:
            out_reason[i] = reasons[int(reason[i])]
    return pd.DataFrame(
        {
            "row": frame["row"].to_numpy(dtype="int64"),
            "id": frame["id"].to_numpy(),
            "verdict": pd.Series(
                [verdicts[c] if c >= 0 else None for c in combo.tolist()], dtype=object
            ),
            "status": pd.Series(out_status, dtype=object),
            "rank": pd.Series(frame["rank"].to_numpy(), dtype="Int64"),
            "reason": pd.Series(out_reason, dtype=object),
            "error": pd.Series(
                [json.loads(e)[1] if isinstance(e, str) else None for e in errors], dtype=object
            ),
        }
    ).set_axis(frame.index)


def _result_meta() -> Any:
    import pandas as pd  # noqa: PLC0415

    types = {"row": "int64", "rank": "Int64"}
    return pd.DataFrame({c: pd.Series([], dtype=types.get(c, object)) for c in RESULT_COLUMNS})
