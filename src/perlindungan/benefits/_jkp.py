"""JKP: job-loss cash benefit (PP 37/2021, amended by PP 6/2025)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from perlindungan._i18n import N_
from perlindungan._message import Message
from perlindungan.benefits._claim import Claim
from perlindungan.benefits._claim_fields import REASON_LABELS
from perlindungan.benefits._common import component, note, pct
from perlindungan.benefits._jkm import _missing
from perlindungan.benefits._model import Benefit, Component, Note
from perlindungan.dates import age_on, full_months_between
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah
from perlindungan.parameters import amount, count, names, rate
from perlindungan.programs import Program

__all__ = ["jkp_benefit"]


def jkp_benefit(claim: Claim, on: _dt.date) -> Benefit:
    """JKP after a termination; the rules in force on the termination date apply."""
    missing = [
        name
        for name in ("wage", "terminated_on", "termination_reason", "contribution_months")
        if getattr(claim, name) is None
    ]
    if missing:
        return _missing(claim, on, missing)
    assert claim.wage is not None
    assert claim.terminated_on is not None
    assert claim.contribution_months is not None
    day = claim.terminated_on
    if day > on:
        raise InvalidInputError(
            f"claim.terminated_on {day.isoformat()} is after the claim date {on.isoformat()}.",
            field="claim.terminated_on",
            value=day,
        )
    reasons: list[Note] = []
    notes: list[Note] = []
    excluded = names("jkp.excluded_reasons", day)
    if claim.termination_reason in excluded.value:
        reasons.append(
            note(
                "excluded_reason",
                N_("Termination by {reason} gives no JKP."),
                excluded,
                reason=Message(
                    REASON_LABELS.get(claim.termination_reason, claim.termination_reason)
                ),
            )
        )
    if claim.citizen is False:
        reasons.append(
            note(
                "citizenship",
                N_("JKP is for Indonesian citizens only."),
                count("jkp.max_registration_age", day),
            )
        )
    max_age = count("jkp.max_registration_age", day)
    if claim.birth_date is not None and claim.registered_on is not None:
        if age_on(claim.birth_date, claim.registered_on) >= max_age.value:
            reasons.append(
                note(
                    "registration_age",
                    N_("Registered at age {age} or older: no JKP."),
                    max_age,
                    age=max_age.value,
                )
            )
    else:
        notes.append(
            note(
                "age_unchecked",
                N_("Age at registration not checked (birth_date and registered_on not given)."),
            )
        )
    need = count("jkp.min_contribution_months", day)
    if claim.contribution_months < need.value:
        reasons.append(
            note(
                "contribution_history",
                N_(
                    "Only {paid} contribution months in the 24 months before termination; "
                    "{need} are needed."
                ),
                need,
                paid=claim.contribution_months,
                need=need.value,
            )
        )
    consecutive = count("jkp.min_consecutive_months", day)
    if claim.consecutive_months is not None and claim.consecutive_months < consecutive.value:
        reasons.append(
            note(
                "consecutive",
                N_("Fewer than {need} consecutive months paid before termination."),
                consecutive,
                need=consecutive.value,
            )
        )
    deadline = count("jkp.claim_deadline_months", day)
    if full_months_between(day, on - _dt.timedelta(days=1)) >= deadline.value:
        reasons.append(
            note(
                "deadline",
                N_("The claim was not made within {months} months of termination."),
                deadline,
                months=deadline.value,
            )
        )
    if need.status == "illustrative":
        notes.append(
            note(
                "jkp_rules_unverified",
                N_(
                    "The contribution-history, age and exclusion rules after PP 6/2025 are the old "
                    "ones: the amended articles were not seen (confidence M)."
                ),
            )
        )
    cap = amount("pu.jkp.wage_cap", day)
    base = min(claim.wage, Rupiah(cap.value))
    if base < claim.wage:
        notes.append(
            note(
                "wage_capped",
                N_("The wage {wage} is limited to the cap of {cap}."),
                cap,
                wage=claim.wage,
                cap=Rupiah(cap.value),
            )
        )
    parts: list[Component] = []
    start = 1
    for which in ("first", "second"):
        months_dv = count(f"jkp.benefit.{which}_months", day)
        rate_dv = rate(f"jkp.benefit.{which}_rate", day)
        months = int(months_dv.value)
        if months == 0:
            continue
        monthly = (base * Decimal(rate_dv.value)).round()
        parts.append(
            component(
                f"cash_months_{start}_{start + months - 1}",
                N_("cash benefit, months {first}-{last}"),
                monthly * months,
                [rate_dv, months_dv, cap],
                how=N_("{months} x {share} x {wage} = {months} x {monthly}"),
                first=start,
                last=start + months - 1,
                months=months,
                share=pct(Decimal(rate_dv.value)),
                wage=base,
                monthly=monthly,
            )
        )
        start += months
    if reasons:
        return Benefit(
            Program.JKP, claim.event, on, eligible=False, reasons=tuple(reasons), notes=tuple(notes)
        )
    return Benefit(
        Program.JKP, claim.event, on, eligible=True, components=tuple(parts), notes=tuple(notes)
    )
