"""The terms of a non-wage earner (BPU) on a date: every rule, decided once.

* JKK at a rate of the declared income, JKM a flat amount, JHT at a rate when chosen;
  the participant's lines (whoever's money pays them: ``paid_by``).
* The declared income must lie between the lowest and highest income of the date.
* PP 49/2020 (August 2020 to January 2021): JKK and JKM discounted.
* PP 50/2025: JKK and JKM at half for every BPU from April to December 2026 and for BPU of
  the listed sectors (transport) from January 2026 to March 2027, unless a public budget
  pays them (``relief.pp50_2025.excluded_payers``). JHT is not discounted.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from functools import lru_cache

import attrs

from perlindungan._context import OVERLAY, EntrySource
from perlindungan._i18n import N_
from perlindungan._repr import attrs_repr
from perlindungan.contributions._model import Note
from perlindungan.contributions._terms import (
    LineTerms,
    ReliefTerms,
    entry,
    flat_terms,
    rate_terms,
    relief_terms,
    scheme_share,
)
from perlindungan.parameters import DatedValue, amount, flag, names, rate
from perlindungan.programs import Payer, Program

__all__ = ["NonWageEarnerTerms", "non_wage_earner_terms"]

_PP49 = "PP 49/2020"
_PP50 = "PP 50/2025"


@attrs_repr
@attrs.frozen(repr=False)
class NonWageEarnerTerms:
    """Every line the law sets for a non-wage earner on a date, given the facts."""

    on: _dt.date
    jkk: LineTerms
    jkm: LineTerms  # a flat amount
    jht: LineTerms  # when chosen
    lowest_income: DatedValue[Decimal]
    highest_income: DatedValue[Decimal]
    notes: tuple[Note, ...]


def _note_pp50(code: str, message: str, source: DatedValue[tuple[str, ...]]) -> Note:
    return Note(code, message, {"scheme": _PP50}, source.citations)


def _pp50(
    on: _dt.date, sector: str | None, paid_by: Payer
) -> tuple[tuple[ReliefTerms, ReliefTerms] | None, tuple[Note, ...]]:
    """PP 50/2025: the JKK and JKM relief that applies (or None), and the notes."""
    every = entry(flag, "relief.pp50_2025.in_force", on).value
    listed_only = entry(flag, "relief.pp50_2025.sector_in_force", on).value
    if not (every or listed_only):
        return None, ()
    excluded = entry(names, "relief.pp50_2025.excluded_payers", on)
    if paid_by.value in excluded.value:
        return None, (
            _note_pp50(
                "relief_excluded_payer",
                N_(
                    "The {scheme} JKK and JKM relief does not apply: it excludes participants "
                    "whose contributions are paid from a state, regional or village budget."
                ),
                excluded,
            ),
        )
    if not every:
        sectors = entry(names, "relief.pp50_2025.sectors", on)
        if sector is None:
            return None, (
                _note_pp50(
                    "relief_not_considered",
                    N_(
                        "The {scheme} JKK and JKM relief was not considered: in this month it "
                        "is for transport-sector participants only; give the worker's sector "
                        "to check it."
                    ),
                    sectors,
                ),
            )
        if sector not in sectors.value:
            return None, (
                _note_pp50(
                    "relief_not_eligible",
                    N_(
                        "The {scheme} JKK and JKM relief does not apply: in this month it is "
                        "for transport-sector participants only."
                    ),
                    sectors,
                ),
            )
    jkk, jkm = (scheme_share("pp50_2025", _PP50, program, on) for program in ("jkk", "jkm"))
    return (jkk, jkm), ()


def non_wage_earner_terms(
    on: _dt.date, sector: str | None = None, paid_by: Payer = Payer.WORKER
) -> NonWageEarnerTerms:
    """The terms of a non-wage earner on ``on`` in ``sector``, paid by ``paid_by``."""
    return _terms(on, _sector_key(on, sector), paid_by, OVERLAY.get())


def _sector_key(on: _dt.date, sector: str | None) -> str | None:
    """The sector as the terms of ``on`` see it: a listed sector, ``""`` for any other,
    None when not given (so the cache holds a few keys, whatever the sector names)."""
    if sector is None:
        return None
    if entry(flag, "relief.pp50_2025.sector_in_force", on).value:
        listed = entry(names, "relief.pp50_2025.sectors", on).value
        return sector if sector in listed else ""
    return ""


@lru_cache(maxsize=1024)
def _terms(
    on: _dt.date, sector: str | None, paid_by: Payer, layer: EntrySource | None
) -> NonWageEarnerTerms:
    del layer  # part of the cache key only: entry() reads the active overlay
    jkk_relief = relief_terms("pp49_2020", _PP49, "jkk", on)
    jkm_relief = relief_terms("pp49_2020", _PP49, "jkm", on)
    notes: tuple[Note, ...] = ()
    if jkk_relief is None:
        pp50, notes = _pp50(on, sector, paid_by)
        jkk_relief, jkm_relief = pp50 or (None, None)
    return NonWageEarnerTerms(
        on=on,
        jkk=rate_terms(
            entry(rate, "bpu.jkk.rate", on),
            program=Program.JKK,
            payer=Payer.WORKER,
            label=N_("JKK on declared income"),
            relief=jkk_relief,
        ),
        jkm=flat_terms(
            entry(amount, "bpu.jkm.amount", on),
            program=Program.JKM,
            payer=Payer.WORKER,
            label=N_("JKM, flat amount"),
            relief=jkm_relief,
        ),
        jht=rate_terms(
            entry(rate, "bpu.jht.rate", on),
            program=Program.JHT,
            payer=Payer.WORKER,
            label=N_("JHT on declared income (chosen)"),
        ),
        lowest_income=entry(amount, "bpu.income.minimum", on),
        highest_income=entry(amount, "bpu.income.maximum", on),
        notes=notes,
    )
