"""Contributions of non-wage earners (BPU): the terms of the date, turned into cited lines.

Every rule (rates, the flat JKM, the income range, relief) is decided in
:mod:`._non_wage_earner_terms`; this module does the scalar arithmetic.
"""

from __future__ import annotations

import datetime as _dt

from perlindungan.contributions._common import flat_line, rated_line
from perlindungan.contributions._model import Line, Note
from perlindungan.contributions._non_wage_earner_terms import (
    NonWageEarnerTerms,
    non_wage_earner_terms,
)
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah, format_rupiah
from perlindungan.workers import NonWageEarner

__all__ = ["non_wage_earner_lines"]


def _check_income(income: Rupiah, terms: NonWageEarnerTerms) -> None:
    low, high = Rupiah(terms.lowest_income.value), Rupiah(terms.highest_income.value)
    if not low <= income <= high:
        raise InvalidInputError(
            f"worker.income must be a declared monthly income from {format_rupiah(low, locale='en')} "
            f"to {format_rupiah(high, locale='en')} ({terms.lowest_income.cite()}); got "
            f"{format_rupiah(income, locale='en')}.",
            field="worker.income",
            value=income.amount,
        )


def non_wage_earner_lines(worker: NonWageEarner, on: _dt.date) -> tuple[list[Line], list[Note]]:
    """The lines for a non-wage earner on ``on``; they are the participant's lines."""
    terms = non_wage_earner_terms(on, worker.sector, worker.paid_by)
    _check_income(worker.income, terms)
    lines = [rated_line(terms.jkk, worker.income), flat_line(terms.jkm)]
    if worker.with_jht:
        lines.append(rated_line(terms.jht, worker.income))
    return lines, list(terms.notes)
