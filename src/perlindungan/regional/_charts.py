"""Charts of budgets and coverage, as data first (:class:`Chart`), then drawn.

The series of each chart are plain data (exact values, stable codes), so tests check what a
chart shows without looking at pixels; :mod:`perlindungan.regional._render` draws them
with matplotlib (the ``plot`` extra) and builds the self-contained HTML page.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs

from perlindungan._i18n import N_, translate
from perlindungan.money import Rupiah
from perlindungan.regional._coverage import RegionCoverage
from perlindungan.regional._period import PeriodBudget
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._render import html_page, write_files
from perlindungan.regional._scenario import Comparison

__all__ = [
    "Chart",
    "Series",
    "budget_charts",
    "budget_page",
    "coverage_charts",
    "coverage_page",
    "write_charts",
]

_L_BUDGET_MONTH = N_("Budget per month, by phase and payer (Rp million)")
_L_PEOPLE_TARGET = N_("People covered per month and the scheme's targets")
_L_SUB_REGION = N_("People per sub-region")
_L_SCENARIO_YEAR = N_("Baseline and scenario per year and payer (Rp million)")
_L_COVERAGE = N_("Coverage against the target and the vulnerable workers")
_L_FUNDED = N_("People funded per payer")
_L_PEOPLE = N_("people")
_L_TARGET = N_("target {year}")
_L_BASE = N_("baseline participants (BPU)")
_L_ADDED = N_("added by schemes")
_L_COVERED = N_("covered")
_L_VULNERABLE = N_("vulnerable workers")
_L_TARGET_PLAIN = N_("target")
_L_BASELINE = N_("baseline")
_L_SCENARIO = N_("scenario")
_MILLION = Decimal(1_000_000)


@attrs.frozen
class Series:
    """One series: a stable code, a label, and one value per category."""

    code: str
    label: str
    values: tuple[Decimal, ...]


@attrs.frozen
class Chart:
    """A chart as data: ``kind`` is ``stacked`` (bars stacked), ``bars`` (side by side)."""

    id: str
    title: str
    kind: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    y_label: str = ""
    #: Horizontal reference lines: (code, label, value).
    references: tuple[tuple[str, str, Decimal], ...] = ()

    def series_codes(self) -> list[str]:
        """The codes of the series, in order."""
        return [s.code for s in self.series]


def _budget_month(b: PeriodBudget, locale: str) -> Chart:
    cats = tuple(m.strftime("%Y-%m") for m in b.months)
    sums = b.per_month_phase_payer()
    keys = sorted({(ph, payer) for _, ph, payer in sums})
    series = tuple(
        Series(
            f"{ph}|{payer}",
            f"{ph} · {payer}",
            tuple(sums.get((m, ph, payer), Rupiah.zero()).amount / _MILLION for m in b.months),
        )
        for ph, payer in keys
    )
    return Chart("budget-per-month", translate(_L_BUDGET_MONTH, locale), "stacked", cats, series)


def _people_target(program: RegionalScheme, b: PeriodBudget, locale: str) -> Chart:
    months = b.months
    phases = sorted({ph for _, ph, _ in b.people})
    per = {(m, ph): n for m, ph, n in b.people}
    series = tuple(
        Series(f"people|{ph}", ph, tuple(Decimal(per.get((m, ph), 0)) for m in months))
        for ph in phases
    )
    years = {m.year for m in months}
    refs = tuple(
        (f"target|{t.year}", translate(_L_TARGET, locale).format(year=t.year), Decimal(t.count))
        for t in program.targets
        if t.year in years
    )
    return Chart(
        "people-per-month",
        translate(_L_PEOPLE_TARGET, locale),
        "stacked",
        tuple(m.strftime("%Y-%m") for m in months),
        series,
        translate(_L_PEOPLE, locale),
        refs,
    )


def _sub_regions(pairs: tuple[tuple[str, int], ...], locale: str) -> Chart:
    return Chart(
        "people-per-sub-region",
        translate(_L_SUB_REGION, locale),
        "bars",
        tuple(name for name, _ in pairs),
        (Series("people", translate(_L_PEOPLE, locale), tuple(Decimal(n) for _, n in pairs)),),
        translate(_L_PEOPLE, locale),
    )


def _scenario_year(c: Comparison, locale: str) -> Chart:
    rows = c.rows()
    cats = tuple(f"{y} {p}" for y, p, *_ in rows)
    return Chart(
        "scenario-per-year",
        translate(_L_SCENARIO_YEAR, locale),
        "bars",
        cats,
        (
            Series(
                "baseline",
                translate(_L_BASELINE, locale),
                tuple(r[2].amount / _MILLION for r in rows),
            ),
            Series(
                "scenario",
                translate(_L_SCENARIO, locale),
                tuple(r[3].amount / _MILLION for r in rows),
            ),
        ),
    )


def budget_charts(
    program: RegionalScheme, result: PeriodBudget | Comparison, locale: str = "id_ID"
) -> list[Chart]:
    """The charts of a budget: per month by phase and payer, people against the targets,
    people per sub-region (when known); for a scenario also baseline against scenario."""
    b = result.changed if isinstance(result, Comparison) else result
    out = [_budget_month(b, locale), _people_target(program, b, locale)]
    if b.sub_regions:
        out.append(_sub_regions(b.sub_regions, locale))
    if isinstance(result, Comparison):
        out.insert(0, _scenario_year(result, locale))
    return out


def coverage_charts(c: RegionCoverage, locale: str = "id_ID") -> list[Chart]:
    """The charts of a region's coverage: covered against target and vulnerable workers,
    people funded per payer, covered people per sub-region (province)."""
    t = translate
    cats = [t(_L_BASE, locale), t(_L_ADDED, locale), t(_L_COVERED, locale)]
    values = [Decimal(c.base_participants), Decimal(c.added), Decimal(c.covered)]
    refs: list[tuple[str, str, Decimal]] = []
    if c.target is not None:
        refs.append(("target", t(_L_TARGET_PLAIN, locale), Decimal(c.target.value)))
    vuln = c.stat("vulnerable_workers")
    if vuln is not None:
        refs.append(("vulnerable", t(_L_VULNERABLE, locale), Decimal(vuln.value)))
    out = [
        Chart(
            "coverage-vs-target",
            t(_L_COVERAGE, locale),
            "bars",
            tuple(cats),
            (Series("coverage", t(_L_PEOPLE, locale), tuple(values)),),
            t(_L_PEOPLE, locale),
            tuple(refs),
        )
    ]
    funded = c.funded_per_payer()
    out.append(
        Chart(
            "funded-per-payer",
            t(_L_FUNDED, locale),
            "bars",
            tuple(funded),
            (Series("funded", t(_L_PEOPLE, locale), tuple(Decimal(v) for v in funded.values())),),
            t(_L_PEOPLE, locale),
        )
    )
    if c.sub_regions:
        out.append(_sub_regions(tuple((s.name, s.covered) for s in c.sub_regions), locale))
    return out


def budget_page(
    program: RegionalScheme, result: PeriodBudget | Comparison, text: str, locale: str = "id_ID"
) -> str:
    """One self-contained HTML page: the charts (inline SVG) and ``text`` (the figures)."""

    return html_page(program.name(locale), budget_charts(program, result, locale), text, locale)


def coverage_page(c: RegionCoverage, text: str, locale: str = "id_ID") -> str:
    """One self-contained HTML page of a region's coverage."""

    return html_page(f"{c.name} ({c.code})", coverage_charts(c, locale), text, locale)


def write_charts(
    program: RegionalScheme | None,
    result: PeriodBudget | Comparison | RegionCoverage,
    folder: str | Path,
    locale: str = "id_ID",
) -> list[Path]:
    """Write each chart as ``<id>.svg`` and ``<id>.png`` into ``folder``; the paths written."""

    if isinstance(result, RegionCoverage):
        charts = coverage_charts(result, locale)
    else:
        assert program is not None
        charts = budget_charts(program, result, locale)
    return write_files(charts, Path(folder))
