"""JHT: balance projection and who may claim when (PP 46/2015, Permenaker 4/2022)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any, Final

import attrs

from perlindungan._i18n import N_
from perlindungan.benefits._claim import Claim
from perlindungan.benefits._common import component, note, pct
from perlindungan.benefits._jkm import _missing
from perlindungan.benefits._model import Benefit, Component, Note
from perlindungan.dates import Month, age_on, full_months_between
from perlindungan.errors import InvalidInputError
from perlindungan.legal import Citation
from perlindungan.money import Rupiah
from perlindungan.parameters import DatedValue, count, parameter, parameters, rate
from perlindungan.programs import Program

__all__ = ["jht_benefit", "project_balance"]

#: The JHT regulation, cited by every JHT payment (the benefit is the balance of
#: contributions plus returns; the article is not confirmed, so none is given).
_JHT_BASIS: Final = "pp-46-2015"


def project_balance(claim: Claim, on: _dt.date) -> tuple[Rupiah, list[DatedValue[Any]], list[int]]:
    """The JHT balance on ``on`` from an opening balance and monthly contributions.

    ``claim.balance`` is the balance at the start of the first contribution year. Each
    year the opening balance earns the year's return for the months elapsed, and each
    contribution earns it from the end of its month (simple within the year, compounded
    at each year end, rounded half up to whole rupiah there). Returns: balance, rates
    used, and the years for which the caller's ``assumed_return`` was used.
    """
    balance = claim.balance or Rupiah.zero()
    if not claim.contributions:
        return balance, [], []
    current = Month.of(on)
    for index, c in enumerate(claim.contributions):
        if (c.month.year, c.month.month) > (current.year, current.month):
            raise InvalidInputError(
                f"claim.contributions[{index}].month {c.month} is after the claim date.",
                field=f"claim.contributions[{index}].month",
                value=str(c.month),
            )
    declared = parameter("jht.declared_return")
    used: list[DatedValue[Any]] = []
    assumed: list[int] = []
    for year in range(min(c.month.year for c in claim.contributions), on.year + 1):
        horizon = 12 if year < on.year else on.month - 1
        day = _dt.date(year, 1, 1)
        if declared.in_force(day) or claim.assumed_return is None:
            dv = declared.at(day)
            used.append(dv)
            rate = Decimal(str(dv.value))
        else:
            rate = claim.assumed_return
            assumed.append(year)
        interest = balance * (rate * Decimal(horizon) / 12)
        for c in claim.contributions:
            if c.month.year == year:
                earning = max(horizon - c.month.month, 0)
                balance += c.amount
                interest += c.amount * (rate * Decimal(earning) / 12)
        balance = (balance + interest).round()
    return balance, used, assumed


def _with_jht_basis(part: Component, *, assumed: bool) -> Component:
    """``part`` citing PP 46/2015 (the JHT regulation) at least; with an assumed return
    it is marked illustrative (confidence M): the rate is the caller's, not the law's."""
    citations = part.citations
    if not any(c.basis.id == _JHT_BASIS for c in citations):
        citations = (Citation(parameters().basis(_JHT_BASIS)), *citations)
    if assumed:
        return attrs.evolve(part, citations=citations, status="illustrative", confidence="M")
    return attrs.evolve(part, citations=citations)


def jht_benefit(claim: Claim, on: _dt.date) -> Benefit:
    """JHT for a claim event."""
    if claim.balance is None and not claim.contributions:
        return _missing(claim, on, ["balance"])
    reasons: list[Note] = []
    notes: list[Note] = []
    event = claim.event
    if event in {"resignation", "termination"}:
        if claim.terminated_on is None:
            return _missing(claim, on, ["terminated_on"])
        wait = count("jht.waiting_months", on)
        if full_months_between(claim.terminated_on, on) < wait.value:
            reasons.append(
                note(
                    "waiting",
                    N_("The claim can be made {months} month(s) after the end of work."),
                    wait,
                    months=wait.value,
                )
            )
    elif event == "retirement":
        if claim.birth_date is None:
            return _missing(claim, on, ["birth_date"])
        age = count("jht.pension_age", on)
        if age_on(claim.birth_date, on) < age.value:
            reasons.append(
                note(
                    "jht_age",
                    N_(
                        "Age {age} is not reached (unless the employment "
                        "contract sets an earlier pension age)."
                    ),
                    age,
                    age=age.value,
                )
            )
    elif event == "partial":
        if claim.membership_months is None:
            return _missing(claim, on, ["membership_months"])
        need = count("jht.partial.min_membership_months", on)
        if claim.membership_months < need.value:
            reasons.append(
                note(
                    "partial_membership",
                    N_("A partial claim needs {months} months of membership."),
                    need,
                    months=need.value,
                )
            )
        if claim.partial_claimed_before:
            reasons.append(note("partial_once", N_("A partial claim can be made only once."), need))
    if reasons:
        return Benefit(Program.JHT, event, on, eligible=False, reasons=tuple(reasons))
    balance, used, assumed = project_balance(claim, on)
    rate_text = pct(claim.assumed_return or Decimal(0))
    years_text = ", ".join(map(str, assumed))
    if assumed:
        notes.append(
            note(
                "assumed_return",
                N_(
                    "Assumed return {rate} for {years}: no declared rate is known for those years; "
                    "this is the caller's assumption, not a legal fact."
                ),
                rate=rate_text,
                years=years_text,
            )
        )
    if event == "partial":
        which = "housing" if claim.purpose == "housing" else "other"
        share = rate(f"jht.partial.{which}_rate", on)
        part = component(
            "partial",
            N_("partial JHT payment, at most"),
            balance * Decimal(share.value),
            [share, *used],
            how=N_(
                "{share} x balance {balance}; returns for {years} at the caller's assumed {rate}"
            )
            if assumed
            else N_("{share} x balance {balance}"),
            share=pct(Decimal(share.value)),
            balance=balance,
            years=years_text,
            rate=rate_text,
        )
    else:
        part = component(
            "balance",
            N_("JHT balance paid at once"),
            balance,
            used,
            how=N_("contributions plus returns; returns for {years} at the caller's assumed {rate}")
            if assumed
            else N_("contributions plus returns"),
            balance=balance,
            years=years_text,
            rate=rate_text,
        )
    part = _with_jht_basis(part, assumed=bool(assumed))
    return Benefit(Program.JHT, event, on, eligible=True, components=(part,), notes=tuple(notes))
