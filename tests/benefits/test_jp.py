"""JP pensions beyond the golden cases: wages indexed year by year, the pension age, the
lump sum when the contribution period is short, and the facts a claim must carry."""

from __future__ import annotations

import datetime as _dt
import math
from fractions import Fraction
from typing import Any

import pytest

from perlindungan import benefit_from_request, parameter
from perlindungan.errors import InvalidInputError

ON = "2026-04-01"


def _jp(on: str = ON, **claim: Any) -> dict[str, Any]:
    return benefit_from_request({"on": on, "claim": {"program": "JP", **claim}}).to_dict()


def _inflation(year: int) -> Fraction:
    return Fraction(str(parameter("jp.inflation").value_at(_dt.date(year, 1, 1))))


def _indexed_average(history: list[tuple[int, int, int]], claim_year: int) -> Fraction:
    """PP 45/2015 Pasal 17 ayat (3): each year's wage revalued by the inflation of every
    year up to the one before the claim, then averaged over the months (exactly)."""
    total, months = Fraction(0), 0
    for year, wage, count in history:
        factor = Fraction(1)
        for y in range(year, claim_year):
            factor *= 1 + _inflation(y)
        total += wage * factor * count
        months += count
    return total / months


def _half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


@pytest.mark.parametrize(
    "history",
    [
        # 18 months: an average with no finite decimal form (was refused as "more than 12
        # digits after the decimal point")
        [(2024, 5_000_000, 12), (2025, 6_000_000, 6)],
        # every year with a known inflation figure, revalued up to eleven times
        [(year, 3_000_000 + 100_000 * (year - 2015), 12) for year in range(2015, 2026)],
    ],
    ids=["18-months", "11-years"],
)
def test_old_age_pension_from_a_wage_history_indexed_by_inflation(
    history: list[tuple[int, int, int]],
) -> None:
    wage_history = [{"year": y, "wage": w, "months": m} for y, w, m in history]
    claim: dict[str, Any] = {"event": "old_age", "wage_history": wage_history}
    months = sum(m for _, _, m in history)
    if months < 180:
        claim["contribution_months"] = 180
        months = 180
    answer = _jp(**claim)
    assert answer["eligible"] is True
    assert answer["monthly"] is True
    (part,) = answer["components"]
    accrual = Fraction(str(parameter("jp.benefit.accrual_rate").value_at(_dt.date(2026, 4, 1))))
    low = parameter("jp.benefit.minimum").value_at(_dt.date(2026, 4, 1))
    high = parameter("jp.benefit.maximum").value_at(_dt.date(2026, 4, 1))
    formula = _indexed_average(history, 2026) * accrual * months / 12
    expected = min(max(_half_up(formula), int(str(low))), int(str(high)))
    assert part["amount"] == expected
    # the inflation figures used are cited beside the regulation
    assert "Pasal 17 ayat (3)" in part["basis"]


def test_the_contribution_months_default_to_those_of_the_wage_history() -> None:
    history = [
        {"year": 2024, "wage": 5_000_000, "months": 12},
        {"year": 2025, "wage": 5_000_000, "months": 12},
    ]
    answer = _jp(event="old_age", wage_history=history, balance=7_500_000)
    assert answer["eligible"] is True
    assert answer["total"] == 7_500_000
    (note,) = answer["notes"]
    assert note["code"] == "lump_sum"
    assert note["messages"]["en"].startswith("24 contribution months")


def test_a_wage_year_after_the_claim_date_is_refused_naming_the_entry() -> None:
    history = [
        {"year": 2025, "wage": 5_000_000, "months": 12},
        {"year": 2027, "wage": 5_000_000, "months": 12},
    ]
    with pytest.raises(InvalidInputError, match=r"2027 is after the claim date") as caught:
        _jp(event="old_age", contribution_months=180, wage_history=history)
    assert caught.value.field == "claim.wage_history[1].year"


def test_a_wage_history_without_months_is_refused() -> None:
    history = [{"year": 2025, "wage": 5_000_000, "months": 0}]
    with pytest.raises(InvalidInputError, match="has no months") as caught:
        _jp(event="old_age", contribution_months=180, wage_history=history)
    assert caught.value.field == "claim.wage_history"


def test_before_the_pension_age_there_is_no_old_age_pension() -> None:
    answer = _jp(
        event="old_age",
        contribution_months=180,
        average_indexed_wage=5_000_000,
        birth_date="1990-01-01",
    )
    assert answer["eligible"] is False
    assert answer["components"] == []
    (reason,) = answer["reasons"]
    assert reason["code"] == "pension_age"
    assert "PP 45/2015 Pasal 15" in reason["basis"]
    # the date the age is reached, in both languages
    assert "2055" in reason["messages"]["en"]
    assert "2055" in reason["messages"]["id"]


def test_before_the_pension_age_a_short_record_is_not_paid_as_a_lump_sum_either() -> None:
    answer = _jp(
        event="old_age", contribution_months=100, balance=9_000_000, birth_date="1990-01-01"
    )
    assert answer["eligible"] is False
    assert [r["code"] for r in answer["reasons"]] == ["pension_age"]
    assert [n["code"] for n in answer["notes"]] == ["lump_sum"]


def test_a_survivor_with_low_contribution_density_gets_the_lump_sum_and_needs_the_balance() -> None:
    # 20 contribution months over 110 months of membership: below the density that counts
    # the period as 15 years, so the balance is paid at once, and the balance is needed
    answer = _jp(event="death", contribution_months=20, membership_months=110)
    assert answer["eligible"] is False
    assert answer["missing"] == ["balance"]
    assert [n["code"] for n in answer["notes"]] == ["lump_sum"]
    assert "20" in answer["notes"][0]["messages"]["en"]


def test_a_full_record_without_any_wage_asks_for_the_average_wage() -> None:
    answer = _jp(event="old_age", contribution_months=180)
    assert answer["eligible"] is False
    assert answer["missing"] == ["average_indexed_wage"]
