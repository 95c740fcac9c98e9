# ruff: noqa: ANN401 - pyarrow objects are optional and untyped here
"""The output lines of the chunked roster path: ``decisions.csv``, ``allocation.csv`` and
the people of ``result.json``, byte for byte as
:meth:`~perlindungan.regional.RunResult.write_files` writes them.

Rows differ only in their row number, id, rank and sub-region; everything else of a line
depends on the decision (its combination of condition results, phase, notes) and the
placement (status, reason). Each such kind is rendered once through the per-person
engine's own :meth:`~perlindungan.regional.Decision.to_dict`,
:meth:`~perlindungan.regional.Decision.reasons` and
:meth:`~perlindungan.regional.Placement.to_dict`, with marked slots for the row's values,
and split at the slots; a chunk's lines are then one join of those texts and the rows'
values (one copy of the output in memory, written at once).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable
from typing import Any, BinaryIO, Final, Protocol

import attrs
import numpy as np

from perlindungan._i18n import translate
from perlindungan._input.outputs import safe_csv_row
from perlindungan._input.text import spreadsheet_safe
from perlindungan.regional._allocate import (
    NOT_YET_REASON,
    Placement,
    Status,
    first_day,
    resolve_sub_region,
)
from perlindungan.regional._columnar import Decider, distinct_rows
from perlindungan.regional._evaluate import Decision
from perlindungan.regional._person import Person
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._ranking import ADMITTED, NOT_YET, WAITLISTED
from perlindungan.regional._run import _L_ROW_ERROR

__all__ = ["ALLOCATION_HEADER", "DECISIONS_HEADER", "Lines", "RunState"]

_STATUSES: Final = (Status.ADMITTED, Status.WAITLISTED, Status.NOT_YET, Status.NOT_CONSIDERED)
#: Ids that need more than a plain copy in a CSV cell: quoting, or a formula prefix escaped.
_NEEDS_QUOTES: Final = re.compile(r'[,"\r\n]|^[=+\-@\t\r]')
_JSON_ESCAPE: Final = r'["\\\x00-\x1f]'
#: Pieces written by one ``os.writev`` call (the smallest IOV_MAX of the systems we run on).
_IOV_MAX: Final = 1024
_SLOT: Final = re.compile('"\ue000([WIRS])"')
DECISIONS_HEADER: Final = (
    b"row,id,verdict,missing,phase,allocation,rank,reasons,error,"
    b"verdict_text,allocation_text,phase_text\n"
)
ALLOCATION_HEADER: Final = (
    b"row,id,status,reason,rank,sub_region,phase,start,status_text,phase_text\n"
)


class RunState(Protocol):
    """What the lines need of a run."""

    program: RegionalScheme
    on: Any
    locale: str
    decider: Decider
    subs: dict[str | None, int]


def csv_field(text: str) -> str:
    """One CSV cell as :func:`~perlindungan._input.outputs.safe_csv_row` and the csv
    module write it (formula prefixes escaped, quoted when needed)."""
    text = str(spreadsheet_safe(text))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([text, ""])
    return out.getvalue()[:-2]


@attrs.define
class Lines:
    """Writes the output lines of each chunk: each distinct decision and placement is
    rendered once, by the per-person engine's own ``to_dict`` and ``reasons``, into text
    around the slots of the row (row number, id, rank, sub-region); the lines of a chunk
    are joined from those texts and the row's own values."""

    run: RunState
    placed: Any
    cursor: int = 0
    kinds: dict[tuple[int, int, int, int, int, int], int] = attrs.field(factory=dict)
    parts: list[list[str]] = attrs.field(factory=list)
    first: bool = True
    subs: list[tuple[str, str]] = attrs.field(factory=list)
    encoded: list[list[bytes]] = attrs.field(factory=list)
    subs_encoded: list[tuple[bytes, bytes]] = attrs.field(factory=list)

    def __attrs_post_init__(self) -> None:
        for raw in self.run.subs:
            resolved = resolve_sub_region(self.run.program, raw)
            text = json.dumps(resolved, ensure_ascii=False) if resolved is not None else "null"
            self.subs.append((csv_field(resolved or ""), text))
        self.subs_encoded = [(a.encode(), b.encode()) for a, b in self.subs]

    def _kind(self, combo: int, phase: int, into: int, status: int, reason: int, notes: int) -> int:
        key = (combo, phase, into, status, reason, notes)
        found = self.kinds.get(key)
        if found is None:
            found = len(self.parts)
            self.kinds[key] = found
            self.parts.append(self._render(*key))
            self.encoded.append([part.encode() for part in self.parts[-1]])
        return found

    def _render(
        self, combo: int, phase: int, into: int, status: int, reason: int, notes: int
    ) -> list[str]:
        """The texts of one kind of line: the decision's phase ``phase`` and the phase
        admitted into ``into`` (indexes; -1: none)."""
        run, program, locale = self.run, self.run.program, self.run.locale
        c = run.decider.combos[combo]
        ph = program.phases[phase] if phase >= 0 else None
        admitted_into = program.phases[into] if into >= 0 else None
        decision = Decision(
            Person(id="\ue000I"),
            program.id,
            run.on,
            c.verdict,
            c.results,
            c.missing,
            ph,
            run.decider.notes[notes],
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
            phase=admitted_into if status == ADMITTED else None,
            start=first_day(program, admitted_into) if status == ADMITTED else None,
        )
        record = {
            "row": "\ue000W",
            **decision.to_dict(locale),
            "allocation": placement.to_dict(locale),
        }
        text = "\n".join(
            "    " + line for line in json.dumps(record, ensure_ascii=False, indent=2).split("\n")
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
        mid = "," + ",".join(csv_field(f) for f in fields) + ","
        labels = ",".join(
            (
                csv_field(translate(c.verdict.label, locale)),
                csv_field(translate(_STATUSES[status].label, locale)),
                self._phase_text(ph.name if ph else None),
            )
        )
        reasons = "," + csv_field(" | ".join(decision.reasons(locale))) + ",," + labels + "\n"
        alloc_mid = (
            f",{csv_field(_STATUSES[status].value)},"
            f"{csv_field(translate(why, locale) if why else '')},"
        )
        start = placement.start.isoformat() if placement.start else ""
        status_text = csv_field(translate(_STATUSES[status].label, locale))
        phase_name = placement.phase_name
        alloc_tail = (
            f",{csv_field(phase_name or '')},{csv_field(start)},{status_text},"
            f"{self._phase_text(phase_name)}\n"
        )
        return [mid, reasons, alloc_mid, alloc_tail, *texts]

    def _phase_text(self, code: str | None) -> str:
        """A phase code in words, as a CSV cell (empty for none)."""
        return csv_field(self.run.program.phase_label(code, self.run.locale)) if code else ""

    def chunk(
        self, batch: Any, out: tuple[BinaryIO | None, BinaryIO | None, BinaryIO | None]
    ) -> None:
        """Write one chunk's lines to the decisions, allocation and result files (None: a
        file not written)."""
        n = batch.num_rows
        status = batch.column("status").to_numpy().copy()
        rank = np.zeros(n, dtype=np.int64)
        reason = np.full(n, -1, dtype=np.int16)
        phase = batch.column("phase").to_numpy()
        into = phase.copy()
        where = np.flatnonzero(status == ADMITTED)
        got = slice(self.cursor, self.cursor + len(where))
        self.cursor += len(where)
        status[where] = self.placed.status[got]
        rank[where] = self.placed.rank[got]
        reason[where] = self.placed.reason[got]
        into[where] = self.placed.phase[got]
        ok = status >= 0
        kinds = np.full(n, -1, dtype=np.int64)
        columns = [
            batch.column("combo").to_numpy()[ok],
            phase[ok].astype(np.int64) + 1,
            into[ok].astype(np.int64) + 1,
            status[ok],
            reason[ok].astype(np.int64) + 1,
            batch.column("notes").to_numpy()[ok],
        ]
        if ok.any():
            distinct, inverse = distinct_rows(columns)
            table = np.fromiter(
                (
                    self._kind(int(c), int(p) - 1, int(a) - 1, int(s), int(r) - 1, int(t))
                    for c, p, a, s, r, t in distinct
                ),
                dtype=np.int64,
                count=len(distinct),
            )
            kinds[ok] = table[inverse]
        import pyarrow as pa  # noqa: PLC0415

        ids = batch.column("id")
        id_csv = _quoted(ids, _NEEDS_QUOTES.pattern, csv_field).cast(pa.binary()).to_pylist()
        id_json = (
            _quoted(ids, _JSON_ESCAPE, lambda t: json.dumps(t, ensure_ascii=False), wrap='"')
            .cast(pa.binary())
            .to_pylist()
        )
        rows = list(map(b"%d".__mod__, batch.column("row").to_numpy().tolist()))
        ranks = [b"%d" % r if r else b"" for r in rank.tolist()]
        subs = batch.column("sub").to_numpy().tolist()
        errors = self._errors(batch, ok)
        dec: list[bytes] = []
        alloc: list[bytes] = []
        rec: list[bytes] = []
        parts, sub_text = self.encoded, self.subs_encoded
        sep = b"\n" if self.first else b",\n"
        want_dec, want_alloc, want_rec = (handle is not None for handle in out)
        for i, kind in enumerate(kinds.tolist()):
            if kind < 0:
                line, record = errors[i]
                dec.append(line)
                rec.extend((sep, record))
                sep = b",\n"
                continue
            p = parts[kind]
            r, rk = rows[i], ranks[i]
            if want_dec:
                dec.extend((r, b",", id_csv[i], p[0], rk, p[1]))
            if want_alloc:
                sc = sub_text[subs[i]][0]
                alloc.extend((r, b",", id_csv[i], p[2], rk, b",", sc, p[3]))
            if want_rec:
                ij, sj = id_json[i], sub_text[subs[i]][1] if rk else b""
                rec.extend((sep, p[4], r, p[5], ij, p[6], ij, p[7], rk, p[8], sj, p[9]))
                sep = b",\n"
        self.first = self.first and n == 0
        for handle, texts in zip(out, (dec, alloc, rec), strict=True):
            if handle is not None:
                write_pieces(handle, texts)

    def _errors(self, batch: Any, ok: Any) -> dict[int, tuple[bytes, bytes]]:
        """The decisions line and the result record of each row error of a chunk."""
        import pyarrow as pa  # noqa: PLC0415

        bad = np.flatnonzero(~ok)
        if not len(bad):
            return {}
        texts = batch.column("error").take(pa.array(bad)).to_pylist()
        numbers = batch.column("row").take(pa.array(bad)).to_pylist()
        row_error = translate(_L_ROW_ERROR, self.run.locale)
        found = {}
        for i, number, text in zip(bad.tolist(), numbers, texts, strict=True):
            ident, message, field = json.loads(text)
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerow(
                safe_csv_row(
                    [number, ident, "error", "", "", "", "", "", message, row_error, "", ""]
                )
            )
            record = json.dumps(
                {"row": number, "id": ident, "error": message, "field": field},
                ensure_ascii=False,
                indent=2,
            )
            indented = "\n".join("    " + line for line in record.split("\n"))
            found[i] = (out.getvalue().encode(), indented.encode())
        return found


def write_pieces(handle: BinaryIO, pieces: list[bytes]) -> None:
    """Write the pieces one after the other: straight from them with ``os.writev`` where
    there is one (no joined copy of the output), else joined."""
    if not hasattr(os, "writev"):  # pragma: no cover - Windows
        handle.write(b"".join(pieces))
        return
    handle.flush()
    fd = handle.fileno()
    for start in range(0, len(pieces), _IOV_MAX):
        batch = pieces[start : start + _IOV_MAX]
        done = os.writev(fd, batch)
        want = sum(map(len, batch))
        if done < want:  # a short write: the rest in plain writes
            rest = memoryview(b"".join(batch))[done:]
            while rest:
                rest = rest[os.write(fd, rest) :]


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
