# ruff: noqa: ANN401 - pyarrow objects are optional and untyped here
"""A roster chunk as columns: each cell value read, and each condition decided, once per
distinct value; rows are mapped to the results with numpy.

Nothing here decides a rule of its own. A distinct cell value is read by
:func:`~perlindungan.regional.person_from_dict` (so its value and its row error are those of
the per-person reader), a leaf condition by
:func:`~perlindungan.regional._conditions.condition_result` on a person holding that value,
and a combination of leaf results by the same tree walk and verdict as
:func:`~perlindungan.regional.evaluate`. A condition added to the vocabulary therefore works
here without a second implementation.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs
import numpy as np
from numpy.typing import NDArray

from perlindungan.errors import InvalidInputError
from perlindungan.regional._conditions import (
    CONDITIONS,
    Condition,
    ConditionResult,
    condition_result,
    leaves,
    walk,
)
from perlindungan.regional._evaluate import Verdict, verdict_of
from perlindungan.regional._person import FACTS, Person
from perlindungan.regional._program import Phase, RegionalScheme
from perlindungan.regional._roster import RosterRow, RowError, person_from_dict

__all__ = [
    "WHITESPACE",
    "Chunk",
    "Combo",
    "Decided",
    "Decider",
    "FactColumn",
    "Lookups",
    "distinct_rows",
]

#: The characters ``str.strip()`` removes (``str.isspace``), for pyarrow's trim.
WHITESPACE: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
#: Facts read per distinct value (``name`` is only kept as text: it decides nothing).
_READ: Final = tuple(f for f in FACTS if f not in ("id", "name"))
#: Distinct values remembered per fact before the memory is cleared (bounds memory).
_CACHE_LIMIT: Final = 200_000


@attrs.frozen
class FactColumn:
    """One fact of a chunk: ``values[codes[i]]`` is row i's value; code -1 is unknown."""

    codes: NDArray[np.int32]
    values: list[Any]

    def value(self, i: int) -> Any:
        """Row i's value (None when unknown)."""
        code = int(self.codes[i])
        return None if code < 0 else self.values[code]


@attrs.frozen
class Chunk:
    """Rows of a roster as columns; a row in ``errors`` has no person."""

    numbers: NDArray[np.int64]
    ids: Any  # trimmed ids: a pyarrow string array, or a list of text
    names: Any  # names as read: a pyarrow string array, or a list of text
    facts: dict[str, FactColumn]
    errors: dict[int, RowError]

    @property
    def rows(self) -> int:
        """Number of rows."""
        return len(self.numbers)

    def person(self, i: int) -> Person:
        """Row i as the per-person engine's :class:`Person` (a row without an error)."""
        values = {f: col.value(i) for f, col in self.facts.items()}
        name = self.names[i]
        name = name.as_py() if hasattr(name, "as_py") else name
        ident = self.ids[i]
        ident = ident.as_py() if hasattr(ident, "as_py") else ident
        values["name"] = None if name is None or not name.strip() else name.strip()
        return Person(id=str(ident), **{k: v for k, v in values.items() if v is not None})


@attrs.define
class Lookups:
    """Cell values already read, per fact: raw text -> (value, (message, field) or None)."""

    seen: dict[str, dict[str, tuple[Any, tuple[str, str | None] | None]]] = attrs.field(
        factory=dict
    )

    def read(self, fact: str, raw: str) -> tuple[Any, tuple[str, str | None] | None]:
        """The value of one cell, or its error, as the per-person reader gives it."""
        memory = self.seen.setdefault(fact, {})
        found = memory.get(raw)
        if found is None:
            if len(memory) >= _CACHE_LIMIT:
                memory.clear()
            try:
                found = (getattr(person_from_dict({"id": "-", fact: raw}), fact), None)
            except InvalidInputError as exc:
                found = (None, (exc.message, exc.field))
            memory[raw] = found
        return found


def _error_of(data: Mapping[str, Any]) -> tuple[str, str | None]:
    try:
        person_from_dict(data)
    except InvalidInputError as exc:
        return exc.message, exc.field
    raise AssertionError(data)  # pragma: no cover - only called for a row that fails


def chunk_from_arrow(
    columns: Mapping[str, Any], first_row: int, lookups: Lookups, raw_header: Sequence[str]
) -> Chunk:
    """A chunk from pyarrow string columns (no nulls; an empty cell is empty text) whose
    row i is roster row ``first_row + i``; ``raw_header`` is the header as written."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    rows = len(next(iter(columns.values()))) if columns else 0
    numbers = np.arange(first_row, first_row + rows, dtype=np.int64)
    raw_ids = columns.get("id")
    ids = (
        pc.utf8_trim(raw_ids, characters=WHITESPACE)
        if raw_ids is not None
        else pa.array([""] * rows, pa.string())
    )
    names = columns.get("name", pa.nulls(rows, pa.string()))
    # first failing fact (index in FACTS) per row; len(FACTS) when none fails
    first_bad = np.full(rows, len(FACTS), dtype=np.int16)
    messages: dict[tuple[int, int], tuple[str, str | None]] = {}
    bad_code = np.full(rows, -1, dtype=np.int32)
    facts: dict[str, FactColumn] = {}
    for index, fact in enumerate(FACTS):
        if fact not in _READ:
            continue
        column = columns.get(fact)
        if column is None:
            facts[fact] = FactColumn(np.full(rows, -1, dtype=np.int32), [])
            continue
        encoded = pc.dictionary_encode(column)
        indices = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int32, copy=False)
        distinct = encoded.dictionary.to_pylist()
        values: list[Any] = []
        codes = np.empty(len(distinct), dtype=np.int32)
        errs = np.full(len(distinct), -1, dtype=np.int32)
        for j, raw in enumerate(distinct):
            if not raw.strip():
                codes[j] = -1
                continue
            value, error = lookups.read(fact, raw)
            if error is not None:
                codes[j] = -1
                errs[j] = j
                messages[index, j] = error
                continue
            codes[j] = len(values)
            values.append(value)
        facts[fact] = FactColumn(codes[indices] if rows else codes[:0], values)
        if (errs >= 0).any():
            row_err = errs[indices]
            newly = (row_err >= 0) & (first_bad == len(FACTS))
            first_bad[newly] = index
            bad_code[newly] = row_err[newly]
    errors: dict[int, RowError] = {}
    blank_id = np.asarray(pc.equal(ids, "").to_numpy(zero_copy_only=False), dtype=bool)
    unknown = [k for k in raw_header if k not in FACTS]
    failing = np.flatnonzero(blank_id | (first_bad < len(FACTS)) | bool(unknown))
    if len(failing):
        raw_list = raw_ids.take(pa.array(failing)).to_pylist() if raw_ids is not None else None
        for n, i in enumerate(failing.tolist()):
            raw_id = raw_list[n] if raw_list is not None else None
            ident = "" if raw_id is None or not raw_id.strip() else str(raw_id)
            if unknown:
                message, field = _error_of(dict.fromkeys(raw_header, ""))
            elif blank_id[i]:
                message, field = _error_of({})
            else:
                message, field = messages[int(first_bad[i]), int(bad_code[i])]
            number = first_row + i
            errors[i] = RowError(number, ident, message, field)
    return Chunk(numbers, ids, names, facts, errors)


def chunk_from_rows(rows: Sequence[RosterRow]) -> Chunk:
    """A chunk from rows read one by one (JSON lines, or CSV the columnar reader refuses)."""
    numbers = np.fromiter((r.row for r in rows), dtype=np.int64, count=len(rows))
    errors = {i: r.error for i, r in enumerate(rows) if r.error is not None}
    people = [r.person for r in rows]
    facts: dict[str, FactColumn] = {}
    for fact in _READ:
        index: dict[Any, int] = {}
        codes = np.fromiter(
            (
                -1
                if p is None or (v := getattr(p, fact)) is None
                else index.setdefault(v, len(index))
                for p in people
            ),
            dtype=np.int32,
            count=len(people),
        )
        facts[fact] = FactColumn(codes, list(index))
    ids = [p.id if p is not None else None for p in people]
    names = [p.name if p is not None else None for p in people]
    return Chunk(numbers, ids, names, facts, errors)


def distinct_rows(columns: Sequence[NDArray[Any]]) -> tuple[NDArray[Any], NDArray[np.intp]]:
    """The distinct rows of equal-length columns of codes >= 0, and each row's index among
    them (a counting pass when the codes are small, a sort otherwise)."""
    if not columns or not len(columns[0]):
        width = len(columns)
        return np.empty((0, width), np.int64), np.zeros(len(columns[0]) if columns else 0, np.intp)
    radix = [int(c.max()) + 1 for c in columns]
    size = 1
    for r in radix:
        size *= r
    if size > 1 << 24:
        distinct, inverse = np.unique(np.stack(columns, axis=1), axis=0, return_inverse=True)
        return distinct, inverse.reshape(-1)
    key = np.zeros(len(columns[0]), dtype=np.int64)
    for c, r in zip(columns, radix, strict=True):
        key = key * r + c
    present = np.zeros(size, dtype=bool)
    present[key] = True
    found = np.flatnonzero(present)
    where = np.empty(size, dtype=np.intp)
    where[found] = np.arange(len(found))
    rows = np.empty((len(found), len(columns)), dtype=np.int64)
    rest = found.copy()
    for j in range(len(columns) - 1, -1, -1):
        rows[:, j] = rest % radix[j]
        rest //= radix[j]
    return rows, where[key]


@attrs.frozen
class Combo:
    """One combination of leaf results: the decision it gives."""

    verdict: Verdict
    results: tuple[ConditionResult, ...]
    missing: tuple[str, ...]


@attrs.frozen
class Decided:
    """Per row of a chunk: the combination of results (-1 for a row error) and the phase
    (index in the scheme's phases, -1 for none)."""

    combo: NDArray[np.int32]
    phase: NDArray[np.int16]


@attrs.define
class Decider:
    """Decides chunks for one scheme and date; remembers every distinct value's result."""

    program: RegionalScheme
    on: _dt.date
    conditions: list[Condition] = attrs.field(init=False)
    results: list[list[ConditionResult]] = attrs.field(init=False)
    memory: list[dict[Any, int]] = attrs.field(init=False)
    combos: list[Combo] = attrs.field(factory=list)
    combo_index: dict[tuple[int, ...], int] = attrs.field(factory=dict)
    phase_memory: dict[tuple[Any, Any], int] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        self.conditions = leaves(self.program.eligibility)
        self.results = [[] for _ in self.conditions]
        self.memory = [{} for _ in self.conditions]

    def _leaf_codes(self, k: int, column: FactColumn) -> NDArray[np.int32]:
        """Per row, the index (in ``results[k]``) of leaf k's result."""
        cond, memory, found = self.conditions[k], self.memory[k], self.results[k]
        fact = CONDITIONS[cond.key].fact
        table = np.empty(len(column.values) + 1, dtype=np.int32)
        for j, value in enumerate([None, *column.values]):
            key = (type(value), value)
            code = memory.get(key)
            if code is None:
                person = Person(id="-", **({fact: value} if value is not None else {}))
                res = condition_result(cond, person, self.on)
                code = found.index(res) if res in found else len(found)
                if code == len(found):
                    found.append(res)
                memory[key] = code
            table[j] = code
        return table[column.codes + 1]

    def _combo(self, codes: tuple[int, ...], activity_known: bool) -> int:
        key = (*codes, int(activity_known))
        found = self.combo_index.get(key)
        if found is None:
            pending = iter(self.results[k][c] for k, c in enumerate(codes))
            results: list[ConditionResult] = []
            outcome = walk(self.program.eligibility, lambda _cond: next(pending), results)
            verdict, missing = verdict_of(
                self.program, outcome, results, activity_value_known=activity_known
            )
            found = len(self.combos)
            self.combos.append(Combo(verdict, tuple(results), missing))
            self.combo_index[key] = found
        return found

    def decide(self, chunk: Chunk) -> Decided:
        """The combination and phase of every row of ``chunk``."""
        rows = chunk.rows
        if not rows:
            return Decided(np.empty(0, np.int32), np.empty(0, np.int16))
        columns = [
            self._leaf_codes(k, chunk.facts[CONDITIONS[c.key].fact])
            for k, c in enumerate(self.conditions)
        ]
        known = (chunk.facts["activity_value"].codes >= 0).astype(np.int32)
        distinct, inverse = distinct_rows([*columns, known])
        table = np.fromiter(
            (self._combo(tuple(int(c) for c in d[:-1]), bool(d[-1])) for d in distinct),
            dtype=np.int32,
            count=len(distinct),
        )
        combo = table[inverse]
        role, sub = chunk.facts["role"], chunk.facts["sub_region"]
        distinct, inverse = distinct_rows([role.codes + 1, sub.codes + 1])
        phase_table = np.fromiter(
            (self._phase(role, sub, int(r) - 1, int(s) - 1) for r, s in distinct),
            dtype=np.int16,
            count=len(distinct),
        )
        phase = phase_table[inverse]
        if chunk.errors:
            where = np.fromiter(chunk.errors, dtype=np.int64, count=len(chunk.errors))
            combo[where] = -1
            phase[where] = -1
        return Decided(combo, phase)

    def _phase(self, role: FactColumn, sub: FactColumn, r: int, s: int) -> int:
        key = (role.values[r] if r >= 0 else None, sub.values[s] if s >= 0 else None)
        found = self.phase_memory.get(key)
        if found is None:
            phase: Phase | None = self.program.phase_of(*key)
            found = -1 if phase is None else self.program.phases.index(phase)
            self.phase_memory[key] = found
        return found
