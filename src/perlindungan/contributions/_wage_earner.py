"""Contributions of wage earners (PU): JKK, JKM, JHT, JP and the JKP shares."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from perlindungan._context import overlay_cache
from perlindungan._i18n import N_
from perlindungan.contributions._common import (
    ReliefTerms,
    capped,
    rated_line,
    relief_terms,
    value,
)
from perlindungan.contributions._model import Line, Note, Recomposition
from perlindungan.dates import Month
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah
from perlindungan.parameters import parameter
from perlindungan.pension_age import pension_age_reached_on
from perlindungan.programs import Payer, Program
from perlindungan.workers import RiskClass, WageEarner

__all__ = ["wage_earner_lines"]

_PP49 = "PP 49/2020"
_PP7 = "PP 7/2025"
_JKK_RATES = {int(risk): f"pu.jkk.rate.{int(risk)}" for risk in RiskClass}


def _pp7_relief(worker: WageEarner, on: _dt.date, notes: list[Note]) -> ReliefTerms | None:
    terms = relief_terms("pp7_2025", _PP7, "jkk", on)
    if terms is None:
        return None
    employer = worker.employer
    citations = value("relief.pp7_2025.sectors", on).citations
    if employer is None or employer.sector is None or employer.workers is None:
        notes.append(
            Note(
                "relief_not_considered",
                N_(
                    "The {scheme} JKK relief was not considered: give the employer's sector "
                    "and number of workers to check it."
                ),
                {"scheme": _PP7},
                citations,
            )
        )
        return None
    sectors = value("relief.pp7_2025.sectors", on).value
    minimum = value("relief.pp7_2025.minimum_workers", on).value
    assert isinstance(sectors, tuple)
    assert isinstance(minimum, int)
    if employer.sector in sectors and employer.workers >= minimum:
        return terms
    notes.append(
        Note(
            "relief_not_eligible",
            N_(
                "The {scheme} JKK relief does not apply: it is for employers in the six listed "
                "labour-intensive sectors with at least {minimum} workers."
            ),
            {"scheme": _PP7, "minimum": minimum},
            citations,
        )
    )
    return None


@overlay_cache(maxsize=4096)
def _reached(birth_date: _dt.date) -> _dt.date:
    # pension_age_reached_on walks the dated pension ages; cached per birth date.
    return pension_age_reached_on(birth_date)


def _jp_lines(worker: WageEarner, on: _dt.date, pp49: bool, notes: list[Note]) -> list[Line]:
    reached = _reached(worker.birth_date)
    if reached <= Month(on.year, on.month).last_day:
        age_entry = parameter("jp.pension_age").at(
            max(reached, parameter("jp.pension_age").earliest)
        )
        notes.append(
            Note(
                "jp_pension_age",
                N_(
                    "JP is not due: the worker reaches pension age ({age}) on {date}, in or "
                    "before this month."
                ),
                {"age": age_entry.value, "date": reached},
                age_entry.citations,
            )
        )
        return []
    base, cap = capped(worker.wage, "pu.jp.wage_cap", on)
    relief = relief_terms("pp49_2020", _PP49, "jp", on) if pp49 else None
    return [
        rated_line(
            program=Program.JP,
            payer=payer,
            base=base,
            rate=value(name, on),
            label=label,
            cap=cap,
            relief=relief,
        )
        for payer, name, label in (
            (Payer.EMPLOYER, "pu.jp.employer_rate", N_("JP, employer's share")),
            (Payer.WORKER, "pu.jp.worker_rate", N_("JP, worker's share")),
        )
    ]


def _jkp_lines(worker: WageEarner, on: _dt.date) -> list[Line]:
    if not _in_force("pu.jkp.government_rate", on):
        return []
    base, cap = capped(worker.wage, "pu.jkp.wage_cap", on)
    recomposition = []
    for source, name in (
        (Program.JKK, "pu.jkp.recomposition_jkk_rate"),
        (Program.JKM, "pu.jkp.recomposition_jkm_rate"),
    ):
        entry = value(name, on)
        rate = entry.value
        assert isinstance(rate, Decimal)
        if rate:
            recomposition.append(
                Recomposition(source, rate, (base * rate).round(), entry.citations)
            )
    line = rated_line(
        program=Program.JKP,
        payer=Payer.GOVERNMENT,
        base=base,
        rate=value("pu.jkp.government_rate", on),
        label=N_("JKP, central government's share (not billed to employer or worker)"),
        cap=cap,
        recomposition=tuple(recomposition),
    )
    return [line]


@overlay_cache(maxsize=4096)
def _in_force(name: str, on: _dt.date) -> bool:
    return parameter(name).in_force(on)


def wage_earner_lines(worker: WageEarner, on: _dt.date) -> tuple[list[Line], list[Note]]:
    """The lines and notes for a wage earner on ``on``."""
    if worker.birth_date > on:
        raise InvalidInputError(
            f"worker.birth_date {worker.birth_date.isoformat()} is after the date asked "
            f"({on.isoformat()}); give the worker's real birth date, such as 1990-05-17.",
            field="worker.birth_date",
            value=worker.birth_date,
        )
    notes: list[Note] = []
    pp49 = bool(value("relief.pp49_2020.in_force", on).value)
    jkk_relief = (
        relief_terms("pp49_2020", _PP49, "jkk", on) if pp49 else _pp7_relief(worker, on, notes)
    )
    jkm_relief = relief_terms("pp49_2020", _PP49, "jkm", on) if pp49 else None
    wage: Rupiah = worker.wage
    risk_class = int(worker.risk_class)
    lines = [
        rated_line(
            program=Program.JKK,
            payer=Payer.EMPLOYER,
            base=wage,
            rate=value(_JKK_RATES[risk_class], on),
            label=N_("JKK, risk group {risk_class}"),
            relief=jkk_relief,
            label_params=(("risk_class", risk_class),),
        ),
        rated_line(
            program=Program.JKM,
            payer=Payer.EMPLOYER,
            base=wage,
            rate=value("pu.jkm.rate", on),
            label=N_("JKM"),
            relief=jkm_relief,
        ),
        rated_line(
            program=Program.JHT,
            payer=Payer.EMPLOYER,
            base=wage,
            rate=value("pu.jht.employer_rate", on),
            label=N_("JHT, employer's share"),
        ),
        rated_line(
            program=Program.JHT,
            payer=Payer.WORKER,
            base=wage,
            rate=value("pu.jht.worker_rate", on),
            label=N_("JHT, worker's share"),
        ),
        *_jp_lines(worker, on, pp49, notes),
        *_jkp_lines(worker, on),
    ]
    return lines, notes
