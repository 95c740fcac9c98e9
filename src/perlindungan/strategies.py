"""Hypothesis strategies for property tests of BPJS Ketenagakerjaan calculations.

Install with the ``testing`` extra (``pip install -e ".[testing]"``): this module
imports :mod:`hypothesis`; the rest of the package never does.

Every strategy draws *valid* inputs, so a property test can call the library (or your own
payroll code) without filtering. Money is drawn as whole rupiah or :class:`~decimal.Decimal`
with at most two places, never as floats; dates stay inside the span the regulation data
covers (:data:`FIRST_DATE` to :func:`last_date`), so no draw raises
:class:`~perlindungan.errors.NoValueInForceError`. Wages and incomes are drawn inside their
valid range and, more often than chance would, exactly *at its edges* (the JP wage cap on the
date, one rupiah either side of it, the smallest and largest BPU income).

>>> from hypothesis import given
>>> from perlindungan import contributions
>>> from perlindungan import strategies as pst
>>> @given(pst.worker_and_date())
... def test_total_is_whole(pair):
...     worker, on = pair
...     assert contributions(worker, on=on).total.is_whole
>>> test_total_is_whole()
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from perlindungan.benefits import Claim
from perlindungan.benefits._claim import EVENTS, REASONS
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah
from perlindungan.parameters import parameter, parameters
from perlindungan.programs import Program
from perlindungan.regional import DOCUMENTS, ROLES, Person, person_from_dict
from perlindungan.workers import (
    SECTORS,
    Category,
    ConstructionProject,
    ConstructionWorker,
    Employer,
    MigrantWorker,
    NonWageEarner,
    WageEarner,
    Worker,
)

__all__ = [
    "FIRST_DATE",
    "MAX_WAGE",
    "MIGRANT_FIRST_DATE",
    "claim_and_date",
    "claims",
    "construction_projects",
    "construction_workers",
    "contribution_requests",
    "dates",
    "employers",
    "incomes",
    "last_date",
    "migrant_workers",
    "non_wage_earners",
    "roster_rows",
    "rosters",
    "wage_earners",
    "wages",
    "worker_and_date",
    "worker_json",
    "workers",
]

#: First day every national contribution rule has a value (PP 44/2015, 45/2015, 46/2015).
FIRST_DATE = _dt.date(2015, 7, 1)
#: First day the migrant worker rules have a value (Permenaker 18/2018).
MIGRANT_FIRST_DATE = _dt.date(2018, 12, 10)
#: Largest monthly wage drawn by :func:`wages` (no legal limit; a practical one).
MAX_WAGE = 500_000_000


def last_date() -> _dt.date:
    """Last day every contribution rule has a value: the end of the last known JP wage cap."""
    until = parameter("pu.jp.wage_cap").known_until
    assert until is not None
    return until


def dates(
    min_value: _dt.date = FIRST_DATE, max_value: _dt.date | None = None
) -> st.SearchStrategy[_dt.date]:
    """Dates inside the regulation data, with the days a rule changes drawn more often."""
    high = max_value if max_value is not None else last_date()
    changes = sorted(
        {
            v.since
            for name in ("pu.jp.wage_cap", "pu.jkp.rate", "pu.jp.rate.employer")
            if name in _names()
            for v in parameter(name).values
            if min_value <= v.since <= high
        }
    )
    edges = [d for c in changes for d in (c, c - _dt.timedelta(days=1)) if min_value <= d <= high]
    plain = st.dates(min_value=min_value, max_value=high)
    return st.one_of(st.sampled_from(edges), plain) if edges else plain


def _names() -> set[str]:
    return set(parameters())


def _money(low: int, high: int) -> st.SearchStrategy[Decimal]:
    return st.one_of(
        st.integers(min_value=low, max_value=high).map(Decimal),
        st.decimals(min_value=low, max_value=high, places=2, allow_nan=False, allow_infinity=False),
    )


def wages(on: _dt.date | None = None) -> st.SearchStrategy[Decimal]:
    """Monthly wages from Rp1 to :data:`MAX_WAGE`, plus the JP wage cap on ``on`` and its neighbours.

    Without ``on`` the edges are every JP wage cap the data knows.
    """
    cap = parameter("pu.jp.wage_cap")
    caps = [cap.at(on).value] if on is not None else [v.value for v in cap.values]
    edges = sorted(
        {Decimal(str(c)) + d for c in caps for d in (-1, 0, 1)} | {Decimal(1), Decimal(MAX_WAGE)}
    )
    return st.one_of(st.sampled_from(edges), _money(1, MAX_WAGE))


def incomes(on: _dt.date | None = None) -> st.SearchStrategy[Decimal]:
    """Declared monthly incomes of non-wage earners (BPU), inside the valid range and at its edges."""
    low_p, high_p = parameter("bpu.income.minimum"), parameter("bpu.income.maximum")
    if on is not None:
        low, high = int(str(low_p.at(on).value)), int(str(high_p.at(on).value))
    else:
        low = max(int(str(v.value)) for v in low_p.values)
        high = min(int(str(v.value)) for v in high_p.values)
    return st.one_of(st.sampled_from([Decimal(low), Decimal(high)]), _money(low, high))


def employers() -> st.SearchStrategy[Employer | None]:
    """No employer, or one with an optional sector (relief sectors and others) and headcount."""
    return st.one_of(
        st.none(),
        st.builds(
            Employer,
            sector=st.one_of(st.none(), st.sampled_from([*SECTORS, "retail", "banking"])),
            workers=st.one_of(st.none(), st.integers(min_value=0, max_value=1000)),
        ),
    )


def wage_earners(on: _dt.date | None = None) -> st.SearchStrategy[WageEarner]:
    """Wage earners (pekerja penerima upah): wage, JKK risk class 1-5, birth date, employer."""
    return st.builds(
        WageEarner,
        wage=wages(on),
        risk_class=st.integers(min_value=1, max_value=5),
        birth_date=st.dates(min_value=_dt.date(1950, 1, 1), max_value=_dt.date(2007, 12, 31)),
        employer=employers(),
    )


def non_wage_earners(on: _dt.date | None = None) -> st.SearchStrategy[NonWageEarner]:
    """Non-wage earners (bukan penerima upah) with a valid declared income, with or without JHT."""
    return st.builds(NonWageEarner, income=incomes(on), with_jht=st.booleans())


def construction_projects() -> st.SearchStrategy[ConstructionProject]:
    """Construction projects by contract value, with every band edge of the tariff drawn often."""
    edges = [n * 1_000_000 + d for n in (100, 500, 1000, 5000) for d in (-1, 0, 1)]
    return st.builds(
        ConstructionProject,
        contract_value=st.one_of(
            st.sampled_from(edges), st.integers(min_value=1, max_value=50_000_000_000)
        ),
    )


def construction_workers() -> st.SearchStrategy[ConstructionWorker]:
    """Listed construction workers with a known monthly wage."""
    return st.builds(ConstructionWorker, wage=wages())


def migrant_workers() -> st.SearchStrategy[MigrantWorker]:
    """Migrant workers: contract of 1-60 months, optional JHT amount, before or after placement."""
    return st.builds(
        MigrantWorker,
        contract_months=st.integers(min_value=1, max_value=60),
        jht_amount=st.one_of(st.none(), st.sampled_from([50_000, 100_000, 600_000])),
        pre_placement=st.booleans(),
    )


def workers(
    category: Category | str | Iterable[Category | str] | None = None,
) -> st.SearchStrategy[Worker]:
    """A worker of any category, or of the ``category`` given (one, or several: a vendor
    that implements only wage earners draws only those)."""
    chosen = _chosen_categories(category)
    by_category: dict[Category, list[st.SearchStrategy[Any]]] = {
        Category.PU: [wage_earners()],
        Category.BPU: [non_wage_earners()],
        Category.CONSTRUCTION: [construction_projects(), construction_workers()],
        Category.MIGRANT: [migrant_workers()],
    }
    return st.one_of(*(s for c in Category if c in chosen for s in by_category[c]))


def _chosen_categories(
    category: Category | str | Iterable[Category | str] | None,
) -> frozenset[Category]:
    if category is None:
        return frozenset(Category)
    names = [category] if isinstance(category, str) else list(category)
    chosen = set()
    for name in names:
        try:
            chosen.add(Category(str(name).strip().lower()))
        except ValueError:
            raise InvalidInputError(
                f"category must be one of {', '.join(c.value for c in Category)}; got {name!r}.",
                field="category",
                value=name,
            ) from None
    if not chosen:
        raise InvalidInputError("category names no category.", field="category")
    return frozenset(chosen)


@st.composite
def worker_and_date(
    draw: st.DrawFn, category: Category | str | Iterable[Category | str] | None = None
) -> tuple[Worker, _dt.date]:
    """A worker (of any category, or of ``category``) and a date on which every rule for
    that category has a value."""
    worker = draw(workers(category))
    low = MIGRANT_FIRST_DATE if isinstance(worker, MigrantWorker) else FIRST_DATE
    return worker, draw(dates(min_value=low))


@st.composite
def contribution_requests(
    draw: st.DrawFn, category: Category | str | Iterable[Category | str] | None = None
) -> dict[str, Any]:
    """Requests in the JSON contract of ``perlindungan contributions``: ``{"on", "worker"}``,
    for any category or for ``category``."""
    worker, on = draw(worker_and_date(category))
    return {"on": on.isoformat(), "worker": worker_json(worker)}


def _amount(value: Rupiah) -> int | str:
    number = value.amount
    return int(number) if number == number.to_integral_value() else str(number)


def worker_json(worker: Worker) -> dict[str, Any]:
    """The ``worker`` object of the JSON contract for a worker (inverse of ``worker_from_dict``)."""
    if isinstance(worker, WageEarner):
        data: dict[str, Any] = {
            "category": "pu",
            "wage": _amount(worker.wage),
            "risk_class": int(worker.risk_class),
            "birth_date": worker.birth_date.isoformat(),
        }
        if worker.employer is not None:
            employer = {
                k: v
                for k, v in (
                    ("sector", worker.employer.sector),
                    ("workers", worker.employer.workers),
                )
                if v is not None
            }
            data["employer"] = employer
        return data
    if isinstance(worker, NonWageEarner):
        return {"category": "bpu", "income": _amount(worker.income), "with_jht": worker.with_jht}
    if isinstance(worker, ConstructionProject):
        return {"category": "construction", "contract_value": _amount(worker.contract_value)}
    if isinstance(worker, ConstructionWorker):
        return {"category": "construction", "wage": _amount(worker.wage)}
    data = {
        "category": "migrant",
        "contract_months": worker.contract_months,
        "pre_placement": worker.pre_placement,
    }
    if worker.jht_amount is not None:
        data["with_jht"] = True
        data["jht_amount"] = _amount(worker.jht_amount)
    return data


@st.composite
def claims(draw: st.DrawFn, program: Program | None = None, on: _dt.date | None = None) -> Claim:
    """Benefit claims: any program and event, with a random subset of the facts given.

    Some claims lack facts a rule needs; the library then reports them in ``missing``.
    Dates in the claim (``terminated_on``) are not after ``on`` when it is given; use
    :func:`claim_and_date` for a claim together with a date it can be assessed on.
    """
    chosen = program if program is not None else draw(st.sampled_from(list(Program)))
    event = draw(st.sampled_from(EVENTS[chosen]))
    facts = {
        "wage": st.integers(min_value=1, max_value=100_000_000),
        "membership_months": st.integers(min_value=0, max_value=480),
        "contribution_months": st.integers(min_value=0, max_value=480),
        "months_off_work": st.integers(min_value=0, max_value=24),
        "average_indexed_wage": st.integers(min_value=1, max_value=50_000_000),
        "balance": st.integers(min_value=0, max_value=2_000_000_000),
        "termination_reason": st.sampled_from(REASONS),
    }
    given = draw(st.lists(st.sampled_from(sorted(facts)), unique=True))
    values: dict[str, Any] = {name: draw(facts[name]) for name in given}
    if "membership_months" in values and "contribution_months" in values:
        low, high = sorted([values["membership_months"], values["contribution_months"]])
        values["contribution_months"], values["membership_months"] = low, high
    if chosen is Program.JKP and "termination_reason" in values:
        values["terminated_on"] = draw(
            st.dates(
                min_value=_dt.date(2022, 2, 22),
                max_value=on if on is not None else _dt.date(2025, 12, 31),
            )
        )
    return Claim(program=chosen, event=event, **values)


@st.composite
def claim_and_date(draw: st.DrawFn, program: Program | None = None) -> tuple[Claim, _dt.date]:
    """A benefit claim and a date (from 2022-03-01, when JKP began paying) to assess it on."""
    on = draw(dates(min_value=_dt.date(2022, 3, 1), max_value=_dt.date(2025, 12, 31)))
    return draw(claims(program=program, on=on)), on


_REGION_CODES = ("36.73", "36.04", "13.03", "15.71")


@st.composite
def roster_rows(draw: st.DrawFn) -> dict[str, Any]:
    """One row of a regional program roster, as the column mapping of a CSV/JSONL roster."""
    number = draw(st.integers(min_value=1, max_value=99_999))
    region = draw(st.sampled_from(_REGION_CODES))
    row: dict[str, Any] = {
        "id": f"P-{number:05d}",
        "role": draw(st.sampled_from(sorted(ROLES))),
        "domicile": region,
        "ktp_region": draw(st.sampled_from([region, *_REGION_CODES])),
        "birth_date": draw(
            st.dates(min_value=_dt.date(1945, 1, 1), max_value=_dt.date(2008, 12, 31))
        ).isoformat(),
        "category": draw(st.sampled_from(["bpu", "pu"])),
        "income": draw(st.integers(min_value=0, max_value=20_000_000)),
        "covered_as_pu": draw(st.booleans()),
        "documents": draw(st.lists(st.sampled_from(sorted(DOCUMENTS)), unique=True)),
        "membership_months": draw(st.integers(min_value=0, max_value=240)),
    }
    return row


def rosters(max_size: int = 20) -> st.SearchStrategy[list[Person]]:
    """Rosters of people (unique ids) for regional programs, parsed by ``person_from_dict``."""
    return st.lists(roster_rows(), max_size=max_size, unique_by=lambda row: str(row["id"])).map(
        lambda rows: [person_from_dict(row) for row in rows]
    )
