"""Contributions of non-wage earners (BPU): JKK and JKM, and JHT when chosen."""

from __future__ import annotations

import datetime as _dt

from perlindungan._i18n import N_
from perlindungan.contributions._common import rated_line, relief_terms, value, with_relief
from perlindungan.contributions._model import Line, Note
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah, format_rupiah
from perlindungan.programs import Payer, Program
from perlindungan.workers import NonWageEarner

__all__ = ["non_wage_earner_lines"]


def _check_income(income: Rupiah, on: _dt.date) -> None:
    low_entry = value("bpu.income.minimum", on)
    high_entry = value("bpu.income.maximum", on)
    low, high = Rupiah(low_entry.value), Rupiah(high_entry.value)
    if not low <= income <= high:
        raise InvalidInputError(
            f"worker.income must be a declared monthly income from {format_rupiah(low, locale='en')} "
            f"to {format_rupiah(high, locale='en')} ({low_entry.cite()}); got "
            f"{format_rupiah(income, locale='en')}.",
            field="worker.income",
            value=income.amount,
        )


def non_wage_earner_lines(worker: NonWageEarner, on: _dt.date) -> tuple[list[Line], list[Note]]:
    """The lines for a non-wage earner on ``on``; the worker pays every line."""
    _check_income(worker.income, on)
    lines = [
        rated_line(
            program=Program.JKK,
            payer=Payer.WORKER,
            base=worker.income,
            rate=value("bpu.jkk.rate", on),
            label=N_("JKK on declared income"),
            relief=relief_terms("pp49_2020", "PP 49/2020", "jkk", on),
        ),
        _jkm_line(on),
    ]
    if worker.with_jht:
        lines.append(
            rated_line(
                program=Program.JHT,
                payer=Payer.WORKER,
                base=worker.income,
                rate=value("bpu.jht.rate", on),
                label=N_("JHT on declared income (chosen)"),
            )
        )
    return lines, []


def _jkm_line(on: _dt.date) -> Line:
    entry = value("bpu.jkm.amount", on)
    amount, relief = with_relief(
        Rupiah(entry.value),
        relief_terms("pp49_2020", "PP 49/2020", "jkm", on),
    )
    return Line(
        program=Program.JKM,
        payer=Payer.WORKER,
        amount=amount,
        citations=entry.citations,
        label=N_("JKM, flat amount"),
        relief=relief,
    )
