"""The terms of a non-wage earner (BPU) on a date: every rule, decided once.

* JKK at a rate of the declared income, JKM a flat amount, JHT at a rate when chosen;
  the participant's lines (whoever's money pays them: ``paid_by``).
* The declared income must lie between the lowest and highest income of the date.
* PP 49/2020 (August 2020 to January 2021): JKK and JKM discounted.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from functools import lru_cache

import attrs

from perlindungan._i18n import N_
from perlindungan._overlay import Overlay, active
from perlindungan.contributions._model import Note
from perlindungan.contributions._terms import (
    LineTerms,
    entry,
    flat_terms,
    rate_terms,
    relief_terms,
)
from perlindungan.parameters import DatedValue, amount, rate
from perlindungan.programs import Payer, Program

__all__ = ["NonWageEarnerTerms", "non_wage_earner_terms"]

_PP49 = "PP 49/2020"


@attrs.frozen
class NonWageEarnerTerms:
    """Every line the law sets for a non-wage earner on a date, given the facts."""

    on: _dt.date
    jkk: LineTerms
    jkm: LineTerms  # a flat amount
    jht: LineTerms  # when chosen
    lowest_income: DatedValue[Decimal]
    highest_income: DatedValue[Decimal]
    notes: tuple[Note, ...]


def non_wage_earner_terms(
    on: _dt.date, sector: str | None = None, paid_by: Payer = Payer.WORKER
) -> NonWageEarnerTerms:
    """The terms of a non-wage earner on ``on`` in ``sector``, paid by ``paid_by``."""
    del sector, paid_by  # no relief in the data depends on them yet
    return _terms(on, active())


@lru_cache(maxsize=1024)
def _terms(on: _dt.date, layer: Overlay | None) -> NonWageEarnerTerms:
    del layer  # part of the cache key only: entry() reads the active overlay
    jkk_relief = relief_terms("pp49_2020", _PP49, "jkk", on)
    jkm_relief = relief_terms("pp49_2020", _PP49, "jkm", on)
    notes: tuple[Note, ...] = ()
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
