# ruff: noqa: ANN401 - pandas and pyarrow objects are optional and untyped here
"""One partition of a Dask roster, read and decided by the chunked path's own machinery.

A partition (pandas, text cells, ``row``: each row's line, and perhaps ``problem``: why
the file reader could not read a row, see :mod:`~perlindungan.regional._dask_read`) becomes an input-layer
:class:`~perlindungan._input.blocks.Block` and is read by
:func:`~perlindungan.regional._roster_columns.chunk_from_block` (the memory engine's CSV
reader: every distinct cell read once by the per-person reader) and decided by the
columnar :class:`~perlindungan.regional._columnar.Decider`. Ids and NIKs an earlier line
used are found across partitions by Dask (:mod:`~perlindungan.regional._dask_roster`)
and given here as the rows' repeats.

Each partition's decider numbers its combinations of condition results and its notes on
its own; :class:`PartitionFacts` carries them (and the row errors, counts and the distinct
values the allocation ranks) back to the client, which numbers them once for the whole
roster (:func:`merge_facts`) so that every partition's codes can be made global.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections import Counter
from typing import Any, Final

import attrs
import numpy as np
from numpy.typing import NDArray

from perlindungan._input.blocks import Block
from perlindungan._input.table import Record
from perlindungan._message import localized
from perlindungan.errors import InvalidInputError
from perlindungan.regional._allocate import order_parts
from perlindungan.regional._columnar import Chunk, Combo, Decider, FactColumn, Lookups
from perlindungan.regional._person import FACTS
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._ranking import ADMITTED, Ranking
from perlindungan.regional._roster import Claims, RowError
from perlindungan.regional._roster_columns import chunk_from_block
from perlindungan.regional._stream import _Pass

__all__ = [
    "DECIDED",
    "PartitionFacts",
    "claims_partition",
    "decide_partition",
    "decided_meta",
    "hashable",
    "remap_partition",
]

#: Columns of a decided partition (every row): the pass-1 record of the chunked path
#: (``combo`` and ``notes`` numbered by the partition's decider until remapped), the raw
#: sub-region, and for a row to place its role, activity (key and value in rupiah as text,
#: construction schemes) and order-part values ``part0``, ``part1``, ...
DECIDED: Final = (
    "row",
    "id",
    "combo",
    "phase",
    "sub",
    "status",
    "notes",
    "error",
    "role",
    "activity",
    "value",
)


@attrs.frozen
class PartitionFacts:
    """What a partition's decision numbers on its own, and what the client sums up."""

    combos: list[Combo]
    notes: list[tuple[str, ...]]
    errors: list[RowError]
    verdicts: Counter[str]
    statuses: Counter[int]
    subs: set[str | None]
    roles: set[str]
    #: Rows to place of each raw sub-region (a quota split among sub-regions needs them).
    sub_counts: Counter[str | None]
    #: The distinct values of each order part among the rows to place.
    parts: list[set[Any]]


def hashable(value: Any) -> Any:
    """The value, or None for a missing one (None, NaN, pandas' NA)."""
    import pandas as pd  # noqa: PLC0415

    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _chunk(frame: Any) -> Chunk:
    """The partition read as the chunked path reads a CSV block (no claims: Dask finds
    the repeats)."""

    columns = {c: _texts(frame[c]) for c in frame.columns if c in FACTS}
    lines = frame["row"].to_numpy(dtype=np.int64)
    problems = {}
    if "problem" in frame.columns:  # rows the file reader could not read
        for i, text in enumerate(frame["problem"].tolist()):
            if isinstance(text, str):
                key, message, field = json.loads(text)
                problem = InvalidInputError(message, field=field)
                problems[i] = Record(int(lines[i]), {"id": key}, problem)
    block = Block(lines, columns, problems)
    return chunk_from_block(block, Lookups(), Claims(deferred=True))


def _texts(column: Any) -> Any:
    """A column of cells as a pyarrow string array, a missing cell blank (text columns
    straight from their Arrow or object data; any other value as ``str`` gives it)."""
    import pyarrow as pa  # noqa: PLC0415

    try:
        found = pa.array(column, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        found = None
    if found is None or not (
        pa.types.is_string(found.type) or pa.types.is_large_string(found.type)
    ):
        texts = ["" if hashable(v) is None else str(v) for v in column.tolist()]
        return pa.array(texts, pa.string())
    return found.cast(pa.string()).fill_null("")


def claims_partition(frame: Any) -> Any:
    """Line, id and NIK of each readable row of a partition."""
    import pandas as pd  # noqa: PLC0415

    chunk = _chunk(frame)
    keep = np.ones(chunk.rows, dtype=bool)
    keep[list(chunk.errors)] = False
    ids = np.array(_ids(chunk, {}), dtype=object)
    return pd.DataFrame(
        {
            "row": pd.Series(chunk.numbers[keep], dtype="int64"),
            "id": pd.Series(ids[keep], dtype=object),
            "nik": pd.Series(_values(chunk.facts["nik"])[keep], dtype=object),
        }
    )


def _repeat_errors(frame: Any, chunk: Chunk) -> dict[int, RowError]:
    """The row errors of the rows whose id or NIK an earlier line used (the merged
    ``rfield``, ``rfirst``, ``rid`` and ``rnik`` columns), by index in the partition."""
    errors = {}
    marked = np.flatnonzero(frame["rfield"].notna().to_numpy())
    found = frame[["rfield", "rfirst", "rid", "rnik"]].iloc[marked]
    for i, (field, first, ident, nik) in zip(
        marked.tolist(), found.itertuples(index=False, name=None), strict=True
    ):
        if field == "nik":
            error = Claims(niks={nik: int(first)}).claim_nik(nik, int(chunk.numbers[i]), ident)
        else:
            error = Claims.repeated_id(ident, int(chunk.numbers[i]), int(first))
        assert error is not None
        errors[i] = error
    return errors


def _values(column: FactColumn) -> NDArray[Any]:
    """Each row's value of a fact (None when unknown), as an object array."""
    table = np.empty(len(column.values) + 1, dtype=object)
    for k, value in enumerate(column.values):  # one by one: a value may be a tuple
        table[k + 1] = value
    return table[column.codes + 1]


def _ids(chunk: Chunk, errors: dict[int, RowError]) -> list[str]:
    """Each row's id: its person's, or its row error's."""
    found = chunk.ids if isinstance(chunk.ids, list) else chunk.ids.to_pylist()
    ids = ["" if v is None else str(v) for v in found]
    for i, error in errors.items():
        ids[i] = error.id
    return ids


def decide_partition(
    frame: Any, program: RegionalScheme, on: _dt.date, locale: str
) -> tuple[Any, PartitionFacts]:
    """The decided partition (columns :data:`DECIDED` and the order parts) and what its
    decider numbered."""
    import pandas as pd  # noqa: PLC0415

    frame = frame.sort_values("row")
    chunk = _chunk(frame)
    repeats = _repeat_errors(frame, chunk)
    errors_in = {**chunk.errors, **repeats}
    # a repeat is decided as nobody: the reader's claim would have kept it from a person
    chunk = attrs.evolve(chunk, errors=dict(sorted(errors_in.items())))
    decider = Decider(program, on)
    decided = decider.decide(chunk)
    run = _Pass(program, on, locale, decider, Ranking(program, on))
    status = run.status(decided.combo, decided.phase)
    errors = {**chunk.errors, **decided.errors}
    n = chunk.rows
    messages: list[str | None] = [None] * n
    for i, error in errors.items():
        status[i] = -1
        message = localized(error.message, locale)
        messages[i] = json.dumps([error.id, message, error.field], ensure_ascii=False)
    combos = decider.combos
    verdicts: Counter[str] = Counter()
    counts = np.bincount(decided.combo[decided.combo >= 0], minlength=len(combos))
    for code in np.flatnonzero(counts).tolist():
        verdicts[combos[code].verdict.value] += int(counts[code])
    statuses: Counter[int] = Counter(status[status >= 0].tolist())
    place = status == ADMITTED
    where = np.flatnonzero(place)
    subs = _values(chunk.facts["sub_region"])
    roles = _values(chunk.facts["role"])
    roles[roles == None] = ""  # noqa: E711 - elementwise: a row to place without a role
    roles[~place] = None
    ids = _ids(chunk, errors)
    out = pd.DataFrame(
        {
            "row": pd.Series(chunk.numbers, dtype="int64"),
            "id": pd.Series(ids, dtype=object),
            "combo": pd.Series(decided.combo, dtype="int32"),
            "phase": pd.Series(decided.phase, dtype="int16"),
            "sub": pd.Series(subs, dtype=object),
            "status": pd.Series(status, dtype="int8"),
            "notes": pd.Series(decided.notes, dtype="int32"),
            "error": pd.Series(messages, dtype=object),
            "role": pd.Series(roles, dtype=object),
        }
    )
    activity = np.full(n, None, dtype=object)
    value = np.full(n, None, dtype=object)
    if program.coverage.scheme == "construction":
        act, amount = chunk.facts["activity_id"], chunk.facts["activity_value"]
        for i in where.tolist():
            activity[i] = act.value(i) or ids[i]
            found = amount.value(i)
            # as text (a shuffle moves Arrow columns): the budget reads it back
            value[i] = None if found is None else str(found.amount)
    out["activity"] = pd.Series(activity, dtype=object)
    out["value"] = pd.Series(value, dtype=object)
    parts: list[set[Any]] = []
    for k, (fact, _) in enumerate(order_parts(program, on)):
        phase = fact == "phase"
        values = decided.phase.astype(object) if phase else _values(chunk.facts[fact])
        values[~place] = None
        out[f"part{k}"] = pd.Series(values, dtype=object)
        parts.append(set(values[where].tolist()))
    facts = PartitionFacts(
        combos=list(combos),
        notes=list(decider.notes),
        errors=[errors[i] for i in sorted(errors)],
        verdicts=verdicts,
        statuses=statuses,
        subs=set(subs.tolist()),
        roles={str(r) for r in roles[where].tolist()},
        sub_counts=Counter(subs[where].tolist()),
        parts=parts,
    )
    return out, facts


def decided_meta(parts: int) -> Any:
    """An empty decided partition (with ``parts`` order parts)."""
    import pandas as pd  # noqa: PLC0415

    types = {"row": "int64", "combo": "int32", "phase": "int16", "status": "int8"}
    types["notes"] = "int32"
    names = [*DECIDED, *(f"part{k}" for k in range(parts))]
    return pd.DataFrame({c: pd.Series([], dtype=types.get(c, object)) for c in names})


def remap_partition(frame: Any, combos: Any, notes: Any) -> Any:
    """The partition with its combinations and notes numbered for the whole roster
    (``combos[k]``: the roster's number of the partition's combination ``k``)."""
    combo = frame["combo"].to_numpy()
    note = frame["notes"].to_numpy()
    ok = combo >= 0
    combo = np.where(ok, np.asarray(combos, dtype=np.int32)[np.maximum(combo, 0)], -1)
    note = np.asarray(notes, dtype=np.int32)[note]
    return frame.assign(combo=combo.astype(np.int32), notes=note.astype(np.int32))
