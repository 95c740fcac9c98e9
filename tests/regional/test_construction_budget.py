"""The budget of a construction scheme: one premium per activity (a contract value), not
one per person; from the plan's example activity, or from a roster's activities."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah
from perlindungan.parameters import parameter
from perlindungan.regional import bundled_roster, period_budget, run_roster, scheme
from perlindungan.regional._period import Assumptions

ID = "kota-jambi-kampung-bahagia"


def _first_band_rate(on: str) -> Decimal:
    """JKK plus JKM of a project worth at most Rp100 million (PP 44/2015 Lampiran)."""
    rates = [parameter(f"construction.{p}.bands").value_at(on)[0].rate for p in ("jkk", "jkm")]  # type: ignore[index]
    return sum(rates, Decimal(0))


def test_the_plan_budgets_its_example_activity_once() -> None:
    program = scheme(ID)
    assert program.coverage.scheme == "construction"
    budget = period_budget(program, start="2025-01-01", end="2025-12-31")
    value = program.coverage.example_activity_value
    assert value is not None
    assert value.amount <= 100_000_000
    assert budget.total == value * _first_band_rate("2025-06-23")
    assert budget.source == "plan"


def test_a_roster_budgets_each_activity_once_whoever_works_on_it() -> None:
    program = scheme(ID)
    allocation = run_roster(program, bundled_roster(ID), on="2025-09-01").allocation
    activities: dict[str | None, Rupiah | None] = {}
    for placement in allocation.admitted:
        person = placement.decision.person
        activities.setdefault(person.activity_id, person.activity_value)
    assert len(activities) < len(allocation.admitted)  # several people share an activity
    assert all(v is not None and v.amount <= 100_000_000 for v in activities.values())
    budget = period_budget(program, start="2025-06-01", end="2025-12-31", allocation=allocation)
    assert budget.source == "roster"
    expected = sum((v.amount for v in activities.values() if v is not None), Decimal(0))
    assert budget.total.amount == expected * _first_band_rate("2025-09-01")


def test_income_growth_is_refused_for_a_construction_scheme() -> None:
    with pytest.raises(
        InvalidInputError, match="income growth applies to BPU membership"
    ) as caught:
        period_budget(
            scheme(ID),
            start="2025-06-01",
            end="2025-12-31",
            assumptions=Assumptions(income_growth="0.05"),
        )
    assert caught.value.field == "growth.income"


def test_a_roster_budget_takes_neither_a_head_count_nor_participant_growth() -> None:
    program = scheme(ID)
    allocation = run_roster(program, bundled_roster(ID), on="2025-09-01").allocation
    with pytest.raises(InvalidInputError, match="not both") as caught:
        period_budget(
            program, start="2025-06-01", end="2025-12-31", allocation=allocation, participants=5
        )
    assert caught.value.field == "participants"
    with pytest.raises(InvalidInputError, match="participant growth applies to the plan"):
        period_budget(
            program,
            start="2025-06-01",
            end="2025-12-31",
            allocation=allocation,
            assumptions=Assumptions(participant_growth="0.1"),
        )


def test_a_worker_without_the_activity_value_is_undetermined_naming_it() -> None:
    import datetime as dt  # noqa: PLC0415

    from perlindungan.regional import evaluate  # noqa: PLC0415
    from perlindungan.regional._person import Person  # noqa: PLC0415

    person = Person(
        "x",
        role="pekerja_kegiatan_rt",
        domicile="15.71",
        ktp_region="15.71",
        documents=frozenset({"kelurahan_letter", "ktp", "surat_tugas_rt"}),
        birth_date=dt.date(1980, 1, 1),
        covered_as_pu=False,
        category="bpu",
    )
    (decision,) = evaluate(scheme(ID), [person], on="2025-07-01")
    answer = decision.to_dict("en")
    assert (answer["verdict"], answer["missing"]) == ("undetermined", ["activity_value"])
    assert all(c["outcome"] == "met" for c in answer["conditions"])
    assert answer["reasons"][-1] == "fact needed for the premium is missing: activity_value"


def test_a_scheme_is_evaluated_only_while_in_force() -> None:
    from perlindungan.regional import evaluate  # noqa: PLC0415

    with pytest.raises(InvalidInputError, match="is not in force on 2025-01-01") as caught:
        evaluate(scheme(ID), [], on="2025-01-01")
    assert caught.value.field == "on"
    assert "it runs from 2025-06-23 to open" in str(caught.value)
