# ruff: noqa: ANN401 - pandas and dask objects are optional and untyped here
"""A roster as a Dask DataFrame, evaluated and allocated on a cluster: the decisions and
placements of the per-person engine, whatever the number of partitions.

:func:`evaluate_dask` runs in four steps, none of which gathers the roster or its keys:

1. **Repeats.** Each partition reads its rows (the roster reader's ``_row``) and gives
   every readable row's line, id and NIK; Dask finds the ids and NIKs an earlier line used
   by group-by and merge (the first line of an id keeps it; among the rows keeping their id,
   the first line of a NIK keeps it: the rule of
   :class:`~perlindungan.regional._roster.Claims`).
2. **Decisions.** Each partition is decided by the columnar
   :class:`~perlindungan.regional._columnar.Decider` (a repeat is its row error); the rows
   to place keep the values of the scheme's order parts.
3. **Order.** The distinct values of each order part (few: days, amounts, roles) are
   ranked once, as the in-memory ranking ranks them; each row to place gets one text key
   (the ranks in fixed width, then the SHA-256 tie-break, then the id) and Dask sorts the
   rows by it (``sort_values``: a shuffle across the cluster).
4. **Places.** The sorted partitions are placed one after the other by the in-memory
   ranking's own :class:`~perlindungan.regional._ranking.BatchPlacer`, each task taking the
   quota state the previous one left (a chain of tasks: the greedy rule is sequential), and
   the result is put back in roster order by ``sort_values("row")``.
"""

from __future__ import annotations

import copy
import datetime as _dt
import hashlib
from typing import Any, Final

import numpy as np

from perlindungan.dates import DateLike, to_date
from perlindungan.errors import InvalidInputError
from perlindungan.regional._program import RegionalScheme

__all__ = ["RESULT_COLUMNS", "evaluate_dask"]

#: Columns of :func:`evaluate_dask`'s result, one row per roster row, in roster order.
RESULT_COLUMNS: Final = ("row", "id", "verdict", "status", "rank", "reason", "error")
_STATUS: Final = ("admitted", "waitlisted", "phase_not_started", "not_considered")
_WIDTH: Final = 8  # hexadecimal digits of one rank in the sort key


def _records(frame: Any) -> list[Any]:
    """The roster records of a partition (a missing cell is blank)."""
    from perlindungan._input.table import Record  # noqa: PLC0415
    from perlindungan.regional._person import FACTS  # noqa: PLC0415

    columns = [c for c in frame.columns if c in FACTS]
    out = []
    for line, *values in frame[["row", *columns]].itertuples(index=False, name=None):
        cells = {
            c: ("" if _hashable(v) is None else str(v))
            for c, v in zip(columns, values, strict=True)
        }
        out.append(Record(int(line), cells))
    return out


def _claims_partition(frame: Any) -> Any:
    """Line, id and NIK of each readable row of a partition (step 1)."""
    import pandas as pd  # noqa: PLC0415

    from perlindungan.regional._roster import Claims, _row  # noqa: PLC0415

    rows = [_row(record, Claims()) for record in _records(frame)]
    people = [(r.row, r.person.id, r.person.nik) for r in rows if r.person is not None]
    return pd.DataFrame(
        {
            "row": pd.Series([p[0] for p in people], dtype="int64"),
            "id": pd.Series([p[1] for p in people], dtype=object),
            "nik": pd.Series([p[2] for p in people], dtype=object),
        }
    )


def _repeats(claims: Any) -> Any:
    """Rows whose id, or NIK, an earlier line used: ``row, field, first, nik``."""
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


def _decide_partition(frame: Any, program: RegionalScheme, on: _dt.date) -> Any:
    """Decisions of a partition (step 2): per row its verdict, status before allocation,
    error, and for a row to place its role, sub-region and order-part values."""
    import pandas as pd  # noqa: PLC0415

    from perlindungan._message import localized  # noqa: PLC0415
    from perlindungan.regional._allocate import order_parts  # noqa: PLC0415
    from perlindungan.regional._columnar import Decider, chunk_from_rows  # noqa: PLC0415
    from perlindungan.regional._ranking import ADMITTED, Ranking  # noqa: PLC0415
    from perlindungan.regional._roster import Claims, RosterRow, _row  # noqa: PLC0415
    from perlindungan.regional._stream import _Pass  # noqa: PLC0415

    rows = []
    repeats = frame.set_index("row")[["rid", "field", "first", "rnik"]]
    for record in _records(frame):
        found = repeats.loc[record.line]
        if isinstance(found["field"], str):
            claims = Claims(ids={found["rid"]: int(found["first"])})
            if found["field"] == "nik":
                claims = Claims(niks={found["rnik"]: int(found["first"])})
                repeat = claims.claim_nik(found["rnik"], record.line, found["rid"])
            else:
                repeat = claims.claim_id(found["rid"], record.line)
            rows.append(RosterRow(record.line, None, repeat))
        else:
            rows.append(_row(record, Claims()))
    chunk = chunk_from_rows(rows)
    decider = Decider(program, on)
    decided = decider.decide(chunk)
    run = _Pass(program, on, "en", decider, Ranking(program, on))
    status = run.status(decided.combo, decided.phase)
    errors = {**chunk.errors, **decided.errors}
    n = chunk.rows
    verdict: list[Any] = [None] * n
    messages: list[Any] = [None] * n
    for i in range(n):
        if i in errors:
            status[i] = -1
            messages[i] = localized(errors[i].message, "en")
        else:
            verdict[i] = decider.combos[int(decided.combo[i])].verdict.value
    out = pd.DataFrame(
        {
            "row": pd.Series(chunk.numbers, dtype="int64"),
            "id": pd.Series([_row_id(r) for r in rows], dtype=object),
            "verdict": pd.Series(verdict, dtype=object),
            "status0": pd.Series(status, dtype="int8"),
            "error": pd.Series(messages, dtype=object),
        }
    )
    place = status == ADMITTED
    out["role"] = pd.Series(
        [chunk.facts["role"].value(i) or "" if place[i] else None for i in range(n)], dtype=object
    )
    out["sub"] = pd.Series(
        [chunk.facts["sub_region"].value(i) if place[i] else None for i in range(n)],
        dtype=object,
    )
    for k, (fact, _) in enumerate(order_parts(program, on)):
        if fact == "phase":
            values = [int(p) for p in decided.phase]
        else:
            values = [chunk.facts[fact].value(i) for i in range(n)]
        out[f"part{k}"] = pd.Series(
            [v if place[i] else None for i, v in enumerate(values)], dtype=object
        )
    return out


def _decided_meta(program: RegionalScheme, on: _dt.date) -> Any:
    import pandas as pd  # noqa: PLC0415

    from perlindungan.regional._allocate import order_parts  # noqa: PLC0415

    frame = pd.DataFrame(
        {
            "row": pd.Series([], dtype="int64"),
            "id": pd.Series([], dtype=object),
            "verdict": pd.Series([], dtype=object),
            "status0": pd.Series([], dtype="int8"),
            "error": pd.Series([], dtype=object),
            "role": pd.Series([], dtype=object),
            "sub": pd.Series([], dtype=object),
        }
    )
    for k in range(len(order_parts(program, on))):
        frame[f"part{k}"] = pd.Series([], dtype=object)
    return frame


def _key_partition(frame: Any, program: RegionalScheme, ranks: list[dict[Any, int]]) -> Any:
    """The sort key of each row to place (step 3): the ranks of its order parts in fixed
    width, the SHA-256 tie-break, the id."""
    import pandas as pd  # noqa: PLC0415

    base = hashlib.sha256(f"{program.id}:".encode())
    keys = []
    for values in frame[[f"part{k}" for k in range(len(ranks))] + ["id"]].itertuples(
        index=False, name=None
    ):
        *parts, ident = values
        h = base.copy()
        h.update(ident.encode())
        text = "".join(f"{ranks[k][_hashable(v)]:0{_WIDTH}x}" for k, v in enumerate(parts))
        keys.append(text + h.hexdigest() + ident)
    return pd.DataFrame(
        {
            "key": pd.Series(keys, dtype="string[pyarrow]", index=frame.index),
            "row": frame["row"].to_numpy(),
            "role": frame["role"].to_numpy(),
            "sub": frame["sub"].to_numpy(),
        },
        index=frame.index,
    )


def _distinct(frame: Any, parts: list[str]) -> list[set[Any]]:
    """The distinct values of each order part, of the role and of the sub-region."""
    return [{_hashable(v) for v in frame[c]} for c in [*parts, "role", "sub"]]


def _hashable(value: Any) -> Any:
    """The value, or None for a missing one (None, NaN, pandas' NA)."""
    import pandas as pd  # noqa: PLC0415

    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _row_id(row: Any) -> str:
    return str(row.person.id if row.person is not None else row.error.id)


def _ranks(program: RegionalScheme, on: _dt.date, distinct: list[set[Any]]) -> list[dict[Any, int]]:
    """For each order part, the rank of each distinct value (the in-memory ranking's rule:
    the part's function once per value, its results sorted)."""
    from perlindungan.regional._allocate import order_parts  # noqa: PLC0415

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
    it left; the state after it."""
    import pandas as pd  # noqa: PLC0415

    placer, roles, subs, done = copy.deepcopy(state)
    frame = frame.sort_values("key")
    role = np.array([roles[r] for r in frame["role"]], dtype=np.int32)
    sub = np.array([subs[s] for s in frame["sub"].map(_hashable)], dtype=np.int32)
    status, reason, _ = placer.place(role, sub, np.full(len(role), -1, dtype=np.int16))
    reasons = placer.reasons
    out = pd.DataFrame(
        {
            "row": frame["row"].to_numpy(dtype="int64"),
            "status": pd.Series([_STATUS[s] for s in status], dtype=object),
            "rank": pd.Series(np.arange(done + 1, done + len(frame) + 1), dtype="Int64"),
            "reason": pd.Series([reasons[r] if r >= 0 else None for r in reason], dtype=object),
        }
    )
    return out, (placer, roles, subs, done + len(frame))


def evaluate_dask(program: RegionalScheme, roster: Any, *, on: DateLike) -> Any:
    """Decisions and allocation of a roster given as a Dask DataFrame (text columns among
    :data:`~perlindungan.regional.FACTS`, and ``row``: each row's distinct line number,
    which orders the roster), computed on the cluster: a Dask DataFrame of
    :data:`RESULT_COLUMNS` in roster order. ``status`` is ``admitted``, ``waitlisted``,
    ``phase_not_started``, ``not_considered`` or None for a row error; ``reason`` is the
    reason's English text (the per-person engine's message id). The result does not
    depend on the number of partitions."""
    import dask.dataframe as dd  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415
    from dask.base import compute  # noqa: PLC0415
    from dask.delayed import delayed  # noqa: PLC0415

    from perlindungan.regional._evaluate import evaluate  # noqa: PLC0415
    from perlindungan.regional._ranking import BatchPlacer  # noqa: PLC0415

    day = to_date(on, field="on")
    evaluate(program, [], on=day)  # the scheme must be in force
    if (
        program.phased_places
        or program.quota.sub_region_split is not None
        or program.nik_prefix_as_domicile
    ):
        raise InvalidInputError(
            f"evaluate_dask: scheme {program.id} has places per phase, a quota split among "
            "sub-regions or the NIK area code as the domicile, which the columnar engine "
            "does not decide; use evaluate_roster_file or run_roster.",
            field="scheme",
        )
    claims_meta = pd.DataFrame(
        {
            "row": pd.Series([], dtype="int64"),
            "id": pd.Series([], dtype=object),
            "nik": pd.Series([], dtype=object),
        }
    )
    claims = roster.map_partitions(_claims_partition, meta=claims_meta)
    repeats = _repeats(claims).rename(columns={"id": "rid", "nik": "rnik"})
    marked = roster.merge(repeats, on="row", how="left")
    decided = marked.map_partitions(
        _decide_partition, program, day, meta=_decided_meta(program, day)
    ).persist()
    place = decided[decided["status0"] == 0]
    parts = [c for c in decided.columns if c.startswith("part")]
    # the distinct values of each column, per partition (few; no shuffle of the values)
    found = compute(*(delayed(_distinct)(p, parts) for p in place.to_delayed()))
    union: list[set[Any]] = [set() for _ in range(len(parts) + 2)]
    for sets in found:
        for k, values in enumerate(sets):
            union[k] |= values
    ranks = _ranks(program, day, union[: len(parts)])
    roles = {r: k for k, r in enumerate(sorted(union[-2]))}
    subs = {s: k for k, s in enumerate(sorted(union[-1], key=lambda s: (s is None, s or "")))}
    keyed = place.map_partitions(
        _key_partition,
        program,
        ranks,
        meta=pd.DataFrame({"key": [], "row": [], "role": [], "sub": []}).astype(
            {"key": "string[pyarrow]", "row": "int64", "role": object, "sub": object}
        ),
    )
    ordered = keyed.sort_values("key")
    # (no places per phase and no quota split here: refused above; the phase and the
    # counts per sub-region are not needed)
    placer = BatchPlacer(program, day, list(roles), list(subs), [0] * len(subs))
    state: Any = (placer, roles, subs, 0)
    frames = []
    for part in ordered.to_delayed():
        frame, state = delayed(_place_partition, nout=2)(part, state)
        frames.append(frame)
    placed_meta = pd.DataFrame(
        {
            "row": pd.Series([], dtype="int64"),
            "status": pd.Series([], dtype=object),
            "rank": pd.Series([], dtype="Int64"),
            "reason": pd.Series([], dtype=object),
        }
    )
    placed = dd.from_delayed(frames, meta=placed_meta, verify_meta=False)
    result = decided[["row", "id", "verdict", "status0", "error"]].merge(
        placed, on="row", how="left"
    )
    result = result.map_partitions(_final_status, meta=_result_meta())
    return result.sort_values("row")


def _final_status(frame: Any) -> Any:
    before = frame["status0"].map(lambda s: _STATUS[s] if s >= 0 else None)
    frame = frame.assign(status=frame["status"].where(frame["status"].notna(), before))
    return frame[list(RESULT_COLUMNS)]


def _result_meta() -> Any:
    import pandas as pd  # noqa: PLC0415

    return pd.DataFrame(
        {
            "row": pd.Series([], dtype="int64"),
            "id": pd.Series([], dtype=object),
            "verdict": pd.Series([], dtype=object),
            "status": pd.Series([], dtype=object),
            "rank": pd.Series([], dtype="Int64"),
            "reason": pd.Series([], dtype=object),
            "error": pd.Series([], dtype=object),
        }
    )
