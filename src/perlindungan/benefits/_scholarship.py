"""Education scholarship (beasiswa) of JKK and JKM, by school level."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

from perlindungan._i18n import N_
from perlindungan.benefits._claim import LEVELS, Child
from perlindungan.benefits._common import component, note
from perlindungan.benefits._model import Component, Note
from perlindungan.dates import age_on
from perlindungan.money import Rupiah
from perlindungan.parameters import DatedValue, amount, count, parameter

__all__ = ["scholarships"]


def scholarships(
    children: Sequence[Child], on: _dt.date, extra: Sequence[DatedValue[Any]] = ()
) -> tuple[list[Component], list[Note]]:
    """Scholarship components for up to the maximum number of children.

    From PP 82/2019 each child's component is the most it can receive from its current
    school level to the end of higher education (paid year by year, while the child is
    under 23, unmarried and not working). Before it: one child, a single amount.
    """
    parts: list[Component] = []
    notes: list[Note] = []
    most = count("scholarship.max_children", on)
    old = parameter("scholarship.old_lump_sum")
    chosen = list(children)[: int(most.value)]
    if len(children) > len(chosen):
        notes.append(
            note(
                "scholarship_children",
                N_("The scholarship is for {count} child(ren) at most; the first are counted."),
                most,
                count=most.value,
            )
        )
    if old.in_force(on):
        dv = old.at(on)
        for _child in chosen:
            parts.append(
                component(
                    "scholarship",
                    N_("scholarship"),
                    Rupiah(dv.value),
                    [dv, *extra],
                    how=N_("flat amount"),
                )
            )
        return parts, notes
    max_age = count("scholarship.max_age", on)
    for number, child in enumerate(chosen, start=1):
        if child.birth_date is not None and age_on(child.birth_date, on) >= max_age.value:
            notes.append(
                note(
                    "scholarship_age",
                    N_("Child {number} is {age} or older: no scholarship."),
                    max_age,
                    number=number,
                    age=max_age.value,
                )
            )
            continue
        start = max(1, LEVELS.index(child.school_level))
        total = Rupiah.zero()
        sources: list[DatedValue[Any]] = [*extra, max_age]
        for level in LEVELS[start:]:
            per_year = amount(f"scholarship.{level}.per_year", on)
            years = count(f"scholarship.{level}.years", on)
            sources.extend([per_year, years])
            total += Rupiah(per_year.value) * int(years.value)
        first = amount(f"scholarship.{LEVELS[start]}.per_year", on)
        parts.append(
            component(
                f"scholarship_child_{number}",
                N_("scholarship for child {number}, at most, paid yearly"),
                total,
                sources,
                frequency="yearly",
                how=N_("from {level} to the end of higher education; {first} in the first year"),
                number=number,
                level=LEVELS[start].upper(),
                first=Rupiah(first.value),
            )
        )
    return parts, notes
