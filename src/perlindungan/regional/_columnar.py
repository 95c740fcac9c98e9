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
from collections.abc import Sequence
from typing import Any, Final

import attrs
import numpy as np
from numpy.typing import NDArray

from perlindungan.errors import InvalidInputError, PerlindunganError
from perlindungan.regional._conditions import (
    CONDITIONS,
    Condition,
    ConditionResult,
    condition_result,
    leaves,
    walk,
)
from perlindungan.regional._evaluate import (
    Verdict,
    decision_notes,
    verdict_of,
    with_nik_domicile,
)
from perlindungan.regional._person import FACTS, Person
from perlindungan.regional._program import Phase, RegionalScheme
from perlindungan.regional._roster import RosterRow, RowError, person_from_dict

__all__ = [
    "Chunk",
    "Combo",
    "Decided",
    "Decider",
    "FactColumn",
    "Lookups",
    "distinct_rows",
    "row_id",
]

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
    facts: dict[str, FactColumn]
    errors: dict[int, RowError]
    #: The notes each person's own facts gave (a NIK disagreeing with a given birth date).
    notes: FactColumn
    #: How much of the roster has been read through this chunk (bytes of a CSV file read
    #: in blocks, else 0).
    read: int = 0

    @property
    def rows(self) -> int:
        """Number of rows."""
        return len(self.numbers)


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
    index = {}
    codes = np.fromiter(
        (-1 if p is None or not p.notes else index.setdefault(p.notes, len(index)) for p in people),
        dtype=np.int32,
        count=len(people),
    )
    ids = [p.id if p is not None else None for p in people]
    return Chunk(numbers, ids, facts, errors, FactColumn(codes, list(index)))


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
    """Per row of a chunk: the combination of results (-1 for a row error), the phase
    (index in the scheme's phases, -1 for none) and the notes (index in
    :attr:`Decider.notes`); ``errors`` are the rows the rules could not decide (a birth date
    after the date asked), with the per-person engine's message."""

    combo: NDArray[np.int32]
    phase: NDArray[np.int16]
    notes: NDArray[np.int32]
    errors: dict[int, RowError]


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
    #: (message, field) of each distinct failure of a leaf.
    failures: list[tuple[str, str | None]] = attrs.field(factory=list)
    #: Every distinct tuple of decision notes; index 0 is no note.
    notes: list[tuple[str, ...]] = attrs.field(factory=lambda: [()])
    note_index: dict[tuple[str, ...], int] = attrs.field(factory=lambda: {(): 0})
    note_memory: dict[tuple[Any, Any, int], int] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        self.conditions = leaves(self.program.eligibility)
        self.results = [[] for _ in self.conditions]
        self.memory = [{} for _ in self.conditions]

    def _leaf_codes(self, k: int, column: FactColumn) -> NDArray[np.int32]:
        """Per row, the index (in ``results[k]``) of leaf k's result; ``-1 - f`` when the
        leaf cannot be decided for that value (failure ``f``)."""
        cond, memory, found = self.conditions[k], self.memory[k], self.results[k]
        fact = CONDITIONS[cond.key].fact
        table = np.empty(len(column.values) + 1, dtype=np.int32)
        for j, value in enumerate([None, *column.values]):
            key = (type(value), value)
            code = memory.get(key)
            if code is None:
                person = Person(id="-", **({fact: value} if value is not None else {}))
                try:
                    res = condition_result(cond, person, self.on)
                except PerlindunganError as exc:
                    failure = (
                        exc.message if isinstance(exc, InvalidInputError) else str(exc),
                        getattr(exc, "field", None),
                    )
                    if failure not in self.failures:
                        self.failures.append(failure)
                    code = -1 - self.failures.index(failure)
                else:
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
        """The combination, phase and notes of every row of ``chunk``."""
        rows = chunk.rows
        if not rows:
            return Decided(np.empty(0, np.int32), np.empty(0, np.int16), np.empty(0, np.int32), {})
        chunk, missing = self._nik_domicile(chunk)
        columns = [
            self._leaf_codes(k, chunk.facts[CONDITIONS[c.key].fact])
            for k, c in enumerate(self.conditions)
        ]
        # a row fails on its first leaf (in the order the per-person engine evaluates them)
        # that cannot be decided
        failed = np.full(rows, -1, dtype=np.int32)
        for column in columns:
            hit = (column < 0) & (failed < 0)
            failed[hit] = -1 - column[hit]
        columns = [np.maximum(column, 0) for column in columns]
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
        notes = self._notes(chunk, missing)
        errors = {
            i: RowError(int(chunk.numbers[i]), row_id(chunk.ids, i), *self.failures[failed[i]])
            for i in np.flatnonzero(failed >= 0).tolist()
            if i not in chunk.errors
        }
        bad = [*chunk.errors, *errors]
        if bad:
            where = np.array(bad, dtype=np.int64)
            combo[where] = -1
            phase[where] = -1
            notes[where] = 0
        return Decided(combo, phase, notes, errors)

    def _nik_domicile(self, chunk: Chunk) -> tuple[Chunk, NDArray[np.int32]]:
        """The chunk as the scheme sees it (:func:`with_nik_domicile`): when the scheme
        takes a NIK's area code as the domicile, a missing ``domicile`` and
        ``ktp_region`` of a row with a NIK are that area code (once per distinct NIK); and
        per row, which of the two were missing (bit 1: domicile, bit 2: ktp_region)."""
        missing = np.zeros(chunk.rows, dtype=np.int32)
        nik = chunk.facts["nik"]
        if not self.program.nik_prefix_as_domicile or not nik.values:
            return chunk, missing
        given = nik.codes >= 0
        facts = dict(chunk.facts)
        for bit, fact in ((1, "domicile"), (2, "ktp_region")):
            column = facts[fact]
            hole = np.flatnonzero(given & (column.codes < 0))
            if not len(hole):
                continue
            values = list(column.values)
            areas: dict[Any, int] = {}
            table = np.fromiter(
                (
                    areas.setdefault(
                        getattr(with_nik_domicile(self.program, Person(id="-", nik=v)), fact),
                        len(values) + len(areas),
                    )
                    for v in nik.values
                ),
                dtype=np.int32,
                count=len(nik.values),
            )
            values.extend(areas)
            codes = column.codes.copy()
            codes[hole] = table[nik.codes[hole]]
            facts[fact] = FactColumn(codes, values)
            missing[hole] |= bit
        return attrs.evolve(chunk, facts=facts), missing

    def _notes(self, chunk: Chunk, missing: NDArray[np.int32]) -> NDArray[np.int32]:
        """Per row, the index of its decision's notes (its own, and where its NIK was
        issued or that its area code stood in for a missing domicile), computed once per
        distinct (notes, NIK, missing facts)."""
        own, nik = chunk.notes, chunk.facts["nik"]
        if not own.values and not nik.values:
            return np.zeros(chunk.rows, dtype=np.int32)
        distinct, inverse = distinct_rows([own.codes + 1, nik.codes + 1, missing])
        table = np.fromiter(
            (self._note(own, nik, int(n) - 1, int(k) - 1, int(m)) for n, k, m in distinct),
            dtype=np.int32,
            count=len(distinct),
        )
        return table[inverse]

    def _note(self, own: FactColumn, nik: FactColumn, n: int, k: int, missing: int) -> int:
        key = (own.values[n] if n >= 0 else (), nik.values[k] if k >= 0 else None, missing)
        found = self.note_memory.get(key)
        if found is None:
            # the per-person engine's notes: the facts missing stand in as unknown
            given = Person(
                id="-",
                nik=key[1],
                notes=key[0],
                domicile=None if missing & 1 else "-",
                ktp_region=None if missing & 2 else "-",
            )
            person = with_nik_domicile(self.program, given)
            notes = decision_notes(self.program, person, nik_is_domicile=person is not given)
            found = self.note_index.setdefault(notes, len(self.notes))
            if found == len(self.notes):
                self.notes.append(notes)
            if len(self.note_memory) >= _CACHE_LIMIT:  # one NIK a person: bound the memory
                self.note_memory.clear()
            self.note_memory[key] = found
        return found

    def _phase(self, role: FactColumn, sub: FactColumn, r: int, s: int) -> int:
        key = (role.values[r] if r >= 0 else None, sub.values[s] if s >= 0 else None)
        found = self.phase_memory.get(key)
        if found is None:
            phase: Phase | None = self.program.phase_of(*key)
            found = -1 if phase is None else self.program.phases.index(phase)
            self.phase_memory[key] = found
        return found


def row_id(ids: Any, i: int) -> str:
    """The id of row i of a chunk ('' when it has none)."""
    value = ids[i]
    value = value.as_py() if hasattr(value, "as_py") else value
    return "" if value is None else str(value)
