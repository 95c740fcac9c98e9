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

import csv
import datetime as _dt
import io
import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final

import attrs
import numpy as np
from numpy.typing import NDArray

from perlindungan._i18n import translate
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError
from perlindungan.regional._allocate import (
    NOT_YET_REASON,
    Placement,
    Status,
    first_day,
    resolve_sub_region,
)
from perlindungan.regional._budget import Budget, BudgetLine, premium
from perlindungan.regional._columnar import (
    Chunk,
    Decider,
    Lookups,
    chunk_from_arrow,
    chunk_from_rows,
)
from perlindungan.regional._evaluate import Decision, Verdict, evaluate
from perlindungan.regional._person import Person
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._ranking import ADMITTED, NOT_CONSIDERED, NOT_YET, WAITLISTED, Ranking
from perlindungan.regional._roster import RowError, read_roster
from perlindungan.regional._run import _L_ROW_ERROR, budget_csv, render_report, run_roster

__all__ = ["StreamSummary", "evaluate_roster_file"]

_STATUSES: Final = (Status.ADMITTED, Status.WAITLISTED, Status.NOT_YET, Status.NOT_CONSIDERED)
_NEEDS_QUOTES: Final = re.compile(r'[,"\r\n]')
_JSON_ESCAPE: Final = r'["\\\x00-\x1f]'
_SLOT: Final = re.compile('"\ue000([WIRS])"')


class _RefusedError(Exception):
    """The columnar reader cannot read this file exactly; the row reader will."""


@attrs.frozen
class StreamSummary:
    """What a roster gave: the counts of :meth:`RunResult.summary` and the budget."""

    summary: dict[str, int]
    budget: Budget
    errors: tuple[RowError, ...]
    files: tuple[Path, ...]


def _csv_field(text: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([text, ""])
    return out.getvalue()[:-2]


def _arrow_chunks(path: Path, chunk_rows: int, lookups: Lookups) -> Iterator[Chunk]:
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.csv as pacsv  # noqa: PLC0415

    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), None)
    except (OSError, UnicodeDecodeError) as exc:
        raise _RefusedError from exc
    if not header or len(set(header)) != len(header) or any(not h for h in header):
        raise _RefusedError

    ragged: list[Any] = []

    def invalid(row: Any) -> str:
        ragged.append(row)
        return "skip"

    read = pacsv.ReadOptions(block_size=1 << 24, use_threads=True)
    parse = pacsv.ParseOptions(invalid_row_handler=invalid)
    convert = pacsv.ConvertOptions(
        column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=False
    )
    first = 2
    try:
        with pacsv.open_csv(
            path, read_options=read, parse_options=parse, convert_options=convert
        ) as reader:
            if reader.schema.names != header:
                raise _RefusedError
            for batch in reader:
                if ragged:
                    raise _RefusedError
                for start in range(0, batch.num_rows, chunk_rows):
                    part = batch.slice(start, chunk_rows)
                    columns = dict(zip(header, part.columns, strict=True))
                    yield chunk_from_arrow(columns, first, lookups, header)
                    first += part.num_rows
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise _RefusedError from exc
    if ragged:
        raise _RefusedError


def _row_chunks(path: Path, chunk_rows: int) -> Iterator[Chunk]:
    rows = read_roster(path)
    for start in range(0, len(rows), chunk_rows):
        yield chunk_from_rows(rows[start : start + chunk_rows])


def _chunks(path: Path, chunk_rows: int, lookups: Lookups, *, columnar: bool) -> Iterator[Chunk]:
    if columnar:
        yield from _arrow_chunks(path, chunk_rows, lookups)
    else:
        yield from _row_chunks(path, chunk_rows)


def _columnar_ok(path: Path) -> bool:
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        return False
    try:
        import pyarrow  # noqa: F401, PLC0415
    except ImportError:  # pragma: no cover - the test extra installs pyarrow
        return False
    return True


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
    errors: list[RowError] = attrs.field(factory=list)
    rows: int = 0
    subs: dict[str | None, int] = attrs.field(factory=dict)
    activity: dict[int, tuple[str, Any]] = attrs.field(factory=dict)

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
    for i, error in sorted(chunk.errors.items()):
        run.errors.append(error)
        status[i] = -1
    combos = run.decider.combos
    for code, count in zip(*np.unique(decided.combo, return_counts=True), strict=True):
        if code >= 0:
            run.verdicts[combos[code].verdict.value] += int(count)
    for code, count in zip(*np.unique(status, return_counts=True), strict=True):
        run.statuses[int(code)] += int(count)
    where = np.flatnonzero(status == ADMITTED)
    run.ranking.add(chunk, where, decided.phase[where], start)
    sub = chunk.facts["sub_region"]
    table = np.fromiter(
        (run.subs.setdefault(v, len(run.subs)) for v in [None, *sub.values]), dtype=np.int32
    )
    if run.program.coverage.scheme == "construction":
        act, value = chunk.facts["activity_id"], chunk.facts["activity_value"]
        for i in where.tolist():
            key = act.value(i) or _text(chunk.ids, i)
            run.activity[start + i] = (key, value.value(i))
    ids = chunk.ids if not isinstance(chunk.ids, list) else pa.array(chunk.ids, pa.string())
    messages: list[str | None] = [None] * chunk.rows
    for i, error in chunk.errors.items():
        messages[i] = json.dumps([error.id, error.message, error.field], ensure_ascii=False)
    return pa.record_batch(
        {
            "row": pa.array(chunk.numbers),
            "id": ids,
            "combo": pa.array(decided.combo),
            "phase": pa.array(decided.phase),
            "sub": pa.array(table[sub.codes + 1]),
            "status": pa.array(status),
            "error": pa.array(messages, pa.string()),
        }
    )


def _text(ids: Any, i: int) -> str:
    value = ids[i]
    return str(value.as_py() if hasattr(value, "as_py") else value)


def evaluate_roster_file(
    program: RegionalScheme,
    roster: str | Path,
    folder: str | Path,
    *,
    on: _dt.date | str,
    locale: str = "id_ID",
    chunk_rows: int = 100_000,
    columnar: bool | None = None,
) -> StreamSummary:
    """Evaluate, allocate and budget a roster file of any length and write
    ``decisions.csv``, ``allocation.csv``, ``budget.csv``, ``result.json`` and
    ``report.txt`` into ``folder``: the files of
    :meth:`~perlindungan.regional.RunResult.write_files` for the same roster, byte for byte.

    ``chunk_rows`` bounds the rows held at once; the result does not depend on it.
    ``columnar=False`` reads the roster row by row (as :func:`read_roster`); by default
    CSV is read by pyarrow and falls back to the row reader for a file it cannot read
    exactly (ragged rows, repeated header names).

    Known gap: this path does not yet share the roster reader of the input layer, so a
    person id repeated in the file is decided twice (the one-person reader makes the second
    a row error) and CSV cells are written without the spreadsheet-formula escaping. The
    command line therefore evaluates rosters with :func:`run_roster`; use this function only
    for rosters checked for repeated ids.
    """
    if chunk_rows < 1:
        raise InvalidInputError(
            f"chunk_rows must be at least 1, got {chunk_rows}.", field="chunk_rows"
        )
    day = to_date(on, field="on")
    evaluate(program, [], on=day)  # the program must be in force
    path = Path(roster)
    if not path.is_file():
        read_roster(path)  # raises the reader's error
    use = _columnar_ok(path) if columnar is None else columnar
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    if (
        program.phased_places
        or program.quota.sub_region_split is not None
        or program.nik_prefix_as_domicile
    ):
        # phases with places and caps apportioned from the total are allocated, and a NIK
        # area code taken as the domicile is decided, by the per-person engine (in memory)
        result = run_roster(program, read_roster(path), on=day)
        files = result.write_files(target, locale)
        return StreamSummary(result.summary(), result.budget, tuple(result.errors), tuple(files))
    with tempfile.TemporaryDirectory(prefix="perlindungan-") as scratch:
        spill = Path(scratch) / "pass1.arrow"
        try:
            run = _first_pass(program, day, locale, path, chunk_rows, spill, columnar=use)
        except _RefusedError:
            run = _first_pass(program, day, locale, path, chunk_rows, spill, columnar=False)
            use = False

        def person_at(position: int) -> Person:
            seen = 0
            for chunk in _chunks(path, chunk_rows, Lookups(), columnar=use):
                if position < seen + chunk.rows:
                    return chunk.person(position - seen)
                seen += chunk.rows
            raise AssertionError(position)  # pragma: no cover

        placed = run.ranking.place(person_at)
        return _write(run, placed, spill, target)


def _first_pass(
    program: RegionalScheme,
    day: _dt.date,
    locale: str,
    path: Path,
    chunk_rows: int,
    spill: Path,
    *,
    columnar: bool,
) -> _Pass:
    import pyarrow as pa  # noqa: PLC0415

    run = _Pass(program, day, locale, Decider(program, day), Ranking(program, day))
    writer = None
    lookups = Lookups()
    try:
        for chunk in _chunks(path, chunk_rows, lookups, columnar=columnar):
            batch = _compact(run, chunk, run.rows)
            run.rows += chunk.rows
            if writer is None:
                writer = pa.ipc.new_file(str(spill), batch.schema)
            writer.write_batch(batch)
    finally:
        if writer is not None:
            writer.close()
    return run


def _write(run: _Pass, placed: Any, spill: Path, target: Path) -> StreamSummary:
    import pyarrow as pa  # noqa: PLC0415

    program, day, locale = run.program, run.on, run.locale
    waitlisted = int((placed.status == WAITLISTED).sum())
    admitted = len(placed.status) - waitlisted
    summary = {
        "rows": run.rows,
        "decisions": run.rows - len(run.errors),
        "row_errors": len(run.errors),
        **{k: run.verdicts.get(k, 0) for k in ("eligible", "not_eligible", "undetermined")},
        "admitted": admitted,
        "waitlisted": waitlisted,
        "phase_not_started": run.statuses.get(NOT_YET, 0),
        "not_considered": run.statuses.get(NOT_CONSIDERED, 0),
    }
    budget = _budget(run, placed)
    files = {name: target / name for name in ("decisions.csv", "allocation.csv", "budget.csv")}
    files["result.json"] = target / "result.json"
    files["report.txt"] = target / "report.txt"
    files["budget.csv"].write_text(budget_csv(budget), encoding="utf-8")
    files["report.txt"].write_text(
        render_report(program, day, summary, budget, run.errors, locale) + "\n", encoding="utf-8"
    )
    renderer = _Renderer(run, placed)
    document = {
        "program": program.id,
        "on": day.isoformat(),
        "summary": summary,
        "people": ["\ue000P"] if run.rows else [],
        "budget": budget.to_dict(),
    }
    head, _, tail = json.dumps(document, ensure_ascii=False, indent=2).partition('\n    "\ue000P"')
    with (
        files["decisions.csv"].open("wb") as decisions,
        files["allocation.csv"].open("wb") as allocation,
        files["result.json"].open("wb") as result,
    ):
        decisions.write(
            b"row,id,verdict,missing,phase,allocation,rank,reasons,error,verdict_text,"
            b"allocation_text\n"
        )
        allocation.write(b"row,id,status,reason,rank,sub_region,phase,start,status_text\n")
        result.write(head.encode())
        if run.rows:
            with pa.ipc.open_file(pa.OSFile(str(spill))) as spilled:
                for k in range(spilled.num_record_batches):
                    renderer.chunk(spilled.get_batch(k), decisions, allocation, result)
        result.write((tail + "\n").encode())
    return StreamSummary(summary, budget, tuple(run.errors), tuple(files.values()))


def _budget(run: _Pass, placed: Any) -> Budget:
    """The budget of :func:`~perlindungan.regional.budget`: lines in the order of the
    admitted people's ids, one line per phase (or per activity) with its count."""
    program, day = run.program, run.on
    admitted = np.flatnonzero(placed.status == ADMITTED)
    phase_of = placed.phase
    ids = placed.ids_of(admitted)
    order = [
        i
        for _, _, i in sorted(
            zip(ids, placed.positions[admitted].tolist(), admitted.tolist(), strict=True)
        )
    ]
    lines: dict[Any, BudgetLine] = {}
    if program.coverage.scheme == "construction":
        seen: set[str] = set()
        quotes: dict[Any, Any] = {}
        for i in order:
            key, value = run.activity[int(placed.positions[i])]
            if key in seen:
                continue
            seen.add(key)
            name = _phase_name(program, int(phase_of[i]))
            if value not in quotes:
                quotes[value] = premium(program, day, value)
            group = (name, value)
            found = lines.get(group)
            units = 1 if found is None else found.units + 1
            lines[group] = BudgetLine(f"{name}:{value}", name, quotes[value], units)
    else:
        quote = premium(program, day)
        for i in order:
            name = _phase_name(program, int(phase_of[i]))
            found = lines.get(name)
            units = 1 if found is None else found.units + 1
            lines[name] = BudgetLine(f"phase:{name}", name, quote, units)
    return Budget(program.id, day, tuple(lines.values()), len(admitted))


def _phase_name(program: RegionalScheme, index: int) -> str | None:
    return program.phases[index].name if index >= 0 else None


@attrs.define
class _Renderer:
    """Renders the output lines of one chunk as columns (pyarrow string joins)."""

    run: _Pass
    placed: Any
    cursor: int = 0
    kinds: dict[tuple[int, int, int, int], int] = attrs.field(factory=dict)
    parts: list[list[str]] = attrs.field(factory=list)
    first: bool = True
    subs: list[tuple[str, str]] = attrs.field(factory=list)

    def __attrs_post_init__(self) -> None:
        for raw in self.run.subs:
            resolved = resolve_sub_region(self.run.program, raw)
            text = json.dumps(resolved, ensure_ascii=False) if resolved is not None else "null"
            self.subs.append((_csv_field(resolved or ""), text))

    def _kind(self, combo: int, phase: int, status: int, reason: int) -> int:
        key = (combo, phase, status, reason)
        found = self.kinds.get(key)
        if found is None:
            found = len(self.parts)
            self.kinds[key] = found
            self.parts.append(self._render(combo, phase, status, reason))
        return found

    def _render(self, combo: int, phase: int, status: int, reason: int) -> list[str]:
        run, program, locale = self.run, self.run.program, self.run.locale
        c = run.decider.combos[combo]
        ph = program.phases[phase] if phase >= 0 else None
        decision = Decision(
            Person(id="\ue000I"), program.id, run.on, c.verdict, c.results, c.missing, ph
        )
        why = (
            NOT_YET_REASON
            if status == NOT_YET
            else self.placed.reasons[reason]
            if reason >= 0
            else None
        )
        ranked = status in (ADMITTED, WAITLISTED)
        placement = Placement(
            decision,
            _STATUSES[status],
            "\ue000R" if ranked else None,  # type: ignore[arg-type]
            why,
            "\ue000S" if ranked else None,
            phase=ph if status == ADMITTED else None,
            start=first_day(program, ph) if status == ADMITTED else None,
        )
        record = {
            "row": "\ue000W",
            **decision.to_dict(locale),
            "allocation": placement.to_dict(locale),
        }
        text = "\n".join(
            "    " + line for line in json.dumps(record, ensure_ascii=False, indent=2).splitlines()
        )
        pieces = _SLOT.split(text)
        # pieces: text, slot, text, slot, ...: keep the texts in slot order W I I [R] [S]
        texts, slots = pieces[0::2], pieces[1::2]
        want = ["W", "I", "I", "R", "S"] if ranked else ["W", "I", "I"]
        assert slots == want, slots
        if not ranked:  # no rank or sub-region slots: both are null
            texts = [*texts[:3], "", "", texts[3]]
        fields = [
            c.verdict.value,
            ";".join(c.missing),
            ph.name if ph else "",
            _STATUSES[status].value,
        ]
        mid = "," + ",".join(_csv_field(f) for f in fields) + ","
        labels = f"{_csv_field(translate(c.verdict.label, locale))},{_csv_field(translate(_STATUSES[status].label, locale))}"
        reasons = "," + _csv_field(" | ".join(decision.reasons(locale))) + ",," + labels + "\n"
        alloc_mid = (
            f",{_csv_field(_STATUSES[status].value)},"
            f"{_csv_field(translate(why, locale) if why else '')},"
        )
        start = placement.start.isoformat() if placement.start else ""
        status_text = _csv_field(translate(_STATUSES[status].label, locale))
        alloc_tail = (
            f",{_csv_field(placement.phase_name or '')},{_csv_field(start)},{status_text}\n"
        )
        return [mid, reasons, alloc_mid, alloc_tail, *texts]

    def chunk(self, batch: Any, decisions: Any, allocation: Any, result: Any) -> None:
        """Write one chunk's lines."""
        import pyarrow as pa  # noqa: PLC0415
        import pyarrow.compute as pc  # noqa: PLC0415

        n = batch.num_rows
        status = batch.column("status").to_numpy().copy()
        combo = batch.column("combo").to_numpy()
        phase = batch.column("phase").to_numpy()
        sub = batch.column("sub").to_numpy()
        rank = np.zeros(n, dtype=np.int64)
        reason = np.full(n, -1, dtype=np.int16)
        where = np.flatnonzero(status == ADMITTED)
        got = slice(self.cursor, self.cursor + len(where))
        self.cursor += len(where)
        status[where] = self.placed.status[got]
        rank[where] = self.placed.rank[got]
        reason[where] = self.placed.reason[got]
        ok = status >= 0
        rows = pc.cast(batch.column("row"), pa.string())
        ids = batch.column("id")
        id_csv = _quoted(ids, _NEEDS_QUOTES.pattern, _csv_field)
        id_json = _quoted(ids, _JSON_ESCAPE, lambda t: json.dumps(t, ensure_ascii=False), wrap='"')
        kinds = np.zeros(n, dtype=np.int32)
        keys = np.stack([combo, phase, status, reason], axis=1)[ok]
        distinct, inverse = (
            np.unique(keys, axis=0, return_inverse=True)
            if len(keys)
            else (keys, np.zeros(0, np.intp))
        )
        table = np.fromiter(
            (self._kind(*(int(v) for v in d)) for d in distinct),
            dtype=np.int32,
            count=len(distinct),
        )
        kinds[ok] = table[inverse.reshape(-1)]
        piece = (
            [pa.array([p[j] for p in self.parts], pa.string()) for j in range(10)]
            if self.parts
            else []
        )
        take = pa.array(kinds)
        rank_text = pc.cast(pa.array(rank), pa.string())
        ranked = pa.array(rank > 0)
        rank_csv = pc.if_else(ranked, rank_text, "")
        rank_json = rank_csv  # an unranked record's template holds its own nulls
        sub_csv = pa.array([s[0] for s in self.subs], pa.string()).take(pa.array(sub))
        sub_json = pc.if_else(
            ranked, pa.array([s[1] for s in self.subs], pa.string()).take(pa.array(sub)), ""
        )
        if self.parts:
            p = [part.take(take) for part in piece]
            dec = pc.binary_join_element_wise(rows, ",", id_csv, p[0], rank_csv, p[1], "")
            alloc = pc.binary_join_element_wise(
                rows, ",", id_csv, p[2], rank_csv, ",", sub_csv, p[3], ""
            )
            sep = pa.array(
                np.where(np.arange(n) == 0, "\n" if self.first else ",\n", ",\n"), pa.string()
            )
            rec = pc.binary_join_element_wise(
                sep,
                p[4],
                rows,
                p[5],
                id_json,
                p[6],
                id_json,
                p[7],
                rank_json,
                p[8],
                sub_json,
                p[9],
                "",
            )
        else:
            dec = alloc = rec = pa.array([""] * n, pa.string())
        if not ok.all():
            bad = np.flatnonzero(~ok)
            errors = batch.column("error").take(pa.array(bad)).to_pylist()
            numbers = batch.column("row").take(pa.array(bad)).to_pylist()
            lines, records = [], []
            row_error = translate(_L_ROW_ERROR, self.run.locale)
            for k, (number, text) in enumerate(zip(numbers, errors, strict=True)):
                ident, message, field = json.loads(text)
                out = io.StringIO()
                csv.writer(out, lineterminator="\n").writerow(
                    [number, ident, "error", "", "", "", "", "", message, row_error, ""]
                )
                lines.append(out.getvalue())
                record = json.dumps(
                    {"row": number, "id": ident, "error": message, "field": field},
                    ensure_ascii=False,
                    indent=2,
                )
                sep_text = "\n" if self.first and bad[k] == 0 else ",\n"
                records.append(sep_text + "\n".join("    " + line for line in record.splitlines()))
            mask = pa.array(~ok)
            dec = pc.replace_with_mask(dec, mask, pa.array(lines, pa.string()))
            rec = pc.replace_with_mask(rec, mask, pa.array(records, pa.string()))
            alloc = alloc.filter(pa.array(ok))
        self.first = self.first and n == 0
        for out, arr in ((decisions, dec), (allocation, alloc), (result, rec)):
            _write_strings(out, arr)


def _quoted(column: Any, pattern: str, render: Callable[[str], str], wrap: str = "") -> Any:
    """Each text as ``render`` gives it: wrapped in ``wrap`` unless it holds a character
    of ``pattern``, in which case ``render`` is called for that text alone."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    plain = pc.binary_join_element_wise(wrap, column, wrap, "") if wrap else column
    special = pc.match_substring_regex(column, pattern)
    if not pc.any(special).as_py():
        return plain
    where = np.flatnonzero(special.to_numpy(zero_copy_only=False))
    texts = column.take(pa.array(where)).to_pylist()
    return pc.replace_with_mask(plain, special, pa.array([render(t) for t in texts], pa.string()))


def _write_strings(out: Any, array: Any) -> None:
    """Write the texts of a string array one after the other (its data buffer)."""
    if len(array) == 0:
        return
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int32)[
        array.offset : array.offset + len(array) + 1
    ]
    data = array.buffers()[2]
    if data is None:
        return
    out.write(memoryview(data)[int(offsets[0]) : int(offsets[-1])])
