"""JP: old-age, disability and survivor pensions (PP 45/2015, Permenaker 29/2015)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from perlindungan._i18n import N_
from perlindungan.benefits._claim import Claim
from perlindungan.benefits._common import component, note, pct
from perlindungan.benefits._jkm import _missing
from perlindungan.benefits._model import Benefit, Note
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah
from perlindungan.parameters import DatedValue, amount, count, rate
from perlindungan.pension_age import pension_age_reached_on
from perlindungan.programs import Program

__all__ = ["average_indexed_wage", "jp_benefit"]


def average_indexed_wage(claim: Claim, on: _dt.date) -> tuple[Rupiah, list[DatedValue[Any]]]:
    """The average monthly wage, each year revalued by inflation up to the year before ``on``.

    A wage of year ``y`` is multiplied by (1 + inflation) of every year from ``y`` to
    ``on.year - 1``; the average weighs each year by its months. Not rounded.
    """
    if claim.average_indexed_wage is not None:
        return claim.average_indexed_wage, []
    used: list[DatedValue[Any]] = []
    total = Rupiah(0)
    months = 0
    for index, entry in enumerate(claim.wage_history):
        if entry.year > on.year:
            raise InvalidInputError(
                f"claim.wage_history[{index}].year {entry.year} is after the claim date.",
                field=f"claim.wage_history[{index}].year",
                value=entry.year,
            )
        factor = Decimal(1)
        for year in range(entry.year, on.year):
            dv = rate("jp.inflation", _dt.date(year, 1, 1))
            used.append(dv)
            factor *= 1 + Decimal(dv.value)
        total += entry.wage * (factor * entry.months)
        months += entry.months
    if months == 0:
        raise InvalidInputError("claim.wage_history has no months.", field="claim.wage_history")
    # kept to the precision of Decimal arithmetic, like the pension formula that uses it:
    # an average over 7 or 18 months has no finite decimal form
    return total * (Decimal(1) / months), used


def jp_benefit(claim: Claim, on: _dt.date) -> Benefit:
    """JP for old age, disability or death."""
    months = claim.contribution_months
    if months is None and claim.wage_history:
        months = sum(e.months for e in claim.wage_history)
    missing = [] if months is not None else ["contribution_months"]
    has_wage = claim.average_indexed_wage is not None or bool(claim.wage_history)
    if claim.event != "old_age" and claim.membership_months is None:
        missing.append("membership_months")
    if missing:
        return _missing(claim, on, missing)
    assert months is not None
    notes: list[Note] = []
    reasons: list[Note] = []
    need = count("jp.benefit.min_contribution_months", on)
    counted = months
    if claim.event == "old_age":
        if claim.birth_date is not None:
            reached = pension_age_reached_on(claim.birth_date)
            if reached > on:
                age = count("jp.pension_age", on)
                reasons.append(
                    note("pension_age", N_("Pension age is reached on {date}."), age, date=reached)
                )
        else:
            notes.append(
                note("age_unchecked", N_("Pension age not checked (birth_date not given)."))
            )
    elif months < need.value:
        assert claim.membership_months is not None
        min_member = count("jp.survivor.min_membership_months", on)
        density_need = rate("jp.survivor.min_density", on)
        density = (
            Decimal(months) / claim.membership_months if claim.membership_months else Decimal(0)
        )
        if claim.membership_months >= min_member.value and density >= density_need.value:
            counted = int(need.value)
            notes.append(
                note(
                    "deemed_15_years",
                    N_(
                        "Contribution period counted as {months} months: membership of at least "
                        "{member} months and contribution density {density} (at least {needed})."
                    ),
                    min_member,
                    density_need,
                    months=counted,
                    member=min_member.value,
                    density=pct(density.quantize(Decimal("0.0001"))),
                    needed=pct(Decimal(density_need.value)),
                )
            )
    if counted < need.value:
        return _lump_sum(claim, on, months, need, reasons)
    if reasons:
        return Benefit(
            Program.JP, claim.event, on, eligible=False, reasons=tuple(reasons), notes=tuple(notes)
        )
    if not has_wage:
        return _missing(claim, on, ["average_indexed_wage"])
    wage, used = average_indexed_wage(claim, on)
    accrual = rate("jp.benefit.accrual_rate", on)
    formula = wage * (Decimal(accrual.value) * Decimal(counted) / 12)
    low, high = amount("jp.benefit.minimum", on), amount("jp.benefit.maximum", on)
    sources: list[DatedValue[Any]] = [accrual, need, *used]
    pension = formula
    how = N_("{rate} x {months}/12 years x {wage}")
    if formula < Rupiah(low.value):
        pension, how = (
            Rupiah(low.value),
            N_("{rate} x {months}/12 years x {wage} is below the minimum; raised to {limit}"),
        )
        sources.append(low)
    elif formula > Rupiah(high.value):
        pension, how = (
            Rupiah(high.value),
            N_("{rate} x {months}/12 years x {wage} is above the maximum; limited to {limit}"),
        )
        sources.append(high)
    name, label = {
        "old_age": ("old_age_pension", N_("old-age pension, monthly")),
        "disability": ("disability_pension", N_("disability pension, monthly")),
        "death": ("survivor_pension", N_("survivor pension ({survivor}), monthly")),
    }[claim.event]
    survivor = claim.survivor or "spouse"
    if claim.event == "death":
        share = rate(f"jp.survivor.{survivor}_rate", on)
        pension = pension * share.value
        sources.append(share)
        how = how + " " + N_("then x {share} for the survivor")
        notes.append(
            note(
                "survivor_unverified",
                N_(
                    "The survivor percentage ({share}) is not verified in the regulation text "
                    "(confidence M, illustrative)."
                ),
                share,
                share=pct(Decimal(share.value)),
            )
        )
    part = component(
        name,
        label,
        pension,
        sources,
        frequency="monthly",
        how=how,
        rate=pct(Decimal(accrual.value)),
        months=counted,
        wage=wage.round(),
        limit=Rupiah(low.value) if formula < Rupiah(low.value) else Rupiah(high.value),
        survivor=survivor,
        share=pct(Decimal(rate(f"jp.survivor.{survivor}_rate", on).value)),
    )
    return Benefit(
        Program.JP,
        claim.event,
        on,
        eligible=True,
        components=(part,),
        notes=tuple(notes),
        monthly=True,
    )


def _lump_sum(
    claim: Claim, on: _dt.date, months: int, need: DatedValue[Any], reasons: list[Note]
) -> Benefit:
    notes = [
        note(
            "lump_sum",
            N_(
                "{months} contribution months is below {need}: the accumulated contributions "
                "and returns are paid at once instead of a pension."
            ),
            need,
            months=months,
            need=need.value,
        )
    ]
    if reasons:
        return Benefit(
            Program.JP, claim.event, on, eligible=False, reasons=tuple(reasons), notes=tuple(notes)
        )
    if claim.balance is None:
        return Benefit(
            Program.JP,
            claim.event,
            on,
            eligible=False,
            reasons=(note("facts_missing", N_("Facts missing: {facts}."), facts="balance"),),
            missing=("balance",),
            notes=tuple(notes),
        )
    part = component(
        "lump_sum",
        N_("accumulated contributions and returns, paid at once"),
        claim.balance,
        [need],
        how=N_("balance given"),
    )
    return Benefit(
        Program.JP, claim.event, on, eligible=True, components=(part,), notes=tuple(notes)
    )
