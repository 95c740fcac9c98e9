"""Properties of period budgets and phased allocation (Hypothesis)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from perlindungan.money import Rupiah
from perlindungan.regional import (
    Person,
    RegionalScheme,
    allocate,
    evaluate,
    load_scheme,
    period_budget,
    scheme,
)
from perlindungan.regional._scenario import Scenario, compare

PLAN = load_scheme(Path(__file__).parent / "budget_cases" / "phased-plan.toml")
DAYS = st.dates(min_value=dt.date(2025, 6, 1), max_value=dt.date(2027, 6, 30))


@st.composite
def phased(draw: st.DrawFn) -> RegionalScheme:
    """The phased plan with drawn places, phase-II start and total."""
    one, two = PLAN.phases
    a, b = draw(st.integers(0, 40)), draw(st.integers(0, 40))
    start_two = draw(st.dates(min_value=dt.date(2026, 1, 2), max_value=dt.date(2026, 12, 31)))
    total = draw(st.one_of(st.none(), st.integers(a + b, a + b + 20)))
    return attrs.evolve(
        PLAN,
        quota=attrs.evolve(PLAN.quota, total=total),
        phases=(attrs.evolve(one, places=a), attrs.evolve(two, places=b, start=start_two)),
    )


@settings(max_examples=40, deadline=None)
@given(prog=phased(), start=DAYS, end=DAYS)
def test_month_sums_equal_year_totals(prog: RegionalScheme, start: dt.date, end: dt.date) -> None:
    start, end = min(start, end), max(start, end)
    b = period_budget(prog, start=start, end=end)
    years: dict[int, Rupiah] = {}
    for month, amount in b.per_month().items():
        years[month.year] = years.get(month.year, Rupiah.zero()) + amount
    assert years == b.per_year()
    assert sum(b.per_year().values(), Rupiah.zero()) == b.total
    for year, row in b.per_payer_year().items():
        assert sum(row.values(), Rupiah.zero()) == b.per_year()[year]
    for year, row in b.per_phase_year().items():
        assert sum(row.values(), Rupiah.zero()) == b.per_year()[year]
    for month in b.months:
        if month not in b.billed:
            assert b.per_month()[month] == Rupiah.zero()


@settings(max_examples=40, deadline=None)
@given(prog=phased(), start=DAYS, end=DAYS, more=st.integers(0, 400))
def test_longer_period_never_costs_less(
    prog: RegionalScheme, start: dt.date, end: dt.date, more: int
) -> None:
    start, end = min(start, end), max(start, end)
    short = period_budget(prog, start=start, end=end)
    longer = period_budget(prog, start=start, end=end + dt.timedelta(days=more))
    earlier = period_budget(prog, start=start - dt.timedelta(days=more), end=end)
    assert longer.total >= short.total
    assert earlier.total >= short.total


@settings(max_examples=30, deadline=None)
@given(
    prog=phased(), on=st.dates(dt.date(2026, 1, 1), dt.date(2026, 12, 31)), n=st.integers(0, 100)
)
def test_no_phase_admits_more_than_it_allows(prog: RegionalScheme, on: dt.date, n: int) -> None:
    people = [Person(id=f"p{i}", role="pekerja_rentan") for i in range(n)]
    alloc = allocate(prog, evaluate(prog, people, on=on))
    per_phase = Counter(p.phase_name for p in alloc.admitted)
    for ph in prog.phases:
        allowed = (ph.places or 0) if ph.start <= on else 0
        assert per_phase[ph.name] <= allowed
    assert len(alloc.admitted) <= (prog.places_by(on) or 0)
    assert len(alloc.admitted) == min(n, prog.places_by(on) or 0)
    # neither the plan nor the roster bills more people in a month than the phases opened
    plan = period_budget(prog, start="2026-01-01", end="2026-12-31")
    roster = period_budget(prog, start="2026-01-01", end="2026-12-31", allocation=alloc)
    for month, count in plan.people_per_month().items():
        last = dt.date(month.year, month.month, 28) + dt.timedelta(days=4)
        last -= dt.timedelta(days=last.day)
        assert count <= (prog.places_by(last) or 0)
        started = [p for p in alloc.admitted if p.start is not None and p.start <= last]
        assert roster.people_per_month()[month] == len(started) <= (prog.places_by(last) or 0)
    assert sum(roster.per_year().values(), Rupiah.zero()) == roster.total


@settings(max_examples=20, deadline=None)
@given(start=DAYS, end=DAYS)
def test_no_op_scenario_equals_baseline(start: dt.date, end: dt.date) -> None:

    start, end = min(start, end), max(start, end)
    prog = scheme("kota-jambi-rentan-2025")
    c = compare(
        prog, Scenario.of("quota.total=4316", "coverage.income=minimum"), start=start, end=end
    )
    assert c.changed.lines == c.baseline.lines
    assert c.difference == Rupiah.zero()
