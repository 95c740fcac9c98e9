# ruff: noqa: ANN401 - pyarrow objects are optional and untyped here
"""Allocation of a columnar roster: the order and the quotas of
:func:`~perlindungan.regional.allocate`, on arrays.

The order is the per-person engine's: each part of
:func:`~perlindungan.regional._allocate.order_parts` is computed once per distinct value
and replaced by its rank among the distinct values, then the SHA-256 tie-break (its first 8
bytes; rows equal on those are ordered by the full key, as the per-person engine orders
them), then the input order. Places are given by the same
:class:`~perlindungan.regional._allocate.Placer` (the quotas of
:class:`~perlindungan.regional._allocate.QuotaCounter`, caps split from the total by
:func:`~perlindungan.regional._apportion.sub_region_caps`, the places of each phase);
once the total quota is full every later row is waitlisted at once.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs
import numpy as np
from numpy.typing import NDArray

from perlindungan.regional._allocate import (
    Placer,
    QuotaCounter,
    order_parts,
    resolve_sub_region,
    tie_break,
    tie_break_digests,
)
from perlindungan.regional._apportion import sub_region_caps
from perlindungan.regional._columnar import Chunk, FactColumn
from perlindungan.regional._program import RegionalScheme

__all__ = [
    "ADMITTED",
    "NOT_CONSIDERED",
    "NOT_YET",
    "WAITLISTED",
    "BatchPlacer",
    "Placed",
    "Ranking",
]

#: Status codes of the per-row arrays (in the order of ``Status``).
ADMITTED: Final = 0
WAITLISTED: Final = 1
NOT_YET: Final = 2
NOT_CONSIDERED: Final = 3


@attrs.frozen
class Placed:
    """Per eligible row (in the order they were added): status, rank, reason index, and
    phase index (-1: none): the phase admitted into for an admitted row (when the phases
    carry places, perhaps a later one than the row's own), else the row's own."""

    positions: NDArray[np.int64]
    ids: Any  # pyarrow string array: the ids, in the same order
    phase: NDArray[np.int16]
    status: NDArray[np.int8]
    rank: NDArray[np.int64]
    reason: NDArray[np.int16]
    reasons: list[str]

    def ids_of(self, indexes: NDArray[np.int64]) -> list[str]:
        """The ids of these rows."""
        return _take(self.ids, indexes)

    def counts(self) -> tuple[int, int]:
        """How many rows are admitted and how many waitlisted."""
        waitlisted = int((self.status == WAITLISTED).sum())
        return len(self.status) - waitlisted, waitlisted

    def rows(
        self, start: int, stop: int
    ) -> tuple[NDArray[np.int8], NDArray[np.int64], NDArray[np.int16], NDArray[np.int16]]:
        """Status, rank, reason and phase placed into of the rows ``start`` to ``stop``
        (in the order added)."""
        return (
            self.status[start:stop],
            self.rank[start:stop],
            self.reason[start:stop],
            self.phase[start:stop],
        )


@attrs.define
class Ranking:
    """Collects the rows to place, chunk by chunk, then places them all at once."""

    program: RegionalScheme
    on: _dt.date
    parts: list[tuple[str, Callable[[Any], Any]]] = attrs.field(init=False)
    part_ids: list[dict[Any, int]] = attrs.field(init=False)
    roles: dict[str, int] = attrs.field(factory=dict)
    subs: dict[str | None, int] = attrs.field(factory=dict)
    collected: list[tuple[Any, ...]] = attrs.field(factory=list)

    def __attrs_post_init__(self) -> None:
        self.parts = order_parts(self.program, self.on)
        self.part_ids = [{} for _ in self.parts]

    def _ids(self, k: int, column: FactColumn | None, phase: NDArray[np.int16]) -> Any:
        fn = self.parts[k][1]
        memory = self.part_ids[k]
        if column is None:  # the phase: codes are phase indexes
            values: list[Any] = list(self.program.phases)
            codes = phase.astype(np.int32)
        else:
            values, codes = column.values, column.codes
        table = np.empty(len(values) + 1, dtype=np.int32)
        for j, value in enumerate([None, *values]):
            table[j] = memory.setdefault(fn(value), len(memory))
        return table[codes + 1]

    def add(
        self,
        chunk: Chunk,
        where: NDArray[np.int64],
        phase: NDArray[np.int16],
        start: int,
    ) -> None:
        """Rows ``where`` of ``chunk`` (whose first row is roster position ``start``) enter
        the allocation; ``phase`` is their phase index (-1 for none)."""
        if not len(where):
            return
        parts = [
            self._ids(k, None if fact == "phase" else chunk.facts[fact], phase)[
                np.arange(len(where)) if fact == "phase" else where
            ]
            for k, (fact, _) in enumerate(self.parts)
        ]
        ids = _take(chunk.ids, where)
        role = chunk.facts["role"]
        role_table = np.fromiter(
            (self.roles.setdefault(v or "", len(self.roles)) for v in [None, *role.values]),
            dtype=np.int32,
        )
        sub = chunk.facts["sub_region"]
        sub_table = np.fromiter(
            (self.subs.setdefault(v, len(self.subs)) for v in [None, *sub.values]),
            dtype=np.int32,
        )
        self._keep(
            where + start,
            np.stack(parts) if parts else np.empty((0, len(where)), np.int32),
            ids,
            role_table[role.codes[where] + 1],
            sub_table[sub.codes[where] + 1],
            phase,
        )

    def _keep(
        self,
        positions: NDArray[np.int64],
        parts: NDArray[np.int32],
        ids: list[str],
        role: NDArray[np.int32],
        sub: NDArray[np.int32],
        phase: NDArray[np.int16],
    ) -> None:
        """Keep the keys of rows to place (in memory here; the out-of-core ranking writes
        them to disk): roster positions, part ids (one row per order part), person ids,
        role and sub-region codes, phase indexes."""
        h64 = _hash_prefixes(self.program.id, ids)
        self.collected.append((positions, parts, h64, _string_array(ids), role, sub, phase))

    def rank_lookups(self) -> list[NDArray[np.int32]]:
        """Per order part: the rank of each part id among the part's distinct values."""
        lookups = []
        for memory in self.part_ids:
            lookup = np.empty(len(memory), dtype=np.int32)
            for r, value in enumerate(sorted(memory)):
                lookup[memory[value]] = r
            lookups.append(lookup)
        return lookups

    def place(self) -> Placed:
        """Order and place every collected row (their ids are distinct: the roster reader
        makes a repeated id a row error)."""
        if not self.collected:
            empty = np.empty(0, np.int64)
            none = np.empty(0, np.int16)
            return Placed(empty, _string_array([]), none, np.empty(0, np.int8), empty, none, [])
        positions = np.concatenate([c[0] for c in self.collected])
        parts = np.concatenate([c[1] for c in self.collected], axis=1)
        h64 = np.concatenate([c[2] for c in self.collected])
        ids = _concat([c[3] for c in self.collected])
        role = np.concatenate([c[4] for c in self.collected])
        sub = np.concatenate([c[5] for c in self.collected])
        phase = np.concatenate([c[6] for c in self.collected])
        self.collected.clear()
        ranks = [lookup[parts[k]] for k, lookup in enumerate(self.rank_lookups())]
        keys = [positions, h64, *reversed(ranks)]
        order = np.lexsort(keys)
        order = self._ties(order, [*ranks, h64], ids)
        n = len(order)
        counts = np.bincount(sub, minlength=len(self.subs)).tolist()
        placer = BatchPlacer(self.program, self.on, list(self.roles), list(self.subs), counts)
        status = np.empty(n, dtype=np.int8)
        reason = np.empty(n, dtype=np.int16)
        placed = np.empty(n, dtype=np.int16)
        status[order], reason[order], placed[order] = placer.place(
            role[order], sub[order], phase[order]
        )
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.arange(1, n + 1, dtype=np.int64)
        return Placed(positions, ids, placed, status, rank, reason, placer.reasons)

    def _ties(
        self, order: NDArray[np.intp], keys: list[NDArray[Any]], ids: Any
    ) -> NDArray[np.intp]:
        """Rows equal on every sorted key (the priority and the first 8 bytes of the
        tie-break) are put in the per-person engine's order: the full tie-break, then the
        id (distinct ids, so nothing further is needed)."""
        if len(order) < 2:
            return order
        same = np.ones(len(order) - 1, dtype=bool)
        for key in keys:
            sorted_key = key[order]
            same &= sorted_key[1:] == sorted_key[:-1]
        if not same.any():
            return order
        starts = np.flatnonzero(same & ~np.concatenate([[False], same[:-1]]))
        result = order.copy()
        for s in starts.tolist():
            e = s + 1
            while e < len(same) and same[e]:
                e += 1
            group = order[s : e + 1].tolist()
            keyed = []
            for i in group:
                ident = str(ids[i].as_py())
                keyed.append((tie_break(self.program.id, ident), ident, i))
            result[s : e + 1] = [k[-1] for k in sorted(keyed)]
        return result


@attrs.define
class BatchPlacer:
    """Gives places to rows presented in the allocation order, one batch after another,
    by the per-person engine's :class:`~perlindungan.regional._allocate.Placer`: its
    counters carry over from one batch to the next, so placing every row at once (the
    in-memory :class:`Ranking`) and placing them in consecutive batches (the out-of-core
    ranking) give the same statuses, reasons and phases. ``sub_counts`` is the number of
    rows to place of each raw sub-region (for a quota split among sub-regions)."""

    program: RegionalScheme
    on: _dt.date
    roles: list[str]
    raw_subs: list[str | None]
    sub_counts: list[int]
    placer: Placer = attrs.field(init=False)
    resolved: list[str | None] = attrs.field(init=False)
    codes: dict[str, int] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        self.resolved = [resolve_sub_region(self.program, v) for v in self.raw_subs]
        eligible: Counter[str] = Counter()
        for key, count in zip(self.resolved, self.sub_counts, strict=True):
            if key is not None:
                eligible[key] += count
        split = sub_region_caps(self.program, eligible)
        self.placer = Placer(self.program, self.on, QuotaCounter(self.program.quota, split=split))

    @property
    def reasons(self) -> list[str]:
        """The reasons of refusal, by the index in the ``reason`` arrays."""
        return list(self.codes)

    def place(
        self, role: NDArray[np.int32], sub: NDArray[np.int32], phase: NDArray[np.int16]
    ) -> tuple[NDArray[np.int8], NDArray[np.int16], NDArray[np.int16]]:
        """Status, reason index (-1: none) and phase placed into of the next rows in the
        allocation order, given their role and sub-region codes (indexes into ``roles`` and
        ``raw_subs``) and phase indexes."""
        n = len(role)
        status = np.full(n, ADMITTED, dtype=np.int8)
        reason = np.full(n, -1, dtype=np.int16)
        placed_phase = phase.copy()
        roles, raw_subs, resolved = self.roles, self.raw_subs, self.resolved
        codes, placer = self.codes, self.placer
        program, quota = self.program, self.program.quota
        phased = program.phased_places
        counter = placer.counter
        if quota.total is None and not quota.per_role and not counter.sub_capped and not phased:
            return status, reason, placed_phase
        # Counts change only when someone is admitted: between two admissions a row's
        # refusal depends on its (role, sub-region, phase) alone. The refusal of every such
        # slot present is kept in a table; an admission recomputes the slots it may change.
        width = len(raw_subs)
        pair = role.astype(np.int64) * width + sub
        if phased:
            pair = pair * (len(program.phases) + 1) + (phase.astype(np.int64) + 1)
        present, slot = np.unique(pair, return_inverse=True)
        slot = slot.reshape(-1)
        table = np.empty(len(present), dtype=np.int16)
        answer = np.empty(len(present), dtype=np.int16)  # phase admitted into
        keys: list[tuple[int, int, int]] = []
        by_role: dict[int, list[int]] = {}
        by_sub: dict[str | None, list[int]] = {}
        for k, value in enumerate(present.tolist()):
            rest, ph = divmod(value, len(program.phases) + 1) if phased else (value, 0)
            ph = ph - 1 if phased else -1
            r, s = divmod(rest, width)
            keys.append((r, s, ph))
            by_role.setdefault(r, []).append(k)
            by_sub.setdefault(resolved[s], []).append(k)

        def refresh(slots: Iterable[int]) -> None:
            for k in slots:
                r, s, ph = keys[k]
                why, into = placer.refusal(roles[r], raw_subs[s], resolved[s], ph)
                table[k] = -1 if why is None else codes.setdefault(why, len(codes))
                answer[k] = into

        refresh(range(len(present)))
        pos, window = 0, 64
        while pos < n:
            if counter.total_full():
                why = counter.refusal("", None, None)
                assert why is not None
                status[pos:] = WAITLISTED
                reason[pos:] = codes.setdefault(why, len(codes))
                break
            refused = table[slot[pos : pos + window]]
            fits = np.flatnonzero(refused < 0)
            stop = int(fits[0]) if len(fits) else len(refused)
            status[pos : pos + stop] = WAITLISTED
            reason[pos : pos + stop] = refused[:stop]
            if not len(fits):
                pos += stop
                window = min(window * 4, 1 << 16)
                continue
            i = pos + stop
            k = int(slot[i])
            r, s, _ = keys[k]
            into = int(answer[k])
            placer.admit(roles[r], resolved[s], into)
            if phased:
                placed_phase[i] = into
            # the slots sharing its role or sub-region change only if its own slot stops
            # fitting (its role or sub-region is full), or caps are set per raw name; the
            # slots admitted into its phase only if that phase is now full
            refresh([k])
            again: set[int] = set()
            if table[k] >= 0 or quota.sub_region_quotas:
                again |= set(by_role[r]) | set(by_sub[resolved[s]])
            if phased and placer.used[into] >= (program.phases[into].places or 0):
                again |= set(np.flatnonzero(answer == into).tolist())
            refresh(sorted(again))
            pos += stop + 1
            window = max(64, window // 2)
        return status, reason, placed_phase


def _hash_prefixes(program_id: str, ids: list[str]) -> NDArray[np.uint64]:
    """The first 8 bytes of :func:`tie_break`'s digest of each id, as big-endian integers
    (so they sort as the hexadecimal text does)."""
    digests = tie_break_digests(program_id, ids)
    return np.frombuffer(b"".join(digests), dtype=">u8")[::4].astype(np.uint64)


def _string_array(texts: list[str]) -> Any:
    import pyarrow as pa  # noqa: PLC0415

    return pa.array(texts, pa.string())


def _concat(arrays: list[Any]) -> Any:
    import pyarrow as pa  # noqa: PLC0415

    return pa.concat_arrays(arrays)


def _take(ids: Any, where: NDArray[np.int64]) -> list[str]:
    if isinstance(ids, list):
        return [ids[i] for i in where.tolist()]
    import pyarrow as pa  # noqa: PLC0415

    taken: list[str] = ids.take(pa.array(where)).to_pylist()
    return taken
