"""JKK: work accident and occupational disease (PP 44/2015 Lampiran III, PP 82/2019)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from perlindungan._i18n import N_
from perlindungan.benefits._claim import Claim
from perlindungan.benefits._common import component, note, pct
from perlindungan.benefits._jkm import _missing
from perlindungan.benefits._model import Benefit, Component, Note
from perlindungan.benefits._scholarship import scholarships
from perlindungan.dates import anniversary
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah
from perlindungan.parameters import DatedValue, amount, count, parameter, rate
from perlindungan.programs import Program

__all__ = ["jkk_benefit", "stmb_schedule"]


def stmb_schedule(day: _dt.date, months: int) -> list[tuple[int, Decimal]]:
    """The STMB periods for ``months`` off work: [(months, share of wage), ...]."""
    first = int(count("jkk.stmb.first_months", day).value)
    second = int(count("jkk.stmb.second_months", day).value)
    periods = [
        (min(months, first), Decimal(rate("jkk.stmb.first_rate", day).value)),
        (min(max(months - first, 0), second), Decimal(rate("jkk.stmb.second_rate", day).value)),
        (max(months - first - second, 0), Decimal(rate("jkk.stmb.later_rate", day).value)),
    ]
    return [(n, r) for n, r in periods if n > 0]


def _limits_note(day: _dt.date) -> list[Note]:
    if not parameter("jkk.home_care.limit").in_force(day):
        return []
    land, sea, air = (amount(f"jkk.transport.{m}", day) for m in ("land", "sea", "air"))
    home = amount("jkk.home_care.limit", day)
    return [
        note(
            "jkk_limits",
            N_(
                "Also covered at cost: medical care as needed; transport up to {land} by land, "
                "{sea} by sea and {air} by air; home care up to {home} for at most one year."
            ),
            land,
            home,
            land=Rupiah(land.value),
            sea=Rupiah(sea.value),
            air=Rupiah(air.value),
            home=Rupiah(home.value),
        )
    ]


def jkk_benefit(claim: Claim, on: _dt.date) -> Benefit:
    """JKK for one of its events."""
    day = claim.event_date or on
    missing = ["wage"] if claim.wage is None else []
    if claim.event == "temporary_disability" and claim.months_off_work is None:
        missing.append("months_off_work")
    if claim.event == "partial_disability" and claim.disability_percent is None:
        missing.append("disability_percent")
    if missing:
        return _missing(claim, on, missing)
    assert claim.wage is not None
    wage = claim.wage
    if claim.event_date is not None:
        if claim.event_date > on:
            raise InvalidInputError(
                f"claim.event_date {claim.event_date.isoformat()} is after the claim date "
                f"{on.isoformat()}.",
                field="claim.event_date",
                value=claim.event_date,
            )
        years = count("jkk.claim_expiry_years", day)
        if on > anniversary(claim.event_date, int(years.value)):
            reason = note(
                "claim_expired",
                N_("The claim lapsed {years} years after the accident or diagnosis."),
                years,
                years=years.value,
            )
            return Benefit(Program.JKK, claim.event, on, eligible=False, reasons=(reason,))
    parts: list[Component] = []
    factor = count("jkk.wage_factor", day)
    if claim.event == "temporary_disability":
        assert claim.months_off_work is not None
        src: list[DatedValue[Any]] = [
            count("jkk.stmb.first_months", day),
            count("jkk.stmb.second_months", day),
            rate("jkk.stmb.later_rate", day),
        ]
        start = 1
        for months, share in stmb_schedule(day, claim.months_off_work):
            parts.append(
                component(
                    f"stmb_months_{start}_{start + months - 1}",
                    N_("temporary incapacity, months {first}-{last}"),
                    wage * share * months,
                    src,
                    how=N_("{months} x {share} x {wage}"),
                    first=start,
                    last=start + months - 1,
                    months=months,
                    share=pct(share),
                    wage=wage,
                )
            )
            start += months
    elif claim.event == "partial_disability":
        assert claim.disability_percent is not None
        share = claim.disability_percent / 100
        parts.append(
            component(
                "partial_disability",
                N_("partial permanent disability"),
                wage * share * int(factor.value),
                [factor],
                how=N_("{share} x {factor} x {wage}"),
                share=pct(share),
                factor=factor.value,
                wage=wage,
            )
        )
    else:
        rate_name = (
            "permanent_total.rate" if claim.event == "permanent_total_disability" else "death.rate"
        )
        benefit_rate = rate(f"jkk.{rate_name}", day)
        benefit = wage * benefit_rate.value * factor.value
        sources: list[DatedValue[Any]] = [benefit_rate, factor]
        how = N_("{share} x {factor} x {wage}")
        if claim.event == "death":
            floor = amount("jkm.benefit.lump_sum", day)
            if benefit < Rupiah(floor.value):
                benefit = Rupiah(floor.value)
                sources.append(floor)
                how = N_("{share} x {factor} x {wage} is below the JKM lump sum; raised to {floor}")
        label = (
            N_("total permanent disability benefit")
            if claim.event == "permanent_total_disability"
            else N_("death benefit")
        )
        parts.append(
            component(
                claim.event,
                label,
                benefit,
                sources,
                how=how,
                share=pct(benefit_rate.value),
                factor=factor.value,
                wage=wage,
                floor=Rupiah(amount("jkm.benefit.lump_sum", day).value),
            )
        )
        periodic = amount("jkk.periodic", day)
        parts.append(
            component(
                "periodic",
                N_("periodic benefit paid at once"),
                Rupiah(periodic.value),
                [periodic],
                how=N_("flat amount"),
            )
        )
        if claim.event == "death":
            funeral = amount("jkk.funeral", day)
            parts.append(
                component(
                    "funeral",
                    N_("funeral costs"),
                    Rupiah(funeral.value),
                    [funeral],
                    how=N_("flat amount"),
                )
            )
    notes = _limits_note(day)
    if claim.children and claim.event in {"death", "permanent_total_disability"}:
        s_parts, s_notes = scholarships(claim.children, day)
        parts.extend(s_parts)
        notes.extend(s_notes)
    return Benefit(
        Program.JKK, claim.event, on, eligible=True, components=tuple(parts), notes=tuple(notes)
    )
