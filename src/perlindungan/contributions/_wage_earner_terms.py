"""The terms of a wage earner (PU) on a date: every rule, decided once.

* JKK by risk group, JKM, JHT (employer and worker), JP (employer and worker, capped),
  and the government's JKP share (capped, with the JKK and JKM recomposition) once
  PP 37/2021 is in force.
* PP 49/2020 (August 2020 to January 2021): JKK and JKM discounted, JP partly deferred.
* PP 7/2025, extended by PP 36/2025 (February 2025 to January 2026): JKK discounted for
  employers in the listed labour-intensive sectors with enough workers
  (:class:`EmployerRelief`, which decides eligibility for one employer or for arrays).
* JP stops from the month the worker reaches pension age: due only for workers born after
  :attr:`WageEarnerTerms.jp_last_birth`.
"""

from __future__ import annotations

import datetime as _dt
import enum
from decimal import Decimal
from functools import lru_cache
from typing import TypeVar

import attrs

from perlindungan._context import OVERLAY, EntrySource
from perlindungan._i18n import N_
from perlindungan._repr import attrs_repr
from perlindungan.contributions._common import recomposed
from perlindungan.contributions._model import Note, Recomposition
from perlindungan.contributions._terms import (
    CapTerms,
    LineTerms,
    entry,
    rate_terms,
    relief_terms,
)
from perlindungan.dates import Month
from perlindungan.legal import Citation
from perlindungan.parameters import DatedValue, count, flag, names, parameter, rate
from perlindungan.pension_age import pension_age_reached_on
from perlindungan.programs import Payer, Program

__all__ = [
    "EmployerRelief",
    "Relief",
    "WageEarnerTerms",
    "employer_relief",
    "last_birth_at_pension_age",
    "wage_earner_terms",
]

_PP49 = "PP 49/2020"
_PP7 = "PP 7/2025"
_T = TypeVar("_T")


class Relief(enum.Enum):
    """What the facts say about the employer relief (PP 7/2025) on a date."""

    NONE = "none"  # no employer relief in force on the date
    UNKNOWN = "unknown"  # in force, but the employer's sector or size is not given
    NOT_ELIGIBLE = "not_eligible"
    ELIGIBLE = "eligible"


@attrs_repr
@attrs.frozen(repr=False)
class EmployerRelief:
    """PP 7/2025: the listed sectors and the fewest workers an employer needs."""

    sectors: tuple[str, ...]
    minimum_workers: int
    citations: tuple[Citation, ...]

    def listed(self, sector: str) -> bool:
        """Whether ``sector`` is one of the listed sectors."""
        return sector in self.sectors

    def eligible(self, listed: _T, workers: _T) -> _T:
        """Eligibility from ``listed`` (the sector is listed) and the number of workers;
        works on a bool and an int, or element-wise on numpy arrays."""
        return listed & (workers >= self.minimum_workers)  # type: ignore[operator,no-any-return]

    def decide(self, sector: str | None, workers: int | None) -> Relief:
        """The relief state of one employer."""
        if sector is None or workers is None:
            return Relief.UNKNOWN
        return (
            Relief.ELIGIBLE if self.eligible(self.listed(sector), workers) else Relief.NOT_ELIGIBLE
        )


def employer_relief(on: _dt.date) -> EmployerRelief | None:
    """The employer relief in force on ``on`` (None when none is, or PP 49/2020 is)."""
    return _employer_relief(on, OVERLAY.get())


@lru_cache(maxsize=256)
def _employer_relief(on: _dt.date, layer: EntrySource | None) -> EmployerRelief | None:
    del layer  # part of the cache key only: entry() reads the active overlay
    if entry(flag, "relief.pp49_2020.in_force", on).value:
        return None
    if relief_terms("pp7_2025", _PP7, "jkk", on) is None:
        return None
    sectors = entry(names, "relief.pp7_2025.sectors", on)
    minimum = entry(count, "relief.pp7_2025.minimum_workers", on)
    return EmployerRelief(sectors.value, minimum.value, sectors.citations)


def last_birth_at_pension_age(last_day: _dt.date) -> _dt.date:
    """The latest birth date whose holder reaches pension age on or before ``last_day``.

    Pension age is reached later by people born later (the bundled data only ever raise
    the age), so "JP not due" is exactly ``birth_date <= this date``; the test suite checks
    that against :func:`pension_age_reached_on` day by day. Not cached: it is part of the
    terms of a date, which are.
    """
    low = last_day.toordinal() - 150 * 366  # reached long before last_day
    high = last_day.toordinal()  # born on last_day: not yet at pension age
    while high - low > 1:
        middle = (low + high) // 2
        if pension_age_reached_on(_dt.date.fromordinal(middle)) <= last_day:
            low = middle
        else:
            high = middle
    return _dt.date.fromordinal(low)


@attrs_repr
@attrs.frozen(repr=False)
class WageEarnerTerms:
    """Every line the law sets for a wage earner on a date, given the relief state."""

    on: _dt.date
    jkk: tuple[LineTerms, ...]  # by risk group 1-5
    jkm: LineTerms
    jht: tuple[LineTerms, LineTerms]  # employer, worker
    jp_last_birth: _dt.date  # JP is not due for workers born on or before this date
    jkp: LineTerms | None  # the government's share, once in force
    recomposition: tuple[tuple[Program, DatedValue[Decimal]], ...]
    notes: tuple[Note, ...]
    # the scenario these terms were made for; the JP terms, once read (see jp())
    layer: EntrySource | None = attrs.field(kw_only=True, eq=False, repr=False)
    jp_read: tuple[LineTerms, LineTerms] | None = attrs.field(
        init=False, default=None, eq=False, repr=False
    )

    pp49: bool  # PP 49/2020 in force: JP partly deferred
    # the recomposition of a JKP base at the cap: every wage at or above it (scalar path)
    recomposition_at_cap: tuple[Recomposition, ...] = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        at_cap: tuple[Recomposition, ...] = ()
        if self.jkp is not None and self.jkp.cap is not None:
            at_cap = recomposed(self.recomposition, self.jkp.cap.limit.amount)
        object.__setattr__(self, "recomposition_at_cap", at_cap)

    def jp(self) -> tuple[LineTerms, LineTerms]:
        """The JP lines (employer, worker), read only when JP is due: the JP wage cap is
        announced year by year, and a worker past pension age needs none. Read once, under
        the scenario the terms were made for, and kept with them (the terms are cached per
        date, relief state and scenario: no second cache)."""
        read = self.jp_read
        if read is None:
            token = OVERLAY.set(self.layer)
            try:
                read = _jp_terms(self.on, self.pp49)
            finally:
                OVERLAY.reset(token)
            object.__setattr__(self, "jp_read", read)
        return read


def _jp_terms(on: _dt.date, pp49: bool) -> tuple[LineTerms, LineTerms]:
    cap = CapTerms.read("pu.jp.wage_cap", on)
    relief = relief_terms("pp49_2020", _PP49, "jp", on) if pp49 else None
    return (
        rate_terms(
            entry(rate, "pu.jp.employer_rate", on),
            program=Program.JP,
            payer=Payer.EMPLOYER,
            label=N_("JP, employer's share"),
            cap=cap,
            relief=relief,
        ),
        rate_terms(
            entry(rate, "pu.jp.worker_rate", on),
            program=Program.JP,
            payer=Payer.WORKER,
            label=N_("JP, worker's share"),
            cap=cap,
            relief=relief,
        ),
    )


def _notes(state: Relief, relief: EmployerRelief | None) -> tuple[Note, ...]:
    if relief is None or state in {Relief.NONE, Relief.ELIGIBLE}:
        return ()
    if state is Relief.UNKNOWN:
        return (
            Note(
                "relief_not_considered",
                N_(
                    "The {scheme} JKK relief was not considered: give the employer's sector "
                    "and number of workers to check it."
                ),
                {"scheme": _PP7},
                relief.citations,
            ),
        )
    return (
        Note(
            "relief_not_eligible",
            N_(
                "The {scheme} JKK relief does not apply: it is for employers in the six listed "
                "labour-intensive sectors with at least {minimum} workers."
            ),
            {"scheme": _PP7, "minimum": relief.minimum_workers},
            relief.citations,
        ),
    )


def wage_earner_terms(on: _dt.date, state: Relief = Relief.NONE) -> WageEarnerTerms:
    """The terms of a wage earner on ``on`` whose employer has relief state ``state``
    (from :meth:`EmployerRelief.decide`; ignored when no employer relief is in force).

    Cached per date, state and active scenario overlay (:mod:`perlindungan._overlay`)."""
    return _wage_earner_terms(on, state, OVERLAY.get())


@lru_cache(maxsize=256)
def _wage_earner_terms(on: _dt.date, state: Relief, layer: EntrySource | None) -> WageEarnerTerms:
    # layer: part of the cache key (entry() reads the active overlay), kept for jp()
    pp49 = entry(flag, "relief.pp49_2020.in_force", on).value
    relief = employer_relief(on)
    if relief is None:
        state = Relief.NONE
    jkk_relief = relief_terms("pp49_2020", _PP49, "jkk", on) if pp49 else None
    if state is Relief.ELIGIBLE:
        jkk_relief = relief_terms("pp7_2025", _PP7, "jkk", on)
    jkm_relief = relief_terms("pp49_2020", _PP49, "jkm", on) if pp49 else None
    jkp = None
    recomposition: list[tuple[Program, DatedValue[Decimal]]] = []
    if parameter("pu.jkp.government_rate").in_force(on):
        jkp = rate_terms(
            entry(rate, "pu.jkp.government_rate", on),
            program=Program.JKP,
            payer=Payer.GOVERNMENT,
            label=N_("JKP, central government's share (not billed to employer or worker)"),
            cap=CapTerms.read("pu.jkp.wage_cap", on),
        )
        for source, name in (
            (Program.JKK, "pu.jkp.recomposition_jkk_rate"),
            (Program.JKM, "pu.jkp.recomposition_jkm_rate"),
        ):
            share = entry(rate, name, on)
            if share.value:
                recomposition.append((source, share))
    return WageEarnerTerms(
        on=on,
        jkk=tuple(
            rate_terms(
                entry(rate, f"pu.jkk.rate.{group}", on),
                program=Program.JKK,
                payer=Payer.EMPLOYER,
                label=N_("JKK, risk group {risk_class}"),
                relief=jkk_relief,
                label_params=(("risk_class", group),),
            )
            for group in range(1, 6)
        ),
        jkm=rate_terms(
            entry(rate, "pu.jkm.rate", on),
            program=Program.JKM,
            payer=Payer.EMPLOYER,
            label=N_("JKM"),
            relief=jkm_relief,
        ),
        jht=(
            rate_terms(
                entry(rate, "pu.jht.employer_rate", on),
                program=Program.JHT,
                payer=Payer.EMPLOYER,
                label=N_("JHT, employer's share"),
            ),
            rate_terms(
                entry(rate, "pu.jht.worker_rate", on),
                program=Program.JHT,
                payer=Payer.WORKER,
                label=N_("JHT, worker's share"),
            ),
        ),
        jp_last_birth=last_birth_at_pension_age(Month(on.year, on.month).last_day),
        jkp=jkp,
        recomposition=tuple(recomposition),
        notes=_notes(state, relief),
        pp49=pp49,
        layer=layer,
    )
