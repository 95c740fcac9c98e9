"""A whole run: roster rows -> decisions, allocation and budget; outputs as CSV, JSON, text."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from perlindungan._i18n import N_, babel_locale, translate
from perlindungan._input.outputs import safe_csv_row
from perlindungan._message import localized
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError, PerlindunganError
from perlindungan.money import Rupiah, format_rupiah
from perlindungan.programs import Frequency
from perlindungan.regional._allocate import Allocation, allocate, resolve_sub_region
from perlindungan.regional._budget import Budget, budget
from perlindungan.regional._evaluate import evaluate, evaluate_one
from perlindungan.regional._outputs import write_run_files, write_run_workbook
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._roster import RosterRow, RowError

__all__ = ["RunResult", "run_roster"]

_L_ALLOCATION = N_("Allocation")
_L_BUDGET = N_("Budget")
_L_COVERAGE = N_("Coverage")
_L_DECISIONS = N_("Decisions")
_L_DECISIONS_WORD = N_("decisions")
_L_ROWS_IN = N_("Rows in")
_L_ADMITTED = N_("admitted")
_L_DATE = N_("date")
_L_ELIGIBLE = N_("eligible")
_L_MORE_ROW_ERRORS = N_("more row errors")
_L_NOT_ELIGIBLE = N_("not eligible")
_L_ONE_OFF = N_("one-off")
_L_PAID_BY = N_("paid by")
_L_ROW_ERROR = N_("row error")
_L_PER_MONTH = N_("per month")
_L_PER_YEAR = N_("per year")
_L_PHASE = N_("phase")
_L_ROW = N_("row")
_L_ROW_ERRORS = N_("row errors")
_L_ROWS = N_("rows")
_L_UNDETERMINED = N_("undetermined")
_L_WAITING_PHASE_NOT_STARTED = N_("waiting: phase not started")
_L_WAITLISTED_QUOTA_FULL = N_("waitlisted: quota full")
_L_YEAR = N_("year")


@attrs.frozen
class RunResult:
    """Everything from one roster: one outcome per input row."""

    program: RegionalScheme
    on: _dt.date
    rows: tuple[RosterRow, ...]
    allocation: Allocation
    budget: Budget

    @property
    def errors(self) -> list[RowError]:
        """Rows that could not be read."""
        return [r.error for r in self.rows if r.error is not None]

    def summary(self) -> dict[str, int]:
        """Counts: rows, row errors, each verdict and each allocation status."""
        verdicts = Counter(p.decision.verdict.value for p in self.allocation.placements)
        out = {
            "rows": len(self.rows),
            "decisions": len(self.allocation.placements),
            "row_errors": len(self.errors),
        }
        out.update({k: verdicts.get(k, 0) for k in ("eligible", "not_eligible", "undetermined")})
        out.update(self.allocation.counts())
        return out

    def to_dict(self, locale: str = "id_ID") -> dict[str, Any]:
        """JSON form: summary, one record per row (in input order), budget."""
        placements = iter(self.allocation.placements)
        records: list[dict[str, Any]] = []
        for row in self.rows:
            if row.error is not None:
                e = row.error
                records.append(
                    {
                        "row": e.row,
                        "id": e.id,
                        "error": localized(e.message, locale),
                        "field": e.field,
                    }
                )
                continue
            p = next(placements)
            records.append(
                {"row": row.row, **p.decision.to_dict(locale), "allocation": p.to_dict(locale)}
            )
        return {
            "program": self.program.id,
            "on": self.on.isoformat(),
            "summary": self.summary(),
            "people": records,
            "budget": self.budget.to_dict(),
        }

    def to_json(self, locale: str = "id_ID") -> str:
        """JSON text."""
        return json.dumps(self.to_dict(locale), ensure_ascii=False, indent=2)

    def _phase_text(self, code: str | None, locale: str) -> str:
        """A phase code in words (empty for none)."""
        return self.program.phase_label(code, locale) if code else ""

    def to_csv(self, locale: str = "id_ID") -> str:
        """One CSV line per input row: row, id, verdict, missing, phase, allocation, rank,
        reasons, error, then the labels in ``locale``: verdict_text, allocation_text,
        phase_text."""
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(
            [
                "row",
                "id",
                "verdict",
                "missing",
                "phase",
                "allocation",
                "rank",
                "reasons",
                "error",
                "verdict_text",
                "allocation_text",
                "phase_text",
            ]
        )
        placements = iter(self.allocation.placements)
        for row in self.rows:
            if row.error is not None:
                w.writerow(
                    safe_csv_row(
                        [
                            *(row.row, row.error.id, "error", "", "", "", "", ""),
                            localized(row.error.message, locale),
                            translate(_L_ROW_ERROR, locale),
                            "",
                            "",
                        ]
                    )
                )
                continue
            p = next(placements)
            d = p.decision
            w.writerow(
                safe_csv_row(
                    [
                        row.row,
                        d.person.id,
                        d.verdict.value,
                        ";".join(d.missing),
                        d.phase.name if d.phase else "",
                        p.status.value,
                        p.rank or "",
                        " | ".join(d.reasons(locale)),
                        "",
                        translate(d.verdict.label, locale),
                        translate(p.status.label, locale),
                        self._phase_text(d.phase.name if d.phase else None, locale),
                    ]
                )
            )
        return out.getvalue()

    def allocation_csv(self, locale: str = "id_ID") -> str:
        """One CSV line per person read (row errors are in :meth:`to_csv` only):
        row, id, status, reason, rank, sub_region (a Kemendagri code when it resolved),
        phase, start (an admitted person's first covered day), then the labels in
        ``locale``: status_text, phase_text. ``status`` is ``admitted``, ``waitlisted``,
        ``phase_not_started`` (waiting) or ``not_considered``."""
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(
            [
                *("row", "id", "status", "reason", "rank", "sub_region", "phase", "start"),
                *("status_text", "phase_text"),
            ]
        )
        placements = iter(self.allocation.placements)
        for row in self.rows:
            if row.error is not None:
                continue
            p = next(placements)
            d = p.decision
            w.writerow(
                safe_csv_row(
                    [
                        row.row,
                        d.person.id,
                        p.status.value,
                        translate(p.reason, locale) if p.reason else "",
                        p.rank or "",
                        p.sub_region or resolve_sub_region(self.program, d.person.sub_region) or "",
                        p.phase_name or "",
                        p.start.isoformat() if p.start else "",
                        translate(p.status.label, locale),
                        self._phase_text(p.phase_name, locale),
                    ]
                )
            )
        return out.getvalue()

    def budget_rows(self) -> list[tuple[str, str, str, Rupiah, Rupiah, Rupiah]]:
        """Budget per (payer, phase, program): per month, per year, one-off (whole rupiah)."""
        return budget_rows(self.budget)

    def budget_csv(self, locale: str = "id_ID") -> str:
        """CSV: payer, phase, program, per_month, per_year, one_off, payer_text,
        phase_text (payer and phase in words in ``locale``); a last ``total`` line equals
        the budget of :meth:`report`."""
        return budget_csv(self.budget, self.program, locale)

    def write_files(
        self,
        folder: str | Path,
        locale: str = "id_ID",
        *,
        inputs: Sequence[str | Path] = (),
        mask_nik: bool = False,
    ) -> list[Path]:
        """Write ``decisions.csv``, ``allocation.csv``, ``budget.csv``, ``result.json`` and
        ``report.txt`` into ``folder`` (created if needed); returns the paths written.
        A file that is one of ``inputs`` is never written over. ``mask_nik`` masks every
        NIK in the files that hold people's data (see :func:`perlindungan.regional.mask_niks`)."""

        return write_run_files(self, folder, locale, inputs=inputs, mask_nik=mask_nik)

    def write_workbook(
        self,
        path: str | Path,
        locale: str = "id_ID",
        *,
        inputs: Sequence[str | Path] = (),
        mask_nik: bool = False,
    ) -> Path:
        """Write one ``.xlsx`` workbook (the ``xlsx`` extra): sheets ``decisions``,
        ``allocation``, ``budget`` with the CSV files' cells, and ``report``."""

        return write_run_workbook(self, path, locale, inputs=inputs, mask_nik=mask_nik)

    def report(self, locale: str = "id_ID") -> str:
        """A readable report: decisions summary, coverage and budget."""
        return render_report(
            self.program, self.on, self.summary(), self.budget, self.errors, locale
        )


def budget_rows(budget: Budget) -> list[tuple[str, str, str, Rupiah, Rupiah, Rupiah]]:
    """Budget per (payer, phase, program): per month, per year, one-off (whole rupiah)."""
    sums: dict[tuple[str, str, str], list[Rupiah]] = {}
    for line in budget.lines:
        for q in line.quote.lines:
            key = (q.payer.value, line.phase or "-", q.program.value)
            acc = sums.setdefault(key, [Rupiah.zero(), Rupiah.zero()])
            if q.frequency is Frequency.MONTHLY:
                acc[0] = acc[0] + q.amount * line.units
            elif q.frequency is Frequency.ONCE:
                acc[1] = acc[1] + q.amount * line.units
    return [
        (payer, phase, prog, m, m * 12 + once, once)
        for (payer, phase, prog), (m, once) in sorted(sums.items())
    ]


def budget_csv(budget: Budget, program: RegionalScheme | None = None, locale: str = "id_ID") -> str:
    """The ``budget.csv`` text of a budget (see :meth:`RunResult.budget_csv`); the label
    columns ``payer_text`` and ``phase_text`` come with ``program``."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    words = ["payer_text", "phase_text"] if program is not None else []
    w.writerow(["payer", "phase", "program", "per_month", "per_year", "one_off", *words])
    for payer, phase, prog, m, y, once in budget_rows(budget):
        labels = (
            [program.payer_label(payer, locale), program.phase_label(phase, locale)]
            if program is not None
            else []
        )
        w.writerow([payer, phase, prog, int(m), int(y), int(once), *labels])
    total = [int(budget.monthly), int(budget.yearly), int(budget.once)]
    w.writerow(["total", "", "", *total, *(["", ""] if words else [])])
    return out.getvalue()


def render_report(
    program: RegionalScheme,
    on: _dt.date,
    s: dict[str, int],
    b: Budget,
    errors: Sequence[RowError],
    locale: str = "id_ID",
) -> str:
    """The text of :meth:`RunResult.report` from its parts: the summary counts, the budget
    and the row errors (only the first 20 are listed; ``s["row_errors"]`` counts them all)."""

    def t(message: str) -> str:
        return translate(message, locale)

    def n(value: int) -> str:
        from babel.numbers import format_decimal  # noqa: PLC0415

        return str(format_decimal(value, locale=babel_locale(locale)))

    cov = program.coverage

    def rp(amount: Rupiah) -> str:
        return format_rupiah(amount, locale=locale)

    lines = [
        f"{program.name(locale)} ({program.id})",
        f"{t(_L_DATE)}: {on.isoformat()}",
        "",
        (
            f"{t(_L_ROWS_IN)}: {n(s['rows'])} = {n(s['decisions'])} {t(_L_DECISIONS_WORD)} + "
            f"{n(s['row_errors'])} {t(_L_ROW_ERRORS)}"
        ),
        (
            f"{t(_L_DECISIONS)}: {n(s['rows'])} {t(_L_ROWS)}; "
            f"{t(_L_ELIGIBLE)} {n(s['eligible'])}, {t(_L_NOT_ELIGIBLE)} {n(s['not_eligible'])}, "
            f"{t(_L_UNDETERMINED)} {n(s['undetermined'])}, {t(_L_ROW_ERRORS)} {n(s['row_errors'])}"
        ),
        (
            f"{t(_L_ALLOCATION)}: {t(_L_ADMITTED)} {n(s['admitted'])}, "
            f"{t(_L_WAITLISTED_QUOTA_FULL)} {n(s['waitlisted'])}, "
            f"{t(_L_WAITING_PHASE_NOT_STARTED)} {n(s['phase_not_started'])}"
        ),
        (
            f"{t(_L_COVERAGE)}: {' + '.join(p.value for p in cov.programs)} "
            f"({cov.scheme}); {t(_L_PAID_BY)} "
            f"{program.funding.describe(locale, program.region_registry())}"
        ),
        (
            f"{t(_L_BUDGET)}: {t(_L_PER_MONTH)} {rp(b.monthly)}, {t(_L_ONE_OFF)} {rp(b.once)}, "
            f"{t(_L_PER_YEAR)} {rp(b.yearly)}"
        ),
    ]
    for payer, amount in b.per_payer().items():
        lines.append(f"  {program.payer_label(payer, locale)}: {rp(amount)} / {t(_L_YEAR)}")
    for phase, amount in b.per_phase().items():
        lines.append(f"  {program.phase_label(phase, locale)}: {rp(amount)} / {t(_L_YEAR)}")
    for e in errors[:20]:
        lines.append(f"  {t(_L_ROW)} {e.row} ({e.id or '-'}): {localized(e.message, locale)}")
    if s["row_errors"] > 20:  # ``errors`` may hold the first ones only
        lines.append(f"  ... {n(s['row_errors'] - 20)} {t(_L_MORE_ROW_ERRORS)}")
    return "\n".join(lines)


def run_roster(
    program: RegionalScheme,
    rows: Sequence[RosterRow],
    *,
    on: _dt.date | str,
    progress: Callable[[int, int], None] | None = None,
) -> RunResult:
    """Evaluate, allocate and budget a roster; row errors are kept in place.

    ``progress(done, total)`` is called after each chunk of 1,000 people.
    """
    day = to_date(on, field="on")
    decisions = evaluate(program, [], on=day)  # refuses a date outside the program once
    kept: list[RosterRow] = []
    total = sum(1 for r in rows if r.person is not None)
    done = 0
    for row in rows:
        if row.person is None:
            kept.append(row)
            continue
        try:
            decisions.append(evaluate_one(program, row.person, day))
        except PerlindunganError as exc:
            # a fact the rules cannot use on this date (a birth date after it): a row error
            # with the scalar API's message, never an abort of the whole run
            message = exc.message if isinstance(exc, InvalidInputError) else exc.args[0]
            field = getattr(exc, "field", None)
            kept.append(RosterRow(row.row, None, RowError(row.row, row.person.id, message, field)))
            continue
        kept.append(row)
        done += 1
        if progress is not None and (done % 1000 == 0 or done == total):
            progress(done, total)
    rows = kept
    allocation = allocate(program, decisions)
    allocation = attrs.evolve(allocation, on=day)
    return RunResult(program, day, tuple(rows), allocation, budget(program, allocation))
