"""``program budget`` outputs: readable and machine outputs of period budgets and scenarios: text and CSV.

Machine columns keep stable codes (payer, phase, program, ``YYYY-MM`` months, whole
rupiah); text uses the locale's labels, numbers and money (babel).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from babel.numbers import format_decimal

from perlindungan._i18n import N_, babel_locale, translate
from perlindungan._input.text import spreadsheet_safe
from perlindungan.cli._table import render_table
from perlindungan.money import Rupiah, format_rupiah
from perlindungan.regional._period import PeriodBudget
from perlindungan.regional._period_model import NO_PHASE
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._scenario import Comparison

__all__ = ["budget_csv", "budget_text", "comparison_csv", "comparison_text"]

_L_PERIOD = N_("period")
_L_SOURCE = N_("source")
_L_PLAN = N_("plan (quota and phases)")
_L_ROSTER = N_("roster (admitted people)")
_L_RULE = N_(
    "billing rule: a month is billed in full when the program covers any day of it; "
    "each month uses the law in force on its first covered day"
)
_L_ASSUME = N_(
    "assumptions: participants grow {people} a year, declared income grows {income} a year"
)
_L_MONTH = N_("month")
_L_PEOPLE = N_("people")
_L_PHASE = N_("phase")
_L_PAYER = N_("payer")
_L_AMOUNT = N_("amount")
_L_YEAR = N_("year")
_L_TOTAL = N_("total")
_L_NOTES = N_("notes")
_L_SCENARIO = N_("SCENARIO (what-if, not the adopted plan): {name}")
_L_SETTINGS = N_("settings")
_L_BASELINE = N_("baseline")
_L_SCENARIO_COL = N_("scenario")
_L_DIFFERENCE = N_("difference")


def _pct(value: object, locale: str) -> str:
    return format_decimal(Decimal(str(value)) * 100, locale=babel_locale(locale)) + "%"


def _count(n: int, locale: str) -> str:
    return format_decimal(n, locale=babel_locale(locale))


def _head(program: RegionalScheme, b: PeriodBudget, locale: str) -> list[str]:
    t = translate
    source = t(_L_PLAN if b.source == "plan" else _L_ROSTER, locale)
    return [
        f"{program.name(locale)} ({program.id})",
        (
            f"{t(_L_PERIOD, locale)}: {b.start.isoformat()} .. {b.end.isoformat()}; "
            f"{t(_L_SOURCE, locale)}: {source}"
        ),
        t(_L_RULE, locale),
        t(_L_ASSUME, locale).format(
            people=_pct(b.assumptions.participant_growth, locale),
            income=_pct(b.assumptions.income_growth, locale),
        ),
    ]


def budget_text(program: RegionalScheme, b: PeriodBudget, locale: str = "id_ID") -> str:
    """The budget month by month (per phase and payer), then per year, payer and phase."""
    t = translate

    def rp(amount: Rupiah) -> str:
        return format_rupiah(amount, locale=locale)

    lines = _head(program, b, locale)
    people = {(m, ph): n for m, ph, n in b.people}
    rows = []
    for (month, phase, payer), amount in sorted(b.per_month_phase_payer().items()):
        rows.append(
            [
                month.strftime("%Y-%m"),
                program.phase_label(phase, locale),
                program.payer_label(payer, locale),
                _count(people.get((month, phase), 0), locale),
                rp(amount),
            ]
        )
    headers = [t(h, locale) for h in (_L_MONTH, _L_PHASE, _L_PAYER, _L_PEOPLE, _L_AMOUNT)]
    lines += ["", render_table(headers, rows, right={3, 4}), ""]
    payers, phases = b.per_payer_year(), b.per_phase_year()
    for year, amount in b.per_year().items():
        lines.append(f"{t(_L_YEAR, locale)} {year}: {rp(amount)}")
        lines.extend(
            f"  {program.payer_label(k, locale)}: {rp(v)}" for k, v in payers[year].items()
        )
        lines.extend(
            f"  {program.phase_label(k, locale)}: {rp(v)}" for k, v in phases[year].items()
        )
    lines.append(f"{t(_L_TOTAL, locale)}: {rp(b.total)}")
    if b.notes:
        lines.append(f"{t(_L_NOTES, locale)}:")
        lines.extend(f"  - {n.text(locale)}" for n in b.notes)
    return "\n".join(lines)


def budget_csv(
    b: PeriodBudget, program: RegionalScheme | None = None, locale: str = "id_ID"
) -> str:
    """CSV: month, year, phase, payer, program, people, amount (whole rupiah), and with
    ``program`` the phase and payer in words (``phase_text``, ``payer_text``) in
    ``locale``; the last line ``total`` holds the period's total."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    words = ["phase_text", "payer_text"] if program is not None else []
    w.writerow(["month", "year", "phase", "payer", "program", "people", "amount", *words])
    for ln in b.lines:
        w.writerow(
            [
                ln.month.strftime("%Y-%m"),
                ln.month.year,
                _cell(ln.phase),
                ln.payer,
                ln.program,
                ln.people,
                int(ln.amount),
                *(
                    [
                        _cell(program.phase_label(ln.phase, locale)),
                        _cell(program.payer_label(ln.payer, locale)),
                    ]
                    if program is not None
                    else []
                ),
            ]
        )
    w.writerow(["total", "", "", "", "", "", int(b.total), *(["", ""] if words else [])])
    return out.getvalue()


def _cell(text: str) -> object:
    """A text cell from a scheme file (a phase name, a label) escaped for spreadsheets; the
    code ``-`` (no phase) is kept as it is."""
    return text if text == NO_PHASE else spreadsheet_safe(text)


def comparison_text(program: RegionalScheme, c: Comparison, locale: str = "id_ID") -> str:
    """Baseline, scenario and difference per year and payer, labelled as a scenario."""
    t = translate

    def rp(amount: Rupiah) -> str:
        return format_rupiah(amount, locale=locale)

    lines = [t(_L_SCENARIO, locale).format(name=c.scenario.name)]
    lines.append(f"{t(_L_SETTINGS, locale)}: {', '.join(str(s) for s in c.scenario.settings)}")
    if c.scenario.note:
        lines.append(c.scenario.note)
    lines += _head(program, c.baseline, locale)[:3]
    for label, budget in ((_L_BASELINE, c.baseline), (_L_SCENARIO_COL, c.changed)):
        a = budget.assumptions
        lines.append(
            f"{t(label, locale)}: "
            + t(_L_ASSUME, locale).format(
                people=_pct(a.participant_growth, locale), income=_pct(a.income_growth, locale)
            )
        )
    headers = [
        t(h, locale) for h in (_L_YEAR, _L_PAYER, _L_BASELINE, _L_SCENARIO_COL, _L_DIFFERENCE)
    ]
    rows = [
        [str(y), program.payer_label(p, locale), rp(b), rp(s), rp(d)] for y, p, b, s, d in c.rows()
    ]
    rows.append(
        [t(_L_TOTAL, locale), "", rp(c.baseline.total), rp(c.changed.total), rp(c.difference)]
    )
    lines += ["", render_table(headers, rows, right={2, 3, 4})]
    notes = [*c.baseline.notes, *(n for n in c.changed.notes if n not in c.baseline.notes)]
    if notes:
        lines.append(f"{t(_L_NOTES, locale)}:")
        lines.extend(f"  - {n.text(locale)}" for n in notes)
    return "\n".join(lines)


def comparison_csv(
    c: Comparison, program: RegionalScheme | None = None, locale: str = "id_ID"
) -> str:
    """CSV: year, payer, baseline, scenario, difference (whole rupiah), and with
    ``program`` the payer in words (``payer_text``); a ``total`` line."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    words = ["payer_text"] if program is not None else []
    w.writerow(["year", "payer", "baseline", "scenario", "difference", *words])
    for y, p, b, s, d in c.rows():
        label = [_cell(program.payer_label(p, locale))] if program is not None else []
        w.writerow([y, p, int(b), int(s), int(d), *label])
    total = [int(c.baseline.total), int(c.changed.total), int(c.difference)]
    w.writerow(["total", "", *total, *([""] if words else [])])
    return out.getvalue()
