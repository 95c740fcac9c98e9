# ruff: noqa: ANN401 - pyarrow objects are optional and untyped here
"""Rosters of any size: read and decided chunk by chunk, placed at once, written as the
per-person engine writes them.

:func:`evaluate_roster_file` gives the files of
:meth:`~perlindungan.regional.RunResult.write_files` (the same bytes) for a roster of any
length: a first pass reads the roster in chunks (pyarrow), decides every row
(:mod:`~perlindungan.regional._columnar`) and keeps a compact record of each chunk in a
temporary Arrow file; allocation orders and places the eligible rows
(:mod:`~perlindungan.regional._ranking`); a second pass renders the output lines of each
chunk as columns. Memory holds one chunk plus the allocation keys of the eligible rows.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import importlib.util
import json
import tempfile
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Final

import attrs
import numpy as np
from numpy.typing import NDArray

from perlindungan._input.outputs import cannot_write
from perlindungan._message import Message, localized
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError
from perlindungan.regional._budget import Budget
from perlindungan.regional._columnar import Chunk, Decider, row_id
from perlindungan.regional._evaluate import Verdict, evaluate
from perlindungan.regional._memory_limit import engine_limit
from perlindungan.regional._outputs import make_folder, output_files
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._ranking import ADMITTED, NOT_CONSIDERED, NOT_YET, Ranking
from perlindungan.regional._ranking_duckdb import OutOfCoreRanking
from perlindungan.regional._repeats_duckdb import (
    Repeats,
    settle_repeats,
    spool_claims,
    take_over_claims,
)
from perlindungan.regional._roster import Claims, RowError
from perlindungan.regional._roster_columns import roster_chunk_stream
from perlindungan.regional._run import budget_csv, render_report
from perlindungan.regional._stream_budget import stream_budget
from perlindungan.regional._stream_lines import ALLOCATION_HEADER, DECISIONS_HEADER, Lines

__all__ = ["AUTO_ROWS", "StreamSummary", "evaluate_roster_file"]

#: Rows waiting for allocation past which the ``auto`` engine moves them to DuckDB (about
#: 190 bytes each in memory).
AUTO_ROWS: Final = 2_000_000
#: Row errors kept in memory (the first, by row; all are counted and written to the files).
KEPT_ERRORS: Final = 1000
#: Rows whose output lines are joined in memory at once (about 2 KiB each).
_LINES_AT_ONCE: Final = 8192


@attrs.frozen
class StreamSummary:
    """What a roster gave: the counts of :meth:`RunResult.summary` and the budget."""

    summary: dict[str, int]
    budget: Budget
    #: The first :data:`KEPT_ERRORS` row errors, by row (``summary["row_errors"]`` counts
    #: them all; every one is in ``decisions.csv`` and ``result.json``).
    errors: tuple[RowError, ...]
    files: tuple[Path, ...]


@attrs.define
class _Pass:
    """State of one run: program, date, the deciders and what pass 1 found."""

    program: RegionalScheme
    on: _dt.date
    locale: str
    decider: Decider
    ranking: Ranking
    eligible: NDArray[np.bool_] = attrs.field(factory=lambda: np.zeros(0, bool))
    verdicts: Counter[str] = attrs.field(factory=Counter)
    statuses: Counter[int] = attrs.field(factory=Counter)
    errors: list[RowError] = attrs.field(factory=list)  # the first KEPT_ERRORS
    error_count: int = 0
    rows: int = 0
    subs: dict[str | None, int] = attrs.field(factory=dict)
    activity: dict[int, tuple[str, Any]] = attrs.field(factory=dict)
    repeats: Repeats | None = None

    def started(self) -> NDArray[np.bool_]:
        """Per phase index + 1 (index 0: no phase): may a row of that phase be placed."""
        phases = self.program.phases
        if not phases:
            return np.ones(1, dtype=bool)
        return np.array([False, *(ph.start <= self.on for ph in phases)], dtype=bool)

    def status(self, combo: NDArray[np.int32], phase: NDArray[np.int16]) -> NDArray[np.int8]:
        """Status before allocation: NOT_CONSIDERED, NOT_YET or ADMITTED (to be placed)."""
        combos = self.decider.combos
        if len(self.eligible) < len(combos):
            self.eligible = np.array([c.verdict is Verdict.ELIGIBLE for c in combos], bool)
        ok = np.zeros(len(combo), dtype=bool)
        valid = combo >= 0
        ok[valid] = self.eligible[combo[valid]]
        started = self.started()
        status = np.full(len(combo), NOT_CONSIDERED, dtype=np.int8)
        place = ok & started[np.where(phase >= 0, phase + 1, 0) if len(started) > 1 else 0]
        status[ok] = NOT_YET
        status[place] = ADMITTED
        return status


def _compact(run: _Pass, chunk: Chunk, start: int) -> Any:
    """Pass 1 for one chunk: decide, count, hand the rows to place to the ranking; the
    record kept for pass 2."""
    import pyarrow as pa  # noqa: PLC0415

    decided = run.decider.decide(chunk)
    status = run.status(decided.combo, decided.phase)
    errors = {**chunk.errors, **decided.errors}
    for i in sorted(errors):
        if len(run.errors) < KEPT_ERRORS:
            run.errors.append(errors[i])
        status[i] = -1
    run.error_count += len(errors)
    combos = run.decider.combos
    counts = np.bincount(decided.combo[decided.combo >= 0], minlength=len(combos))
    for code in np.flatnonzero(counts).tolist():
        run.verdicts[combos[code].verdict.value] += int(counts[code])
    counts = np.bincount(status[status >= 0], minlength=4)
    for code in np.flatnonzero(counts).tolist():
        run.statuses[code] += int(counts[code])
    if isinstance(run.ranking, OutOfCoreRanking):
        spool_claims(run.ranking.connection, chunk, decided.combo, status, start)
    where = np.flatnonzero(status == ADMITTED)
    run.ranking.add(chunk, where, decided.phase[where], start)
    sub = chunk.facts["sub_region"]
    table = np.fromiter(
        (run.subs.setdefault(v, len(run.subs)) for v in [None, *sub.values]), dtype=np.int32
    )
    if run.program.coverage.scheme == "construction" and not isinstance(
        run.ranking, OutOfCoreRanking
    ):
        act, value = chunk.facts["activity_id"], chunk.facts["activity_value"]
        for i in where.tolist():
            key = act.value(i) or row_id(chunk.ids, i)
            run.activity[start + i] = (key, value.value(i))
    ids = chunk.ids if not isinstance(chunk.ids, list) else pa.array(chunk.ids, pa.string())
    messages: list[str | None] = [None] * chunk.rows
    for i, error in errors.items():
        message = localized(error.message, run.locale)
        messages[i] = json.dumps([error.id, message, error.field], ensure_ascii=False)
    return pa.record_batch(
        {
            "row": pa.array(chunk.numbers),
            "id": ids,
            "combo": pa.array(decided.combo),
            "phase": pa.array(decided.phase),
            "sub": pa.array(table[sub.codes + 1]),
            "status": pa.array(status),
            "notes": pa.array(decided.notes),
            "error": pa.array(messages, pa.string()),
        }
    )


def evaluate_roster_file(
    program: RegionalScheme,
    roster: str | Path,
    folder: str | Path,
    *,
    on: _dt.date | str,
    locale: str = "id_ID",
    chunk_rows: int = 100_000,
    delimiter: str | None = None,
    inputs: Sequence[str | Path] = (),
    progress: Callable[[int, int], None] | None = None,
    files: Collection[str] | None = None,
    engine: str = "auto",
    memory_limit: str | None = None,
) -> StreamSummary:
    """Evaluate, allocate and budget a roster file of any length and write
    ``decisions.csv``, ``allocation.csv``, ``budget.csv``, ``result.json`` and
    ``report.txt`` into ``folder`` (created if needed): the files of
    :meth:`~perlindungan.regional.RunResult.write_files` for the same roster, byte for byte.

    The roster is read by the input layer's roster reader (as :func:`read_roster`): every
    row keeps its file line, an unreadable row is a row error, and a person id or NIK
    repeated on a later line is a row error, so nobody is decided or admitted twice; a
    birth date after ``on`` is a row error of that row. ``chunk_rows`` bounds the rows
    decided at once; the result does not depend on it. No output file is written over the
    roster or one of ``inputs``. ``progress(done, total)`` is called after each chunk with
    how much of the roster has been decided: bytes of a CSV or JSON lines file, rows of a
    workbook (total 0 when its sheet does not declare them); each is read block by block,
    of any length. ``files`` names the files
    to write (default: all five); a line of a file not asked for is never rendered.

    ``engine`` says where the rows to place wait for allocation: ``"memory"`` (arrays in
    memory, about 190 bytes per eligible row), ``"duckdb"`` (a DuckDB database in a
    temporary folder, ordered out of core: the ``large`` extra) or ``"auto"`` (memory,
    moving to DuckDB once more than :data:`AUTO_ROWS` rows wait, when DuckDB is
    installed). The files do not depend on it. ``memory_limit`` is how much memory DuckDB
    may use before it spills to disk, a size such as ``"512MB"`` or ``"2GB"``
    (:func:`~perlindungan.regional._memory_limit.memory_limit_of`; default
    :data:`~perlindungan.regional._memory_limit.DEFAULT_MEMORY_LIMIT`); it applies to the
    ``duckdb`` and ``auto`` engines.
    """
    limit = engine_limit(engine, memory_limit)
    if chunk_rows < 1:
        raise InvalidInputError(
            Message(
                "{field} must be at least 1, got {value}.", field="chunk_rows", value=chunk_rows
            ),
            field="chunk_rows",
        )
    day = to_date(on, field="on")
    evaluate(program, [], on=day)  # the program must be in force
    path = Path(roster)
    target = Path(folder)
    wanted = output_files(target, files, [path, *inputs])
    # the out-of-core engine finds repeated ids and NIKs in DuckDB, not in memory
    claims = Claims(deferred=engine == "duckdb")
    make_folder(target)  # before the roster is opened: a folder refused leaves no file open
    chunks, total = roster_chunk_stream(
        path, chunk_rows=chunk_rows, delimiter=delimiter, claims=claims
    )
    with tempfile.TemporaryDirectory(prefix="perlindungan-") as scratch:
        spill = Path(scratch) / "pass1.arrow"
        run = _first_pass(
            program, day, locale, chunks, (Path(scratch), engine, claims, limit), total, progress
        )
        try:
            placed = place_rows(run)
            return write_files(run, placed, _spilled(run, spill), target, wanted)
        except OSError as exc:
            raise cannot_write(target, exc, into=True) from None
        finally:
            if isinstance(run.ranking, OutOfCoreRanking):
                run.ranking.close()


def _first_pass(
    program: RegionalScheme,
    day: _dt.date,
    locale: str,
    chunks: Iterator[Chunk],
    where: tuple[Path, str, Claims, str],
    total: int,
    progress: Callable[[int, int], None] | None,
) -> _Pass:
    import pyarrow as pa  # noqa: PLC0415

    scratch, engine, claims, limit = where
    spill = scratch / "pass1.arrow"
    ranking = (
        OutOfCoreRanking(program, day, scratch=scratch / "allocation", memory_limit=limit)
        if engine == "duckdb"
        else Ranking(program, day)
    )
    run = _Pass(program, day, locale, Decider(program, day), ranking)
    writer = None
    try:
        for chunk in chunks:
            batch = _compact(run, chunk, run.rows)
            run.rows += chunk.rows
            if engine == "auto" and _too_many(run.ranking):
                run.ranking = OutOfCoreRanking.taking_over(
                    run.ranking, run.activity, scratch=scratch / "allocation", memory_limit=limit
                )
                take_over_claims(run.ranking.connection, claims)
            if progress is not None:
                progress(chunk.read or run.rows, total)
            if writer is None:
                writer = pa.ipc.new_file(str(spill), batch.schema)
            writer.write_batch(batch)
    finally:
        if writer is not None:
            writer.close()
    return run


def place_rows(run: _Pass) -> Any:
    """After the first pass: the repeats found out of core settled, every row placed."""
    if isinstance(run.ranking, OutOfCoreRanking):
        run.repeats = settle_repeats(run.ranking.connection, run, KEPT_ERRORS)
    return run.ranking.place()


def _too_many(ranking: Ranking) -> bool:
    """True when the in-memory ranking holds more than :data:`AUTO_ROWS` rows and DuckDB
    is installed to take them over."""
    if isinstance(ranking, OutOfCoreRanking):
        return False
    held = sum(len(c[0]) for c in ranking.collected)
    return held > AUTO_ROWS and importlib.util.find_spec("duckdb") is not None


def _spilled(run: _Pass, spill: Path) -> Iterator[Any]:
    """The pass-1 records of the run, batch by batch in roster order, with the repeats
    the out-of-core engine found written as row errors."""
    import pyarrow as pa  # noqa: PLC0415

    offset = 0
    with pa.ipc.open_file(pa.OSFile(str(spill))) as spilled:
        for k in range(spilled.num_record_batches):
            batch = spilled.get_batch(k)
            if run.repeats is not None:
                batch = run.repeats.patch(batch, offset, run.locale)
            offset += batch.num_rows
            yield batch


def write_files(
    run: _Pass, placed: Any, batches: Iterable[Any], target: Path, wanted: tuple[str, ...]
) -> StreamSummary:
    """Write the files ``wanted`` into ``target`` from a finished run: ``placed`` gives
    the counts, reasons, budget groups and the placements of the rows to place in roster
    order (:meth:`~perlindungan.regional._ranking.Placed.rows`); ``batches`` are the
    pass-1 records (columns of :func:`_compact`) in roster order, read only when a file
    of lines is asked for."""
    program, day, locale = run.program, run.on, run.locale
    admitted, waitlisted = placed.counts()
    summary = {
        "rows": run.rows,
        "decisions": run.rows - run.error_count,
        "row_errors": run.error_count,
        **{k: run.verdicts.get(k, 0) for k in ("eligible", "not_eligible", "undetermined")},
        "admitted": admitted,
        "waitlisted": waitlisted,
        "phase_not_started": run.statuses.get(NOT_YET, 0),
        "not_considered": run.statuses.get(NOT_CONSIDERED, 0),
    }
    budget = stream_budget(run, placed)
    files = {name: target / name for name in wanted}
    if "budget.csv" in files:
        files["budget.csv"].write_text(budget_csv(budget, program, locale), encoding="utf-8")
    if "report.txt" in files:
        report = render_report(program, day, summary, budget, run.errors, locale)
        files["report.txt"].write_text(report + "\n", encoding="utf-8")
    document = {
        "program": program.id,
        "on": day.isoformat(),
        "summary": summary,
        "people": ["\ue000P"] if run.rows else [],
        "budget": budget.to_dict(),
    }
    head, _, tail = json.dumps(document, ensure_ascii=False, indent=2).partition('\n    "\ue000P"')
    with contextlib.ExitStack() as stack:

        def opened(name: str) -> BinaryIO | None:
            return stack.enter_context(files[name].open("wb")) if name in files else None

        out = (opened("decisions.csv"), opened("allocation.csv"), opened("result.json"))
        decisions, allocation, result = out
        if decisions is not None:
            decisions.write(DECISIONS_HEADER)
        if allocation is not None:
            allocation.write(ALLOCATION_HEADER)
        if result is not None:
            result.write(head.encode())
        if run.rows and any(handle is not None for handle in out):
            lines = Lines(run, placed)
            for batch in batches:
                for start in range(0, batch.num_rows, _LINES_AT_ONCE):
                    lines.chunk(batch.slice(start, _LINES_AT_ONCE), out)
        if result is not None:
            result.write((tail + "\n").encode())
    return StreamSummary(summary, budget, tuple(run.errors), tuple(files.values()))
