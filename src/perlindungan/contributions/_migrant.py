"""Contributions of migrant workers (PMI): one-off JKK + JKM packages, optional JHT.

Permenaker 4/2023 Pasal 18 sets packages for 6, 12 and 24 months and Rp13,500 for each
month of the contract beyond the package. For a length between packages the library
takes the largest package not longer than the contract plus the extra months (9 months:
6-month package + 3 x 13,500); a contract shorter than 6 months takes the 6-month
package. The regulation does not spell these two cases out; they are the library's
reading of ayat (3), and every quote says so in a note. Under Permenaker 18/2018 one
amount covered any contract length.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from perlindungan._i18n import N_
from perlindungan.contributions._model import Line, Note
from perlindungan.contributions._terms import entry
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah, format_rupiah
from perlindungan.parameters import amount, names, parameter
from perlindungan.programs import Frequency, Payer, Program
from perlindungan.workers import MigrantWorker

__all__ = ["migrant_lines"]

_PACKAGES = (24, 12, 6)
_BOTH = (Program.JKK, Program.JKM)


def _flat_line(name: str, label: str, on: _dt.date, *, times: int = 1) -> Line:
    source = entry(amount, name, on)
    unit = Rupiah(source.value)
    return Line(
        program=Program.JKK,
        payer=Payer.WORKER,
        amount=unit * times,
        citations=source.citations,
        label=label,
        frequency=Frequency.ONCE,
        base=None if times == 1 else unit,
        covers=_BOTH,
        label_params=(("months", times),),
    )


def _package_lines(worker: MigrantWorker, on: _dt.date, notes: list[Note]) -> list[Line]:
    if parameter("migrant.placement.flat").in_force(on):
        return [
            _flat_line("migrant.placement.flat", N_("JKK + JKM during and after placement"), on)
        ]
    months = worker.contract_months
    package = next((p for p in _PACKAGES if p <= months), _PACKAGES[-1])
    lines = [
        _flat_line(
            f"migrant.placement.months_{package}",
            N_("JKK + JKM during and after placement, {months}-month package"),
            on,
        )
    ]
    lines[0] = attrs.evolve(lines[0], label_params=(("months", package),))
    extra = months - package
    if extra > 0:
        lines.append(
            _flat_line(
                "migrant.placement.extra_month",
                N_("JKK + JKM for {months} months beyond the package"),
                on,
                times=extra,
            )
        )
    if months not in _PACKAGES:
        notes.append(
            Note(
                "migrant_package_choice",
                N_(
                    "A {months}-month contract is charged the {package}-month package plus "
                    "Rp13,500 per month beyond it: the library's reading of Pasal 18 ayat (3), "
                    "which does not name contracts between packages or under 6 months."
                ),
                {"months": months, "package": package},
                entry(amount, "migrant.placement.extra_month", on).citations,
            )
        )
    return lines


def _jht_line(worker: MigrantWorker, on: _dt.date) -> Line:
    source = entry(names, "migrant.jht.amounts", on)
    allowed = tuple(Rupiah(a) for a in source.value)
    amount = worker.jht_amount
    assert amount is not None
    if amount not in allowed:
        raise InvalidInputError(
            "worker.jht_amount must be one of "
            + ", ".join(format_rupiah(a, locale="en") for a in allowed)
            + f" per month ({source.cite()}); got {format_rupiah(amount, locale='en')}.",
            field="worker.jht_amount",
            value=amount.amount,
        )
    return Line(
        program=Program.JHT,
        payer=Payer.WORKER,
        amount=amount,
        citations=source.citations,
        label=N_("JHT, monthly amount chosen"),
    )


def migrant_lines(worker: MigrantWorker, on: _dt.date) -> tuple[list[Line], list[Note]]:
    """The lines for a migrant worker registering on ``on``; the worker pays."""
    notes: list[Note] = []
    lines = []
    if worker.pre_placement:
        lines.append(_flat_line("migrant.pre_placement", N_("JKK + JKM before placement"), on))
    lines.extend(_package_lines(worker, on, notes))
    if worker.jht_amount is not None:
        lines.append(_jht_line(worker, on))
    return lines, notes
