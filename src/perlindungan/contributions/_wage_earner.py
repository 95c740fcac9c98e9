"""Contributions of wage earners (PU): the terms of the date, turned into cited lines.

Every rule (rates, caps, relief, the JP pension-age cut-off, the JKP start) is decided in
:mod:`._wage_earner_terms`; this module does the scalar arithmetic and writes the notes.
"""

from __future__ import annotations

import datetime as _dt

from perlindungan._context import overlay_cache
from perlindungan._i18n import N_
from perlindungan.contributions._common import rated_line, recomposed
from perlindungan.contributions._model import Line, Note
from perlindungan.contributions._wage_earner_terms import (
    Relief,
    WageEarnerTerms,
    employer_relief,
    wage_earner_terms,
)
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah
from perlindungan.parameters import parameter
from perlindungan.pension_age import pension_age_reached_on
from perlindungan.workers import Employer, WageEarner

__all__ = ["wage_earner_lines"]


@overlay_cache(maxsize=4096)
def _jp_not_due(birth_date: _dt.date) -> Note:
    # pension_age_reached_on walks the dated pension ages: the note is cached per birth
    # date (and scenario overlay), like the date it names.
    reached = pension_age_reached_on(birth_date)
    ages = parameter("jp.pension_age")
    age_entry = ages.at(max(reached, ages.earliest))
    return Note(
        "jp_pension_age",
        N_(
            "JP is not due: the worker reaches pension age ({age}) on {date}, in or "
            "before this month."
        ),
        {"age": age_entry.value, "date": reached},
        age_entry.citations,
    )


def _terms(on: _dt.date, employer: Employer | None) -> WageEarnerTerms:
    """The cached terms for a worker of ``employer`` (None: not given) on ``on``: the
    relief state decided by the employer relief in force, if any."""
    relief = employer_relief(on)
    if relief is None:
        state = Relief.NONE
    elif employer is None:
        state = Relief.UNKNOWN
    else:
        state = relief.decide(employer.sector, employer.workers)
    return wage_earner_terms(on, state)


def _jkp_line(wage: Rupiah, terms: WageEarnerTerms) -> Line:
    jkp = terms.jkp
    assert jkp is not None
    assert jkp.cap is not None
    if wage.amount >= jkp.cap.limit.amount:  # the same for every wage at or above the cap
        recomposition = terms.recomposition_at_cap
    else:
        recomposition = recomposed(terms.recomposition, wage.amount)
    return rated_line(jkp, wage, recomposition=recomposition)


def wage_earner_lines(worker: WageEarner, on: _dt.date) -> tuple[list[Line], list[Note]]:
    """The lines and notes for a wage earner on ``on``."""
    if worker.birth_date > on:
        raise InvalidInputError(
            f"worker.birth_date {worker.birth_date.isoformat()} is after the date asked "
            f"({on.isoformat()}); give the worker's real birth date, such as 1990-05-17.",
            field="worker.birth_date",
            value=worker.birth_date,
        )
    terms = _terms(on, worker.employer)
    notes = list(terms.notes)
    wage = worker.wage
    jht_employer, jht_worker = terms.jht
    lines = [
        rated_line(terms.jkk[worker.risk_class - 1], wage),
        rated_line(terms.jkm, wage),
        rated_line(jht_employer, wage),
        rated_line(jht_worker, wage),
    ]
    if worker.birth_date <= terms.jp_last_birth:
        notes.append(_jp_not_due(worker.birth_date))
    else:
        jp_employer, jp_worker = terms.jp()
        lines.append(rated_line(jp_employer, wage))
        lines.append(rated_line(jp_worker, wage))
    if terms.jkp is not None:
        lines.append(_jkp_line(wage, terms))
    return lines, notes
