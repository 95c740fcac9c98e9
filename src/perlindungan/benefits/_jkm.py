"""JKM: death not caused by work (PP 44/2015 Pasal 34 as amended by PP 82/2019)."""

from __future__ import annotations

import datetime as _dt

from perlindungan._i18n import N_
from perlindungan.benefits._claim import Claim
from perlindungan.benefits._common import component, note
from perlindungan.benefits._model import Benefit, Component, Note
from perlindungan.benefits._scholarship import scholarships
from perlindungan.money import Rupiah
from perlindungan.parameters import amount, count, parameter
from perlindungan.programs import Program

__all__ = ["jkm_death", "jkm_lump_sums"]


def jkm_lump_sums(on: _dt.date) -> list[Component]:
    """The three JKM cash components in force on ``on``."""
    out = []
    for name, label in (
        ("lump_sum", N_("lump-sum death benefit")),
        ("periodic", N_("periodic benefit paid at once")),
        ("funeral", N_("funeral costs")),
    ):
        dv = amount(f"jkm.benefit.{name}", on)
        out.append(component(name, label, Rupiah(dv.value), [dv], how=N_("flat amount")))
    return out


def jkm_death(claim: Claim, on: _dt.date) -> Benefit:
    """JKM on the death of a participant."""
    day = claim.event_date or on
    notes: list[Note] = []
    missing: list[str] = []
    short = parameter("jkm.bpu_short.membership_months")
    if claim.category == "bpu" and short.in_force(day):
        if claim.membership_months is None:
            missing.append("membership_months")
        elif claim.membership_months < count("jkm.bpu_short.membership_months", day).value:
            dv = amount("jkm.bpu_short.funeral", day)
            notes.append(
                note(
                    "bpu_short_membership",
                    N_(
                        "A non-wage earner with less than {months} months of membership "
                        "receives the funeral benefit only; the split of this amount is "
                        "reported differently by BPJS offices."
                    ),
                    short.at(day),
                    months=short.value_at(day),
                )
            )
            funeral = component(
                "funeral", N_("funeral costs"), Rupiah(dv.value), [dv], how=N_("flat amount")
            )
            return Benefit(
                Program.JKM,
                claim.event,
                on,
                eligible=True,
                components=(funeral,),
                notes=tuple(notes),
            )
    if missing:
        return _missing(claim, on, missing)
    parts = jkm_lump_sums(day)
    need = count("jkm.scholarship.min_membership_months", day)
    if claim.children:
        if claim.membership_months is None:
            notes.append(
                note(
                    "scholarship_unknown",
                    N_("Scholarship not assessed: membership_months is missing."),
                )
            )
        elif claim.membership_months < need.value:
            notes.append(
                note(
                    "scholarship_membership",
                    N_("No scholarship: it needs at least {months} months of membership."),
                    need,
                    months=need.value,
                )
            )
        else:
            s_parts, s_notes = scholarships(claim.children, day, [need])
            parts.extend(s_parts)
            notes.extend(s_notes)
    return Benefit(
        Program.JKM, claim.event, on, eligible=True, components=tuple(parts), notes=tuple(notes)
    )


def _missing(claim: Claim, on: _dt.date, missing: list[str]) -> Benefit:
    return Benefit(
        claim.program,
        claim.event,
        on,
        eligible=False,
        reasons=(note("facts_missing", N_("Facts missing: {facts}."), facts=", ".join(missing)),),
        missing=tuple(missing),
    )
