"""Budgets over a calendar period: month by month, per payer, per phase and per year.

Billing rule (the library's reading of how BPJS Ketenagakerjaan bills a month): a month is
billed in full when the program covers any day of it, so a program starting on the 2nd of
a month pays that whole month. No month outside the program's validity is billed; a note
says why. Each month is quoted with the law in force on its first covered day (the
program's first day in its first month, the 1st otherwise), so a rate or relief that
changes during the period shows in the month it changes.

People come from the plan (the places the phases open, or the total quota, or a given
number of participants) or from an allocation (each admitted person from the month of
their phase). A one-off premium (construction scheme) is billed in the month its unit
starts. Multi-year projections use declared :class:`Assumptions`; growth is compounded
once per calendar year after the period's first year and rounded half up (people to whole
people, incomes to whole rupiah).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from perlindungan._i18n import N_
from perlindungan._input.limits import MAX_MONTHS
from perlindungan._message import Message
from perlindungan.contributions._terms import entry
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah
from perlindungan.parameters import amount as amount_of
from perlindungan.programs import Frequency
from perlindungan.regional._allocate import Allocation
from perlindungan.regional._budget import premium
from perlindungan.regional._period_model import (
    NO_PHASE,
    Assumptions,
    Cohort,
    MonthLine,
    PeriodBudget,
    PeriodNote,
    month_end,
    months,
)
from perlindungan.regional._program import RegionalScheme

__all__ = [
    "NO_PHASE",
    "AdmittedCohorts",
    "Assumptions",
    "Cohort",
    "MonthLine",
    "PeriodBudget",
    "PeriodNote",
    "cohorts_from_allocation",
    "cohorts_from_plan",
    "month_end",
    "months",
    "period_budget",
]

_L_BEFORE = N_("{month}: not billed; the scheme starts on {start}")
_L_AFTER = N_("{month}: not billed; the scheme ended on {end}")
_L_NO_QUOTA = N_(
    "the program declares no total quota and no places per phase: no one is budgeted; "
    "give the number of participants or a roster"
)
_L_NOT_SPLIT = N_(
    "the phases declare no places, so the budget is not split by phase: every "
    "participant is counted from the program's first day"
)


def cohorts_from_plan(
    program: RegionalScheme, *, participants: int | None = None
) -> tuple[list[Cohort], list[PeriodNote]]:
    """The planned people: the phases' places, else the total quota (or ``participants``)."""
    scheme = program.coverage.scheme
    if scheme == "construction":
        n = 1 if participants is None else participants
        value_ = program.coverage.example_activity_value
        return [Cohort(NO_PHASE, program.valid_from, n, value_)], []
    if participants is None and program.phased_places:
        out = []
        room = program.quota.total
        for ph in program.phases:
            n = ph.places or 0
            if room is not None:
                n = min(n, room)
                room -= n
            out.append(Cohort(ph.name, max(ph.start, program.valid_from), n))
        return out, []
    if participants is not None and program.phased_places:
        raise InvalidInputError(
            Message(
                "program {id} opens its places phase by phase; a number of participants would ignore the phases. Change the places in a scenario instead (e.g. --set quota.total=N) or give a roster.",
                id=repr(program.id),
            ),
            field="participants",
            value=participants,
        )
    count = participants if participants is not None else program.quota.total
    notes = []
    if count is None:
        notes.append(PeriodNote(_L_NO_QUOTA))
        count = 0
    if program.phases:
        notes.append(PeriodNote(_L_NOT_SPLIT))
    return [Cohort(NO_PHASE, program.valid_from, count)], notes


@attrs.frozen
class AdmittedCohorts:
    """What a period budget needs of an evaluated roster, gathered chunk by chunk without
    holding its allocation (:func:`~perlindungan.regional._stream_cohorts.roster_cohorts`):
    the cohorts of :func:`cohorts_from_allocation` and the admitted people per resolved
    sub-region (``-`` for none), sorted."""

    cohorts: tuple[Cohort, ...]
    sub_regions: tuple[tuple[str, int], ...]


def cohorts_from_allocation(program: RegionalScheme, allocation: Allocation) -> list[Cohort]:
    """The admitted people of an allocation, by phase and first covered day (construction:
    one cohort per activity, billed once)."""
    groups: dict[tuple[str, _dt.date], int] = {}
    activities: dict[str, Cohort] = {}
    for placement in allocation.admitted:
        start = placement.start or program.valid_from
        phase = placement.phase_name or NO_PHASE
        person = placement.decision.person
        if program.coverage.scheme == "construction":
            key = person.activity_id or person.id
            if key not in activities:
                activities[key] = Cohort(phase, start, 1, person.activity_value)
            continue
        groups[(phase, start)] = groups.get((phase, start), 0) + 1
    if activities:
        return sorted(activities.values(), key=lambda c: (c.start, c.phase))
    return [
        Cohort(ph, start, n) for (ph, start), n in sorted(groups.items(), key=lambda kv: kv[0][1])
    ]


def period_budget(
    program: RegionalScheme,
    *,
    start: _dt.date | str,
    end: _dt.date | str,
    allocation: Allocation | AdmittedCohorts | None = None,
    participants: int | None = None,
    assumptions: Assumptions | None = None,
) -> PeriodBudget:
    """The budget of ``program`` from ``start`` to ``end`` (inclusive), month by month.

    People come from ``allocation`` (an evaluated roster: its allocation, or the cohorts
    of a roster streamed chunk by chunk) when given, else from the plan
    (see :func:`cohorts_from_plan`). See the module text for the billing rule.

    >>> from perlindungan.regional import scheme
    >>> b = period_budget(scheme("kota-serang-2026"), start="2026-01-01", end="2026-12-31")
    >>> int(b.total), len(b.billed)
    (2419200000, 12)

    """
    first = to_date(start, field="from")
    last = to_date(end, field="to")
    if last < first:
        raise InvalidInputError(
            Message(
                "the period ends ({last}) before it starts ({first}).",
                last=last.isoformat(),
                first=first.isoformat(),
            ),
            field="to",
            value=last,
        )
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    if count > MAX_MONTHS:
        raise InvalidInputError(
            Message(
                "the period from {first} to {last} is {count:,} months; a budget covers at "
                "most {most:,} months (100 years).",
                first=first.isoformat(),
                last=last.isoformat(),
                count=count,
                most=MAX_MONTHS,
            ),
            field="to",
            value=last,
        )
    assume = assumptions or Assumptions()
    if allocation is not None:
        if participants is not None:
            raise InvalidInputError(
                Message(
                    "give either a number of participants or an allocation (roster), not both."
                ),
                field="participants",
            )
        if assume.participant_growth:
            raise InvalidInputError(
                Message(
                    "participant growth applies to the plan, not to a roster: a roster lists "
                    "the people; remove the growth of participants."
                ),
                field="growth.participants",
            )
        notes: list[PeriodNote] = []
        source = "roster"
        if isinstance(allocation, AdmittedCohorts):
            cohorts, subs = list(allocation.cohorts), allocation.sub_regions
        else:
            cohorts = cohorts_from_allocation(program, allocation)
            counted: dict[str, int] = {}
            for placement in allocation.admitted:
                key = placement.sub_region or NO_PHASE
                counted[key] = counted.get(key, 0) + 1
            subs = tuple(sorted(counted.items()))
    else:
        cohorts, notes = cohorts_from_plan(program, participants=participants)
        source = "plan"
        subs = tuple(sorted(program.quota.sub_region_quotas.items()))
    if assume.income_growth and program.coverage.scheme != "bpu":
        raise InvalidInputError(
            Message(
                "income growth applies to BPU membership (declared income); scheme {id} enrols its people as {upper}.",
                id=repr(program.id),
                upper=program.coverage.scheme.upper(),
            ),
            field="growth.income",
        )
    result = _compute(program, first, last, cohorts, notes, source, assume)
    return attrs.evolve(result, sub_regions=subs)


def _covers(program: RegionalScheme, month: _dt.date) -> bool:
    if program.valid_from > month_end(month):
        return False
    return program.valid_until is None or program.valid_until >= month


def _compute(
    program: RegionalScheme,
    first: _dt.date,
    last: _dt.date,
    cohorts: list[Cohort],
    notes: list[PeriodNote],
    source: str,
    assume: Assumptions,
) -> PeriodBudget:
    sums: dict[tuple[_dt.date, str, str, str], list[Any]] = {}
    people: dict[tuple[_dt.date, str], int] = {}
    billed: list[_dt.date] = []
    quotes: dict[tuple[_dt.date, Rupiah | None, Rupiah | None], Any] = {}
    skipped: list[PeriodNote] = []
    for month in months(first, last):
        if not _covers(program, month):
            if program.valid_from > month_end(month):
                msg, key, day = _L_BEFORE, "start", program.valid_from
            else:
                msg, key, day = _L_AFTER, "end", program.valid_until or month
            skipped.append(
                PeriodNote(msg, {"month": month.strftime("%Y-%m"), key: day.isoformat()})
            )
            continue
        billed.append(month)
        law_day = max(month, program.valid_from)
        years = month.year - first.year
        income = None
        if program.coverage.scheme == "bpu" and assume.income_growth:
            base = program.coverage.income or Rupiah(
                entry(amount_of, "bpu.income.minimum", law_day).value
            )
            income = assume.income(base, years)
        for cohort in cohorts:
            if cohort.start > month_end(month):
                continue
            n = assume.people(cohort.count, years)
            new = cohort.start >= month
            people[(month, cohort.phase)] = people.get((month, cohort.phase), 0) + n
            qkey = (law_day, cohort.activity_value, income)
            if qkey not in quotes:
                quotes[qkey] = premium(program, law_day, cohort.activity_value, income=income)
            for q in quotes[qkey].lines:
                if q.frequency is Frequency.MONTHLY or (q.frequency is Frequency.ONCE and new):
                    amount = q.amount * n
                else:
                    continue
                acc = sums.setdefault(
                    (month, cohort.phase, q.payer.value, q.program.value), [0, Rupiah.zero()]
                )
                acc[0] += n
                acc[1] = acc[1] + amount
    lines = tuple(
        MonthLine(m, ph, payer, prog, int(n), amount)
        for (m, ph, payer, prog), (n, amount) in sorted(sums.items())
    )
    return PeriodBudget(
        program.id,
        first,
        last,
        source,
        lines,
        tuple(billed),
        tuple((m, ph, n) for (m, ph), n in sorted(people.items())),
        tuple(notes + _compress(skipped)),
        assume,
    )


def _compress(skipped: list[PeriodNote]) -> list[PeriodNote]:
    """One note for a run of unbilled months with the same reason (first .. last)."""
    out: list[PeriodNote] = []
    for note in skipped:
        if out and out[-1].message == note.message:
            head = out[-1].values["month"].split("..")[0]
            values = dict(note.values)
            values["month"] = f"{head}..{note.values['month']}"
            out[-1] = PeriodNote(note.message, values)
        else:
            out.append(note)
    return out
