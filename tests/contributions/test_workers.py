"""Workers from the JSON contract: every error names the field and its valid form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from perlindungan import (
    Category,
    ConstructionProject,
    ConstructionWorker,
    InvalidInputError,
    MigrantWorker,
    MoneyTypeError,
    NonWageEarner,
    RiskClass,
    UnknownNameError,
    WageEarner,
    worker_from_dict,
)

PU: dict[str, Any] = {
    "category": "pu",
    "wage": 5000000,
    "risk_class": 1,
    "birth_date": "1990-01-01",
}


def test_each_category_builds() -> None:
    assert isinstance(worker_from_dict(PU), WageEarner)
    assert isinstance(worker_from_dict({"category": "BPU", "income": 1000000}), NonWageEarner)
    assert isinstance(
        worker_from_dict({"category": "construction", "contract_value": "1e8"}),
        ConstructionProject,
    )
    assert isinstance(
        worker_from_dict({"category": "construction", "wage": 5000000}), ConstructionWorker
    )
    migrant = worker_from_dict({"category": "migrant", "contract_months": "24"})
    assert isinstance(migrant, MigrantWorker)
    assert migrant.contract_months == 24
    assert migrant.category is Category.MIGRANT


def test_risk_class_forms() -> None:
    for raw in (3, "3", "medium", RiskClass.MEDIUM):
        worker = worker_from_dict({**PU, "risk_class": raw})
        assert isinstance(worker, WageEarner)
        assert worker.risk_class is RiskClass.MEDIUM


def test_wage_keeps_cents_exactly() -> None:
    worker = worker_from_dict({**PU, "wage": Decimal("5000000.50")})
    assert isinstance(worker, WageEarner)
    assert worker.wage.amount == Decimal("5000000.50")


@pytest.mark.parametrize(
    ("change", "field", "text"),
    [
        ({"wage": -1}, "worker.wage", "positive"),
        ({"wage": 0}, "worker.wage", "such as 5000000"),
        ({"wage": "lima juta"}, "worker.wage", "number"),
        ({"wage": True}, "worker.wage", "boolean"),
        ({"risk_class": 0}, "worker.risk_class", "1 (very low"),
        ({"risk_class": "extreme"}, "worker.risk_class", "5 (very high"),
        ({"birth_date": "17-05-1990"}, "worker.birth_date", "ISO date"),
        ({"birth_date": "1990-02-30"}, "worker.birth_date", "1990-02-30"),
        ({"income": 1000000}, "worker.income", "does not apply to category 'pu'"),
        ({"contract_months": 24}, "worker.contract_months", "does not apply"),
        ({"employer": {"sektor": "toys"}}, "worker.employer.sektor", "sector"),
        ({"employer": "textile"}, "worker.employer", "must be an object"),
        ({"employer": {"workers": -3}}, "worker.employer.workers", "whole number"),
    ],
)
def test_errors_name_the_field(change: dict[str, Any], field: str, text: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        worker_from_dict({**PU, **change})
    assert info.value.field == field
    assert field in str(info.value)
    assert text in str(info.value)


@pytest.mark.parametrize("missing", ["wage", "risk_class", "birth_date"])
def test_missing_fields(missing: str) -> None:
    data = {k: v for k, v in PU.items() if k != missing}
    with pytest.raises(InvalidInputError, match=rf"worker\.{missing} is required") as info:
        worker_from_dict(data)
    assert info.value.field == f"worker.{missing}"


def test_unknown_category_suggests() -> None:
    with pytest.raises(UnknownNameError) as info:
        worker_from_dict({"category": "bpuu", "income": 1000000})
    assert info.value.field == "worker.category"
    assert "bpu" in str(info.value)
    assert "pu, bpu, construction, migrant" in str(info.value)
    assert "bpu" in info.value.suggestions


def test_missing_category() -> None:
    with pytest.raises(InvalidInputError, match=r"worker\.category is required"):
        worker_from_dict({"wage": 1})


def test_unknown_field_suggests() -> None:
    with pytest.raises(UnknownNameError, match=r"worker\.wagee is not a known field") as info:
        worker_from_dict({**PU, "wagee": 1})
    assert "wage" in str(info.value)


def test_not_an_object() -> None:
    with pytest.raises(InvalidInputError, match="worker must be an object"):
        worker_from_dict([1, 2])  # type: ignore[arg-type]


def test_float_wage_is_refused() -> None:
    with pytest.raises(MoneyTypeError):
        worker_from_dict({**PU, "wage": 5e6})


def test_migrant_fields() -> None:
    with pytest.raises(InvalidInputError, match=r"worker\.jht_amount is required"):
        worker_from_dict({"category": "migrant", "contract_months": 24, "with_jht": True})
    with pytest.raises(InvalidInputError, match=r"worker\.with_jht must be true or false"):
        worker_from_dict({"category": "migrant", "contract_months": 24, "with_jht": "yes"})
    with pytest.raises(InvalidInputError, match=r"worker\.pre_placement"):
        worker_from_dict({"category": "migrant", "contract_months": 24, "pre_placement": 1})
    with pytest.raises(InvalidInputError, match=r"worker\.contract_months"):
        worker_from_dict({"category": "migrant", "contract_months": -2})


def test_bpu_with_jht_must_be_boolean() -> None:
    with pytest.raises(InvalidInputError, match="with_jht must be true or false"):
        worker_from_dict({"category": "bpu", "income": 1000000, "with_jht": "ya"})


def test_birth_date_after_the_date_asked_is_refused() -> None:
    """A wage earner born after the contribution date is bad input, not a silent JP line."""
    import perlindungan as pl  # noqa: PLC0415

    worker = pl.WageEarner(wage=5_000_000, risk_class=1, birth_date="2030-01-01")
    with pytest.raises(pl.InvalidInputError, match=r"worker\.birth_date 2030-01-01 is after"):
        pl.contributions(worker, on="2025-06-01")


def test_birth_date_near_the_end_of_the_calendar_is_a_library_error() -> None:
    """Pension age for a birth date in year 9990 cannot overflow into a bare ValueError."""
    import perlindungan as pl  # noqa: PLC0415

    with pytest.raises(pl.InvalidInputError, match="outside the calendar"):
        pl.pension_age_reached_on("9990-01-01")


def test_bpu_facts_sector_and_payer() -> None:
    from perlindungan import NonWageEarner, Payer  # noqa: PLC0415

    worker = worker_from_dict(
        {"category": "bpu", "income": 1000000, "sector": " transport ", "paid_by": "Village_Budget"}
    )
    assert isinstance(worker, NonWageEarner)
    assert worker.sector == "transport"
    assert worker.paid_by is Payer.VILLAGE_BUDGET
    plain = NonWageEarner(income=1000000)
    assert plain.sector is None
    assert plain.paid_by is Payer.WORKER


@pytest.mark.parametrize(
    ("change", "field", "text"),
    [
        ({"paid_by": "employer"}, "worker.paid_by", "paid_by must be one of worker, government"),
        ({"paid_by": "apbd"}, "worker.paid_by", "regional_budget"),
        ({"sector": ""}, "worker.sector", "such as 'transport'"),
        ({"sector": 5}, "worker.sector", "such as 'transport'"),
    ],
)
def test_bpu_facts_errors(change: dict[str, Any], field: str, text: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        worker_from_dict({"category": "bpu", "income": 1000000, **change})
    assert info.value.field == field
    assert text in str(info.value)


def test_bpu_facts_do_not_apply_to_wage_earners() -> None:
    with pytest.raises(InvalidInputError, match="does not apply to category 'pu'"):
        worker_from_dict(
            {
                "category": "pu",
                "wage": 5000000,
                "risk_class": 1,
                "birth_date": "1990-01-01",
                "sector": "transport",
            }
        )
