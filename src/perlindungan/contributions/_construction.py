"""Contributions for construction services (jasa konstruksi).

A project registered on its contract value pays JKK and JKM once, by marginal bands;
a listed worker with a known wage pays monthly JKK and JKM on that wage.
"""

from __future__ import annotations

import datetime as _dt

from perlindungan._i18n import N_
from perlindungan.contributions._common import rated_line, with_relief
from perlindungan.contributions._model import BandPart, Line, Note
from perlindungan.contributions._terms import entry, rate_terms, relief_terms
from perlindungan.money import Rupiah
from perlindungan.parameters import Band, bands, rate
from perlindungan.programs import Frequency, Payer, Program
from perlindungan.workers import ConstructionProject, ConstructionWorker

__all__ = ["construction_lines", "marginal_parts"]


def marginal_parts(base: Rupiah, bands: tuple[Band, ...]) -> tuple[BandPart, ...]:
    """Split ``base`` over marginal bands; each part carries its exact contribution."""
    parts = []
    for index, band in enumerate(bands):
        above = Rupiah(band.above)
        if base <= above:
            break
        up_to = Rupiah(bands[index + 1].above) if index + 1 < len(bands) else None
        top = base if up_to is None or base < up_to else up_to
        portion = top - above
        parts.append(BandPart(above, up_to, band.rate, portion, portion * band.rate))
    return tuple(parts)


def _project_line(
    program: Program, name: str, label: str, project: ConstructionProject, on: _dt.date
) -> Line:
    source = entry(bands, name, on)
    parts = marginal_parts(project.contract_value, source.value)
    exact = sum((p.amount for p in parts), Rupiah.zero())
    amount, relief = with_relief(
        exact, relief_terms("pp49_2020", "PP 49/2020", program.value.lower(), on)
    )
    return Line(
        program=program,
        payer=Payer.EMPLOYER,
        amount=amount,
        citations=source.citations,
        label=label,
        frequency=Frequency.ONCE,
        base=project.contract_value,
        relief=relief,
        bands=parts,
    )


def construction_lines(
    worker: ConstructionProject | ConstructionWorker, on: _dt.date
) -> tuple[list[Line], list[Note]]:
    """The lines for a construction project or a listed construction worker."""
    if isinstance(worker, ConstructionProject):
        return [
            _project_line(
                Program.JKK, "construction.jkk.bands", N_("JKK on the contract value"), worker, on
            ),
            _project_line(
                Program.JKM, "construction.jkm.bands", N_("JKM on the contract value"), worker, on
            ),
        ], []
    return [
        rated_line(
            rate_terms(
                entry(rate, "construction.listed_wages.jkk_rate", on),
                program=Program.JKK,
                payer=Payer.EMPLOYER,
                label=N_("JKK on the wage of a listed construction worker"),
                relief=relief_terms("pp49_2020", "PP 49/2020", "jkk", on),
            ),
            worker.wage,
        ),
        rated_line(
            rate_terms(
                entry(rate, "construction.listed_wages.jkm_rate", on),
                program=Program.JKM,
                payer=Payer.EMPLOYER,
                label=N_("JKM on the wage of a listed construction worker"),
                relief=relief_terms("pp49_2020", "PP 49/2020", "jkm", on),
            ),
            worker.wage,
        ),
    ], []
