"""Budgets: the premiums of admitted people (or of the declared quota), from the
contributions engine, moved to the paying budget, per month and per year, per payer and
per phase.

A BPU premium is monthly; a year is 12 months. A construction-scheme premium is charged
once per activity (``activity_id``, or the person's id when no activity is given).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from perlindungan._i18n import N_
from perlindungan._input.limits import MAX_PARTICIPANTS
from perlindungan._input.numbers import whole_number
from perlindungan._message import Message
from perlindungan.contributions import Quote, contributions
from perlindungan.contributions._terms import entry
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah
from perlindungan.parameters import amount as amount_of
from perlindungan.programs import Frequency
from perlindungan.regional._allocate import Allocation
from perlindungan.regional._program import RegionalScheme
from perlindungan.workers import ConstructionProject, NonWageEarner

__all__ = ["Budget", "BudgetLine", "budget", "planned_budget", "premium"]


def premium(
    program: RegionalScheme,
    on: _dt.date,
    activity_value: Rupiah | None = None,
    *,
    income: Rupiah | None = None,
) -> Quote:
    """The premium of one person (BPU) or one activity (construction) paid by the funder.

    ``income`` replaces the declared income of the program (BPU scheme only).
    """
    cov = program.coverage
    if cov.scheme == "bpu":
        income = income if income is not None else cov.income
        if income is None:
            income = Rupiah(entry(amount_of, "bpu.income.minimum", on).value)
        # Whose money pays decides relief (a budget-paid premium gets no PP 50/2025 discount).
        worker = NonWageEarner(income=income, paid_by=program.funding.payer)
        quote = contributions(worker, on=on)
    else:
        worth = activity_value if activity_value is not None else cov.example_activity_value
        if worth is None:
            raise InvalidInputError(
                Message(
                    "program {program} covers construction activities: give the activity's "
                    "contract value (activity_value), such as 250000000.",
                    program=repr(program.id),
                ),
                field="activity_value",
            )
        quote = contributions(ConstructionProject(contract_value=worth), on=on)
    quote = attrs.evolve(quote, lines=tuple(ln for ln in quote.lines if ln.program in cov.programs))
    return quote.paid_by(program.funding.payer)


@attrs.frozen
class BudgetLine:
    """One charged unit (a person or an activity) and its premium; ``units`` identical
    units may share one line (a large roster's people of one phase)."""

    key: str
    phase: str | None
    quote: Quote
    units: int = 1

    @property
    def monthly(self) -> Rupiah:
        """Monthly premium (of all its units)."""
        return (
            sum(
                (ln.amount for ln in self.quote.lines if ln.frequency is Frequency.MONTHLY),
                Rupiah.zero(),
            )
            * self.units
        )

    @property
    def once(self) -> Rupiah:
        """One-off premium (construction scheme), of all its units."""
        return (
            sum(
                (ln.amount for ln in self.quote.lines if ln.frequency is Frequency.ONCE),
                Rupiah.zero(),
            )
            * self.units
        )

    @property
    def yearly(self) -> Rupiah:
        """A year's premium: 12 months plus any one-off amount."""
        return self.monthly * 12 + self.once


@attrs.frozen
class Budget:
    """Premiums per month and year, in total, per payer and per phase."""

    program_id: str
    on: _dt.date
    lines: tuple[BudgetLine, ...]
    participants: int

    @property
    def monthly(self) -> Rupiah:
        """Monthly premiums in total."""
        return sum((ln.monthly for ln in self.lines), Rupiah.zero())

    @property
    def once(self) -> Rupiah:
        """One-off premiums in total."""
        return sum((ln.once for ln in self.lines), Rupiah.zero())

    @property
    def yearly(self) -> Rupiah:
        """A year's premiums in total."""
        return sum((ln.yearly for ln in self.lines), Rupiah.zero())

    def per_payer(self) -> dict[str, Rupiah]:
        """A year's premiums per payer."""
        out: dict[str, Rupiah] = {}
        for ln in self.lines:
            for q in ln.quote.lines:
                amount = q.amount * 12 if q.frequency is Frequency.MONTHLY else q.amount
                amount = amount * ln.units
                out[q.payer.value] = out.get(q.payer.value, Rupiah.zero()) + amount
        return out

    def per_phase(self) -> dict[str, Rupiah]:
        """A year's premiums per phase (``"-"`` when the program has no phases)."""
        out: dict[str, Rupiah] = {}
        for ln in self.lines:
            name = ln.phase or "-"
            out[name] = out.get(name, Rupiah.zero()) + ln.yearly
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON form (whole rupiah)."""
        return {
            "program": self.program_id,
            "on": self.on.isoformat(),
            "participants": self.participants,
            "charged_units": sum(ln.units for ln in self.lines),
            "monthly": int(self.monthly),
            "once": int(self.once),
            "yearly": int(self.yearly),
            "per_payer_yearly": {k: int(v) for k, v in self.per_payer().items()},
            "per_phase_yearly": {k: int(v) for k, v in self.per_phase().items()},
        }


def budget(program: RegionalScheme, allocation: Allocation) -> Budget:
    """The budget of the admitted people of an allocation."""
    lines: dict[str, BudgetLine] = {}
    admitted = allocation.admitted
    for placement in sorted(admitted, key=lambda p: p.decision.person.id):
        person = placement.decision.person
        phase = placement.phase_name
        if program.coverage.scheme == "construction":
            key = f"activity:{person.activity_id or person.id}"
            if key in lines:
                continue
            quote = premium(program, allocation.on, person.activity_value)
        else:
            key = f"person:{person.id}#{len(lines)}"
            quote = premium(program, allocation.on)
        lines[key] = BudgetLine(key, phase, quote)
    return Budget(program.id, allocation.on, tuple(lines.values()), len(admitted))


def planned_budget(
    program: RegionalScheme, *, on: _dt.date | str, participants: int | None = None
) -> Budget:
    """The budget of the declared quota (or of ``participants``) at the per-person premium.

    When the phases carry places, the people are the places opened by ``on``, each in its
    phase. For a calendar period, month by month, see :func:`period_budget`.

    >>> from perlindungan.regional import scheme
    >>> int(planned_budget(scheme("kota-serang-2026"), on="2026-01-01").yearly)
    2419200000

    """
    day = to_date(on, field="on")
    quote = premium(program, day)
    if participants is None and program.phased_places:
        lines: list[BudgetLine] = []
        room = program.places_by(day) or 0
        for ph in program.phases_started(day):
            n = min(ph.places or 0, room - len(lines))
            lines.extend(BudgetLine("planned", ph.name, quote) for _ in range(n))
        return Budget(program.id, day, tuple(lines), len(lines))
    count = participants if participants is not None else (program.quota.total or 0)
    if program.coverage.scheme == "construction" and participants is None:
        count = 1
    count = whole_number(
        count, field="participants", maximum=MAX_PARTICIPANTS, what=N_("participants")
    )
    phase = program.phases[0].name if program.phases else None
    one = BudgetLine("planned", phase, quote)
    return Budget(program.id, day, tuple(one for _ in range(count)), count)
